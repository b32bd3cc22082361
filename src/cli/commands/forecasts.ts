import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.js';
import {
  type Forecast,
  type ForecastFilter,
  type ForecastScore,
  forecastScores,
  listForecasts,
  OUTCOMES,
  resolveForecast,
  unresolveForecast,
} from '../../forecast/ledger.js';
import { type Io, printJson, type StoreOption, storePath, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';

export interface ForecastsOptions extends StoreOption {
  author?: string;
  source?: string;
  pair?: string;
  open?: boolean;
  resolved?: boolean;
  scores?: boolean;
  asOf?: string;
  json?: boolean;
}

export interface ResolveOptions extends StoreOption {
  outcome?: string;
  note?: string;
  clear?: boolean;
  json?: boolean;
}

export async function runForecasts(options: ForecastsOptions, io: Io): Promise<number> {
  if (options.open && options.resolved)
    throw new UsageError('--open and --resolved exclude each other: give one');
  const pair = options.pair?.split(',').map((s) => s.trim().toUpperCase());
  if (pair && (pair.length !== 2 || !pair[0] || !pair[1]))
    throw new UsageError(`--pair: "${options.pair}" is not two actor ids like PAK,TAL`);
  if (options.asOf !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(options.asOf))
    throw new UsageError(`--as-of: "${options.asOf}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  const filter: ForecastFilter = {
    author: options.author,
    source: options.source,
    pair: pair as [string, string] | undefined,
    state: options.open ? 'open' : options.resolved ? 'resolved' : undefined,
    asOf: options.asOf,
  };
  const forecasts = await withStore(storePath(options, io), (_s, db) => listForecasts(db, filter));
  if (options.scores) {
    const scores = forecastScores(forecasts);
    if (options.json) printJson(io, scores);
    else
      io.out(
        `${formatScores('author', scores.authors)}\n\n${formatScores('source', scores.sources)}`,
      );
    return EXIT.ok;
  }
  if (options.json) printJson(io, forecasts);
  else
    io.out(
      forecasts.length === 0
        ? 'no forecasts match'
        : `${forecasts.map(formatForecast).join('\n\n')}\n\n${summary(forecasts)}`,
    );
  return EXIT.ok;
}

export async function runResolve(key: string, options: ResolveOptions, io: Io): Promise<number> {
  if (options.clear) {
    if (options.outcome !== undefined)
      throw new UsageError('--clear and --outcome exclude each other: give one');
    const forecast = await withStore(storePath(options, io), (_s, db) =>
      unresolveForecast(db, key),
    );
    if (options.json) printJson(io, forecast);
    else io.out(`${forecast.key}: resolution by hand removed; now ${forecast.status}`);
    return EXIT.ok;
  }
  if (options.outcome === undefined)
    throw new UsageError(`--outcome: required (${OUTCOMES.join(' | ')})`);
  if (!(OUTCOMES as readonly string[]).includes(options.outcome))
    throw new UsageError(`--outcome: "${options.outcome}" is not one of ${OUTCOMES.join(', ')}`);
  const { forecast, previous } = await withStore(storePath(options, io), (_s, db) =>
    resolveForecast(db, key, options.outcome as string, options.note),
  );
  if (options.json) printJson(io, forecast);
  else
    io.out(
      `${forecast.key}: ${forecast.status} (by hand${previous ? `, was ${previous.outcome}` : ''})\n${formatForecast(forecast)}`,
    );
  return EXIT.ok;
}

function formatForecast(f: Forecast): string {
  const e = f.expected;
  const sign = e.polarity > 0 ? '+' : '−';
  const p =
    f.probability !== null
      ? ` p=${f.probability} (${f.probabilityWord})`
      : f.probabilityWord
        ? ` (${f.probabilityWord})`
        : '';
  const by = [f.author, f.source].filter(Boolean).join(' · ') || 'unknown author';
  const horizon = f.horizon ? `${f.madeOn} → ${f.horizon} (${f.horizonBasis})` : 'undated';
  const lines = [
    `${f.key}  ${f.status.padEnd(7)} ${e.source} → ${e.target} ${sign}${e.kind}${p}  ${horizon}`,
    `  ${by} · ${f.document.title ?? f.document.path}`,
  ];
  if (f.condition) lines.push(`  condition: ${f.condition}`);
  lines.push(`  “${f.quote.text.replace(/\s+/g, ' ')}”`);
  if (f.resolution?.quote)
    lines.push(
      `  ${f.status} (auto) by “${f.resolution.quote.replace(/\s+/g, ' ')}” — ${f.resolution.document?.path ?? ''} ${f.resolution.date ?? ''}`,
    );
  else if (f.resolvedBy === 'user')
    lines.push(
      `  ${f.status} by hand on ${f.resolution?.date ?? '?'}${f.resolution?.note ? `: ${f.resolution.note}` : ''}`,
    );
  return lines.join('\n');
}

function summary(forecasts: Forecast[]): string {
  const counts = new Map<string, number>();
  for (const f of forecasts) counts.set(f.status, (counts.get(f.status) ?? 0) + 1);
  return `${forecasts.length} forecast(s): ${[...counts].map(([s, n]) => `${n} ${s}`).join(', ')}`;
}

function formatScores(label: string, scores: ForecastScore[]): string {
  const fmt = (x: number | null, digits: number) => (x === null ? '—' : x.toFixed(digits));
  const header = `${label.padEnd(40)} forecasts   n  hits misses hit-rate  brier (n)  open expired`;
  const rows = scores.map(
    (s) =>
      `${s.name.slice(0, 40).padEnd(40)} ${String(s.forecasts).padStart(9)} ${String(s.n).padStart(3)} ${String(s.hits).padStart(5)} ${String(s.misses).padStart(6)} ${fmt(s.hitRate, 2).padStart(8)} ${fmt(s.brier, 3).padStart(6)} (${s.brierN}) ${String(s.open).padStart(5)} ${String(s.expired).padStart(7)}`,
  );
  return [header, ...rows].join('\n');
}

export function registerForecasts(program: Command, io: Io, setExit: (code: number) => void): void {
  const forecasts = program
    .command('forecasts')
    .description(
      'the forecast ledger: hypothetical relations as forecasts, settled by later evidence or by hand, scored per author and source',
    )
    .option('--author <name>', 'only forecasts by this author (case-insensitive substring)')
    .option('--source <name>', 'only forecasts from this outlet (case-insensitive substring)')
    .option('--pair <a,b>', 'only forecasts about this pair, either direction (e.g. PAK,TAL)')
    .option('--open', 'only forecasts not yet settled (horizon ahead, no clear evidence)')
    .option('--resolved', 'only settled forecasts (hit, miss or void)')
    .option('--scores', 'hit rate and Brier score per author and per source')
    .option(
      '--as-of <date>',
      'judge as of this date: later publications unknown, horizons before it expired',
    )
    .option(
      '--json',
      'print a JSON array (key, author, source, document, madeOn, condition, expected, quote, probability, horizon, status, resolution…)',
    )
    .action(async (options: ForecastsOptions, command: Command) => {
      setExit(await runForecasts({ ...command.optsWithGlobals(), ...options }, io));
    });
  forecasts
    .command('resolve <key>')
    .description(
      'settle a forecast by hand (a key or a unique prefix of one); overrides automatic resolution',
    )
    .option('--outcome <outcome>', `${OUTCOMES.join(' | ')}`)
    .option('--note <text>', 'why')
    .option('--clear', 'remove the resolution by hand, so the evidence decides again')
    .option('--json', 'print the forecast as JSON')
    .action(async (key: string, options: ResolveOptions, command: Command) => {
      setExit(await runResolve(key, { ...command.optsWithGlobals(), ...options }, io));
    });
}
