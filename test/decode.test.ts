import { describe, expect, it } from 'vitest';
import { DecodeError, decodeBytes } from '../src/ingest/decode.js';

const enc = new TextEncoder();

describe('decodeBytes', () => {
  it('reads UTF-8 (with or without BOM) without warnings, and folds CRLF', () => {
    expect(decodeBytes(enc.encode('Peshawar\r\nQuetta'))).toEqual({
      text: 'Peshawar\nQuetta',
      encoding: 'utf-8',
      warnings: [],
    });
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode('Kabul')])).text).toBe(
      'Kabul',
    );
  });

  it('reads Latin-1 / Windows-1252 with a warning', () => {
    const bytes = new Uint8Array([
      ...enc.encode('Caf'),
      0xe9,
      ...enc.encode(' in Herat, the r'),
      0xe9,
      ...enc.encode('gime said.'),
    ]);
    const decoded = decodeBytes(bytes);
    expect(decoded.text).toBe('Café in Herat, the régime said.');
    expect(decoded.warnings.join()).toMatch(/not valid UTF-8/);
  });

  it("reads Windows-1252's quotes and dashes (0x80–0x9F) as the characters they are", () => {
    // “Peace” — said Kabul’s envoy (0x93 0x94 0x97 0x92), not C1 control codes.
    const bytes = new Uint8Array([
      0x93,
      ...enc.encode('Peace'),
      0x94,
      0x20,
      0x97,
      ...enc.encode(' said Kabul'),
      0x92,
      ...enc.encode('s envoy, for '),
      0x80,
      ...enc.encode('5m.'),
    ]);
    const decoded = decodeBytes(bytes);
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toBe('\u201cPeace\u201d \u2014 said Kabul\u2019s envoy, for \u20ac5m.');
  });

  it('reads UTF-16 with and without a byte order mark', () => {
    const text = 'Islamabad and Kabul';
    const le = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) le[i * 2] = text.charCodeAt(i);
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, ...le])).text).toBe(text);
    const bomless = decodeBytes(le);
    expect(bomless.text).toBe(text);
    expect(bomless.encoding).toBe('utf-16le');
  });

  it.each([
    ['empty', new Uint8Array(), /empty/],
    ['white space only', enc.encode('  \n\t '), /empty/],
    [
      'binary',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]),
      /binary/,
    ],
  ])('refuses %s input', (_name, bytes, reason) => {
    expect(() => decodeBytes(bytes)).toThrow(DecodeError);
    expect(() => decodeBytes(bytes)).toThrow(reason);
  });
});
