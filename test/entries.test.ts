import { describe, expect, it } from 'vitest';
import { type PreparedLine, splitEntries, splitGluedHandle } from '../src/ingest/entries.js';
import { splitLines, stripMarkdown } from '../src/ingest/markup.js';

function prepare(text: string): PreparedLine[] {
  return splitLines(text).map((l) => ({
    index: l.index,
    rawStart: l.rawStart,
    source: l.text,
    plain: stripMarkdown(l.text),
  }));
}

describe('splitGluedHandle', () => {
  it.each([
    ['The Frontier Postthefrontierpost', 'The Frontier Post', 'thefrontierpost'],
    ['Amina Yusufzaiayusufzai', 'Amina Yusufzai', 'ayusufzai'],
    ['Kabul Watchkabulwatch_af', 'Kabul Watch', 'kabulwatch_af'],
    ['Samina Qureshi', 'Samina Qureshi', null],
    ['NATO', 'NATO', null],
  ])('%s', (glued, name, handle) => {
    expect(splitGluedHandle(glued)).toEqual({ name, handle });
  });
});

describe('splitEntries', () => {
  it('keeps a single article whole, whatever dates it mentions', () => {
    const text =
      '# Title\n\n2024-01-02\n\nA paragraph about talks in Doha.\n\nAnother paragraph on 2024-01-05 events.';
    expect(splitEntries(prepare(text))).toHaveLength(1);
  });

  it('splits at date headers and reads who posted and who shared', () => {
    const text = [
      'Site name',
      '',
      '2024-02-01',
      '',
      'First article title',
      '',
      'Body of the first article.',
      '',
      'Kabul Watchkabulwatch',
      '2024-01-20',
      'Border Desk Newsborderdesknews',
      '2024-01-19',
      '',
      'A shared post about the border.',
      '',
      '2024-01-10',
      '',
      'A post with no name shown.',
    ].join('\n');
    const entries = splitEntries(prepare(text));
    expect(entries.map((e) => e.number)).toEqual([1, 2, 3]);
    expect(entries.map((e) => e.header?.dates.at(-1))).toEqual([
      '2024-02-01',
      '2024-01-19',
      '2024-01-10',
    ]);
    expect(entries[1]?.header).toMatchObject({
      author: 'Border Desk News',
      sharedBy: 'Kabul Watch',
      sharedOn: '2024-01-20',
    });
    expect(entries[2]?.header?.author).toBeNull();
    expect(entries[0]?.lines.map((l) => l.plain.text).filter(Boolean)).toEqual([
      'First article title',
      'Body of the first article.',
    ]);
  });
});
