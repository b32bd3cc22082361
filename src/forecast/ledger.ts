/**
 * The forecast ledger: hypothetical relations read as forecasts, settled
 * by later asserted evidence or by hand, and scored per author and source.
 * Forecasts are derived on every call from the stored relations, so
 * re-extraction never orphans them; a user's resolution is stored by the
 * forecast's key, which does not depend on relation row ids. The CLI and
 * the web server both call this module.
 */
import { createHash } from 'node:crypto';
import { NotFoundError, UsageError } from '../domain/errors.js';
import { dateBounds } from '../network/aggregate.js';
import type { Db } from '../store/database.js';
import { readCondition } from './condition.js';
import { horizonOf } from './horizon.js';
import { findProbability, loadProbabilityTable, type ProbabilityTable } from './probability.js';
import { autoResolve } from './resolve.js';
import {
  assertedEvidence,
  deleteResolution,
  documentTexts,
  type EvidenceRow,
  type HypotheticalRow,
  hypotheticalRelations,
  saveResolution,
  type StoredResolution,
  storedResolutions,
} from './store.js';
import {
  type Forecast,
  type ForecastFilter,
  type ForecastScore,
  type ForecastScores,
  OUTCOMES,
  type Outcome,
} from './types.js';

export * from './types.js';

/** Hex characters of the key; 64 bits keep collisions out of any real store. */
const KEY_LENGTH = 16;
/** The shortest prefix `resolveForecast` accepts. */
export const MIN_PREFIX = 4;
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export interface LedgerOptions {
  /** The probability table (default: data/forecast/probability-words.yaml). */
  table?: ProbabilityTable;
}

/**
 * A forecast's key: the document's path, the quote's offsets and the
 * expected pair and sign. Not the row id (it changes on re-extraction),
 * not the kind (a lexicon edit may rename it without changing the claim).
 */
export function forecastKey(
  path: string,
  start: number,
  end: number,
  source: string,
  target: string,
  polarity: number,
): string {
  return createHash('sha256')
    .update([path, start, end, source, target, polarity].join('\u0000'))
    .digest('hex')
    .slice(0, KEY_LENGTH);
}

/** Every forecast in the store that matches `filter`, oldest first. */
export function listForecasts(
  db: Db,
  filter: ForecastFilter = {},
  options: LedgerOptions = {},
): Forecast[] {
  const asOf = checkedAsOf(filter.asOf);
  const all = deriveForecasts(db, asOf, options.table ?? loadProbabilityTable());
  return all.filter((f) => matches(f, filter));
}

/**
 * Records a user's decision on a forecast (a key or a unique prefix of
 * one); it overrides automatic resolution and survives re-extraction.
 * Returns the forecast as it now stands and the decision it replaced.
 */
export function resolveForecast(
  db: Db,
  keyOrPrefix: string,
  outcome: string,
  note?: string,
  options: LedgerOptions = {},
): { forecast: Forecast; previous: StoredResolution | null } {
  if (!(OUTCOMES as readonly string[]).includes(outcome))
    throw new UsageError(`outcome: "${outcome}" is not one of ${OUTCOMES.join(', ')}`);
  if (note !== undefined && note.length > 2000)
    throw new UsageError(`note: ${note.length} characters; keep it under 2000`);
  const forecasts = listForecasts(db, {}, options);
  const target = findForecast(forecasts, keyOrPrefix);
  const previous = storedResolutions(db).get(target.key) ?? null;
  saveResolution(db, {
    key: target.key,
    outcome: outcome as Outcome,
    note: note?.trim() || null,
    resolvedAt: new Date().toISOString(),
  });
  const forecast = findForecast(listForecasts(db, {}, options), target.key);
  return { forecast, previous };
}

/** Removes a user's decision, so automatic resolution applies again. */
export function unresolveForecast(
  db: Db,
  keyOrPrefix: string,
  options: LedgerOptions = {},
): Forecast {
  const target = findForecast(listForecasts(db, {}, options), keyOrPrefix);
  if (!deleteResolution(db, target.key))
    throw new NotFoundError(`forecast ${target.key} has no resolution by hand to remove`);
  return findForecast(listForecasts(db, {}, options), target.key);
}

