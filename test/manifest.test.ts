import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InvalidDataError } from '../src/domain/errors.js';
import { loadManifest, manifestRowsFor } from '../src/ingest/manifest.js';

function manifestFile(name: string, text: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'gg-manifest-')), name);
  writeFileSync(file, text);
  return file;
}

describe('manifests', () => {
  it('reads JSONL rows for files and for entries, keeping unknown keys as notes', () => {
    const file = manifestFile(
      'm.jsonl',
      '{"file": "a.txt", "date": "2021-09", "source": "Column", "basis": "internal evidence"}\n\n{"file": "page.txt#2", "author": "Desk"}\n',
    );
    const manifest = loadManifest(file);
    const base = path.dirname(file);
    const a = manifestRowsFor(manifest, path.join(base, 'a.txt'));
    expect(a?.file).toMatchObject({
      date: '2021-09',
      source: 'Column',
      notes: { basis: 'internal evidence' },
    });
    expect(manifestRowsFor(manifest, path.join(base, 'page.txt'))?.entries.get(2)?.author).toBe(
      'Desk',
    );
  });

  it('matches files in a folder beside the manifest by their path inside it', () => {
    const manifest = loadManifest(
      manifestFile('seeds.manifest.jsonl', '{"file": "x/a.txt", "date": "2020"}\n'),
    );
    expect(manifestRowsFor(manifest, '/elsewhere/seeds/x/a.txt')?.file?.date).toBe('2020');
    expect(manifestRowsFor(manifest, '/elsewhere/seeds/y/a.txt')).toBeUndefined();
  });

  it('reads CSV', () => {
    const file = manifestFile('m.csv', 'file,date,title\n"b.md",2024-03-27,"Quoted, title"\n');
    expect(
      manifestRowsFor(loadManifest(file), path.join(path.dirname(file), 'b.md'))?.file?.title,
    ).toBe('Quoted, title');
  });

  it.each([
    ['{"date": "2021"}', /m\.jsonl:1: field "file" is missing/],
    [
      '{"file": "a.txt"}\n{"file": "b.txt", "date": "next week"}',
      /m\.jsonl:2: field "date" is not a date/,
    ],
    ['{"file": "a.txt"', /m\.jsonl:1: not valid JSON/],
    ['["a.txt"]', /m\.jsonl:1: each line must be a JSON object/],
  ])('names the line and field of a malformed row: %s', (text, message) => {
    const file = manifestFile('m.jsonl', text);
    expect(() => loadManifest(file)).toThrow(InvalidDataError);
    expect(() => loadManifest(file)).toThrow(message);
  });
});
