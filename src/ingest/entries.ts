/**
 * Pages that hold several entries (an archive page, a digest, a social
 * timeline rendered to text) are split where an entry header stands: a
 * short block of lines, set off by blank lines, made only of dates and
 * names — "2025-04-19", or a post's "Display Namehandle / 2021-08-24".
 * Two or more such headers make a multi-entry page; one is just a dateline.
 */
import { parseBareDate } from './dates.js';
import type { PlainLine } from './markup.js';

export interface PreparedLine {
  /** Position among the file's lines. */
  index: number;
  rawStart: number | null;
  /** The line as written (markup included). */
  source: string;
  plain: PlainLine;
}

export interface EntryHeader {
  /** Dates in the header, in order ("boosted on", then "posted on"). */
  dates: string[];
  /** Who posted the entry, when the header shows it. */
  author: string | null;
  /** Who shared (boosted) it, when that is someone else. */
  sharedBy: string | null;
  sharedOn: string | null;
}

export interface Entry {
  /** 1-based number on a split page, null for a single-entry document. */
  number: number | null;
  header: EntryHeader | null;
  /** The header's lines (dates and names), already read into `header`. */
  headerLines: PreparedLine[];
  lines: PreparedLine[];
}

const MAX_HEADER_LINES = 6;
const MAX_NAME_LINES = 3;
/** Text before the first header shorter than this is page furniture. */
const MIN_PREAMBLE_CHARS = 300;

export function splitEntries(lines: PreparedLine[]): Entry[] {
  const headers = findHeaderBlocks(lines);
  if (headers.length < 2) return [{ number: null, header: null, headerLines: [], lines }];

  const entries: Entry[] = [];
  const firstStart = headers[0]?.start ?? 0;
  const preamble = lines.slice(0, firstStart);
  if (preamble.reduce((n, l) => n + l.plain.text.length, 0) >= MIN_PREAMBLE_CHARS) {
    entries.push({ number: 0, header: null, headerLines: [], lines: preamble });
  }
  headers.forEach((block, i) => {
    const next = headers[i + 1];
    entries.push({
      number: 0,
      header: readHeader(lines.slice(block.start, block.end)),
      headerLines: lines.slice(block.start, block.end),
      lines: lines.slice(block.end, next ? next.start : lines.length),
    });
  });
  entries.forEach((entry, i) => {
    entry.number = i + 1;
  });
  return entries;
}

interface Block {
  start: number;
  end: number;
}

function findHeaderBlocks(lines: PreparedLine[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    if (isBlank(lines[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && !isBlank(lines[j])) j++;
    const block = lines.slice(i, j);
    if (isHeaderBlock(block)) {
      // A header needs an entry under it: some text before the next header.
      const previous = blocks[blocks.length - 1];
      if (previous && !lines.slice(previous.end, i).some((l) => !isBlank(l))) {
        previous.end = j; // two header blocks in a row: one header
      } else {
        blocks.push({ start: i, end: j });
      }
    }
    i = j;
  }
  return blocks.filter((b) => lines.slice(b.end).some((l) => !isBlank(l)));
}

function isBlank(line: PreparedLine | undefined): boolean {
  return !line || line.plain.text.trim() === '';
}

function isHeaderBlock(block: PreparedLine[]): boolean {
  if (block.length === 0 || block.length > MAX_HEADER_LINES) return false;
  let dates = 0;
  let names = 0;
  for (const line of block) {
    if (parseBareDate(line.plain.text)) dates++;
    else if (isNameLine(line.plain.text)) names++;
    else return false;
  }
  return dates >= 1 && names <= MAX_NAME_LINES;
}

/** A display name: short, no sentence punctuation, not a tag or byline. */
export function isNameLine(text: string): boolean {
  const t = text.trim();
  if (t.length < 2 || t.length > 60) return false;
  if (/^[#@]/.test(t) || /^by\s/i.test(t)) return false;
  if (/[.!?:;,]$/.test(t) || /https?:|www\./i.test(t)) return false;
  if (!/\p{L}/u.test(t)) return false;
  return t.split(/\s+/).length <= 6;
}

function readHeader(block: PreparedLine[]): EntryHeader {
  const items = block.map((line) => {
    const date = parseBareDate(line.plain.text);
    return date ? { date: date.iso, name: null } : { date: null, name: line.plain.text.trim() };
  });
  const dates = items.flatMap((item) => (item.date ? [item.date] : []));
  const lastDateAt = items.map((item) => item.date !== null).lastIndexOf(true);
  const beforeLast = items[lastDateAt - 1];
  // The entry's own author stands right above its own (last) date; a name
  // above an earlier date is whoever shared it.
  const author = beforeLast?.name ? splitGluedHandle(beforeLast.name).name : null;
  const first = items[0];
  const sharer = dates.length >= 2 && first?.name ? splitGluedHandle(first.name).name : null;
  return {
    dates,
    author,
    sharedBy: sharer && sharer !== author ? sharer : null,
    sharedOn: sharer && dates.length >= 2 ? (dates[0] ?? null) : null,
  };
}

/**
 * Timeline pages render "Display Name" and "handle" with no space between
 * ("Jane Roejaneroe"). The handle is the lowercase tail that best reuses
 * the words of the name before it; a name with no such tail is left whole.
 */
export function splitGluedHandle(text: string): { name: string; handle: string | null } {
  const words = text.trim().split(/\s+/);
  const last = words.pop() ?? '';
  let best: { score: number; name: string; handle: string } | null = null;
  for (let k = 2; k <= last.length - 3; k++) {
    const handle = last.slice(k);
    if (!/^[a-z0-9_.]+$/.test(handle) || !/[a-z]/.test(handle)) continue;
    const name = [...words, last.slice(0, k)].join(' ');
    const tokens = name
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((t) => t.length >= 2);
    let score = tokens.reduce((sum, t) => sum + (handle.includes(t) ? t.length : 0), 0);
    if (score === 0) continue;
    if (tokens.some((t) => t[0] === handle[0])) score += 0.5;
    score += handle.length / 1000;
    if (!best || score > best.score) best = { score, name, handle };
  }
  return best && best.score >= 3
    ? { name: best.name, handle: best.handle }
    : { name: text.trim(), handle: null };
}
