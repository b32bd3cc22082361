/**
 * Fetched bytes to text. The charset the server declares (Content-Type)
 * or the document declares (XML declaration, <meta charset>) is believed
 * when it decodes cleanly; otherwise the file path's decoder guesses.
 */
import { type Decoded, decodeBytes } from '../../ingest/decode.js';

const DECLARATION_WINDOW = 1024;

export function declaredCharset(contentType: string | null, bytes: Uint8Array): string | null {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const head = Buffer.from(bytes.subarray(0, DECLARATION_WINDOW)).toString('latin1');
  const fromXml = /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1];
  if (fromXml) return fromXml.toLowerCase();
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head)?.[1];
  return fromMeta ? fromMeta.toLowerCase() : null;
}

/** Decodes with the declared charset when it fits; throws DecodeError like decodeBytes. */
export function decodeFetched(bytes: Uint8Array, contentType: string | null): Decoded {
  const declared = declaredCharset(contentType, bytes);
  const hasBom =
    (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) ||
    (bytes[0] === 0xff && bytes[1] === 0xfe) ||
    (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (declared && !hasBom && !/^utf-?8$/.test(declared)) {
    try {
      const encoding = new TextDecoder(declared).encoding;
      const text = fixWindows1252(
        new TextDecoder(declared, { fatal: true }).decode(bytes),
        encoding,
      );
      if (text.trim() !== '') return { text: text.replace(/\r\n?/g, '\n'), encoding, warnings: [] };
    } catch {
      // an unknown or wrong label: fall back to the guess below
    }
  }
  const decoded = decodeBytes(bytes);
  return { ...decoded, text: fixWindows1252(decoded.text, decoded.encoding) };
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
