/**
 * `greatgame forecasts` as a user runs it: listing with filters, scores,
 * resolving by hand (which survives re-extraction and overrides the
 * evidence), bad input, and what the ledger finds on the seed corpus.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Forecast, ForecastScores } from '../src/forecast/types.js';
import { openStore } from '../src/store/database.js';
import { runCli } from './helpers/cli.js';
import { ingestArticles } from './helpers/article-store.js';
import { SEEDS_DIR, SEEDS_MANIFEST, seedsAvailable } from './helpers/corpus.js';

const ONE = `# Passes and pipelines

Pakistan will very likely sign a trade agreement with the Taliban within two years. If the border stays closed, China will probably criticise Pakistan.
`;
const TWO = `# Northern worries

If Russia arms the Taliban, India will almost certainly condemn Russia. Iran is unlikely to support the Taliban by 2023.
`;
const THREE = `# A deal at last

Pakistan signed a trade agreement with the Taliban in February 2023. China praised Pakistan for its cooperation on the border.
`;

function forecastsJson(store: string, ...args: string[]): Forecast[] {
  const result = runCli([
    'forecasts',
    '--json',
    '--as-of',
    '2026-01-01',
    '--store',
    store,
    ...args,
  ]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Forecast[];
}

describe('greatgame forecasts', { timeout: 180_000 }, () => {
  let store: string;
  beforeAll(() => {
    ({ store } = ingestArticles('gg-forecast-cli-', [
      {
        file: 'one.md',
        text: ONE,
        date: '2022-01-10',
        source: 'Frontier Review',
        author: 'Jane Analyst',
      },
      {
        file: 'two.md',
        text: TWO,
        date: '2022-05-01',
        source: 'Steppe Notes',
        author: 'Lee Commentator',
      },
      {
        file: 'three.md',
        text: THREE,
        date: '2023-03-01',
        source: 'Kabul Ledger',
        author: 'Omar Writer',
      },
    ]));
  });

  it('lists forecasts in the documented shape; a premise is no forecast', () => {
    const all = forecastsJson(store);
    for (const f of all) {
      expect(Object.keys(f).sort()).toEqual(
        [
          'author',
          'condition',
          'document',
          'expected',
          'horizon',
          'horizonBasis',
          'key',
          'madeOn',
          'probability',
          'probabilityWord',
          'quote',
          'resolution',
          'resolvedBy',
          'source',
          'status',
        ].sort(),
      );
    }
    // "Russia arms the Taliban" is the premise of Lee's forecast, not a forecast.
    expect(all.some((f) => f.expected.source === 'RUS' && f.expected.target === 'TAL')).toBe(false);
    const india = all.find((f) => f.expected.source === 'IND');
    expect(india).toMatchObject({
      author: 'Lee Commentator',
      source: 'Steppe Notes',
      condition: 'If Russia arms the Taliban',
      probability: 0.97,
      expected: { target: 'RUS', polarity: -1 },
      horizonBasis: 'default',
      horizon: '2024-05-01',
      status: 'expired',
    });
    const text = runCli(['forecasts', '--as-of', '2026-01-01', '--store', store]);
    expect(text.stdout).toContain('condition: If Russia arms the Taliban');
    expect(text.stdout).toMatch(
      /hit \(auto\) by “Pakistan signed a trade agreement with the Taliban”/,
    );
  });

  it('filters by author, source, pair and state', () => {
    const all = forecastsJson(store);
    const jane = forecastsJson(store, '--author', 'jane');
    expect(jane.length).toBeGreaterThan(0);
    expect(jane.every((f) => f.author === 'Jane Analyst')).toBe(true);
    expect(
      forecastsJson(store, '--source', 'STEPPE').every((f) => f.source === 'Steppe Notes'),
    ).toBe(true);
    const pair = forecastsJson(store, '--pair', 'tal,pak');
    expect(pair.map((f) => [f.expected.source, f.expected.target])).toEqual([['PAK', 'TAL']]);
    const open = forecastsJson(store, '--open');
    const resolved = forecastsJson(store, '--resolved');
    expect(open.every((f) => f.status === 'open')).toBe(true);
    expect(resolved.map((f) => f.status).sort()).toEqual(['hit', 'miss']);
    expect(open.length + resolved.length).toBeLessThan(all.length); // the expired ones are neither
  });

  it('scores each author and source', () => {
    const result = runCli([
      'forecasts',
      '--scores',
      '--json',
      '--as-of',
      '2026-01-01',
      '--store',
      store,
    ]);
    const scores = JSON.parse(result.stdout) as ForecastScores;
    const jane = scores.authors.find((s) => s.name === 'Jane Analyst');
    expect(jane).toMatchObject({ n: 2, hits: 1, misses: 1, hitRate: 0.5, brierN: 2 });
    expect(jane?.brier).toBeCloseTo(0.235625, 10);
    expect(scores.sources.map((s) => s.name)).toContain('Frontier Review');
    const table = runCli([
      'forecasts',
      '--scores',
      '--as-of',
      '2026-01-01',
      '--store',
      store,
    ]).stdout;
    expect(table).toMatch(/Jane Analyst\s+2\s+2\s+1\s+1\s+0\.50\s+0\.236 \(2\)/);
  });

  it('keeps a resolution by hand across re-extraction, over the evidence', () => {
    const miss = forecastsJson(store).find((f) => f.status === 'miss') as Forecast;
    expect(miss.resolvedBy).toBe('auto');
    const resolve = runCli([
      'forecasts',
      'resolve',
      miss.key.slice(0, 8),
      '--outcome',
      'hit',
      '--note',
      'the critique came in private',
      '--store',
      store,
    ]);
    expect(resolve.code, resolve.stderr).toBe(0);
    expect(resolve.stdout).toContain(`${miss.key}: hit (by hand)`);
    const extract = runCli(['extract', '--all', '--store', store]);
    expect(extract.code, extract.stderr).toBe(0);
    const after = forecastsJson(store).find((f) => f.key === miss.key);
    expect(after).toMatchObject({ status: 'hit', resolvedBy: 'user' });
    expect(after?.resolution?.note).toBe('the critique came in private');
    // --clear hands it back to the evidence
    expect(runCli(['forecasts', 'resolve', miss.key, '--clear', '--store', store]).code).toBe(0);
    expect(forecastsJson(store).find((f) => f.key === miss.key)?.status).toBe('miss');
  });

  it('refuses bad input with a clear message and code, leaving the store as it was', () => {
    const before = runCli(['forecasts', '--json', '--store', store]).stdout;
    const key = (JSON.parse(before) as Forecast[])[0]?.key as string;
    const cases: [string[], number, RegExp][] = [
      [['resolve', 'ffffffff', '--outcome', 'hit'], 3, /no forecast with key "ffffffff"/],
      [['resolve', 'ab', '--outcome', 'hit'], 2, /key: "ab" is too short/],
      [['resolve', 'not-a-key', '--outcome', 'hit'], 2, /key: "not-a-key" is not a forecast key/],
      [
        ['resolve', key, '--outcome', 'perhaps'],
        2,
        /--outcome: "perhaps" is not one of hit, miss, void/,
      ],
      [['resolve', key], 2, /--outcome: required/],
      [['resolve', key, '--clear'], 3, /has no resolution by hand/],
      [['--open', '--resolved'], 2, /--open and --resolved/],
      [['--pair', 'PAK'], 2, /--pair: "PAK"/],
      [['--as-of', 'soon'], 2, /--as-of: "soon" is not a date/],
    ];
    for (const [args, code, message] of cases) {
      const result = runCli(['forecasts', ...args, '--store', store]);
      expect(result.code, args.join(' ')).toBe(code);
      expect(result.stderr).toMatch(message);
    }
    expect(runCli(['forecasts', '--json', '--store', store]).stdout).toBe(before);
  }, 180_000);
});

const available = seedsAvailable();

describe.skipIf(!available)('the forecast ledger on the seed corpus', () => {
  it('finds forecasts with their quotes, conditions and horizons', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gg-forecast-seeds-'));
    const store = path.join(dir, 'seeds.db');
    const ingest = runCli(['ingest', SEEDS_DIR, '--manifest', SEEDS_MANIFEST, '--store', store]);
    expect(ingest.code, ingest.stderr).toBe(0);
    const forecasts = forecastsJson(store);
    const scores = JSON.parse(
      runCli(['forecasts', '--scores', '--json', '--as-of', '2026-01-01', '--store', store]).stdout,
    ) as ForecastScores;
    const count = (pred: (f: Forecast) => boolean) => forecasts.filter(pred).length;
    const statuses = ['open', 'hit', 'miss', 'expired', 'void'].map(
      (s) => `${count((f) => f.status === s)} ${s}`,
    );
    console.log(
      `forecast ledger on the seeds (as of 2026-01-01): ${forecasts.length} forecasts; ${statuses.join(', ')}; ` +
        `${count((f) => f.condition !== null)} conditional, ${count((f) => f.probability !== null)} with a probability word, ` +
        `${count((f) => f.horizonBasis === 'explicit')} with an explicit horizon`,
    );
    for (const f of forecasts.filter((x) => x.condition).slice(0, 4))
      console.log(
        `  ${f.expected.source}→${f.expected.target} ${f.expected.polarity > 0 ? '+' : '−'}${f.expected.kind} ` +
          `[${f.probabilityWord ?? '—'}] ${f.condition} ⇒ “${f.quote.text}” (${f.status})`,
      );
    for (const s of scores.authors.slice(0, 3))
      console.log(
        `  author ${s.name}: ${s.forecasts} forecasts, ${s.hits} hits / ${s.n} scored, Brier ${s.brier?.toFixed(3) ?? '—'} over ${s.brierN}`,
      );

    expect(forecasts.length).toBeGreaterThan(10);
    expect(new Set(forecasts.map((f) => f.key)).size).toBe(forecasts.length);
    expect(count((f) => f.condition !== null)).toBeGreaterThan(0);
    const db = openStore(store, { readonly: true });
    const texts = new Map(
      (db.prepare('SELECT id, text FROM documents').all() as { id: number; text: string }[]).map(
        (d) => [d.id, d.text],
      ),
    );
    db.close();
    for (const f of forecasts) {
      expect(texts.get(f.document.id)?.slice(f.quote.start, f.quote.end)).toBe(f.quote.text);
      if (f.horizon && f.madeOn) expect(f.horizon > f.madeOn).toBe(true);
      if (f.resolvedBy === 'auto') expect(f.resolution?.quote).toBeTruthy();
    }
  }, 180_000);
});