/** The one forecast a key or unique key prefix names. */
export function findForecast(forecasts: Forecast[], keyOrPrefix: string): Forecast {
  const prefix = keyOrPrefix.trim().toLowerCase();
  if (!/^[0-9a-f]+$/.test(prefix) || prefix.length > KEY_LENGTH)
    throw new UsageError(
      `key: "${keyOrPrefix}" is not a forecast key (up to ${KEY_LENGTH} hex digits, as \`greatgame forecasts\` prints)`,
    );
  if (prefix.length < MIN_PREFIX)
    throw new UsageError(
      `key: "${keyOrPrefix}" is too short; give at least ${MIN_PREFIX} characters`,
    );
  const found = forecasts.filter((f) => f.key.startsWith(prefix));
  if (found.length === 0)
    throw new NotFoundError(`no forecast with key "${keyOrPrefix}" (see \`greatgame forecasts\`)`);
  if (found.length > 1)
    throw new UsageError(
      `key: "${keyOrPrefix}" matches ${found.length} forecasts (${found
        .slice(0, 5)
        .map((f) => f.key)
        .join(', ')}${found.length > 5 ? ', …' : ''}): give more characters`,
    );
  return found[0] as Forecast;
}

/**
 * Hit rate and Brier score per author and per source. Only hits and
 * misses are scored; open, expired and void forecasts are counted apart.
 * The Brier score is the mean of (p − o)², o = 1 for a hit, 0 for a miss,
 * over the scored forecasts whose wording gave a probability.
 */
export function forecastScores(forecasts: Forecast[]): ForecastScores {
  const by = (name: (f: Forecast) => string | null) => {
    const groups = new Map<string, Forecast[]>();
    for (const f of forecasts) {
      const key = name(f) ?? '(unknown)';
      const list = groups.get(key);
      if (list) list.push(f);
      else groups.set(key, [f]);
    }
    return [...groups]
      .map(([group, list]) => score(group, list))
      .sort((a, b) => b.n - a.n || b.forecasts - a.forecasts || a.name.localeCompare(b.name));
  };
  return { authors: by((f) => f.author), sources: by((f) => f.source) };
}

function score(name: string, list: Forecast[]): ForecastScore {
  const count = (status: Forecast['status']) => list.filter((f) => f.status === status).length;
  const hits = count('hit');
  const misses = count('miss');
  const brierTerms = list
    .filter((f) => (f.status === 'hit' || f.status === 'miss') && f.probability !== null)
    .map((f) => ((f.probability as number) - (f.status === 'hit' ? 1 : 0)) ** 2);
  const n = hits + misses;
  return {
    name,
    forecasts: list.length,
    n,
    hits,
    misses,
    open: count('open'),
    expired: count('expired'),
    void: count('void'),
    hitRate: n > 0 ? hits / n : null,
    brier: brierTerms.length > 0 ? brierTerms.reduce((a, b) => a + b, 0) / brierTerms.length : null,
    brierN: brierTerms.length,
  };
}

