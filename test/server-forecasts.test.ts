/**
 * The forecast ledger over HTTP, on a store ingested (by the built CLI)
 * from three small articles: a hit, a miss, an open and an expired
 * forecast. The list with its filters and scores, bad queries naming the
 * field, writes refused without the token, unknown or malformed keys named
 * `key`, and a decision by hand that the next read shows (and that can be
 * taken back).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Forecast, ForecastScores } from '../src/forecast/types.js';
import { buildServer, type GreatgameServer } from '../src/server/app.js';
import { ingestArticles } from './helpers/article-store.js';

const TOKEN = 'forecast-token-456';
const auth = { authorization: `Bearer ${TOKEN}` };

const ONE = `# Frontier fears

Published 3 March 2020. Pakistan will likely attack the TTP. If the border stays closed, China will probably criticise Pakistan.
`;
const TWO = `# Northern worries

Published 1 June 2020. Iran is unlikely to support the Taliban by 2040. India will almost certainly condemn Pakistan.
`;
const THREE = `# Strikes at last

Published 5 May 2021. Pakistan attacked the TTP in April 2021. China praised Pakistan for its cooperation on the border.
`;

interface ListBody {
  total: number;
  limit: number;
  offset: number;
  asOf: string;
  items: Forecast[];
  scores: ForecastScores;
}

describe('the forecasts API', { timeout: 120_000 }, () => {
  let server: GreatgameServer;
  const get = async (url: string) => {
    const response = await server.app.inject(url);
    return { status: response.statusCode, body: response.json() };
  };
  const list = async (query = '') => {
    const { status, body } = await get(`/api/forecasts${query}`);
    expect(status, JSON.stringify(body)).toBe(200);
    return body as ListBody;
  };
  const write = async (
    method: 'POST' | 'DELETE',
    url: string,
    payload?: object,
    headers: Record<string, string> = auth,
  ) => {
    const response = await server.app.inject({ method, url, payload, headers });
    return { status: response.statusCode, body: response.json() };
  };
  const byKind = (items: Forecast[], source: string, target: string) =>
    items.find((f) => f.expected.source === source && f.expected.target === target) as Forecast;

  beforeAll(async () => {
    const { store } = ingestArticles('gg-api-forecasts-', [
      {
        file: 'one.md',
        text: ONE,
        date: '2020-03-03',
        source: 'Frontier Review',
        author: 'Jane Analyst',
      },
      {
        file: 'two.md',
        text: TWO,
        date: '2020-06-01',
        source: 'Steppe Notes',
        author: 'Lee Commentator',
      },
      {
        file: 'three.md',
        text: THREE,
        date: '2021-05-05',
        source: 'Kabul Ledger',
        author: 'Omar Writer',
      },
    ]);
    server = await buildServer({ store, token: TOKEN });
  });
  afterAll(async () => {
    await server?.app.close();
  });

  it('lists every forecast with its status, and scores each author and source', async () => {
    const body = await list();
    expect(body).toMatchObject({ total: 4, limit: 50, offset: 0 });
    expect(body.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(
      body.items.map((f) => [f.expected.source, f.expected.target, f.status, f.resolvedBy]),
    ).toEqual([
      ['PAK', 'TTP', 'hit', 'auto'],
      ['CHN', 'PAK', 'miss', 'auto'],
      ['IRN', 'TAL', 'open', null],
      ['IND', 'PAK', 'expired', null],
    ]);
    const attack = byKind(body.items, 'PAK', 'TTP');
    expect(attack).toMatchObject({
      author: 'Jane Analyst',
      source: 'Frontier Review',
      madeOn: '2020-03-03',
      probabilityWord: 'likely',
      probability: 0.675,
      quote: { text: 'Pakistan will likely attack the TTP' },
      resolution: { quote: 'Pakistan attacked the TTP', date: '2021-04' },
    });
    expect(attack.key).toMatch(/^[0-9a-f]{16}$/);
    expect(byKind(body.items, 'CHN', 'PAK').condition).toBe('If the border stays closed');

    const jane = body.scores.authors.find((s) => s.name === 'Jane Analyst');
    expect(jane).toMatchObject({ forecasts: 2, n: 2, hits: 1, misses: 1, hitRate: 0.5 });
    expect(jane?.brier).toBeCloseTo(((0.675 - 1) ** 2 + 0.675 ** 2) / 2, 10);
    expect(body.scores.authors.find((s) => s.name === 'Lee Commentator')).toMatchObject({
      n: 0,
      open: 1,
      expired: 1,
      hitRate: null,
      brier: null,
    });
    expect(body.scores.sources.map((s) => s.name).sort()).toEqual([
      'Frontier Review',
      'Steppe Notes',
    ]);
  });

  it('filters by author, source, pair, state and date, pages, and scores the filtered list', async () => {
    const jane = await list('?author=JANE');
    expect(jane.total).toBe(2);
    expect(jane.items.every((f) => f.author === 'Jane Analyst')).toBe(true);
    expect(jane.scores.authors.map((s) => s.name)).toEqual(['Jane Analyst']);

    const steppe = await list('?source=steppe');
    expect(steppe.items.map((f) => f.source)).toEqual(['Steppe Notes', 'Steppe Notes']);

    const pair = await list('?pair=ttp,pak');
    expect(pair.items.map((f) => [f.expected.source, f.expected.target])).toEqual([['PAK', 'TTP']]);

    expect((await list('?state=open')).items.map((f) => f.expected.source)).toEqual(['IRN']);
    expect((await list('?state=resolved')).items.map((f) => f.status)).toEqual(['hit', 'miss']);

    // Before the 2021 article, the attack was still to come.
    const then = await list('?asOf=2021-01-01&pair=PAK,TTP');
    expect(then.asOf).toBe('2021-01-01');
    expect(then.items[0]).toMatchObject({ status: 'open', resolvedBy: null, resolution: null });

    const paged = await list('?limit=1&offset=1');
    expect(paged).toMatchObject({ total: 4, limit: 1, offset: 1 });
    expect(paged.items.map((f) => f.expected.source)).toEqual(['CHN']);
    // The scores cover every match, not only the page.
    expect(paged.scores.authors.reduce((sum, s) => sum + s.forecasts, 0)).toBe(4);
  });

  it('answers a bad query with 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['?state=maybe', 'state'],
      ['?pair=PAK', 'pair'],
      ['?pair=PAK,pak', 'pair'],
      ['?limit=0', 'limit'],
      ['?limit=501', 'limit'],
      ['?offset=-1', 'offset'],
      ['?asOf=soon', 'asOf'],
      ['?asOf=2021-13-01', 'asOf'],
      [`?author=${'x'.repeat(201)}`, 'author'],
      ['?outcome=hit', 'outcome'],
    ];
    for (const [query, field] of cases) {
      const { status, body } = await get(`/api/forecasts${query}`);
      expect([query, status, body.field]).toEqual([query, 400, field]);
      expect(body.message).toContain(field);
    }
  });

  it('refuses writes without the token, leaving the ledger as it was', async () => {
    const before = await list();
    const key = before.items[0]?.key as string;
    const refused: Record<string, string>[] = [{}, { authorization: 'Bearer wrong' }];
    for (const headers of refused) {
      const resolve = await write(
        'POST',
        `/api/forecasts/${key}/resolve`,
        { outcome: 'void' },
        headers,
      );
      expect([resolve.status, resolve.body.field]).toEqual([401, 'authorization']);
      const clear = await write('DELETE', `/api/forecasts/${key}/resolution`, undefined, headers);
      expect([clear.status, clear.body.field]).toEqual([401, 'authorization']);
    }
    expect(await list()).toEqual(before);
  });

  it('names `key` when it is unknown (404), too short or malformed (400); checks the body', async () => {
    const cases: [string, number, RegExp][] = [
      ['ffffffffffff', 404, /key: no forecast with key "ffffffffffff"/],
      ['ab', 400, /key: "ab" is too short/],
      ['not-a-key', 400, /key: "not-a-key" is not a forecast key/],
      ['0123456789abcdef0', 400, /key: .* is not a forecast key/],
    ];
    for (const [key, status, message] of cases) {
      const resolve = await write('POST', `/api/forecasts/${key}/resolve`, { outcome: 'hit' });
      expect([key, resolve.status, resolve.body.field]).toEqual([key, status, 'key']);
      expect(resolve.body.message).toMatch(message);
      const clear = await write('DELETE', `/api/forecasts/${key}/resolution`);
      expect([key, clear.status, clear.body.field]).toEqual([key, status, 'key']);
    }
    // The body is checked too, field by field.
    const key = (await list()).items[0]?.key as string;
    const bad: [object, string][] = [
      [{ outcome: 'perhaps' }, 'outcome'],
      [{}, 'outcome'],
      [{ outcome: 'hit', note: 'n'.repeat(2001) }, 'note'],
      [{ outcome: 'hit', extra: 1 }, 'extra'],
    ];
    for (const [payload, field] of bad) {
      const { status, body } = await write('POST', `/api/forecasts/${key}/resolve`, payload);
      expect([JSON.stringify(payload).slice(0, 40), status, body.field]).toEqual([
        JSON.stringify(payload).slice(0, 40),
        400,
        field,
      ]);
    }
  });

  it('settles a forecast by hand: the next read shows it, and clearing hands it back', async () => {
    const miss = byKind((await list()).items, 'CHN', 'PAK');
    expect(miss).toMatchObject({ status: 'miss', resolvedBy: 'auto' });

    const resolved = await write('POST', `/api/forecasts/${miss.key.slice(0, 8)}/resolve`, {
      outcome: 'hit',
      note: 'the critique came in private',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      key: miss.key,
      status: 'hit',
      resolvedBy: 'user',
      resolution: { note: 'the critique came in private', quote: null },
    });

    // The cached list is refreshed: status, who decided, and the scores.
    const after = await list();
    expect(byKind(after.items, 'CHN', 'PAK')).toMatchObject({
      status: 'hit',
      resolvedBy: 'user',
      resolution: { note: 'the critique came in private' },
    });
    expect(after.scores.authors.find((s) => s.name === 'Jane Analyst')).toMatchObject({
      hits: 2,
      misses: 0,
      hitRate: 1,
    });
    expect((await list('?state=resolved&author=jane')).items.map((f) => f.status)).toEqual([
      'hit',
      'hit',
    ]);

    // void takes it out of the scores
    const voided = await write('POST', `/api/forecasts/${miss.key}/resolve`, { outcome: 'void' });
    expect(voided.body).toMatchObject({
      status: 'void',
      resolvedBy: 'user',
      resolution: { note: null },
    });
    expect((await list('?author=jane')).scores.authors[0]).toMatchObject({ n: 1, void: 1 });

    const cleared = await write('DELETE', `/api/forecasts/${miss.key}/resolution`);
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ key: miss.key, status: 'miss', resolvedBy: 'auto' });
    expect(byKind((await list()).items, 'CHN', 'PAK')).toMatchObject({ status: 'miss' });
    const again = await write('DELETE', `/api/forecasts/${miss.key}/resolution`);
    expect([again.status, again.body.field]).toEqual([404, 'key']);
    expect(again.body.message).toMatch(/no resolution by hand/);
  });

  it('is described at /api/openapi.json under the forecasts tag', async () => {
    const { body } = await get('/api/openapi.json');
    expect(body.paths['/api/forecasts'].get.tags).toEqual(['forecasts']);
    expect(body.paths['/api/forecasts/{key}/resolve'].post.security).toEqual([{ bearer: [] }]);
    expect(body.paths['/api/forecasts/{key}/resolution'].delete.tags).toEqual(['forecasts']);
    const names = body.paths['/api/forecasts'].get.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['author', 'source', 'pair', 'state', 'asOf', 'limit', 'offset']),
    );
  });
});
