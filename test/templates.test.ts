/**
 * The cleaning rules must generalise beyond the reference corpus: pages in
 * other templates (written for these tests, with their own wording of the
 * furniture) go through the same pipeline, and every expectation in
 * fixtures/templates/expected.json must hold.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestedDocument } from '../src/domain/document.js';
import { decodeBytes } from '../src/ingest/decode.js';
import { languageDetector } from '../src/ingest/language.js';
import { processSource } from '../src/ingest/pipeline.js';
import { mediaTypeOf } from '../src/sources/files.js';

interface ExpectedEntry {
  title: string;
  author: string | null;
  date: string;
  mustContain: string[];
  mustNotContain: string[];
}

const DIR = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'templates');
const expected = JSON.parse(readFileSync(path.join(DIR, 'expected.json'), 'utf8')) as {
  file: string;
  entries: ExpectedEntry[];
}[];

let detect: (text: string) => string;
beforeAll(async () => {
  detect = await languageDetector();
});

function read(file: string): { docs: IngestedDocument[]; decoded: string } {
  const location = path.join(DIR, file);
  const bytes = new Uint8Array(readFileSync(location));
  const decoded = decodeBytes(bytes);
  const mediaType = mediaTypeOf(file) ?? 'text';
  const docs = processSource(
    { location, bytes, encoding: decoded.encoding, decoded: decoded.text, mediaType },
    { detect },
  );
  return { docs, decoded: decoded.text };
}

describe.each(expected)('$file', ({ file, entries }) => {
  it(`reads ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'} with their title, author and date`, () => {
    const { docs } = read(file);
    expect(docs.map((d) => ({ title: d.title, author: d.author, date: d.date }))).toEqual(
      entries.map((e) => ({ title: e.title, author: e.author, date: e.date })),
    );
    if (entries.length > 1) expect(docs.map((d) => d.entry)).toEqual(entries.map((_, i) => i + 1));
  });

  it('keeps the body and drops the furniture', () => {
    const { docs } = read(file);
    docs.forEach((doc, i) => {
      const entry = entries[i] as ExpectedEntry;
      for (const phrase of entry.mustContain)
        expect(doc.text, `kept: ${phrase}`).toContain(phrase.replace(/\*\*/g, ''));
      for (const phrase of entry.mustNotContain)
        expect(doc.text, `dropped: ${phrase}`).not.toContain(phrase);
      expect(doc.language).toBe('en');
    });
  });

  it('maps every clean character it can back to the same raw character', () => {
    const { docs, decoded } = read(file);
    for (const doc of docs) {
      expect(doc.offsetMap.length).toBeGreaterThan(0);
      let covered = 0;
      for (const seg of doc.offsetMap) {
        expect(doc.text.slice(seg.cleanStart, seg.cleanStart + seg.length)).toBe(
          decoded.slice(seg.rawStart, seg.rawStart + seg.length),
        );
        covered += seg.length;
      }
      const letters = doc.text.replace(/\s/g, '').length;
      // Markdown and text map completely; HTML wherever text stands verbatim.
      if (!file.endsWith('.html') && !file.endsWith('.htm'))
        expect(covered).toBe(doc.text.replace(/\n/g, '').length);
      else expect(covered / letters).toBeGreaterThan(0.5);
    }
  });
});
