/** GET /api/forecasts as the app reads it (src/forecast/types.ts; docs/forecasts.md). */
export type ForecastStatus = 'open' | 'hit' | 'miss' | 'expired' | 'void';
export type Outcome = 'hit' | 'miss' | 'void';

export interface DocumentRef {
  id: number;
  path: string;
  title: string | null;
}

export interface Forecast {
  key: string;
  author: string | null;
  source: string | null;
  document: DocumentRef;
  madeOn: string | null;
  condition: string | null;
  expected: { source: string; target: string; polarity: 1 | -1; kind: string };
  quote: { text: string; start: number; end: number };
  probability: number | null;
  probabilityWord: string | null;
  horizon: string | null;
  horizonBasis: 'explicit' | 'default' | null;
  status: ForecastStatus;
  resolvedBy: 'auto' | 'user' | null;
  resolution: {
    quote: string | null;
    document: DocumentRef | null;
    date: string | null;
    note: string | null;
  } | null;
}

export interface ForecastScore {
  name: string;
  forecasts: number;
  n: number;
  hits: number;
  misses: number;
  open: number;
  expired: number;
  void: number;
  hitRate: number | null;
  brier: number | null;
  brierN: number;
}

export interface ForecastsAnswer {
  total: number;
  limit: number;
  offset: number;
  asOf: string;
  items: Forecast[];
  scores: { authors: ForecastScore[]; sources: ForecastScore[] };
}
