/**
 * A forecast's horizon: the last day by which it should have come true.
 * An explicit period in the sentence ("by 2026", "by March 2027", "within
 * two years", "in the next six months", "next year") resolved against the
 * document's date; else the default, DEFAULT_HORIZON_YEARS after it.
 */
import { findDates } from '../ingest/dates.js';
import { dateBounds } from '../network/aggregate.js';

/** Commentary rarely states a horizon; two years covers most "will" claims. */
export const DEFAULT_HORIZON_YEARS = 2;

export interface Horizon {
  date: string;
  basis: 'explicit' | 'default';
  /** The words that set it, when explicit. */
  phrase: string | null;
}

const NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  'a couple of': 2,
  'a few': 3,
  few: 3,
  several: 3,
};
const NUMBER = `(\\d{1,3}|a couple of|a few|few|several|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)`;
const UNIT = '(day|week|month|year|decade)s?';
const SPAN = new RegExp(
  `\\b(?:within|in|over|during)\\s+(?:the\\s+)?(?:next\\s+|coming\\s+)?${NUMBER}\\s+${UNIT}\\b`,
  'i',
);
const NEXT_SPAN = new RegExp(
  `\\b(?:within|in|over|during)\\s+the\\s+(?:next|coming)\\s+(days|weeks|months|year|decade)\\b`,
  'i',
);
const BY_YEAR =
  /\b(by|before|until|no later than)\s+(?:the\s+)?(?:(end|middle|start|beginning)\s+of\s+|(mid|early|late)-?\s*)?((?:19|20)\d{2})\b(?!\s*-\d)/i;
const MONTHS =
  'january|february|march|april|may|june|july|august|september|october|november|december';
const BY_MONTH = new RegExp(
  `\\b(?:by|before|until|no later than)\\s+(?:the\\s+end\\s+of\\s+)?(${MONTHS})\\s+((?:19|20)\\d{2})\\b`,
  'i',
);
const BY_DATE = /\b(?:by|before|until|no later than)\s+(?:the\s+end\s+of\s+)?/gi;
const RELATIVE = /\b(next|this|the\s+coming)\s+(year|month)\b/i;
const IN_YEAR = /\b(?:in|during)\s+(?:(mid|early|late)-?\s*)?((?:19|20)\d{2})\b(?!\s*-\d)/i;

/**
 * The horizon of a forecast made on `madeOn` (ISO, possibly partial) whose
 * sentence is `text`; null when the document's date is unknown.
 */
export function horizonOf(text: string, madeOn: string | null): Horizon | null {
  if (!madeOn) return null;
  const [madeStart, madeEnd] = dateBounds(madeOn);
  const explicit = explicitHorizon(text, madeEnd);
  if (explicit && explicit.date > madeStart) return { ...explicit, basis: 'explicit' };
  return { date: addMonths(madeEnd, 12 * DEFAULT_HORIZON_YEARS), basis: 'default', phrase: null };
}

function explicitHorizon(text: string, ref: string): { date: string; phrase: string } | null {
  const flat = text.replace(/\s+/g, ' ');
  const refYear = Number(ref.slice(0, 4));

  const byYear = BY_YEAR.exec(flat);
  if (byYear) {
    const year = Number(byYear[4]);
    const part = (byYear[2] ?? byYear[3] ?? 'end').toLowerCase();
    const before = (byYear[1] as string).toLowerCase() === 'before' && !byYear[2] && !byYear[3];
    const date = before ? `${year - 1}-12-31` : partOfYear(year, part);
    return { date, phrase: byYear[0] };
  }
  // "by March 2027": the end of that month.
  const byMonth = BY_MONTH.exec(flat);
  if (byMonth) {
    const month = MONTHS.split('|').indexOf((byMonth[1] as string).toLowerCase()) + 1;
    const date = dateBounds(`${byMonth[2]}-${String(month).padStart(2, '0')}`)[1];
    return { date, phrase: byMonth[0] };
  }
  // "by 1 May 2026": the calendar date right after the preposition.
  for (const m of flat.matchAll(BY_DATE)) {
    const after = flat.slice(m.index + m[0].length);
    const found = findDates(after)[0];
    if (found && found.start === 0) {
      return { date: dateBounds(found.iso)[1], phrase: m[0] + after.slice(0, found.end) };
    }
  }
  const span = SPAN.exec(flat);
  if (span) {
    const n = NUMBERS[(span[1] as string).toLowerCase()] ?? Number(span[1]);
    return { date: addUnits(ref, n, (span[2] as string).toLowerCase()), phrase: span[0] };
  }
  const next = NEXT_SPAN.exec(flat);
  if (next) {
    // "in the coming months": a year; "in the coming weeks": three months.
    const unit = (next[1] as string).toLowerCase();
    const months = { days: 1, weeks: 3, months: 12, year: 12, decade: 120 }[unit] ?? 12;
    return { date: addMonths(ref, months), phrase: next[0] };
  }
  const relative = RELATIVE.exec(flat);
  if (relative) {
    const which = (relative[1] as string).toLowerCase();
    const offset = which === 'this' ? 0 : 1;
    if ((relative[2] as string).toLowerCase() === 'year')
      return { date: `${refYear + offset}-12-31`, phrase: relative[0] };
    const month = dateBounds(addMonths(ref, offset).slice(0, 7))[1];
    return { date: month, phrase: relative[0] };
  }
  // "in 2027": a year not before the document's is when it should happen.
  const inYear = IN_YEAR.exec(flat);
  if (inYear && Number(inYear[2]) >= refYear)
    return {
      date: partOfYear(Number(inYear[2]), inYear[1]?.toLowerCase() ?? 'end'),
      phrase: inYear[0],
    };
  return null;
}

function partOfYear(year: number, part: string): string {
  if (part === 'mid' || part === 'middle') return `${year}-06-30`;
  if (part === 'early' || part === 'start' || part === 'beginning') return `${year}-03-31`;
  return `${year}-12-31`;
}

function addUnits(date: string, n: number, unit: string): string {
  if (unit === 'day') return addDays(date, n);
  if (unit === 'week') return addDays(date, 7 * n);
  if (unit === 'month') return addMonths(date, n);
  if (unit === 'decade') return addMonths(date, 120 * n);
  return addMonths(date, 12 * n);
}

function addDays(date: string, n: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Calendar months later, the day clamped to the month's end (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, n: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d ?? 1, last);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
