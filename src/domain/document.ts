/**
 * Domain values of the ingest stage. Every later stage (extract, network,
 * interfaces) reads documents in this shape, so it lives in one place.
 */

/** Where a document's date came from, in order of precedence. */
export type DateBasis = 'dateline' | 'metadata' | 'manifest' | 'text';

/**
 * One stretch of clean text copied from the decoded raw text:
 * clean[cleanStart, cleanStart+length) === raw[rawStart, rawStart+length).
 * Offsets are UTF-16 code units (JavaScript string indices) on both sides.
 */
export interface OffsetSegment {
  cleanStart: number;
  rawStart: number;
  length: number;
}

/** A document as the ingest pipeline produces it, before it is stored. */
export interface IngestedDocument {
  /** Absolute path or URL, with `#N` for the N-th entry of a split page. */
  path: string;
  /** Base name of the file (or last URL segment). */
  file: string;
  /** 1-based entry number when the page was split, else null. */
  entry: number | null;
  title: string | null;
  author: string | null;
  /** ISO date, as precise as known: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string | null;
  dateBasis: DateBasis | null;
  source: string | null;
  url: string | null;
  /** ISO 639-1 code (or 'und' when the text is too short to tell). */
  language: string;
  /** False when later stages cannot read this language and skip it. */
  languageSupported: boolean;
  /** The text later stages read: boilerplate removed, Markdown reduced. */
  text: string;
  /** Maps clean offsets back into the decoded raw text. */
  offsetMap: OffsetSegment[];
  /** Range of this entry inside the decoded raw text of its file. */
  rawStart: number;
  rawEnd: number;
  /** Extra metadata: manifest keys the schema does not know, boosts, etc. */
  notes: Record<string, string>;
  /** Non-fatal problems met while reading this document. */
  warnings: string[];
}

/** The file (or fetched page) a set of documents came from. */
export interface RawSource {
  /** Absolute path or URL. */
  location: string;
  bytes: Uint8Array;
  /** Encoding the bytes were decoded with (e.g. utf-8, windows-1252). */
  encoding: string;
  /** The decoded raw text that offset maps point into. */
  decoded: string;
  mediaType: 'text' | 'markdown' | 'html';
}

/** A stored document, as `greatgame docs --json` prints it. */
export interface StoredDocument {
  id: number;
  path: string;
  file: string;
  entry: number | null;
  title: string | null;
  author: string | null;
  date: string | null;
  dateBasis: DateBasis | null;
  source: string | null;
  url: string | null;
  language: string;
  languageSupported: boolean;
  duplicateOf: number | null;
  chars: number;
  contentHash: string;
  notes: Record<string, string>;
  warnings: string[];
}

/** Metadata a manifest row supplies for a file or for one entry of it. */
export interface ManifestRow {
  /** The file as the manifest names it (relative to the manifest, `#N` removed). */
  file: string;
  /** The N of `file#N`, when the row is for one entry only. */
  entry: number | null;
  date?: string;
  source?: string;
  author?: string;
  url?: string;
  title?: string;
  /** Any other keys, kept as notes. */
  notes: Record<string, string>;
  /** Where the row came from, for messages: `manifest.jsonl:3`. */
  origin: string;
}
