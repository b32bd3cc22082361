/**
 * Material capabilities of states: the Correlates of War composite index of
 * national capability (CINC), a state's share of the world's total of six
 * indicators (military expenditure and personnel, iron and steel, energy,
 * total and urban population), from the National Material Capabilities data
 * set v7.0 (Singer, Bremer & Stuckey 1972; NMC v7.0 codebook). The bundled
 * extract, data/capabilities/nmc-cinc.csv, holds 1990–2022 for every state
 * the knowledge base gives a `cow` code (see data/capabilities/README.md).
 *
 * Actor ids map to COW codes through the knowledge base; actors without one
 * (armed groups, movements, organisations) have no capability: null. A date
 * after the last year of the data carries that year's figure forward, and the
 * figure says so (`carriedForward`, `note`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { DATA_DIR } from '../config/paths.js';
import { InvalidDataError } from '../domain/errors.js';
import { loadKnowledgeBase, type KnowledgeBase } from '../knowledge/actors.js';

export const CINC_SOURCE = 'COW NMC v7.0 (CINC)';
export const DEFAULT_CAPABILITIES_FILE = path.join(DATA_DIR, 'capabilities', 'nmc-cinc.csv');

/** One state-year of the extract; null where the source has -9 / missing. */
export interface CapabilityRow {
  ccode: number;
  year: number;
  cinc: number | null;
  /** Military expenditure, thousands of current US dollars. */
  milex: number | null;
}

/** A state's capability at a date. */
export interface CapabilityFigure {
  /** CINC: the state's share of the world's material capabilities, in [0, 1]. */
  value: number;
  /** The year the figure is from. */
  year: number;
  source: string;
  /** True when the date is after the last year of the data and that year's figure is used. */
  carriedForward: boolean;
  /** Set when carried forward, e.g. "2022 figure carried forward to 2025 (COW NMC v7.0 ends in 2022)". */
  note?: string;
}

export interface CapabilityTable {
  /** First and last year the data covers. */
  firstYear: number;
  lastYear: number;
  source: string;
  /** The figure for an actor at a date (YYYY, YYYY-MM, YYYY-MM-DD or a year number), or null. */
  capabilityOf(actorId: string, date: string | number): CapabilityFigure | null;
  /** The CINC values at one date, as a lookup for `powerShares`. */
  at(date: string | number): (actorId: string) => number | null;
}

export interface LoadCapabilitiesOptions {
  file?: string;
  kb?: KnowledgeBase;
}

/** The rows of a capabilities CSV (ccode,year,cinc[,milex]). */
export function readCapabilityRows(file: string = DEFAULT_CAPABILITIES_FILE): CapabilityRow[] {
  let records: Record<string, string>[];
  try {
    records = parseCsv(readFileSync(file, 'utf8'), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
    }) as Record<string, string>[];
  } catch (error) {
    throw new InvalidDataError(`${file}: ${(error as Error).message}`);
  }
  return records.map((record, i) => {
    const where = `${file}:${i + 2}`;
    const ccode = Number(record.ccode);
    const year = Number(record.year);
    if (!Number.isInteger(ccode) || !Number.isInteger(year)) {
      throw new InvalidDataError(`${where}: ccode and year must be integers`);
    }
    return { ccode, year, cinc: optionalNumber(record.cinc), milex: optionalNumber(record.milex) };
  });
}

function optionalNumber(raw: string | undefined): number | null {
  const value = (raw ?? '').trim();
  if (value === '' || value === '-9' || /^nan$/i.test(value)) return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** The year a date falls in. */
export function yearOf(date: string | number): number {
  if (typeof date === 'number') {
    if (Number.isInteger(date)) return date;
  } else {
    const m = /^(\d{4})(-\d{2}(-\d{2})?)?$/.exec(date.trim());
    if (m) return Number(m[1]);
  }
  throw new InvalidDataError(`a date as YYYY, YYYY-MM or YYYY-MM-DD, got ${JSON.stringify(date)}`);
}

/** The capability table from a CSV and a knowledge base (the bundled ones by default). */
export function loadCapabilities(options: LoadCapabilitiesOptions = {}): CapabilityTable {
  const rows = readCapabilityRows(options.file);
  if (rows.length === 0)
    throw new InvalidDataError(`${options.file ?? DEFAULT_CAPABILITIES_FILE}: no rows`);
  const kb = options.kb ?? loadKnowledgeBase();
  const byKey = new Map<string, CapabilityRow>();
  let firstYear = Number.POSITIVE_INFINITY;
  let lastYear = Number.NEGATIVE_INFINITY;
  for (const row of rows) {
    byKey.set(`${row.ccode}:${row.year}`, row);
    firstYear = Math.min(firstYear, row.year);
    lastYear = Math.max(lastYear, row.year);
  }

  const capabilityOf = (actorId: string, date: string | number): CapabilityFigure | null => {
    const cow = kb.actors.get(actorId)?.cow;
    if (cow === undefined) return null;
    const wanted = yearOf(date);
    const carriedForward = wanted > lastYear;
    const year = carriedForward ? lastYear : wanted;
    const value = byKey.get(`${cow}:${year}`)?.cinc ?? null;
    if (value === null) return null;
    const figure: CapabilityFigure = { value, year, source: CINC_SOURCE, carriedForward };
    if (carriedForward) {
      figure.note = `${year} figure carried forward to ${wanted} (${CINC_SOURCE} ends in ${lastYear})`;
    }
    return figure;
  };

  return {
    firstYear,
    lastYear,
    source: CINC_SOURCE,
    capabilityOf,
    at: (date) => {
      yearOf(date);
      return (actorId) => capabilityOf(actorId, date)?.value ?? null;
    },
  };
}

let cached: CapabilityTable | undefined;

/** The bundled table's figure for an actor at a date, or null (non-state actors, years outside the data). */
export function capabilityOf(actorId: string, date: string | number): CapabilityFigure | null {
  cached ??= loadCapabilities();
  return cached.capabilityOf(actorId, date);
}
