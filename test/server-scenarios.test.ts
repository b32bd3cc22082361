/**
 * Scenarios over HTTP: the shipped list, a run that needs the token, the
 * same field-named 400s as scenario files, and a result whose changes carry
 * their explanation and quotes — on the store built from the gold relations.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type GreatgameServer } from '../src/server/app.js';
import { seedsAvailable } from './helpers/corpus.js';
import { buildGoldStore } from './helpers/gold-store.js';

const TOKEN = 'scenario-token';

describe.skipIf(!seedsAvailable())('the scenario API', () => {
  let server: GreatgameServer;
  const post = async (body: unknown, token: string | null = TOKEN) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/scenarios/run',
      payload: body as Record<string, unknown>,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    return { status: response.statusCode, body: response.json() };
  };

  beforeAll(async () => {
    const store = path.join(mkdtempSync(path.join(os.tmpdir(), 'gg-api-scenarios-')), 'gold.db');
    buildGoldStore(store);
    server = await buildServer({ store, token: TOKEN });
  });
  afterAll(async () => {
    await server?.app.close();
  });

  it('lists the shipped scenarios and describes the routes in OpenAPI', async () => {
    const list = await server.app.inject('/api/scenarios');
    expect(list.statusCode).toBe(200);
    const ids = (list.json() as { items: { id: string; shocks: unknown[] }[] }).items.map(
      (s) => s.id,
    );
    expect(ids).toEqual([
      '2019-us-taliban-deal',
      '2021-us-taliban-rapprochement',
      '2025-russia-recognises-taliban',
      '2025-trump-bagram-demand',
    ]);
    const spec = (await server.app.inject('/api/openapi.json')).json() as { paths: object };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/scenarios', '/api/scenarios/run']),
    );
  });

  it('needs the token to run, and names the field at fault', async () => {
    expect((await post({ scenario: '2019-us-taliban-deal' }, null)).status).toBe(401);
    expect((await post({ scenario: '2019-us-taliban-deal' }, 'wrong')).status).toBe(401);
    const unknownActor = await post({
      at: '2021-09',
      shocks: [{ type: 'set', pair: ['USA', 'TALX'], value: 0.5 }],
    });
    expect(unknownActor.status).toBe(400);
    expect(unknownActor.body.field).toBe('shocks.0.pair.1');
    expect(unknownActor.body.message).toMatch(/unknown actor "TALX"/);
    const badValue = await post({
      at: '2021-09',
      shocks: [{ type: 'set', pair: ['USA', 'TAL'], value: 3 }],
    });
    expect(badValue.status).toBe(400);
    expect(badValue.body.field).toBe('shocks.0.value');
    const noBase = await post({ shocks: [{ type: 'set', pair: ['USA', 'TAL'], value: 0.5 }] });
    expect(noBase.status).toBe(400);
    const tooMany = await post({ scenario: '2019-us-taliban-deal', runs: 100_000 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.field).toBe('runs');
    const missing = await post({ scenario: 'no-such-scenario' });
    expect(missing.status).toBe(404);
    expect(missing.body.field).toBe('scenario');
  });

  it('runs a shipped scenario: blocs, explained changes with quotes, the argued realignments', async () => {
    const { status, body } = await post({ scenario: '2019-us-taliban-deal', runs: 100 });
    expect(status).toBe(200);
    const r = body.result as {
      blocs: [string[], string[]];
      changes: {
        kind: string;
        because: string;
        drivers: { links: { quotes: { quote: string }[] }[] }[];
      }[];
      expectations: { expectation: string; withShock: boolean | null }[];
    };
    expect(r.changes.some((c) => c.kind === 'imposed')).toBe(true);
    const flip = r.changes.find((c) => c.kind === 'flip');
    expect(flip?.because).toMatch(/ because /);
    expect(flip?.drivers.flatMap((d) => d.links.flatMap((l) => l.quotes)).length).toBeGreaterThan(
      0,
    );
    expect(
      r.expectations.find((e) => e.expectation === 'RUS, IND against CHN, PAK')?.withShock,
    ).toBe(true);
  });

  it('runs shocks on the network at a date', async () => {
    const { status, body } = await post({
      at: '2025-06',
      shocks: [{ type: 'set', pair: ['PAK', 'TAL'], value: 0.8 }],
      model: 'triads',
      runs: 50,
    });
    expect(status).toBe(200);
    expect(body.base.to).toBe('2025-06-30');
    const imposed = body.result.changes.find((c: { kind: string }) => c.kind === 'imposed');
    expect(imposed).toMatchObject({ source: 'PAK', target: 'TAL', fromSign: -1, toSign: 1 });
  });
});
