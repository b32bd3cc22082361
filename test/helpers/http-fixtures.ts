/**
 * Real HTTP servers for the live-source tests, on 127.0.0.1 port 0 only:
 * a generic recorder and a fake Mastodon server whose replies follow the
 * API documentation (statuses, Link headers, rate-limit headers).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  at: number;
}

export interface TestServer {
  origin: string;
  port: number;
  requests: Recorded[];
  close: () => Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, server: TestServer) => void;

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: Recorded[] = [];
  const state = {} as TestServer;
  const server = createServer((req, res) => {
    requests.push({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: req.headers,
      at: Date.now(),
    });
    handler(req, res, state);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(state, {
    origin: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return state;
}

/** Serves fixed routes: path → [status, headers, body]; anything else is 404. */
export function routes(
  table: Record<string, [number, Record<string, string>, string | Buffer] | Handler>,
): Handler {
  return (req, res, server) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    const route = table[path];
    if (typeof route === 'function') return route(req, res, server);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const [status, headers, body] = route;
    res.writeHead(status, headers).end(body);
  };
}

// ---------------------------------------------------------------- Mastodon

export interface FakeStatus {
  id: string;
  created_at: string;
  in_reply_to_id: null;
  in_reply_to_account_id: null;
  sensitive: boolean;
  spoiler_text: string;
  visibility: 'public';
  language: string | null;
  uri: string;
  url: string | null;
  replies_count: number;
  reblogs_count: number;
  favourites_count: number;
  edited_at: string | null;
  content: string;
  reblog: FakeStatus | null;
  account: {
    id: string;
    username: string;
    acct: string;
    display_name: string;
    url: string;
    locked: boolean;
    bot: boolean;
  };
  media_attachments: unknown[];
  mentions: unknown[];
  tags: { name: string; url: string }[];
  emojis: unknown[];
  card: null;
  poll: null;
}

/** A status as GET /api/v1/timelines/tag/:hashtag returns it. */
export function status(
  origin: string,
  fields: {
    id: string;
    content: string;
    createdAt?: string;
    username?: string;
    displayName?: string;
    remoteDomain?: string;
    spoiler?: string;
    language?: string | null;
    reblog?: FakeStatus | null;
    tag?: string;
  },
): FakeStatus {
  const username = fields.username ?? 'analyst';
  const acct = fields.remoteDomain ? `${username}@${fields.remoteDomain}` : username;
  const home = fields.remoteDomain ? `https://${fields.remoteDomain}` : origin;
  const tag = fields.tag ?? 'afghanistan';
  return {
    id: fields.id,
    created_at: fields.createdAt ?? '2025-04-19T10:00:00.000Z',
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    sensitive: Boolean(fields.spoiler),
    spoiler_text: fields.spoiler ?? '',
    visibility: 'public',
    language: fields.language === undefined ? 'en' : fields.language,
    uri: `${home}/users/${username}/statuses/${fields.id}`,
    url: fields.reblog ? null : `${home}/@${username}/${fields.id}`,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    edited_at: null,
    content: fields.reblog ? '' : fields.content,
    reblog: fields.reblog ?? null,
    account: {
      id: `acc-${username}`,
      username,
      acct,
      display_name: fields.displayName ?? 'Regional Analyst',
      url: `${home}/@${username}`,
      locked: false,
      bot: false,
    },
    media_attachments: [],
    mentions: [],
    tags: [{ name: tag, url: `${origin}/tags/${tag}` }],
    emojis: [],
    card: null,
    poll: null,
  };
}

export interface FakeMastodon {
  server: TestServer;
  /** Statuses on the tag timeline (any order; served newest first). */
  statuses: FakeStatus[];
  /** Set to make the next timeline requests answer something else. */
  next: ((req: IncomingMessage, res: ServerResponse) => boolean)[];
  requireToken: string | null;
  /** Sent on every timeline reply. */
  /** The reset may be computed at each reply ("400 ms from now"). */
  rateLimit: { limit: number; remaining: number; reset: string | (() => string) } | null;
  /** Timeline requests only, with their query. */
  timelineQueries: URLSearchParams[];
}

/** A Mastodon server's tag timeline, with the documented paging semantics. */
export async function startMastodon(defaultLimit = 20): Promise<FakeMastodon> {
  const fake = {
    statuses: [],
    next: [],
    requireToken: null,
    rateLimit: null,
    timelineQueries: [],
  } as unknown as FakeMastodon;
  fake.server = await startServer((req, res, server) => {
    const url = new URL(req.url ?? '/', server.origin);
    const m = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(url.pathname);
    if (!m) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end('{"error":"Record not found"}');
      return;
    }
    fake.timelineQueries.push(url.searchParams);
    const override = fake.next.shift();
    if (override && override(req, res)) return;
    if (fake.requireToken && req.headers.authorization !== `Bearer ${fake.requireToken}`) {
      res
        .writeHead(401, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'This API requires an authenticated user' }));
      return;
    }
    const limit = Math.min(40, Number(url.searchParams.get('limit') ?? defaultLimit));
    const big = (s: string) => BigInt(s);
    let list = [...fake.statuses].sort((a, b) => (big(b.id) > big(a.id) ? 1 : -1));
    const maxId = url.searchParams.get('max_id');
    const sinceId = url.searchParams.get('since_id');
    const minId = url.searchParams.get('min_id');
    if (maxId) list = list.filter((s) => big(s.id) < big(maxId));
    if (sinceId) list = list.filter((s) => big(s.id) > big(sinceId));
    let page: FakeStatus[];
    if (minId) {
      // min_id: the statuses immediately newer than it, still newest first.
      const newer = list.filter((s) => big(s.id) > big(minId));
      page = newer.slice(Math.max(0, newer.length - limit));
    } else page = list.slice(0, limit);
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (page.length > 0) {
      const base = `${server.origin}${url.pathname}`;
      const lim = url.searchParams.has('limit') ? `&limit=${limit}` : '';
      headers.link =
        `<${base}?max_id=${page[page.length - 1]?.id}${lim}>; rel="next", ` +
        `<${base}?min_id=${page[0]?.id}${lim}>; rel="prev"`;
    }
    if (fake.rateLimit) {
      headers['x-ratelimit-limit'] = String(fake.rateLimit.limit);
      headers['x-ratelimit-remaining'] = String(fake.rateLimit.remaining);
      const { reset } = fake.rateLimit;
      headers['x-ratelimit-reset'] = typeof reset === 'string' ? reset : reset();
    }
    res.writeHead(200, headers).end(JSON.stringify(page));
  });
  return fake;
}
