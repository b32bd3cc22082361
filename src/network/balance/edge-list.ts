/**
 * Reads a signed edge list in CSV: a header with `source,target,sign` (or
 * `from,to,sign`) and optional `weight`, `begin` and `end` columns; one row
 * per edge. Rows keep their line numbers for later error messages.
 *
 * Dated rows hold over the half-open interval [begin, end); a missing begin
 * or end is open. `at` selects the rows that hold in that year, the way the
 * WWI alliance sequence of Antal, Krapivsky & Redner ("Social balance on
 * networks: the dynamics of friendship and enmity", Physica D 224, 2006,
 * 130–136) is snapshotted.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { InvalidDataError } from '../../domain/errors.js';
import type { EdgeRow } from './signed-graph.js';

/** Column names accepted for each field, first match wins. */
export const EDGE_LIST_COLUMNS = {
  source: ['source', 'from'],
  target: ['target', 'to'],
  sign: ['sign'],
  weight: ['weight'],
  begin: ['begin'],
  end: ['end'],
} as const;

export interface DatedEdgeRow extends EdgeRow {
  readonly sign: 1 | -1;
  readonly weight: number | undefined;
  readonly begin: number | undefined;
  readonly end: number | undefined;
  readonly line: number;
}

export interface EdgeListOptions {
  /** Keep only rows with begin <= at < end (missing bounds are open). */
  readonly at?: number | undefined;
  /** File name for error messages. */
  readonly file?: string | undefined;
}

/** Parses CSV text into edge rows; malformed rows name the line and field. */
export function parseEdgeList(text: string, options: EdgeListOptions = {}): DatedEdgeRow[] {
  const fn = 'parseEdgeList';
  const prefix = `${fn}: ${options.file ? `${options.file}: ` : ''}`;
  const { at } = options;
  if (at !== undefined && !Number.isFinite(at)) {
    throw new InvalidDataError(`${prefix}at must be a finite number, got ${String(at)}`);
  }
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      info: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as typeof records;
  } catch (error) {
    throw new InvalidDataError(`${prefix}${(error as Error).message}`);
  }
  const header = headerFields(text);
  const column = (field: keyof typeof EDGE_LIST_COLUMNS): string | undefined =>
    EDGE_LIST_COLUMNS[field].find((name) => header.includes(name));
  const need = (field: 'source' | 'target' | 'sign'): string => {
    const name = column(field);
    if (!name) {
      throw new InvalidDataError(
        `${prefix}line 1: no ${EDGE_LIST_COLUMNS[field].join(' or ')} column in the header`,
      );
    }
    return name;
  };
  const cols = {
    source: need('source'),
    target: need('target'),
    sign: need('sign'),
    weight: column('weight'),
    begin: column('begin'),
    end: column('end'),
  };

  const rows: DatedEdgeRow[] = [];
  for (const { record, info } of records) {
    const line = info.lines;
    const bad = (field: string, why: string): never => {
      throw new InvalidDataError(`${prefix}line ${line}: ${field}: ${why}`);
    };
    const source = record[cols.source] ?? '';
    const target = record[cols.target] ?? '';
    if (source === '') bad(cols.source, 'the node id is missing');
    if (target === '') bad(cols.target, 'the node id is missing');
    const sign = parseSign(record[cols.sign], (why) => bad(cols.sign, why));
    const weight = cols.weight
      ? parseWeight(record[cols.weight], (why) => bad('weight', why))
      : undefined;
    const begin = cols.begin
      ? parseYear(record[cols.begin], (why) => bad('begin', why))
      : undefined;
    const end = cols.end ? parseYear(record[cols.end], (why) => bad('end', why)) : undefined;
    if (begin !== undefined && end !== undefined && !(begin < end)) {
      bad('end', `the interval [${begin}, ${end}) is empty (end must be after begin)`);
    }
    if (at !== undefined) {
      if (begin !== undefined && at < begin) continue;
      if (end !== undefined && at >= end) continue;
    }
    rows.push({ source, target, sign, weight, begin, end, line });
  }
  return rows;
}

function headerFields(text: string): string[] {
  const first = parseCsv(text, { to_line: 1, bom: true, trim: true }) as string[][];
  return (first[0] ?? []).map((h) => h.trim().toLowerCase());
}

function parseSign(raw: string | undefined, bad: (why: string) => never): 1 | -1 {
  const value = (raw ?? '').trim();
  if (value === '') return bad('the sign is missing (an edge needs +1 or -1; none is assumed)');
  if (value === '1' || value === '+1' || value === '+') return 1;
  if (value === '-1' || value === '-' || value === '\u22121') return -1;
  return bad(`the sign must be +1 or -1, got ${JSON.stringify(value)}`);
}

function parseWeight(raw: string | undefined, bad: (why: string) => never): number | undefined {
  const value = (raw ?? '').trim();
  if (value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    return bad(
      `the weight must be a number > 0 (the sign column carries the sign), got ${JSON.stringify(value)}`,
    );
  }
  return n;
}

function parseYear(raw: string | undefined, bad: (why: string) => never): number | undefined {
  const value = (raw ?? '').trim();
  if (value === '' || value.toUpperCase() === 'NA') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) return bad(`expected a number (a year), got ${JSON.stringify(value)}`);
  return n;
}
