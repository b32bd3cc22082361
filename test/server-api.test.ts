/**
 * The HTTP API on a store built from the seeds' gold relations (plus one
 * hostile document): answers match the network code, quotes sit at their
 * offsets, bad requests are 4xx naming the field, writes need the token,
 * oversized uploads get 413, and writes show up in the next read.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNetwork } from '../src/network/aggregate.js';
import { buildServer, type GreatgameServer } from '../src/server/app.js';
import { writeToken } from '../src/server/auth.js';
import { CONTENT_SECURITY_POLICY } from '../src/server/security.js';
import { CLI, seedsAvailable } from './helpers/corpus.js';
import { goldEvidence } from './helpers/gold.js';
import { buildGoldStore, HOSTILE } from './helpers/gold-store.js';

const TOKEN = 'test-token-123';
const auth = { authorization: `Bearer ${TOKEN}` };

interface NetworkBody {
  edges: { source: string; target: string; sign: number; weight: number; relationCount: number }[];
  nodes: { id: string; name: string; type: string | null }[];
}

describe.skipIf(!seedsAvailable())('the HTTP API', () => {
  let server: GreatgameServer;
  let store: string;
  const get = async (url: string) => {
    const response = await server.app.inject(url);
    return { status: response.statusCode, body: response.json(), headers: response.headers };
  };

  beforeAll(async () => {
    store = path.join(mkdtempSync(path.join(os.tmpdir(), 'gg-api-')), 'gold.db');
    buildGoldStore(store, { hostile: true });
    server = await buildServer({ store, token: TOKEN, maxUploadBytes: 4096 });
  });
  afterAll(async () => {
    await server?.app.close();
  });

  it('describes itself at /api/openapi.json', async () => {
    const { status, body } = await get('/api/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    for (const route of [
      '/api/network',
      '/api/relations',
      '/api/documents/{id}',
      '/api/balance',
      '/api/timeline',
      '/api/ingest',
      '/api/search',
    ])
      expect(Object.keys(body.paths)).toContain(route);
    const at = body.paths['/api/network'].get.parameters.find(
      (p: { name: string }) => p.name === 'at',
    );
    expect(at.in).toBe('query');
  });

  it('gives the network at a date as the network code builds it: PAK–TAL + in 2021, − in 2025', async () => {
    // The gold evidence and the hostile document's one relation.
    const gold = [
      ...goldEvidence(),
      {
        id: 0,
        source: 'IND',
        target: 'PAK',
        polarity: -1 as const,
        modality: 'asserted' as const,
        date: '2024-03-03',
        docDate: '2024-03-03',
        voice: 'hostile.txt',
      },
    ];
    for (const at of ['2021-12', '2025-06']) {
      const { status, body } = await get(`/api/network?at=${at}`);
      expect(status).toBe(200);
      const network = body as NetworkBody;
      const expected = buildNetwork(gold, { at });
      expect(network.edges.map((e) => [e.source, e.target, e.weight, e.relationCount])).toEqual(
        expected.edges.map((e) => [e.source, e.target, e.weight, e.relations.length]),
      );
      const pak = network.nodes.find((n) => n.id === 'PAK');
      expect(pak?.type).toBe('state');
    }
    const sign = async (at: string) =>
      ((await get(`/api/network?at=${at}`)).body as NetworkBody).edges.find(
        (e) => e.source === 'PAK' && e.target === 'TAL',
      )?.sign;
    expect(await sign('2021-12')).toBe(1);
    expect(await sign('2025-06')).toBe(-1);
  });

  it('lists relations of a pair with quotes at their offsets, paged', async () => {
    const first = await get('/api/relations?pair=PAK,TAL&limit=5');
    expect(first.status).toBe(200);
    expect(first.body.total).toBeGreaterThan(10);
    expect(first.body.items).toHaveLength(5);
    const second = await get('/api/relations?pair=TAL,PAK&limit=5&offset=5');
    expect(second.body.total).toBe(first.body.total);
    const ids = new Set(first.body.items.map((r: { id: number }) => r.id));
    expect(second.body.items.some((r: { id: number }) => ids.has(r.id))).toBe(false);
    const relation = first.body.items[0];
    const doc = (await get(`/api/documents/${relation.documentId}`)).body;
    expect(doc.text.slice(relation.start, relation.end)).toBe(relation.quote);
    expect(doc.relations.length).toBeGreaterThan(0);
  });

  it('opens the evidence of one edge at a date', async () => {
    const { status, body } = await get('/api/network/edge?pair=TAL,PAK&at=2025-06&limit=3');
    expect(status).toBe(200);
    expect(body.edge.sign).toBe(-1);
    expect(body.items).toHaveLength(3);
    expect(body.total).toBe(body.edge.relationCount);
    expect(body.items[0].quote.length).toBeGreaterThan(0);
  });

  it('answers balance, timeline, actors and search', async () => {
    const balance = await get('/api/balance?at=2025-06');
    expect(balance.status).toBe(200);
    expect(balance.body.frustrationIndex).toBeGreaterThanOrEqual(0);
    expect(balance.body.blocs).toHaveLength(2);
    expect(balance.body.unbalancedTriads[0].edges).toHaveLength(3);
    const timeline = await get('/api/timeline?step=1y&from=2019');
    expect(timeline.status).toBe(200);
    const flips = timeline.body.windows.flatMap(
      (w: { changes: { kind: string; source: string; target: string }[] }) =>
        w.changes.filter((c) => c.kind === 'flipped').map((c) => `${c.source}-${c.target}`),
    );
    expect(flips).toContain('PAK-TAL');
    const actor = await get('/api/actors/PAK');
    expect(actor.body.years.length).toBeGreaterThan(0);
    expect(actor.body.partners.map((p: { id: string }) => p.id)).toContain('TAL');
    const search = await get('/api/search?q=onerror');
    expect(search.body.documents.items[0].title).toContain(HOSTILE);
    expect(search.body.relations.items[0].quote).toContain(HOSTILE);
  });

  it('rejects bad requests with 4xx bodies naming the field', async () => {
    const cases: [string, number, string][] = [
      ['/api/network?at=2021-13x', 400, 'at'],
      ['/api/network?at=2021&from=2020', 400, 'from'],
      ['/api/network?layer=dreamt', 400, 'layer'],
      ['/api/network?halfLife=-3', 400, 'halfLife'],
      ['/api/network?colour=red', 400, 'colour'],
      ['/api/relations?limit=0', 400, 'limit'],
      ['/api/relations?limit=100000', 400, 'limit'],
      ['/api/relations?pair=PAK', 400, 'pair'],
      ['/api/relations?modality=certain', 400, 'modality'],
      ['/api/network/edge?at=2025', 400, 'pair'],
      ['/api/network/edge?pair=PAK,ISR&at=2025', 404, 'pair'],
      ['/api/timeline?step=fortnight', 400, 'step'],
      ['/api/timeline?step=1mo&from=1900', 400, 'step'],
      ['/api/documents/abc', 400, 'id'],
      ['/api/documents/99999', 404, 'id'],
      ['/api/search?q=a', 400, 'q'],
    ];
    for (const [url, status, field] of cases) {
      const response = await get(url);
      expect([url, response.status, response.body.field]).toEqual([url, status, field]);
      expect(response.body.message).toContain(field);
    }
  });

  it('guards writes with the token, limits uploads, and shows writes in the next read', async () => {
    const text =
      '# Border\n\nPublished 3 March 2025\n\nPakistan accused the Taliban of sheltering TTP fighters.\n';
    const upload = (headers: Record<string, string>, payload: string) =>
      server.app.inject({
        method: 'POST',
        url: '/api/ingest?name=border.md',
        payload,
        headers: { 'content-type': 'text/markdown', ...headers },
      });
    const anonymous = await upload({}, text);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().field).toBe('authorization');
    expect((await upload({ authorization: 'Bearer wrong' }, text)).statusCode).toBe(401);
    const big = await upload(auth, 'x'.repeat(5000));
    expect(big.statusCode).toBe(413);
    expect(big.json().field).toBe('body');
    const json = await server.app.inject({
      method: 'POST',
      url: '/api/ingest?name=a.md',
      payload: { text },
      headers: auth,
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().field).toBe('content-type');

    const before = (await get('/api/meta')).body.relations;
    const stored = await upload(auth, text);
    expect(stored.statusCode).toBe(201);
    expect(stored.json().documents).toHaveLength(1);
    expect(stored.json().extraction.relations).toBeGreaterThan(0);
    expect((await get('/api/meta')).body.relations).toBeGreaterThan(before);
    const again = await upload(auth, text);
    expect(again.statusCode).toBe(200);
    expect(again.json().summary.unchanged).toBe(1);
  });

  it('ingests a web page by URL (only where the address guard allows)', async () => {
    const page = `<html><head><title>Talks</title><meta property="article:published_time" content="2025-05-02"></head><body><article><h1>Talks</h1><p>China supported the Taliban in talks with Pakistan on trade. China cooperated with Pakistan on the corridor and the railway.</p></article></body></html>`;
    const site: Server = createServer((request, response) => {
      if (request.url === '/robots.txt') response.writeHead(404).end();
      else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(site.address() as AddressInfo).port}/talks.html`;
    const open = await buildServer({ store, token: TOKEN, allowRanges: ['127.0.0.1/32'] });
    try {
      const refused = await server.app.inject({
        method: 'POST',
        url: '/api/ingest/url',
        payload: { url },
        headers: auth,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().field).toBe('url');
      const badUrl = await server.app.inject({
        method: 'POST',
        url: '/api/ingest/url',
        payload: { url: 'ftp://x' },
        headers: auth,
      });
      expect(badUrl.json().field).toBe('url');
      const stored = await open.app.inject({
        method: 'POST',
        url: '/api/ingest/url',
        payload: { url },
        headers: auth,
      });
      expect(stored.statusCode, stored.body).toBe(201);
      expect(stored.json().documents[0].path).toBe(url);
    } finally {
      await open.app.close();
      site.close();
    }
  });

  it('sends a Content-Security-Policy that forbids inline script', async () => {
    const api = await get('/api/meta');
    expect(api.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    const page = await server.app.inject('/');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('takes the write token from GREATGAME_TOKEN, else makes one', () => {
    expect(writeToken({ GREATGAME_TOKEN: 'abc' })).toEqual({ token: 'abc', fromEnv: true });
    const made = writeToken({});
    expect(made.fromEnv).toBe(false);
    expect(made.token.length).toBeGreaterThanOrEqual(24);
  });

  it('`greatgame serve --port 0` serves the app and the API on 127.0.0.1', async () => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--store', store], {
      env: { ...process.env, GREATGAME_TOKEN: TOKEN },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /app:\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
      });
      const spec = await fetch(`${address}/api/openapi.json`);
      expect(spec.status).toBe(200);
      const network = (await (
        await fetch(`${address}/api/network?at=2025-06`)
      ).json()) as NetworkBody;
      expect(network.edges.length).toBeGreaterThan(0);
      const relations = await fetch(`${address}/api/relations?pair=PAK,TAL`);
      expect(relations.status).toBe(200);
      const write = await fetch(`${address}/api/ingest?name=x.txt`, {
        method: 'POST',
        body: 'hello',
        headers: { 'content-type': 'text/plain' },
      });
      expect(write.status).toBe(401);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
