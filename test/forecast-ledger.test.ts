/**
 * The forecast ledger as a library: probability words, conditions,
 * horizons, automatic resolution and scores, on a small store built from
 * articles written for this test.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidDataError, NotFoundError, UsageError } from '../src/domain/errors.js';
import { findConditions, readCondition } from '../src/forecast/condition.js';
import { addMonths, horizonOf } from '../src/forecast/horizon.js';
import {
  type Forecast,
  findForecast,
  forecastKey,
  forecastScores,
  listForecasts,
  resolveForecast,
} from '../src/forecast/ledger.js';
import { findProbability, loadProbabilityTable } from '../src/forecast/probability.js';
import { type Db, openStore } from '../src/store/database.js';
import { runCli } from './helpers/cli.js';

const table = loadProbabilityTable();

describe('probability words', () => {
  const word = (text: string) => findProbability(text, table);

  it('maps the documented phrases, the longest phrase winning', () => {
    expect(word('Kabul will almost certainly object')).toMatchObject({
      word: 'almost certainly',
      probability: 0.97,
    });
    expect(word('Delhi is very likely to protest')?.probability).toBe(0.875);
    expect(word('Delhi is likely to protest')?.probability).toBe(0.675);
    expect(word('Delhi is unlikely to protest')).toMatchObject({
      word: 'unlikely',
      probability: 0.325,
    });
    expect(word('Tehran might balk')).toMatchObject({ word: 'might', probability: 0.4 });
  });

  it('lets a hedge outrank a bare "will" beside it, in either order', () => {
    expect(word('Moscow will probably back Kabul')?.word).toBe('probably');
    expect(word('Moscow likely will back Kabul')?.word).toBe('likely');
    expect(word('it’ll likely end badly')?.word).toBe('likely');
  });

  it('records an unhedged future without a probability, and nothing for a plain statement', () => {
    expect(word('Moscow will back Kabul')).toMatchObject({ word: 'will', probability: null });
    expect(word('they’ll back Kabul')).toMatchObject({ word: "'ll", probability: null });
    expect(word('Moscow backed Kabul')).toBeNull();
    // whole words only: "mayor" is not "may", "skill" not "'ll"
    expect(word('the mayor showed skill')).toBeNull();
  });
});

describe('conditions', () => {
  it('finds the "if" clause before or after the forecast', () => {
    const before = 'If the pass stays shut, Beijing will press Islamabad.';
    expect(readCondition(before, before.indexOf('Beijing'))).toEqual({
      role: 'forecast',
      condition: { text: 'If the pass stays shut', start: 0, end: 22 },
    });
    const after = 'Beijing will press Islamabad unless the pass reopens.';
    const reading = readCondition(after, 0);
    expect(reading.role).toBe('forecast');
    expect(reading.condition?.text).toBe('unless the pass reopens');
  });

  it('reads inverted conditions and tells the premise from the forecast', () => {
    expect(findConditions('Were Moscow to arm Kabul, Delhi would protest.')[0]?.text).toBe(
      'Were Moscow to arm Kabul',
    );
    expect(findConditions('Should talks fail, Delhi would protest.')[0]?.text).toBe(
      'Should talks fail',
    );
    // "should" as advice is no condition
    expect(findConditions('Delhi should protest loudly.')).toEqual([]);
    const s = 'In case Moscow arms Kabul, Delhi will protest.';
    expect(readCondition(s, s.indexOf('Moscow'))).toMatchObject({
      role: 'premise',
    });
    expect(readCondition('Delhi will protest.', 0)).toEqual({
      role: 'forecast',
      condition: null,
    });
  });
});

describe('horizons', () => {
  it('reads explicit periods against the document date', () => {
    expect(horizonOf('a deal by 2026', '2024-03-03')).toMatchObject({
      date: '2026-12-31',
      basis: 'explicit',
    });
    expect(horizonOf('a deal by mid-2025', '2024-03-03')?.date).toBe('2025-06-30');
    expect(horizonOf('a deal by March 2025', '2024-03-03')?.date).toBe('2025-03-31');
    expect(horizonOf('a deal within two years', '2024-03-03')?.date).toBe('2026-03-03');
    expect(horizonOf('a deal in the next six months', '2024-03-03')?.date).toBe('2024-09-03');
    expect(horizonOf('a deal next year', '2024-03-03')?.date).toBe('2025-12-31');
    expect(horizonOf('a deal in 2027', '2024-03-03')?.date).toBe('2027-12-31');
  });

  it('falls back to the documented default, and to none without a date', () => {
    expect(horizonOf('a deal soon', '2024-03-03')).toEqual({
      date: '2026-03-03',
      basis: 'default',
      phrase: null,
    });
    // a partial date counts from its last day
    expect(horizonOf('a deal soon', '2021-09')?.date).toBe('2023-09-30');
    // a past year is history, not a horizon
    expect(horizonOf('as in 2014, a deal', '2024-03-03')?.basis).toBe('default');
    expect(horizonOf('a deal by 2026', null)).toBeNull();
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
  });
});

describe('scores', () => {
  const forecast = (
    status: Forecast['status'],
    probability: number | null,
    author = 'A',
  ): Forecast =>
    ({ key: `${status}${probability}`, author, source: 'S', status, probability }) as Forecast;

  it('computes hit rate and the Brier score over the forecasts with a probability', () => {
    const scores = forecastScores([
      forecast('hit', 0.97),
      forecast('miss', 0.675),
      forecast('hit', null),
      forecast('open', 0.4),
      forecast('expired', 0.4),
      forecast('void', 0.875),
      forecast('hit', 0.3, 'B'),
    ]);
    const a = scores.authors.find((s) => s.name === 'A');
    expect(a).toMatchObject({
      forecasts: 6,
      n: 3,
      hits: 2,
      misses: 1,
      open: 1,
      expired: 1,
      void: 1,
    });
    expect(a?.hitRate).toBeCloseTo(2 / 3, 10);
    // ((0.97 − 1)² + (0.675 − 0)²) / 2 = (0.0009 + 0.455625) / 2
    expect(a?.brier).toBeCloseTo(0.2282625, 10);
    expect(a?.brierN).toBe(2);
    expect(scores.authors.find((s) => s.name === 'B')?.brier).toBeCloseTo(0.49, 10);
    expect(scores.sources).toHaveLength(1);
  });
});

describe('keys', () => {
  it('are stable and short, and prefixes must be unique', () => {
    const k = forecastKey('/a.md', 1, 9, 'PAK', 'TAL', 1);
    expect(k).toMatch(/^[0-9a-f]{16}$/);
    expect(forecastKey('/a.md', 1, 9, 'PAK', 'TAL', 1)).toBe(k);
    expect(forecastKey('/a.md', 1, 9, 'PAK', 'TAL', -1)).not.toBe(k);
    const list = [{ key: 'abcd1111' }, { key: 'abcd2222' }] as Forecast[];
    expect(() => findForecast(list, 'abcd')).toThrow(UsageError);
    expect(() => findForecast(list, 'abcd')).toThrow(/matches 2 forecasts/);
    expect(findForecast(list, 'ABCD1').key).toBe('abcd1111');
    expect(() => findForecast(list, 'ffff')).toThrow(NotFoundError);
    expect(() => findForecast(list, 'ab')).toThrow(/too short/);
    expect(() => findForecast(list, 'xyz!')).toThrow(/not a forecast key/);
  });
});

const EARLY = `# Border talk

Pakistan will very likely sign a trade agreement with the Taliban within two years. If the border stays closed, China will probably criticise Pakistan. India might condemn Iran next year. Russia will support the Taliban by 2030.
`;
const LATER = `# A deal at last

Pakistan signed a trade agreement with the Taliban in February 2023. China praised Pakistan for its cooperation on the border.
`;

describe('the ledger on a store', () => {
  let db: Db;
  beforeAll(() => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gg-forecast-lib-'));
    writeFileSync(path.join(dir, 'early.md'), EARLY);
    writeFileSync(path.join(dir, 'later.md'), LATER);
    writeFileSync(
      path.join(dir, 'meta.jsonl'),
      [
        { file: 'early.md', date: '2022-01-10', source: 'Frontier Review', author: 'Jane Analyst' },
        { file: 'later.md', date: '2023-03-01', source: 'Kabul Ledger', author: 'Omar Writer' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    const store = path.join(dir, 'store.db');
    const ingest = runCli([
      'ingest',
      dir,
      '--manifest',
      path.join(dir, 'meta.jsonl'),
      '--store',
      store,
    ]);
    expect(ingest.code, ingest.stderr).toBe(0);
    db = openStore(store);
  });
  afterAll(() => db?.close());

  const byPair = (list: Forecast[], a: string, b: string) =>
    list.find((f) => f.expected.source === a && f.expected.target === b) as Forecast;

  it('settles forecasts with later asserted evidence, keeping the resolving quote', () => {
    const all = listForecasts(db, { asOf: '2026-01-01' });
    expect(all).toHaveLength(4);
    const deal = byPair(all, 'PAK', 'TAL');
    expect(deal).toMatchObject({
      status: 'hit',
      resolvedBy: 'auto',
      probability: 0.875,
      probabilityWord: 'very likely',
      madeOn: '2022-01-10',
      horizon: '2024-01-10',
      horizonBasis: 'explicit',
      condition: null,
    });
    expect(deal.resolution?.quote).toBe('Pakistan signed a trade agreement with the Taliban');
    expect(deal.resolution?.date).toBe('2023-02');
    expect(deal.resolution?.document?.title).toBe('A deal at last');

    const critique = byPair(all, 'CHN', 'PAK');
    expect(critique).toMatchObject({
      status: 'miss',
      condition: 'If the border stays closed',
      probabilityWord: 'probably',
    });
    expect(critique.resolution?.quote).toBe('China praised Pakistan');
    expect(byPair(all, 'IND', 'IRN')).toMatchObject({ status: 'expired', horizon: '2023-12-31' });
    expect(byPair(all, 'RUS', 'TAL')).toMatchObject({
      status: 'open',
      probability: null,
      probabilityWord: 'will',
      horizon: '2030-12-31',
    });
  });

  it('knows only what was published by the date asked', () => {
    const then = listForecasts(db, { asOf: '2022-06-30' });
    expect(then.map((f) => f.status)).toEqual(['open', 'open', 'open', 'open']);
  });

  it('scores the author: one hit (p 0.875), one miss (p 0.675)', () => {
    const [jane] = forecastScores(listForecasts(db, { asOf: '2026-01-01' })).authors;
    expect(jane).toMatchObject({ name: 'Jane Analyst', n: 2, hits: 1, misses: 1, brierN: 2 });
    // ((0.875 − 1)² + (0.675 − 0)²) / 2 = (0.015625 + 0.455625) / 2
    expect(jane?.brier).toBeCloseTo(0.235625, 10);
  });

  it('lets a user override the evidence, and rejects a bad outcome without writing', () => {
    const critique = byPair(listForecasts(db), 'CHN', 'PAK');
    expect(() => resolveForecast(db, critique.key, 'maybe')).toThrow(/outcome: "maybe"/);
    expect(byPair(listForecasts(db), 'CHN', 'PAK').resolvedBy).toBe('auto');
    const { forecast, previous } = resolveForecast(
      db,
      critique.key.slice(0, 6),
      'void',
      'premise never held',
    );
    expect(previous).toBeNull();
    expect(forecast).toMatchObject({ status: 'void', resolvedBy: 'user' });
    expect(forecast.resolution?.note).toBe('premise never held');
    expect(listForecasts(db, { state: 'resolved' }).map((f) => f.key)).toContain(critique.key);
  });
});

describe('the probability table file', () => {
  it('is checked, and a bad entry is named with its file, line and field', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'gg-forecast-words-'));
    const file = path.join(dir, 'words.yaml');
    writeFileSync(
      file,
      'version: 1\nwords:\n  - { phrase: likely, probability: 0.7, basis: x }\n  - { phrase: surely, probability: 1.5, basis: x }\n',
    );
    expect(() => loadProbabilityTable(file)).toThrow(InvalidDataError);
    expect(() => loadProbabilityTable(file)).toThrow(/words\.yaml:4: field words\.1\.probability/);
    writeFileSync(
      file,
      'version: 1\nwords:\n  - { phrase: likely, probability: 0.7, basis: x }\n  - { phrase: Likely, probability: 0.6, basis: x }\n',
    );
    expect(() => loadProbabilityTable(file)).toThrow(/"likely" is listed twice/);
  });
});
