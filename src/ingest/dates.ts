/**
 * Publication dates. chrono-node finds and parses the date; the rules here
 * only decide whether a line is a *dateline* (a line that states when the
 * entry was published) rather than a sentence that happens to hold a date.
 */
import * as chrono from 'chrono-node';

export interface FoundDate {
  /** ISO date as precise as the text: YYYY-MM-DD or YYYY-MM. */
  iso: string;
  /** Where the date text starts and ends in the line. */
  start: number;
  end: number;
}

export type DatelineKind = 'bare' | 'published' | 'source' | 'wire';

export interface Dateline {
  date: FoundDate;
  kind: DatelineKind;
  /** For "Outlet, September 6, 2019": the outlet. */
  source: string | null;
}

const PUBLISHED_PREFIX =
  /^(?:(?:originally |first )?(?:published|posted|updated|last updated|date|dated|released|issued)(?:\s+on)?)\s*[:\-–—]?\s*$/i;
/** "Global Research," or "The Outlet |": a short capitalised name. */
const SOURCE_PREFIX = /^([\p{Lu}][\p{L}\p{N}&.'’ -]{1,60}?)\s*[,|·•–—-]\s*$/u;
/** "ISLAMABAD," or "KABUL, Afghanistan,": a wire-story place in capitals. */
const WIRE_PREFIX = /^([\p{Lu}][\p{Lu} .'’-]{2,40})(?:,\s*[\p{L} ]{2,30})?,\s*$/u;
/** What may follow a wire dateline: "(Agency) -" and then the story. */
const WIRE_SUFFIX = /^\s*(?:\([^)]{1,60}\))?\s*[-–—:]+\s*/;

/** Parses every explicit calendar date (with a year) in a piece of text. */
export function findDates(text: string, reference?: Date): FoundDate[] {
  const found: FoundDate[] = [];
  if (!/\d{4}/.test(text)) return found; // no year, no calendar date: skip the parser
  for (const r of chrono.strict.parse(text, reference ?? new Date(Date.UTC(2000, 0, 1)))) {
    if (!r.start.isCertain('year') || !r.start.isCertain('month')) continue;
    // "a couple of weeks ago" is certain only against the reference day, which
    // is not the article's: a calendar date spells its year out.
    if (!/\d{4}/.test(r.text)) continue;
    const year = r.start.get('year');
    const month = r.start.get('month');
    if (year === null || month === null || year < 1000 || year > 2999) continue;
    const day = r.start.isCertain('day') ? r.start.get('day') : null;
    const iso = day === null ? `${year}-${pad(month)}` : `${year}-${pad(month)}-${pad(day)}`;
    found.push({ iso, start: r.index, end: r.index + r.text.length });
  }
  return found;
}

/** A line that says when its entry was published, or null. */
export function parseDateline(line: string): Dateline | null {
  const text = line.trim();
  if (text.length === 0 || text.length > 120) return null;
  const dates = findDates(text);
  if (dates.length !== 1) return null;
  const date = dates[0] as FoundDate;
  const before = text.slice(0, date.start).trim();
  const after = text.slice(date.end).trim();

  if (before === '' && isTrailingNoise(after)) return { date, kind: 'bare', source: null };
  if (PUBLISHED_PREFIX.test(before) && isTrailingNoise(after))
    return { date, kind: 'published', source: null };
  if (WIRE_PREFIX.test(before) && WIRE_SUFFIX.test(text.slice(date.end)))
    return { date, kind: 'wire', source: null };
  const source = SOURCE_PREFIX.exec(before);
  if (source && isTrailingNoise(after) && (source[1] ?? '').split(/\s+/).length <= 6) {
    return { date, kind: 'source', source: (source[1] ?? '').trim() };
  }
  return null;
}

/**
 * A wire dateline opens the story's first paragraph ("KABUL, June 5, 2023
 * (Agency) - The …"); only the head of the line is looked at.
 */
export function parseWireDateline(line: string): Dateline | null {
  const head = /^[^\n]{0,80}?\d{4}\s*(?:\([^)]{1,60}\))?\s*[-–—:]+/.exec(line.trim());
  if (!head) return null;
  const parsed = parseDateline(head[0]);
  return parsed?.kind === 'wire' ? parsed : null;
}

/** A line that is nothing but a date ("2025-04-19", "October 7, 2024"). */
export function parseBareDate(line: string): FoundDate | null {
  const parsed = parseDateline(line);
  return parsed?.kind === 'bare' ? parsed.date : null;
}

/** Leftovers after a dateline's date that do not make it a sentence. */
function isTrailingNoise(after: string): boolean {
  if (after === '') return true;
  // "| 5 min read", "(updated)", "UTC", "- 10:15 AM"
  return after.length <= 24 && !/[.!?]$/.test(after) && after.split(/\s+/).length <= 4;
}

/** Normalises a manifest or metadata date ("2021-09", "2019-09-06T10:00Z"). */
export function normaliseIsoDate(value: string): string | null {
  const text = value.trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    text,
  );
  if (iso) {
    const [, y, m, d] = iso;
    if (m && (Number(m) < 1 || Number(m) > 12)) return null;
    if (d && (Number(d) < 1 || Number(d) > 31)) return null;
    // A timestamp with a zone names the local publication day; keep that day.
    return [y, m, d].filter(Boolean).join('-');
  }
  const found = findDates(text);
  return found.length === 1 ? (found[0] as FoundDate).iso : null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
