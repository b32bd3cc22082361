import { describe, expect, it } from 'vitest';
import { stripMarkdown } from '../src/ingest/markup.js';

/** Every kept run must be the same characters as the raw line it maps to. */
function checked(line: string) {
  const plain = stripMarkdown(line);
  for (const seg of plain.segments) {
    expect(plain.text.slice(seg.cleanStart, seg.cleanStart + seg.length)).toBe(
      line.slice(seg.rawStart, seg.rawStart + seg.length),
    );
  }
  return plain.text;
}

describe('stripMarkdown', () => {
  it.each([
    [
      'links keep their text',
      'Kabul said [the talks](https://example.org/a) would resume.',
      'Kabul said the talks would resume.',
    ],
    [
      'placeholder links too',
      'Theme: [Intelligence](#), [Security](#)',
      'Theme: Intelligence, Security',
    ],
    ['headings lose their marks', '## Border talks stall ##', 'Border talks stall'],
    [
      'emphasis markers go',
      '**Disclaimer:** the *views* are __hers__',
      'Disclaimer: the views are hers',
    ],
    ['a whole-line italic', '*Beijing urged restraint.*', 'Beijing urged restraint.'],
    ['escapes keep the character', 'win re-\\*election \\#1', 'win re-*election #1'],
    ['inner underscores are words', 'the snake_case_name stays', 'the snake_case_name stays'],
    ['arithmetic stays', '5 * 3 = 15', '5 * 3 = 15'],
    [
      'images keep word-like alt text',
      '![Map of the Durand Line](map.png) shows it',
      'Map of the Durand Line shows it',
    ],
    ['bullets lose their marker', '- Pakistan closed Torkham', 'Pakistan closed Torkham'],
    [
      'numbered items keep their number',
      '1. Pakistan closed Torkham',
      '1. Pakistan closed Torkham',
    ],
    [
      'autolinks keep the address',
      'see <https://example.org/report>',
      'see https://example.org/report',
    ],
    ['non-Latin text passes through', 'தாலிபான் **கைப்பற்றுகிறது**', 'தாலிபான் கைப்பற்றுகிறது'],
  ])('%s', (_name, line, plain) => {
    expect(checked(line)).toBe(plain);
  });
});