function checkedAsOf(asOf: string | undefined): string {
  if (asOf === undefined) return new Date().toISOString().slice(0, 10);
  if (!ISO_DATE.test(asOf) || Number.isNaN(Date.parse(dateBounds(asOf)[0])))
    throw new UsageError(`as of: "${asOf}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  return dateBounds(asOf)[1];
}

function matches(f: Forecast, filter: ForecastFilter): boolean {
  const has = (value: string | null, part: string | undefined) =>
    part === undefined || (value ?? '').toLowerCase().includes(part.toLowerCase());
  if (!has(f.author, filter.author) || !has(f.source, filter.source)) return false;
  if (filter.pair) {
    const [a, b] = filter.pair.map((p) => p.toUpperCase());
    const { source, target } = f.expected;
    if (!((source === a && target === b) || (source === b && target === a))) return false;
  }
  if (filter.state === 'open' && f.status !== 'open') return false;
  if (filter.state === 'resolved' && !['hit', 'miss', 'void'].includes(f.status)) return false;
  return true;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function deriveForecasts(db: Db, asOf: string, table: ProbabilityTable): Forecast[] {
  const rows = hypotheticalRelations(db);
  const texts = documentTexts(
    db,
    rows.map((r) => r.documentId),
  );
  const evidence = new Map<string, EvidenceRow[]>();
  for (const e of assertedEvidence(db)) {
    const k = pairKey(e.source, e.target);
    const list = evidence.get(k);
    if (list) list.push(e);
    else evidence.set(k, [e]);
  }
  const resolutions = storedResolutions(db);
  const seen = new Set<string>();
  const forecasts: Forecast[] = [];
  for (const row of rows) {
    const key = forecastKey(row.path, row.start, row.end, row.source, row.target, row.polarity);
    // The same claim found twice (two rules, one quote) is one forecast.
    if (seen.has(key)) continue;
    seen.add(key);
    const reading = readSentence(row, texts.get(row.documentId) ?? '', table);
    if (!reading) continue;
    const forecast: Forecast = {
      key,
      author: row.author,
      source: row.outlet,
      document: { id: row.documentId, path: row.path, title: row.title },
      madeOn: row.docDate,
      condition: reading.condition,
      expected: { source: row.source, target: row.target, polarity: row.polarity, kind: row.kind },
      quote: { text: row.quote, start: row.start, end: row.end },
      probability: reading.probability,
      probabilityWord: reading.probabilityWord,
      horizon: reading.horizon?.date ?? null,
      horizonBasis: reading.horizon?.basis ?? null,
      status: 'open',
      resolvedBy: null,
      resolution: null,
    };
    const decided = resolutions.get(key);
    if (decided) {
      forecast.status = decided.outcome;
      forecast.resolvedBy = 'user';
      forecast.resolution = {
        quote: null,
        document: null,
        date: decided.resolvedAt.slice(0, 10),
        note: decided.note,
      };
    } else {
      const auto = autoResolve(
        {
          polarity: row.polarity,
          madeOn: row.docDate,
          horizon: forecast.horizon,
          documentId: row.documentId,
          voice: row.voice,
        },
        evidence.get(pairKey(row.source, row.target)) ?? [],
        asOf,
      );
      forecast.status = auto.status;
      if (auto.evidence) {
        forecast.resolvedBy = 'auto';
        forecast.resolution = {
          quote: auto.evidence.quote,
          document: {
            id: auto.evidence.documentId,
            path: auto.evidence.path,
            title: auto.evidence.title,
          },
          date: auto.evidence.date ?? auto.evidence.docDate,
          note: null,
        };
      }
    }
    forecasts.push(forecast);
  }
  return forecasts;
}

/**
 * What the sentence says around the quote: its condition, probability word
 * and horizon; null when the relation is the premise of a condition.
 */
function readSentence(row: HypotheticalRow, text: string, table: ProbabilityTable) {
  const sentence = text.slice(row.sentenceStart, row.sentenceEnd);
  const quoteStart = row.start - row.sentenceStart;
  const quoteEnd = row.end - row.sentenceStart;
  const reading = readCondition(sentence, quoteStart);
  if (reading.role === 'premise') return null;
  const condition = reading.condition;
  // The hedge sits in the quote's clause: from the last clause break (or
  // the end of a leading condition) before the quote, to the quote's end.
  let scopeStart = Math.max(
    0,
    ...[';', ':', ', ', '—'].map((b) => sentence.lastIndexOf(b, Math.max(0, quoteStart - 1)) + 1),
  );
  if (condition && condition.end <= quoteStart) scopeStart = Math.max(scopeStart, condition.end);
  const found = findProbability(sentence.slice(scopeStart, quoteEnd), table);
  // The horizon is read outside the condition: "if the US leaves by 2026" dates the premise.
  const outside = condition
    ? sentence.slice(0, condition.start) +
      ' '.repeat(condition.end - condition.start) +
      sentence.slice(condition.end)
    : sentence;
  return {
    condition: condition?.text ?? null,
    probability: found?.probability ?? null,
    probabilityWord: found?.word ?? null,
    horizon: horizonOf(outside, row.docDate),
  };
}
