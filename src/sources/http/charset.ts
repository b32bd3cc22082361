/**
 * Fetched bytes to text. The charset the server declares (Content-Type)
 * or the document declares (XML declaration, <meta charset>) is believed
 * when it decodes cleanly; otherwise the file path's decoder guesses.
 */
import { type Decoded, decodeBytes, fixWindows1252 } from '../../ingest/decode.js';

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
  return decodeBytes(bytes);
}
