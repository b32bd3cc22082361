/**
 * The reference corpus, read as a user would: `greatgame ingest` on the
 * seeds folder, then `greatgame docs --json` and `greatgame show`.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { SEEDS_DIR, SEEDS_MANIFEST, seedsAvailable } from './helpers/corpus.js';

interface DocJson {
  id: number;
  path: string;
  file: string;
  entry: number | null;
  title: string | null;
  author: string | null;
  date: string | null;
  source: string | null;
  language: string;
  languageSupported: boolean;
  duplicateOf: number | null;
  chars: number;
  notes: Record<string, string>;
}

const available = seedsAvailable();

function ingestSeeds(withManifest: boolean): {
  docs: DocJson[];
  store: string;
  texts: Map<number, string>;
} {
  const store = path.join(mkdtempSync(path.join(os.tmpdir(), 'gg-seeds-')), 'store.db');
  const args = ['ingest', SEEDS_DIR, '--store', store, '--json'];
  if (withManifest) args.push('--manifest', SEEDS_MANIFEST);
  const ingest = runCli(args);
  expect(ingest.stderr).toBe('');
  expect(ingest.code).toBe(0);
  const docs = JSON.parse(runCli(['docs', '--json', '--store', store]).stdout) as DocJson[];
  const texts = new Map<number, string>();
  for (const doc of docs) {
    const shown = JSON.parse(
      runCli(['show', String(doc.id), '--json', '--store', store]).stdout,
    ) as { text: string };
    texts.set(doc.id, shown.text);
  }
  return { docs, store, texts };
}

const byFile = (docs: DocJson[], prefix: string) => docs.filter((d) => d.file.startsWith(prefix));

describe.skipIf(!available)('the seed corpus without a manifest', () => {
  let docs: DocJson[];
  let texts: Map<number, string>;
  beforeAll(() => {
    ({ docs, texts } = ingestSeeds(false));
  });

  it('finds the dateline, byline and headline of 000', () => {
    const [doc] = byFile(docs, '000_');
    expect(doc?.date).toBe('2019-09-06');
    expect(doc?.author).toBe('Andrew Korybko');
    expect(doc?.title).toBe('A US-Taliban Peace Deal Would Redefine the Regional Balance of Power');
    expect(doc?.entry).toBeNull();
  });

  it('splits 002 into five dated articles with their own titles and authors', () => {
    const entries = byFile(docs, '002_').filter((d) => d.language === 'en');
    expect(entries.map((d) => d.date)).toEqual([
      '2025-04-19',
      '2025-03-11',
      '2025-02-12',
      '2025-01-26',
      '2025-01-11',
    ]);
    expect(entries.map((d) => d.entry)).toEqual([1, 2, 3, 4, 5]);
    expect(entries.every((d) => d.author === 'Andrew Korybko')).toBe(true);
    expect(new Set(entries.map((d) => d.title)).size).toBe(5);
    expect(entries[3]?.title).toBe('2025 Might Be A Difficult Year For Sino-Pak Ties');
    for (const doc of entries) {
      expect(doc.path).toBe(`${path.join(SEEDS_DIR, doc.file)}#${doc.entry}`);
      // the repeated title line is collapsed: the title opens the text once
      const text = (texts.get(doc.id) ?? '').replace(/[^\S\n]/g, ' ');
      expect(text.startsWith(doc.title ?? '')).toBe(true);
      expect(text.indexOf(doc.title ?? '', 1)).toBe(-1);
    }
  });

  it('splits off the four Tamil posts, dated by their originals, and links the two that differ in a link', () => {
    const posts = byFile(docs, '002_').filter((d) => d.language !== 'en');
    expect(posts).toHaveLength(4);
    expect(posts.map((d) => d.entry)).toEqual([6, 7, 8, 9]);
    expect(posts.map((d) => d.date)).toEqual([
      '2021-08-30',
      '2021-08-23',
      '2021-08-20',
      '2021-08-14',
    ]);
    expect(posts.every((d) => d.language === 'ta' && !d.languageSupported)).toBe(true);
    // the booster's name is not the author; the original's author is, un-glued from the handle
    expect(posts[1]?.author).toBe('CPIM Tamilnadu');
    expect(posts[1]?.notes.sharedBy).toBe('The Pigeon Express');
    expect(posts[0]?.author).toBeNull();
    expect(posts[0]?.notes.sharedBy).toBe('Bernardo Dainese');
    const [first, second] = [posts[1], posts[2]];
    expect(second?.duplicateOf).toBe(first?.id);
    expect(posts.filter((d) => d.duplicateOf !== null)).toHaveLength(1);
  });

  it('leaves no furniture in any clean text', () => {
    const furniture = [
      /disclaimer/i,
      /share (?:buttons|with your friends)/i,
      /originally published/i,
      /copyright/i,
      /courses in 1/i,
      /your email address will not be published/i,
      /leave a comment/i,
      /what's your reaction/i,
      /^(\w+) \1$/m,
      /political analyst specializing/i, // the author bio
      /the writer can be reached/i,
      /client info|^server:|^repository:/im,
      /^#\w+(?: #\w+)*$/m, // hashtag-only lines
      /\]\(#\)|\]\(https?:/, // Markdown links
      /^region:|^theme:/im,
      /^\d+ comments$/im,
    ];
    for (const [id, text] of texts) {
      for (const pattern of furniture) {
        expect(pattern.test(text), `document ${id} still holds ${pattern}`).toBe(false);
      }
    }
  });

  it('gives 001, 003 and 004 no date: the text states none and the file time is never used', () => {
    for (const prefix of ['001_', '003_', '004_']) expect(byFile(docs, prefix)[0]?.date).toBeNull();
  });
});

describe.skipIf(!available)('the seed corpus with its manifest', () => {
  let plain: DocJson[];
  let withManifest: DocJson[];
  beforeAll(() => {
    plain = ingestSeeds(false).docs;
    withManifest = ingestSeeds(true).docs;
  });

  it('takes the dates of 001, 003 and 004 from the manifest', () => {
    expect(byFile(withManifest, '001_')[0]?.date).toBe('2021-09');
    expect(byFile(withManifest, '003_')[0]?.date).toBe('2025-07');
    expect(byFile(withManifest, '004_')[0]?.date).toBe('2021-07');
  });

  it('changes nothing that the files state themselves', () => {
    const keep = (docs: DocJson[]) =>
      docs
        .filter((d) => !/^00[134]_/.test(d.file))
        .map((d) => ({
          path: d.path,
          title: d.title,
          author: d.author,
          date: d.date,
          dup: d.duplicateOf,
          lang: d.language,
        }));
    expect(keep(withManifest)).toEqual(keep(plain));
  });

  it('keeps manifest keys it does not know as notes', () => {
    expect(byFile(withManifest, '003_')[0]?.notes.date_basis).toMatch(/recognition/);
    expect(byFile(withManifest, '001_')[0]?.author).toBe('Mahar Munawar');
  });
});
