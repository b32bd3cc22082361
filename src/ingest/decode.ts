/**
 * Bytes to text. UTF-8 is tried first (strictly); otherwise the charset is
 * guessed with `chardet` and decoded with the WHATWG TextDecoder that Node
 * ships, with a warning, so a Latin-1 or UTF-16 file is read, not refused.
 */
import chardet from 'chardet';

export interface Decoded {
  text: string;
  encoding: string;
  warnings: string[];
}

/** Why a file cannot be read as text; the caller names the file. */
export class DecodeError extends Error {}

/** Share of control characters above which the bytes are not text. */
const MAX_CONTROL_SHARE = 0.02;
/** Share of undecodable characters (U+FFFD) above which we give up. */
const MAX_REPLACEMENT_SHARE = 0.01;

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) throw new DecodeError('empty file');

  const bom = detectBom(bytes);
  if (bom) {
    const text = new TextDecoder(bom.encoding).decode(bytes.subarray(bom.length));
    return finish(
      text,
      bom.encoding,
      bom.encoding === 'utf-8' ? [] : [`decoded as ${bom.encoding} (byte order mark)`],
    );
  }

  const utf16 = guessBomlessUtf16(bytes);
  if (utf16) {
    const text = new TextDecoder(utf16).decode(bytes);
    return finish(text, utf16, [
      `decoded as ${utf16} (no byte order mark; guessed from zero bytes)`,
    ]);
  }

  if (bytes.includes(0)) throw new DecodeError('binary content (zero bytes), not a text document');

  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return finish(text, 'utf-8', []);
  } catch {
    // not UTF-8: guess below
  }

  const guessed = normaliseCharset(chardet.detect(bytes));
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(guessed);
  } catch {
    throw new DecodeError(`not UTF-8, and the guessed charset "${guessed}" cannot be decoded`);
  }
  const text = fixWindows1252(decoder.decode(bytes), decoder.encoding);
  return finish(text, guessed, [`not valid UTF-8: decoded as ${guessed}`]);
}

function finish(text: string, encoding: string, warnings: string[]): Decoded {
  if (text.trim().length === 0) throw new DecodeError('empty file (only white space)');
  let control = 0;
  let replacement = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0xfffd) replacement++;
    else if (code < 32 && code !== 9 && code !== 10 && code !== 13 && code !== 12) control++;
  }
  if (control / text.length > MAX_CONTROL_SHARE) {
    throw new DecodeError(
      `binary content (${control} control characters in ${text.length}), not a text document`,
    );
  }
  if (replacement / text.length > MAX_REPLACEMENT_SHARE) {
    throw new DecodeError(
      `cannot be decoded as ${encoding}: ${replacement} of ${text.length} characters are undecodable`,
    );
  }
  if (replacement > 0) {
    const first = text.indexOf('\ufffd');
    warnings.push(
      `${replacement} undecodable character(s) replaced with U+FFFD, the first at offset ${first}`,
    );
  }
  return { text: text.replace(/\r\n?/g, '\n'), encoding, warnings };
}

function detectBom(bytes: Uint8Array): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/**
 * ASCII-range text in UTF-16 without a BOM has a zero in every other byte;
 * binary files have zeros scattered anywhere.
 */
function guessBomlessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const sample = Math.min(bytes.length, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) evenZeros++;
      else oddZeros++;
    }
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.4 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros === 0) return 'utf-16be';
  return undefined;
}

/** chardet names → names TextDecoder knows; Latin-1 is read as its superset. */
function normaliseCharset(name: string | null): string {
  if (!name) return 'windows-1252';
  const lower = name.toLowerCase();
  if (lower === 'iso-8859-1' || lower === 'ascii') return 'windows-1252';
  return lower;
}

// Windows-1252's 0x80–0x9F as Unicode (WHATWG Encoding table); undefined
// bytes stay as they are.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152,
  0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Node 20's TextDecoder reads windows-1252 as ISO-8859-1 (0x97 becomes
 * U+0097, not an em dash); this puts the right characters back. One code
 * unit for one, so offsets into the text do not move.
 */
export function fixWindows1252(text: string, encoding: string): string {
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\u0080-\u009f]/g, (c) =>
    String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)),
  );
}
