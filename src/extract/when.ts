/**
 * When a relation holds: a date the sentence gives ("in 2014", "in
 * December", "last summer", "on 20 January"), resolved against the
 * document's date; null when the sentence gives none (the caller then uses
 * the document's date). A month without a year is the latest such month
 * not after the document; seasons are taken as their middle month; "two
 * weeks ago", "last month" and "yesterday" count back from the document.
 */
import { findDates } from '../ingest/dates.js';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const SEASONS: Record<string, number> = { spring: 4, summer: 7, autumn: 10, fall: 10, winter: 1 };

export function sentenceDate(sentence: string, docDate: string | null): string | null {
  const explicit = findDates(sentence)[0];
  if (explicit) return explicit.iso;
  const docYear = docDate ? Number(docDate.slice(0, 4)) : null;
  const docMonth = docDate && docDate.length >= 7 ? Number(docDate.slice(5, 7)) : null;

  const season =
    /\b(last|this|next)?\s*(spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?((?:19|20)\d{2}))?\b/i.exec(
      sentence,
    );
  if (season) {
    const month = SEASONS[(season[2] as string).toLowerCase()] as number;
    if (season[3]) return `${season[3]}-${pad(month)}`;
    if (docYear !== null && season[1]) {
      const which = (season[1] as string).toLowerCase();
      const year =
        which === 'last'
          ? docMonth !== null && docMonth > month
            ? docYear
            : docYear - 1
          : which === 'next'
            ? docYear + 1
            : docYear;
      return `${year}-${pad(month)}`;
    }
  }
  const monthYear = new RegExp(
    `\\b(?:in|since|during|by|until|from|of|last)\\s+(${MONTHS.join('|')})(?:\\s+((?:19|20)\\d{2}))?\\b`,
    'i',
  ).exec(sentence);
  if (monthYear) {
    const month = MONTHS.indexOf((monthYear[1] as string).toLowerCase()) + 1;
    if (monthYear[2]) return `${monthYear[2]}-${pad(month)}`;
    if (docYear !== null) {
      const year = docMonth !== null && month > docMonth ? docYear - 1 : docYear;
      return `${year}-${pad(month)}`;
    }
  }
  const year = /\b(?:in|since|during|by|until|from|of|early|late|mid-?)\s*((?:19|20)\d{2})\b/i.exec(
    sentence,
  );
  if (year) return year[1] as string;
  const lastYear = /\blast year\b/i.exec(sentence);
  if (lastYear && docYear !== null) return String(docYear - 1);
  return docDate ? relativeDate(sentence, docDate) : null;
}

const COUNTS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  'a couple of': 2,
  'a few': 3,
};
const AGO = new RegExp(
  `\\b(${Object.keys(COUNTS).join('|')}|\\d{1,2})\\s+(day|week|month)s?\\s+ago\\b`,
  'i',
);

/**
 * Dates counted back from the document's own ("yesterday", "two weeks ago",
 * "last month"): as precise as both allow — a day only from a dated day,
 * else the month.
 */
function relativeDate(sentence: string, docDate: string): string | null {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(docDate);
  const month = /^\d{4}-\d{2}/.test(docDate);
  if (!month) return null;
  const base = new Date(`${docDate.slice(0, 7)}-${day ? docDate.slice(8, 10) : '15'}T00:00:00Z`);
  if (day && /\byesterday\b/i.test(sentence)) return iso(shiftDays(base, -1), true);
  if (/\blast month\b/i.test(sentence)) return iso(shiftMonths(base, -1), false);
  if (/\bthis month\b/i.test(sentence)) return docDate.slice(0, 7);
  const ago = AGO.exec(sentence);
  if (!ago) return null;
  const count = COUNTS[(ago[1] as string).toLowerCase()] ?? Number(ago[1]);
  const unit = (ago[2] as string).toLowerCase();
  if (unit === 'month') return iso(shiftMonths(base, -count), false);
  const back = shiftDays(base, -(unit === 'week' ? 7 * count : count));
  return iso(back, day && unit === 'day');
}

function shiftDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

function shiftMonths(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
}

function iso(date: Date, withDay: boolean): string {
  const text = date.toISOString();
  return withDay ? text.slice(0, 10) : text.slice(0, 7);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
