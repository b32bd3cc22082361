/**
 * One entry to clean text and metadata. The head of the entry is read for
 * its title, byline and dateline; then every line is either kept or dropped
 * as furniture, and the kept lines are joined with an offset map back to
 * the raw text.
 */
import type { OffsetSegment } from '../domain/document.js';
import { type BoilerplateRules, isAuthorBio, matchRule, repetitionKey } from './boilerplate.js';
import { findDates, parseDateline, parseWireDateline } from './dates.js';
import type { Entry, PreparedLine } from './entries.js';

export interface CleanEntry {
  title: string | null;
  author: string | null;
  /** The entry's own date (header or dateline), if it states one. */
  date: string | null;
  /** "Outlet" of an "Outlet, September 6, 2019" dateline. */
  datelineSource: string | null;
  text: string;
  offsetMap: OffsetSegment[];
  /** Ids of the rules that removed lines, with counts: for `show` and tests. */
  removed: Record<string, number>;
}

/** Lines examined for title, byline and dateline. */
const HEAD_LINES = 8;
/** A line longer than this is body text, not a title. */
const MAX_TITLE_CHARS = 250;
const BYLINE = /^(?:by|written by|words by|author\s*:)\s+(.{2,120})$/i;

export function cleanEntry(
  entry: Entry,
  rules: BoilerplateRules,
  repeated: Set<string>,
  knownTitle: string | null,
): CleanEntry {
  const removed: Record<string, number> = {};
  const drop = (why: string) => {
    removed[why] = (removed[why] ?? 0) + 1;
  };
  let title: string | null = null;
  let titleKey: string | null = null;
  let author = entry.header?.author ?? null;
  let date = entry.header?.dates.at(-1) ?? null;
  let datelineSource: string | null = null;

  const nonBlank = entry.lines.filter((l) => l.plain.text !== '');
  const total = nonBlank.reduce((n, l) => n + l.plain.text.length, 0);
  const kept: PreparedLine[] = [];
  let seen = 0;
  let charsBefore = 0;
  let inHead = true;

  for (const line of nonBlank) {
    const plain = line.plain.text;
    const key = repetitionKey(plain);
    const position = total === 0 ? 0 : charsBefore / total;
    charsBefore += plain.length;
    seen++;

    if (inHead) {
      const byline = BYLINE.exec(plain);
      const name = byline ? bylineName(byline[1] ?? '') : null;
      if (name) {
        author ??= name;
        if (!date) date = findDates(byline?.[1] ?? '')[0]?.iso ?? null;
        drop('byline');
        continue;
      }
      const dateline = parseDateline(plain);
      if (dateline && dateline.kind !== 'wire') {
        date ??= dateline.date.iso;
        datelineSource ??= dateline.source;
        drop('dateline');
        continue;
      }
      if (title !== null && key === titleKey) {
        drop('repeated-title');
        continue;
      }
    }

    const rule = matchRule(plain, rules);
    if (rule) {
      if (rule.scope === 'footer' && position >= rules.minFooterShare) {
        drop(`${rule.id}+rest`);
        break;
      }
      drop(rule.id);
      continue;
    }
    if (isAuthorBio(plain, author)) {
      drop('author-bio');
      continue;
    }
    if (repeated.has(key)) {
      drop('repeated-across-entries');
      continue;
    }

    if (inHead) {
      if (title === null && (plain.length <= MAX_TITLE_CHARS || key === knownKey(knownTitle))) {
        title = plain;
        titleKey = key;
      } else if (!date) {
        date = parseWireDateline(plain)?.date.iso ?? null;
      }
      if (plain.length > MAX_TITLE_CHARS || seen >= HEAD_LINES) inHead = false;
    }
    kept.push(line);
  }

  const { text, offsetMap } = joinLines(kept);
  return { title, author, date, datelineSource, text, offsetMap, removed };
}

function knownKey(title: string | null): string | null {
  return title ? repetitionKey(title) : null;
}

/** "Jane Roe", "[Jane Roe](#) | Outlet" → "Jane Roe"; a sentence → null. */
function bylineName(text: string): string | null {
  const name = (text.split(/\s*(?:[|·•–—]|,\s|\bon\s+\w+\s+\d)\s*/)[0] ?? '').trim();
  if (!/^\p{Lu}/u.test(name) || (/[.!?]$/.test(name) && !/\b\p{Lu}\.$/u.test(name))) return null;
  if (name.split(/\s+/).length > 6) return null;
  return name;
}

/** Kept lines into one text: lines adjacent in the source stay adjacent. */
function joinLines(lines: PreparedLine[]): { text: string; offsetMap: OffsetSegment[] } {
  let text = '';
  const offsetMap: OffsetSegment[] = [];
  let previous = -2;
  for (const line of lines) {
    if (text !== '') text += line.index === previous + 1 ? '\n' : '\n\n';
    if (line.rawStart !== null) {
      for (const seg of line.plain.segments) {
        offsetMap.push({
          cleanStart: text.length + seg.cleanStart,
          rawStart: line.rawStart + seg.rawStart,
          length: seg.length,
        });
      }
    }
    text += line.plain.text;
    previous = line.index;
  }
  return { text, offsetMap };
}
