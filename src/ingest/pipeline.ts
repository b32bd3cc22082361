/**
 * The ingest pipeline for one decoded source: lines → entries → clean
 * entries → documents with metadata and language. Pure: no I/O, so the
 * same function serves files, fetched pages and tests.
 */
import path from 'node:path';
import type { DateBasis, IngestedDocument, ManifestRow, RawSource } from '../domain/document.js';
import { type BoilerplateRules, defaultBoilerplateRules, repetitionKey } from './boilerplate.js';
import { cleanEntry } from './clean.js';
import { findDates } from './dates.js';
import { type Entry, type PreparedLine, splitEntries } from './entries.js';
import { extractHtml, type HtmlExtract } from './html.js';
import { detectLanguage, SUPPORTED_LANGUAGES } from './language.js';
import type { ManifestSlot } from './manifest.js';
import { plainAsIs, splitLines, stripMarkdown } from './markup.js';

const MAX_TITLE_CHARS = 300;
/** Where a date in the text may stand in for a missing dateline. */
const TEXT_DATE_WINDOW = 600;

export interface PipelineOptions {
  detect: (text: string) => string;
  rules?: BoilerplateRules;
  manifest?: ManifestSlot;
  warnings?: string[];
  /** One document whatever the text holds (a post republishing an article). */
  single?: boolean;
  /** The language the source declares, used when the text is too short to tell. */
  languageHint?: string;
  /** A date the source states outright (a post's created_at): it beats any dateline. */
  knownDate?: string;
}

export function processSource(raw: RawSource, options: PipelineOptions): IngestedDocument[] {
  const rules = options.rules ?? defaultBoilerplateRules();
  const html = raw.mediaType === 'html' ? extractHtml(raw.decoded) : null;
  const lines = html
    ? prepareExtractedLines(html.text, raw.decoded)
    : prepareMarkdownLines(raw.decoded);
  const entries = options.single
    ? [{ number: null, header: null, headerLines: [], lines }]
    : splitEntries(lines);
  const repeated = repeatedLines(entries);
  const split = entries.length > 1;
  const file = baseName(raw.location);
  const documents: IngestedDocument[] = [];

  for (const entry of entries) {
    const clean = cleanEntry(entry, rules, repeated, html?.title ?? null);
    if (clean.text.trim() === '') continue;
    const own =
      split && entry.number !== null ? options.manifest?.entries.get(entry.number) : undefined;
    // A whole-file manifest row speaks for a single document outright, but
    // for a split page only fills what an entry does not say itself.
    const fileRow = options.manifest?.file;
    const override = own ?? (split ? undefined : fileRow);
    const fallback = split ? fileRow : undefined;

    const { date, dateBasis } = options.knownDate
      ? { date: options.knownDate, dateBasis: 'metadata' as const }
      : pickDate(clean.date, html, own ?? fileRow, clean.text);
    const detected = detectLanguage(options.detect, clean.text);
    const language = detected === 'und' && options.languageHint ? options.languageHint : detected;
    const notes: Record<string, string> = { ...fallback?.notes, ...override?.notes };
    if (entry.header?.sharedBy) notes.sharedBy = entry.header.sharedBy;
    if (entry.header?.sharedOn) notes.sharedOn = entry.header.sharedOn;
    if (Object.keys(clean.removed).length > 0) notes.removed = JSON.stringify(clean.removed);

    const first = entry.headerLines[0] ?? entry.lines[0];
    const last = entry.lines[entry.lines.length - 1];
    documents.push({
      path: split && entry.number !== null ? `${raw.location}#${entry.number}` : raw.location,
      file,
      entry: split ? entry.number : null,
      // A single page's own metadata title (og:title, JSON-LD headline) beats
      // its first short line, which Readability leaves once it drops the <h1>.
      title: metadataText(
        override?.title ??
          (html && !split ? (html.title ?? clean.title) : (clean.title ?? html?.title)) ??
          fallback?.title,
      ),
      author: metadataText(override?.author ?? clean.author ?? html?.author ?? fallback?.author),
      date,
      dateBasis,
      source:
        override?.source ??
        fallback?.source ??
        clean.datelineSource ??
        html?.siteName ??
        hostOf(raw.location),
      url: override?.url ?? fallback?.url ?? (isUrl(raw.location) ? raw.location : null),
      language,
      languageSupported: SUPPORTED_LANGUAGES.has(language),
      text: clean.text,
      offsetMap: clean.offsetMap,
      rawStart: html ? 0 : (first?.rawStart ?? 0),
      rawEnd: html ? raw.decoded.length : (last?.rawStart ?? 0) + (last?.source.length ?? 0),
      notes,
      warnings: [...(options.warnings ?? [])],
    });
  }
  return documents;
}

