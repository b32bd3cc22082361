/**
 * When a relation holds: a date the sentence gives ("in 2014", "in
 * December", "last summer", "on 20 January"), resolved against the
 * document's date; null when the sentence gives none (the caller then uses
 * the document's date). A month without a year is the latest such month
 * not after the document; seasons are taken as their middle month.
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
  return null;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
