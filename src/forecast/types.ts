/**
 * The forecast ledger's values, shared by the library, the CLI and the web
 * server. A forecast is derived from a stored hypothetical relation each
 * time it is read; only a user's decision about it is stored.
 */
import type { Polarity, RelationKind } from '../domain/relation.js';

export const OUTCOMES = ['hit', 'miss', 'void'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const STATUSES = ['open', 'hit', 'miss', 'expired', 'void'] as const;
export type ForecastStatus = (typeof STATUSES)[number];

export interface DocumentRef {
  id: number;
  path: string;
  title: string | null;
}

export interface Resolution {
  /** The asserted evidence that settled it (auto), else null. */
  quote: string | null;
  document: DocumentRef | null;
  /** When the evidence holds (auto), or when the user decided (user). */
  date: string | null;
  /** The user's note, if any. */
  note: string | null;
}

export interface Forecast {
  /** Stable across re-extraction: see `forecastKey`. */
  key: string;
  author: string | null;
  source: string | null;
  document: DocumentRef;
  /** The document's date (ISO, as precise as known), or null. */
  madeOn: string | null;
  /** The "if …" clause it depends on, or null when unconditional. */
  condition: string | null;
  expected: { source: string; target: string; polarity: Polarity; kind: RelationKind };
  quote: { text: string; start: number; end: number };
  /** From the probability word (data/forecast/probability-words.yaml), or null. */
  probability: number | null;
  probabilityWord: string | null;
  /** Last day it may come true (YYYY-MM-DD); null when the document is undated. */
  horizon: string | null;
  horizonBasis: 'explicit' | 'default' | null;
  status: ForecastStatus;
  resolvedBy: 'auto' | 'user' | null;
  resolution: Resolution | null;
}

export interface ForecastFilter {
  /** Case-insensitive substring of the author. */
  author?: string;
  /** Case-insensitive substring of the source (outlet). */
  source?: string;
  /** Forecasts about this unordered pair of actor ids. */
  pair?: [string, string];
  /** open: status open; resolved: hit, miss or void. */
  state?: 'open' | 'resolved';
  /** The date "now" stands for: horizons before it have expired (default today). */
  asOf?: string;
}

export interface ForecastScore {
  /** The author or source scored ("(unknown)" when the documents do not say). */
  name: string;
  forecasts: number;
  /** Hits and misses: the scored forecasts. */
  n: number;
  hits: number;
  misses: number;
  open: number;
  expired: number;
  void: number;
  /** hits / n, null when n = 0. */
  hitRate: number | null;
  /** Mean (p − outcome)² over the scored forecasts with a probability. */
  brier: number | null;
  brierN: number;
}

export interface ForecastScores {
  authors: ForecastScore[];
  sources: ForecastScore[];
}
