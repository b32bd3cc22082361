/**
 * Lines and inline Markdown. Pages scraped to text keep Markdown crumbs
 * (links, emphasis, headings); later stages want the words only, and every
 * kept character must still point back to its raw offset. Markdown parsers
 * (remark, markdown-it) build a tree but drop the character-level mapping we
 * need for quotes, so this small scanner is written by hand.
 */
import type { OffsetSegment } from '../domain/document.js';

export interface Line {
  /** The line as it stands in the source text (markup included). */
  text: string;
  /** Offset of the line in the decoded raw text; null when unknown (HTML). */
  rawStart: number | null;
  /** Position among all lines of the file. */
  index: number;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    lines.push({ text: text.slice(start, end), rawStart: start, index: index++ });
    if (end === text.length) break;
    start = end + 1;
  }
  return lines;
}

/** Plain text of a line plus where each kept run came from in the line. */
export interface PlainLine {
  text: string;
  /** cleanStart is relative to `text`, rawStart relative to the line. */
  segments: OffsetSegment[];
}

class SegmentWriter {
  text = '';
  segments: OffsetSegment[] = [];

  copy(source: string, from: number, to: number): void {
    if (to <= from) return;
    const last = this.segments[this.segments.length - 1];
    if (
      last &&
      last.rawStart + last.length === from &&
      last.cleanStart + last.length === this.text.length
    ) {
      last.length += to - from;
    } else {
      this.segments.push({ cleanStart: this.text.length, rawStart: from, length: to - from });
    }
    this.text += source.slice(from, to);
  }
}

const LINK = /!?\[([^\]\n]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)/y;
const AUTOLINK = /<(https?:\/\/[^>\s]+)>/y;
const BLOCK_PREFIX = /^(?:\s{0,3}#{1,6}\s+|\s*>\s?|\s*[-*+]\s+(?=\S)|\s*\d{1,3}[.)]\s+(?=\S))/;

/** Reduces one line of Markdown-flavoured text to its words. */
export function stripMarkdown(line: string): PlainLine {
  const out = new SegmentWriter();
  let i = 0;
  const prefix = BLOCK_PREFIX.exec(line);
  // Ordered-list numbers are words ("1. Pakistan…"), so only headings,
  // quotes and bullets lose their prefix.
  if (prefix && !/\d/.test(prefix[0])) i = prefix[0].length;
  const trailingHashes = /\s+#+\s*$/.exec(line);
  const end = prefix && /#/.test(prefix[0]) && trailingHashes ? trailingHashes.index : line.length;

  let runStart = i;
  const flush = (to: number) => {
    out.copy(line, runStart, to);
  };
  while (i < end) {
    const ch = line[i];
    if (ch === '\\' && i + 1 < end && /[\\`*_{}[\]()#+\-.!|~<>]/.test(line[i + 1] ?? '')) {
      flush(i);
      runStart = i + 1; // keep the escaped character, drop the backslash
      i += 2;
      continue;
    }
    if (ch === '[' || (ch === '!' && line[i + 1] === '[')) {
      LINK.lastIndex = i;
      const m = LINK.exec(line);
      if (m && m.index + m[0].length <= end) {
        flush(i);
        const textStart = i + (ch === '!' ? 2 : 1);
        const inner = m[1] ?? '';
        // Images keep their alt text only when it reads as words.
        if (ch !== '!' || /\p{L}{3}/u.test(inner)) {
          const stripped = stripMarkdown(inner);
          for (const seg of stripped.segments) {
            out.copy(line, textStart + seg.rawStart, textStart + seg.rawStart + seg.length);
          }
        }
        i += m[0].length;
        runStart = i;
        continue;
      }
    }
    if (ch === '<') {
      AUTOLINK.lastIndex = i;
      const m = AUTOLINK.exec(line);
      if (m) {
        flush(i);
        out.copy(line, i + 1, i + 1 + (m[1]?.length ?? 0));
        i += m[0].length;
        runStart = i;
        continue;
      }
    }
    if (ch === '*' || ch === '_' || ch === '`' || ch === '~') {
      let j = i;
      while (j < end && line[j] === ch) j++;
      const run = j - i;
      const before = line[i - 1] ?? ' ';
      const after = j < end ? (line[j] ?? ' ') : ' ';
      // CommonMark's flanking rule, simplified: a marker touches a word on
      // the side it opens or closes, and space or punctuation on the other.
      // So "snake_case", "5 * 3" and a lone "*" stay as they are.
      const canOpen = /\S/.test(after) && /[\s\p{P}]/u.test(before);
      const canClose = /\S/.test(before) && /[\s\p{P}]/u.test(after);
      const isMarker = run <= 3 && (ch !== '~' || run === 2) && (canOpen || canClose);
      if (isMarker) {
        flush(i);
        i = j;
        runStart = i;
        continue;
      }
      i = j;
      continue;
    }
    i++;
  }
  flush(end);
  return trimPlain(out);
}

function trimPlain(out: SegmentWriter): PlainLine {
  const text = out.text;
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  if (lead === 0 && trimmed.length === text.length) return { text, segments: out.segments };
  const segments: OffsetSegment[] = [];
  const stop = lead + trimmed.length;
  for (const seg of out.segments) {
    const from = Math.max(seg.cleanStart, lead);
    const to = Math.min(seg.cleanStart + seg.length, stop);
    if (to <= from) continue;
    segments.push({
      cleanStart: from - lead,
      rawStart: seg.rawStart + (from - seg.cleanStart),
      length: to - from,
    });
  }
  return { text: trimmed, segments };
}

/** Plain text of a line that carries no markup (HTML already reduced). */
export function plainAsIs(line: string): PlainLine {
  const out = new SegmentWriter();
  out.copy(line, 0, line.length);
  return trimPlain(out);
}

/** Straight quotes and folded space, for matching rules against a line. */
export function normaliseForMatch(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}
