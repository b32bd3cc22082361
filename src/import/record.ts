/**
 * One event as read from a dataset's row, before its actors are resolved:
 * the common shape the ICEWS, GDELT and PLOVER readers produce.
 */
import type { Modality } from '../domain/relation.js';

export const EVENT_FORMATS = ['icews', 'gdelt', 'plover'] as const;
export type EventFormat = (typeof EVENT_FORMATS)[number];

/** An actor as the dataset names it. */
export interface EventActor {
  name: string;
  /** Country name or code, as the dataset gives it. */
  country: string | null;
  /** Sector or type names/codes ("Police", "GOV"). */
  sectors: string[];
  /** A greatgame id (our own PLOVER exports) or a CAMEO known-group code. */
  code: string | null;
}

export interface EventRecord {
  /** Line of the file (1-based), for messages. */
  line: number;
  id: string;
  /** YYYY-MM-DD. */
  date: string;
  /** When it was published, if the dataset says. */
  docDate: string | null;
  actor: EventActor | null;
  recipient: EventActor | null;
  cameo: string | null;
  /** The PLOVER type when the dataset gives one (PLOVER/POLECAT). */
  plover: string | null;
  mode: string | null;
  context: string[];
  /** ICEWS intensity or GDELT Goldstein scale (−10..10). */
  intensity: number | null;
  /** The dataset's label for the event ("Consult"). */
  description: string | null;
  /** The source sentence, when the dataset carries one. */
  text: string | null;
  url: string | null;
  publisher: string | null;
  story: string | null;
  sentence: number | null;
  /** Further numeric fields worth keeping (GDELT QuadClass, NumMentions, AvgTone). */
  extra: Record<string, number | string | null>;
  modality: Modality;
  /** The record says the event has no direction (greatgame's own PLOVER export). */
  symmetric?: boolean;
  /**
   * What makes two rows the same event (before direction is folded for
   * symmetric codes): the story and sentence, the URL, or the id.
   */
  identity: string[];
}

/** A row that cannot be read: the field at fault and why. */
export class RowError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks a YYYY-MM-DD day (a real calendar day), else throws for `field`. */
export function checkDay(value: string, field: string): string {
  const m = DAY.exec(value);
  if (!m) throw new RowError(field, `"${value.slice(0, 40)}" is not a date (YYYY-MM-DD)`);
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const t = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (t.getUTCMonth() !== Number(mo) - 1 || t.getUTCDate() !== Number(d))
    throw new RowError(field, `"${value}" is not a calendar day`);
  return value;
}

/** A finite number, or null when empty; anything else throws for `field`. */
export function optionalNumber(value: string | undefined, field: string): number | null {
  if (value === undefined || value === '' || value === 'NA') return null;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new RowError(field, `"${value.slice(0, 40)}" is not a number`);
  return n;
}

/** Empty and "NA" (ICEWS's missing value) become null. */
export function present(value: string | undefined): string | null {
  if (value === undefined) return null;
  const v = value.trim();
  return v === '' || v === 'NA' ? null : v;
}
