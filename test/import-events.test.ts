/**
 * `greatgame import` as analysts use it: ICEWS, GDELT and PLOVER files in,
 * relations of their own layer out, with provenance; malformed rows named by
 * line and skipped; the same event once; PLOVER out and back in unchanged.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventActorResolver } from '../src/import/actors.js';
import { icewsHeader, parseIcews } from '../src/import/icews.js';
import { loadEventActorTables } from '../src/import/mapping.js';
import { loadKnowledgeBase } from '../src/knowledge/actors.js';
import { buildStateIndex } from '../src/knowledge/states.js';
import { runCli } from './helpers/cli.js';
import { REPO_ROOT, SHARED_DIR } from './helpers/corpus.js';
import type { ImportSummary } from '../src/import/run.js';

const ICEWS = path.join(SHARED_DIR, 'data', 'event-data', 'icews-2018-sample.tab');
const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'event-data');
const GDELT = path.join(FIXTURES, 'gdelt-sample.tsv');
const PLOVER = path.join(FIXTURES, 'plover-sample.jsonl');

function store(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'gg-import-')), 'store.db');
}

/** What `import --json` prints. */
type Summary = ImportSummary;

interface RelationJson {
  doc: string;
  source: string;
  target: string;
  polarity: number;
  kind: string;
  modality: string;
  date: string;
  symmetric: boolean;
  dataset: string | null;
  eventId?: string;
  event?: { cameo: string | null; intensity: number | null; plover: string };
}

function importJson(db: string, file: string, format: string) {
  const r = runCli(['--store', db, 'import', file, '--format', format, '--json']);
  return { ...r, summary: JSON.parse(r.stdout) as Summary };
}

