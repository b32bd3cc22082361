/**
 * The store: idempotent re-ingest, exact and near-duplicate linking, files
 * that change, and migrations.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadManifest } from '../src/ingest/manifest.js';
import { ingestPaths } from '../src/ingest/run.js';
import { type Db, openStore, schemaVersion } from '../src/store/database.js';
import { DocumentStore } from '../src/store/documents.js';
import { MIGRATIONS } from '../src/store/migrations.js';

const ARTICLE = `# Islamabad and Kabul trade accusations over the border

Published 3 March 2024

Pakistan accused the Taliban government of sheltering fighters of the TTP after a raid on a border post in North Waziristan killed seven soldiers. Officials in Kabul rejected the charge and said Afghan soil is not used against any neighbour.

China urged both sides to settle the dispute through talks, mindful of its investments in the region and of the safety of its engineers working on CPEC projects in Pakistan.

Analysts expect the crossing at Torkham to stay closed for several days while the two governments exchange protests through their embassies.
`;

const OTHER = `# Moscow widens its contacts with the Taliban

2024-05-20

Russia's foreign ministry said it would invite a Taliban delegation to an economic forum in Kazan, a step that Tajikistan viewed with open concern.

Moscow has argued that engagement is the only practical way to press the movement on terrorism, while Dushanbe fears for the ethnic Tajik population in the north of Afghanistan.
`;

let dir: string;
let db: Db;
let store: DocumentStore;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'gg-store-'));
  db = openStore(path.join(dir, 'store.db'));
  store = new DocumentStore(db);
});
afterEach(() => db.close());

function snapshot(): unknown[] {
  return [
    db.prepare('SELECT * FROM documents ORDER BY id').all(),
    db
      .prepare('SELECT location, raw_sha256, input_hash, ingested_at FROM inputs ORDER BY location')
      .all(),
    db.prepare('SELECT * FROM lsh_bands ORDER BY document_id, band').all(),
    db.prepare('SELECT sha256, size FROM blobs ORDER BY sha256').all(),
  ];
}

function write(name: string, text: string): string {
  const file = path.join(dir, 'docs', name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

describe('ingest into the store', () => {
  it('changes nothing when the same ingest runs again', async () => {
    write('a.md', ARTICLE);
    write('b.md', OTHER);
    const first = await ingestPaths(store, [path.join(dir, 'docs')]);
    expect(first).toMatchObject({ new: 2, unchanged: 0, failed: 0 });
    const before = snapshot();
    const second = await ingestPaths(store, [path.join(dir, 'docs')]);
    expect(second).toMatchObject({ new: 0, updated: 0, unchanged: 2, failed: 0 });
    expect(snapshot()).toEqual(before);
  });

  it('links an exact copy (other links, spacing and case) to its first copy and counts it once', async () => {
    write('a.md', ARTICLE);
    write(
      'copy.md',
      ARTICLE.replace('Torkham', '[Torkham](https://example.org/torkham)')
        .replace(/\n\n/g, '\n\n\n')
        .toUpperCase(),
    );
    const summary = await ingestPaths(store, [path.join(dir, 'docs')]);
    expect(summary).toMatchObject({ new: 2, duplicates: 1 });
    const [a, copy] = store.list();
    expect(a?.duplicateOf).toBeNull();
    expect(copy?.duplicateOf).toBe(a?.id);
    expect(store.list({ includeDuplicates: false })).toHaveLength(1);
  });

  it('links a near copy (a sentence edited) but not a different article', async () => {
    // ~200 words where one word differs: word 5-gram Jaccard about 0.95
    const long = `${ARTICLE}\n${OTHER.split('\n').slice(3).join('\n')}`;
    write('a.md', long);
    write('b.md', OTHER);
    write('near.md', long.replace('killed seven soldiers', 'killed eight soldiers'));
    await ingestPaths(store, [path.join(dir, 'docs')]);
    const docs = store.list();
    const byFile = Object.fromEntries(docs.map((d) => [d.file, d]));
    expect(byFile['near.md']?.duplicateOf).toBe(byFile['a.md']?.id);
    expect(byFile['b.md']?.duplicateOf).toBeNull();
  });

  it('finds a copy of a document stored by an earlier run', async () => {
    write('a.md', ARTICLE);
    await ingestPaths(store, [path.join(dir, 'docs', 'a.md')]);
    const later = write('later/a-again.md', ARTICLE);
    const summary = await ingestPaths(store, [later]);
    expect(summary).toMatchObject({ new: 1, duplicates: 1 });
  });

  it('updates a changed file in place, keeping its id', async () => {
    const file = write('a.md', ARTICLE);
    await ingestPaths(store, [file]);
    const [before] = store.list();
    writeFileSync(file, OTHER);
    const summary = await ingestPaths(store, [file]);
    expect(summary).toMatchObject({ new: 0, updated: 1 });
    const [after] = store.list();
    expect(after?.id).toBe(before?.id);
    expect(after?.title).toBe('Moscow widens its contacts with the Taliban');
    expect(after?.date).toBe('2024-05-20');
  });

  it('re-reads a file when its manifest row changes', async () => {
    const file = write('undated.md', OTHER.replace('2024-05-20\n', ''));
    await ingestPaths(store, [file]);
    expect(store.list()[0]?.date).toBeNull();
    const manifestFile = path.join(dir, 'docs', 'manifest.csv');
    writeFileSync(
      manifestFile,
      'file,date,source,desk\nundated.md,2024-05,Example Wire,central asia\n',
    );
    const summary = await ingestPaths(store, [file], { manifest: loadManifest(manifestFile) });
    expect(summary.updated).toBe(1);
    const [doc] = store.list();
    expect(doc).toMatchObject({ date: '2024-05', dateBasis: 'manifest', source: 'Example Wire' });
    expect(doc?.notes.desk).toBe('central asia');
  });

  it('keeps the original bytes and an offset map into them', async () => {
    const file = write('a.md', ARTICLE);
    await ingestPaths(store, [file]);
    const doc = store.get('a.md');
    const raw = new TextDecoder().decode(doc.raw);
    expect(raw).toBe(ARTICLE);
    for (const seg of doc.offsetMap) {
      expect(doc.text.slice(seg.cleanStart, seg.cleanStart + seg.length)).toBe(
        raw.slice(seg.rawStart, seg.rawStart + seg.length),
      );
    }
    expect(doc.text).not.toContain('Published 3 March 2024');
    expect(doc.date).toBe('2024-03-03');
  });
});

describe('the database', () => {
  it('is a WAL-mode SQLite file at the latest schema version', () => {
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
  });

  it('opens again without re-applying migrations', () => {
    const file = path.join(dir, 'again.db');
    openStore(file).close();
    const again = openStore(file);
    expect(
      (again.prepare('SELECT COUNT(*) AS n FROM schema_migrations').get() as { n: number }).n,
    ).toBe(MIGRATIONS.length);
    again.close();
  });
});
