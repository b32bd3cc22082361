import { afterEach, describe, expect, it } from 'vitest';
import { FetchError, HttpClient, type HttpClientOptions } from '../src/sources/http/client.js';
import { HostSpacer, requestedWait } from '../src/sources/http/rate-limit.js';
import { routes, startServer, type TestServer } from './helpers/http-fixtures.js';

let servers: TestServer[] = [];
let clients: HttpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  clients = [];
});

async function serve(handler: Parameters<typeof startServer>[0]): Promise<TestServer> {
  const server = await startServer(handler);
  servers.push(server);
  return server;
}

function client(options: HttpClientOptions = {}): HttpClient {
  const c = new HttpClient({
    policy: { allowRanges: ['127.0.0.1/32'] },
    hostIntervalMs: 0,
    backoffMs: 10,
    maxWaitMs: 2000,
    timeoutMs: 3000,
    ...options,
  });
  clients.push(c);
  return c;
}

describe('a polite HTTP client', () => {
  it('names greatgame in its User-Agent and keeps out of what robots.txt disallows', async () => {
    const server = await serve(
      routes({
        '/robots.txt': [
          200,
          { 'content-type': 'text/plain' },
          'User-agent: greatgame\nDisallow: /private/\n\nUser-agent: *\nDisallow: /',
        ],
        '/news/a': [200, { 'content-type': 'text/html' }, '<p>ok</p>'],
        '/private/b': [200, { 'content-type': 'text/html' }, '<p>secret</p>'],
      }),
    );
    const c = client();
    const ok = await c.get(`${server.origin}/news/a`, { robots: true });
    expect(ok.status).toBe(200);
    await expect(c.get(`${server.origin}/private/b`, { robots: true })).rejects.toThrow(
      /robots\.txt .* disallows greatgame/,
    );
    expect(server.requests.map((r) => r.url)).toEqual(['/robots.txt', '/news/a']); // robots.txt read once
    expect(server.requests[1]?.headers['user-agent']).toMatch(/^greatgame\//);
  });

  it('treats a missing robots.txt as allowing everything and a failing one as disallowing', async () => {
    const missing = await serve(routes({ '/a': [200, {}, 'a'] }));
    await expect(client().get(`${missing.origin}/a`, { robots: true })).resolves.toMatchObject({
      status: 200,
    });
    const failing = await serve(routes({ '/robots.txt': [503, {}, 'down'], '/a': [200, {}, 'a'] }));
    await expect(
      client({ retries: 0 }).get(`${failing.origin}/a`, { robots: true }),
    ).rejects.toThrow(/disallows/);
    expect(failing.requests.map((r) => r.url)).toEqual(['/robots.txt']);
  });

  it('sends conditional requests and reports 304 as not modified', async () => {
    const server = await serve((req, res) => {
      if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end();
      else
        res
          .writeHead(200, { etag: '"v1"', 'last-modified': 'Sat, 19 Apr 2025 10:00:00 GMT' })
          .end('body');
    });
    const c = client();
    const first = await c.get(`${server.origin}/feed`);
    expect(first).toMatchObject({
      notModified: false,
      etag: '"v1"',
      lastModified: 'Sat, 19 Apr 2025 10:00:00 GMT',
    });
    const second = await c.get(`${server.origin}/feed`, {
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second.notModified).toBe(true);
    expect(server.requests[1]?.headers['if-modified-since']).toBe('Sat, 19 Apr 2025 10:00:00 GMT');
  });

  it('caps the response size, declared or streamed', async () => {
    const big = 'x'.repeat(5000);
    const server = await serve(
      routes({
        '/declared': [200, { 'content-length': String(big.length) }, big],
        '/chunked': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.write(big);
          res.end(big);
        },
      }),
    );
    const c = client({ maxBytes: 4000 });
    await expect(c.get(`${server.origin}/declared`)).rejects.toThrow(
      /5000 bytes is over the 4000-byte limit/,
    );
    await expect(c.get(`${server.origin}/chunked`)).rejects.toThrow(/over the 4000-byte limit/);
  });

  it('follows a limited number of redirects, only to http(s)', async () => {
    const server = await serve((req, res) => {
      const n = Number((req.url ?? '').slice(1));
      if (req.url === '/file') res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      else if (n < 10) res.writeHead(302, { location: `/${n + 1}` }).end();
      else res.writeHead(200).end('arrived');
    });
    const c = client({ maxRedirects: 3 });
    await expect(c.get(`${server.origin}/0`)).rejects.toThrow(/more than 3 redirects/);
    const far = await client({ maxRedirects: 12 }).get(`${server.origin}/5`);
    expect(far.url).toBe(`${server.origin}/10`);
    await expect(c.get(`${server.origin}/file`)).rejects.toThrow(/only http and https/);
  });

  it('retries 5xx with backoff and 429 after the wait the server names', async () => {
    let calls = 0;
    const server = await serve((_req, res) => {
      calls++;
      if (calls === 1) res.writeHead(503).end('busy');
      else if (calls === 2) res.writeHead(429, { 'retry-after': '1' }).end('slow down');
      else res.writeHead(200).end('done');
    });
    const waits: number[] = [];
    const c = client({ sleep: async (ms) => void waits.push(ms), retries: 3 });
    const result = await c.get(`${server.origin}/x`);
    expect(Buffer.from(result.bytes).toString()).toBe('done');
    expect(waits).toEqual([10, 1000]);
    // A wait beyond the cap is not waited: the fetch fails and says so.
    const stubborn = await serve((_req, res) =>
      res.writeHead(429, { 'retry-after': '3600' }).end(),
    );
    await expect(client().get(`${stubborn.origin}/x`)).rejects.toThrow(
      /wait 3600 s, more than the 2 s cap/,
    );
    const broken = await serve((_req, res) => res.writeHead(500).end('oops'));
    await expect(client({ retries: 2 }).get(`${broken.origin}/x`)).rejects.toMatchObject({
      status: 500,
    });
    expect(broken.requests).toHaveLength(3);
  });

  it('times out a server that never answers', async () => {
    const server = await serve(() => undefined); // accepts, never replies
    const started = Date.now();
    await expect(
      client({ timeoutMs: 300, retries: 0 }).get(`${server.origin}/slow`),
    ).rejects.toBeInstanceOf(FetchError);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('spaces requests to one host', async () => {
    const server = await serve((_req, res) => res.writeHead(200).end('ok'));
    const c = client({ hostIntervalMs: 150 });
    const started = Date.now();
    for (let i = 0; i < 3; i++) await c.get(`${server.origin}/${i}`);
    // Three requests: two full intervals at least, however the server is scheduled.
    expect(Date.now() - started).toBeGreaterThanOrEqual(295);
    // The spacing is per host: by the book, with a fake clock.
    const waits: number[] = [];
    let now = 1000;
    const spacer = new HostSpacer(
      500,
      async (ms) => {
        waits.push(ms);
        now += ms;
      },
      () => now,
    );
    await spacer.take('a.example');
    await spacer.take('b.example');
    await spacer.take('a.example');
    now += 100;
    await spacer.take('a.example');
    spacer.holdUntil('b.example', now + 2000);
    await spacer.take('b.example');
    expect(waits).toEqual([500, 400, 2000]);
  });

  it('reads Retry-After and Mastodon rate-limit headers', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(requestedWait(429, { 'retry-after': '7' }, now)).toBe(7000);
    expect(requestedWait(429, { 'x-ratelimit-reset': '2025-01-01T00:00:02.500Z' }, now)).toBe(2500);
    expect(
      requestedWait(
        200,
        { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2025-01-01T00:01:00Z' },
        now,
      ),
    ).toBe(60_000);
    expect(
      requestedWait(
        200,
        { 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': '2025-01-01T00:01:00Z' },
        now,
      ),
    ).toBeNull();
  });
});