function pickDate(
  own: string | null,
  html: HtmlExtract | null,
  manifestRow: ManifestRow | undefined,
  text: string,
): { date: string | null; dateBasis: DateBasis | null } {
  if (own) return { date: own, dateBasis: 'dateline' };
  if (html?.date) return { date: html.date, dateBasis: 'metadata' };
  if (manifestRow?.date) return { date: manifestRow.date, dateBasis: 'manifest' };
  const inText = findDates(text.slice(0, TEXT_DATE_WINDOW))[0];
  if (inText) return { date: inText.iso, dateBasis: 'text' };
  return { date: null, dateBasis: null };
}

/** Lines that recur in two or more entries of one page are page furniture. */
function repeatedLines(entries: Entry[]): Set<string> {
  const repeated = new Set<string>();
  if (entries.length < 2) return repeated;
  const seenIn = new Map<string, number>();
  for (const entry of entries) {
    const keys = new Set(
      entry.lines.map((l) => repetitionKey(l.plain.text)).filter((k) => k.length >= 3),
    );
    for (const key of keys) seenIn.set(key, (seenIn.get(key) ?? 0) + 1);
  }
  for (const [key, count] of seenIn) if (count >= 2) repeated.add(key);
  return repeated;
}

function prepareMarkdownLines(decoded: string): PreparedLine[] {
  return splitLines(decoded).map((line) => ({
    index: line.index,
    rawStart: line.rawStart,
    source: line.text,
    plain: stripMarkdown(line.text),
  }));
}

/**
 * Lines of text extracted from HTML have no exact raw position: each is
 * looked up in the raw HTML, in order, and mapped where it stands verbatim
 * (text with entities or inline tags stays unmapped).
 */
function prepareExtractedLines(text: string, rawHtml: string): PreparedLine[] {
  let cursor = 0;
  return splitLines(text).map((line) => {
    const plain = plainAsIs(line.text);
    let rawStart: number | null = null;
    if (plain.text !== '') {
      const at = rawHtml.indexOf(plain.text, cursor);
      if (at !== -1) {
        rawStart = at - (plain.segments[0]?.rawStart ?? 0);
        cursor = at + plain.text.length;
      }
    }
    return { index: line.index, rawStart, source: line.text, plain };
  });
}

/** Metadata is one line of plain spaces (no-break spaces included), bounded. */
function metadataText(text: string | null | undefined, max = MAX_TITLE_CHARS): string | null {
  if (text === null || text === undefined) return null;
  const folded = text.replace(/\s+/g, ' ').trim();
  if (folded === '') return null;
  return folded.length <= max ? folded : `${folded.slice(0, max - 1).trimEnd()}…`;
}

function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

function hostOf(location: string): string | null {
  if (!isUrl(location)) return null;
  try {
    return new URL(location).hostname;
  } catch {
    return null;
  }
}

function baseName(location: string): string {
  if (isUrl(location)) {
    try {
      const segments = new URL(location).pathname.split('/').filter(Boolean);
      return segments[segments.length - 1] ?? new URL(location).hostname;
    } catch {
      return location;
    }
  }
  return path.basename(location);
}