function relations(db: string, ...extra: string[]): RelationJson[] {
  const r = runCli(['--store', db, 'relations', '--json', ...extra]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as RelationJson[];
}

describe.skipIf(!existsSync(ICEWS))('importing the ICEWS sample', () => {
  it('resolves both actors of at least 95% of the events between states', () => {
    const kb = loadKnowledgeBase();
    const tables = loadEventActorTables();
    const states = buildStateIndex(kb, tables.countries);
    const resolver = new EventActorResolver(kb, states, tables);
    const lines = readFileSync(ICEWS, 'utf8').split('\n').filter(Boolean);
    const columns = icewsHeader(lines[0] as string);
    let between = 0;
    let resolved = 0;
    lines.slice(1).forEach((line, i) => {
      const e = parseIcews(line, i + 2, columns);
      const isState = (c: string | null | undefined) =>
        !!c && states.states.has(tables.countries[c] ?? states.lookup(c) ?? '');
      if (!isState(e.actor?.country) || !isState(e.recipient?.country)) return;
      between++;
      if (resolver.resolve(e.actor!, e.date) && resolver.resolve(e.recipient!, e.date)) resolved++;
    });
    expect(between).toBeGreaterThan(3000);
    expect(resolved / between).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps each event id, date, CAMEO code and intensity; the network shows US–North Korea talks as positive', () => {
    const db = store();
    const first = importJson(db, ICEWS, 'icews');
    expect(first.code).toBe(0);
    expect(first.summary.read).toBe(3705);
    expect(first.summary.imported).toBeGreaterThan(1000);
    expect(first.summary.unsigned).toBeGreaterThan(0);
    // ICEWS codes a consultation once per direction: stored once.
    expect(first.summary.duplicates).toBeGreaterThan(0);
    expect(first.summary.unresolvedNames.map((n) => n.name)).toContain('Unspecified Actor');
    // The time writing to the store is part of the whole, and not nothing.
    expect(first.summary.storeSeconds).toBeGreaterThan(0);
    expect(first.summary.storeSeconds).toBeLessThan(first.summary.seconds);

    const all = relations(db, '--dataset', 'icews');
    const talks = all.find((r) => r.eventId === '32891175');
    expect(talks).toMatchObject({
      source: 'PRK',
      target: 'USA',
      polarity: 1,
      kind: 'CONSULT',
      date: '2018-06-01',
      dataset: 'icews',
      symmetric: true,
      event: { cameo: '046', intensity: 7 },
    });
    expect(talks?.doc).toBe(`${ICEWS}#event=32891175`);
    // Unsigned events (statements) are kept but only listed on request.
    expect(all.some((r) => r.polarity === 0)).toBe(false);
    const withUnsigned = relations(db, '--dataset', 'icews', '--unsigned');
    expect(withUnsigned.filter((r) => r.polarity === 0)).toHaveLength(first.summary.unsigned);

    const net = runCli(['--store', db, 'network', '--at', '2018-06-01', '--dataset', 'icews']);
    const network = JSON.parse(net.stdout) as {
      edges: { source: string; target: string; sign: number }[];
    };
    expect(network.edges.find((e) => e.source === 'PRK' && e.target === 'USA')?.sign).toBe(1);

    // Re-importing the same file adds nothing.
    const again = importJson(db, ICEWS, 'icews');
    expect(again.summary.imported).toBe(0);
    expect(relations(db, '--dataset', 'icews')).toHaveLength(all.length);
  });
});

describe('importing GDELT and PLOVER files with malformed rows', () => {
  it('reports each malformed GDELT row by line and field, skips it, and loses nothing else', () => {
    const db = store();
    const { code, summary, stderr } = importJson(db, GDELT, 'gdelt');
    expect(code).toBe(1);
    expect(summary.failures.map((f) => [f.line, f.field])).toEqual([
      [30, 'columns'],
      [31, 'SQLDATE'],
      [32, 'EventCode'],
    ]);
    expect(stderr).toContain('gdelt-sample.tsv:31: SQLDATE');
    expect(summary.read).toBe(33);
    // Every row is accounted for: stored, duplicate, not storable, or failed.
    expect(
      summary.imported +
        summary.duplicates +
        summary.unresolved +
        summary.internal +
        summary.oneSided +
        summary.failed,
    ).toBe(summary.read);
    expect(summary.unresolvedNames).toEqual([{ name: 'ATLANTIS', events: 1 }]);
    // A repeat under a new id and the reverse direction of a consultation: one event.
    expect(summary.duplicates).toBe(2);
    const stored = relations(db, '--unsigned');
    expect(stored).toHaveLength(summary.imported);
    expect(stored.every((r) => r.dataset === 'gdelt' && r.modality === 'asserted')).toBe(true);
    // The row after the malformed ones is there, and Taliban resolve by their CAMEO group code.
    expect(stored.some((r) => r.eventId === '1000031')).toBe(true);
    expect(stored.some((r) => r.source === 'TAL' || r.target === 'TAL')).toBe(true);
  });

  it('reports each malformed PLOVER line and re-imports its own PLOVER export unchanged', () => {
    const db = store();
    const { code, summary } = importJson(db, PLOVER, 'plover');
    expect(code).toBe(1);
    expect(summary.failures.map((f) => [f.line, f.field])).toEqual([
      [30, 'json'],
      [31, 'id'],
      [32, 'date'],
      [33, 'event'],
      [34, 'json'],
    ]);
    const before = relations(db, '--unsigned');
    expect(before.find((r) => r.eventId === 'pl-last')?.modality).toBe('reported');
    expect(before.find((r) => r.eventId === 'pl-5')?.kind).toBe('CONCEDE'); // RETREAT

    const exported = runCli(['--store', db, 'relations', '--format', 'plover', '--unsigned']);
    expect(exported.code).toBe(0);
    const file = path.join(path.dirname(db), 'export.jsonl');
    writeFileSync(file, exported.stdout);
    const db2 = store();
    const back = importJson(db2, file, 'plover');
    expect(back.code).toBe(0);
    const after = relations(db2, '--unsigned');
    const strip = (rs: RelationJson[]) =>
      rs
        .map((r) => [
          r.eventId,
          r.source,
          r.target,
          r.polarity,
          r.kind,
          r.modality,
          r.date,
          r.symmetric,
        ])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(strip(after)).toEqual(strip(before));
  });

  it('writes CAMEO-compatible CSV', () => {
    const db = store();
    importJson(db, GDELT, 'gdelt');
    const csv = runCli(['--store', db, 'relations', '--format', 'csv']).stdout.trim().split('\n');
    expect(csv[0]).toMatch(
      /^EventID,EventDate,SourceActor,SourceName,TargetActor,TargetName,EventCode/,
    );
    const header = (csv[0] as string).split(',');
    const row = csv.find((l) => l.startsWith('1000031,'))?.split(',') ?? [];
    expect(row[header.indexOf('EventCode')]).toBe('057');
    expect(row[header.indexOf('QuadClass')]).toBe('1');
  });
});

describe('layers', () => {
  it('keeps imported events out of the extracted layer and compares layers in the report', () => {
    const db = store();
    importJson(db, GDELT, 'gdelt');
    importJson(db, PLOVER, 'plover');
    const gdeltOnly = JSON.parse(
      runCli(['--store', db, 'network', '--dataset', 'gdelt']).stdout,
    ) as { datasets: string[]; edges: unknown[] };
    expect(gdeltOnly.datasets).toEqual(['gdelt']);
    const extracted = JSON.parse(
      runCli(['--store', db, 'network', '--dataset', 'extracted']).stdout,
    ) as { edges: unknown[] };
    expect(extracted.edges).toHaveLength(0);
    expect(runCli(['--store', db, 'network', '--dataset', 'Bad Name']).code).toBe(2);

    // `extract` never touches imported events.
    expect(runCli(['--store', db, 'extract']).code).toBe(0);
    expect(relations(db, '--dataset', 'gdelt').length).toBeGreaterThan(0);

    const out = path.join(path.dirname(db), 'report.html');
    expect(runCli(['--store', db, 'report', '--out', out]).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<section id="layers">');
    // PAK–TAL: positive in the GDELT fixture, negative in the PLOVER one.
    expect(html).toMatch(/\(PAK\) – [^<]*\(TAL\)/);
  });

  it('refuses an unknown format and a missing file', () => {
    const db = store();
    expect(runCli(['--store', db, 'import', GDELT, '--format', 'acled']).code).toBe(2);
    expect(runCli(['--store', db, 'import', '/no/such/file.tsv', '--format', 'gdelt']).code).toBe(
      3,
    );
  });
});
