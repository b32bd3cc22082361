/**
 * The one HTTP client every live source uses, and the rules it keeps:
 * a User-Agent naming greatgame, the address guard on every connection,
 * robots.txt for pages, a per-host spacing, conditional requests,
 * timeouts, a bounded number of redirects, a size cap per response, and
 * retries with backoff on 429 and 5xx (waits capped).
 */
import { Agent, buildConnector, request } from 'undici';
import {
  type AddressPolicy,
  RefusedAddressError,
  type Resolver,
  resolveChecked,
  systemResolver,
} from './guard.js';
import { HostSpacer, realSleep, requestedWait, type Sleep } from './rate-limit.js';
import { RobotsCache } from './robots.js';

export const USER_AGENT =
  'greatgame/0.1 (+https://github.com/greatgame/greatgame; research crawler, honours robots.txt)';
/** The product token robots.txt rules are matched against. */
export const ROBOTS_AGENT = 'greatgame';

export interface HttpClientOptions {
  userAgent?: string;
  policy?: AddressPolicy;
  resolver?: Resolver;
  /** Whole request (connect, headers and body), per attempt. */
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Further attempts after a 429, a 5xx or a network error. */
  retries?: number;
  /** First backoff; doubled each attempt when the server names no wait. */
  backoffMs?: number;
  /** The longest wait a server may ask for before the fetch gives up. */
  maxWaitMs?: number;
  /** Minimum time between two requests to one host. */
  hostIntervalMs?: number;
  sleep?: Sleep;
}

export interface FetchOptions {
  accept?: string;
  headers?: Record<string, string>;
  /** Validators from the last fetch, for a conditional request. */
  etag?: string | null;
  lastModified?: string | null;
  /** Check robots.txt first (pages; not APIs or feeds the user subscribed to). */
  robots?: boolean;
  signal?: AbortSignal;
}

export interface FetchResult {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  /** 304: the validators still hold and there is no body. */
  notModified: boolean;
  headers: Record<string, string>;
  bytes: Uint8Array;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
}

/** A fetch that failed; `status` is set when the server answered. */
export class FetchError extends Error {
  override name = 'FetchError';
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly status?: number,
    /** The start of the error body (Mastodon explains itself in JSON). */
    readonly body?: string,
    /** The address guard refused the connection. */
    readonly refused = false,
  ) {
    super(`${url}: ${reason}`);
  }
}

export const DEFAULT_HTTP_OPTIONS = {
  timeoutMs: 30_000,
  maxBytes: 10 * 1024 * 1024,
  maxRedirects: 5,
  retries: 3,
  backoffMs: 1_000,
  maxWaitMs: 5 * 60_000,
  hostIntervalMs: 1_000,
} as const;

export class HttpClient {
  readonly options: Required<Omit<HttpClientOptions, 'policy'>> & { policy: AddressPolicy };
  private readonly agent: Agent;
  private readonly spacer: HostSpacer;
  private readonly robots: RobotsCache;

  constructor(options: HttpClientOptions = {}) {
    this.options = {
      ...DEFAULT_HTTP_OPTIONS,
      userAgent: USER_AGENT,
      resolver: systemResolver,
      sleep: realSleep,
      // An option given as undefined keeps its default.
      ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
      policy: options.policy ?? {},
    };
    const base = buildConnector({ timeout: this.options.timeoutMs });
    const { policy, resolver } = this.options;
    this.agent = new Agent({
      headersTimeout: this.options.timeoutMs,
      bodyTimeout: this.options.timeoutMs,
      // The guard sits in the connector: the name is resolved here, the
      // address checked, and the socket opened to that very address.
      connect: (opts, callback) => {
        resolveChecked(opts.hostname, policy, resolver).then(
          (address) => base({ ...opts, hostname: address }, callback),
          (error: Error) => callback(error, null),
        );
      },
    });
    this.spacer = new HostSpacer(this.options.hostIntervalMs, this.options.sleep);
    this.robots = new RobotsCache(this, ROBOTS_AGENT);
  }

  async close(): Promise<void> {
    await this.agent.close();
  }

  /** GET with redirects, retries and the politeness rules; throws FetchError. */
  async get(url: string, options: FetchOptions = {}): Promise<FetchResult> {
    let current = parseHttpUrl(url);
    const conditional = { etag: options.etag ?? null, lastModified: options.lastModified ?? null };
    for (let hop = 0; ; hop++) {
      if (options.robots && !(await this.robots.allows(current, options.signal))) {
        throw new FetchError(
          current.href,
          `robots.txt of ${current.host} disallows ${ROBOTS_AGENT}`,
        );
      }
      const response = await this.attempt(current, options, conditional);
      if (response.redirect === null) return response.result;
      if (hop >= this.options.maxRedirects) {
        throw new FetchError(url, `more than ${this.options.maxRedirects} redirects`);
      }
      const next = parseHttpUrl(response.redirect, current);
      // Validators and credentials belong to the URL they were given for.
      if (next.origin !== current.origin) {
        conditional.etag = null;
        conditional.lastModified = null;
        options = { ...options, headers: withoutAuthorization(options.headers) };
      }
      current = next;
    }
  }

  /** One URL, with retries; returns the result or where it redirects. */
  private async attempt(
    url: URL,
    options: FetchOptions,
    conditional: { etag: string | null; lastModified: string | null },
  ): Promise<{ result: FetchResult; redirect: null } | { result: null; redirect: string }> {
    const { retries, backoffMs, maxWaitMs, sleep } = this.options;
    for (let attempt = 0; ; attempt++) {
      await this.spacer.take(url.host, options.signal);
      let status: number;
      let headers: Record<string, string>;
      let bytes: Uint8Array;
      try {
        ({ status, headers, bytes } = await this.once(url, options, conditional));
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason as Error;
        const refused = findRefused(error);
        if (refused) throw new FetchError(url.href, refused.message, undefined, undefined, true);
        if (error instanceof FetchError) throw error;
        if (attempt >= retries) throw new FetchError(url.href, describeNetworkError(error));
        await sleep(Math.min(backoffMs * 2 ** attempt, maxWaitMs), options.signal);
        continue;
      }
      const asked = requestedWait(status, headers);
      if (asked !== null && status < 300) {
        // Allowance spent: later requests to this host wait for the reset.
        this.spacer.holdUntil(url.host, Date.now() + Math.min(asked, maxWaitMs));
      }
      if (status === 429 || status >= 500) {
        if (attempt >= retries) {
          throw new FetchError(
            url.href,
            `HTTP ${status} after ${retries + 1} attempts`,
            status,
            snippet(bytes),
          );
        }
        const wait = asked ?? backoffMs * 2 ** attempt;
        if (wait > maxWaitMs) {
          throw new FetchError(
            url.href,
            `HTTP ${status}: the server asks to wait ${Math.ceil(wait / 1000)} s, more than the ${Math.ceil(maxWaitMs / 1000)} s cap; try later`,
            status,
            snippet(bytes),
          );
        }
        await sleep(wait, options.signal);
        continue;
      }
      if (status >= 300 && status < 400 && status !== 304) {
        const location = headers.location;
        if (!location)
          throw new FetchError(url.href, `HTTP ${status} without a Location header`, status);
        return { result: null, redirect: location };
      }
      if (status >= 400) {
        throw new FetchError(url.href, `HTTP ${status}`, status, snippet(bytes));
      }
      return {
        redirect: null,
        result: {
          url: url.href,
          status,
          notModified: status === 304,
          headers,
          bytes,
          contentType: headers['content-type'] ?? null,
          etag: headers.etag ?? conditional.etag,
          lastModified: headers['last-modified'] ?? conditional.lastModified,
        },
      };
    }
  }

  private async once(
    url: URL,
    options: FetchOptions,
    conditional: { etag: string | null; lastModified: string | null },
  ): Promise<{ status: number; headers: Record<string, string>; bytes: Uint8Array }> {
    const { maxBytes, timeoutMs, userAgent } = this.options;
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const headers: Record<string, string> = {
      'user-agent': userAgent,
      accept: options.accept ?? '*/*',
      'accept-encoding': 'identity',
      ...options.headers,
    };
    if (conditional.etag) headers['if-none-match'] = conditional.etag;
    if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
    try {
      const response = await request(url, {
        method: 'GET',
        headers,
        dispatcher: this.agent,
        signal,
      });
      const flat = flattenHeaders(response.headers);
      const declared = Number(flat['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        // Dropping the body aborts it; the abort is expected, not an error.
        response.body.on('error', () => undefined);
        response.body.destroy();
        throw new FetchError(
          url.href,
          `response of ${declared} bytes is over the ${maxBytes}-byte limit`,
        );
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of response.body) {
        size += (chunk as Buffer).length;
        if (size > maxBytes) {
          // Leaving the loop destroys the body.
          throw new FetchError(url.href, `response is over the ${maxBytes}-byte limit`);
        }
        chunks.push(chunk as Buffer);
      }
      return {
        status: response.statusCode,
        headers: flat,
        bytes: new Uint8Array(Buffer.concat(chunks)),
      };
    } catch (error) {
      if (timeout.aborted && !options.signal?.aborted) {
        throw new FetchError(
          url.href,
          `no complete answer within ${Math.round(timeoutMs / 1000)} s`,
        );
      }
      throw error;
    }
  }
}

function parseHttpUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch {
    throw new FetchError(text, 'not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError(text, `only http and https URLs are fetched (not ${url.protocol})`);
  }
  if (url.username || url.password)
    throw new FetchError(url.origin, 'URLs with credentials are refused');
  url.hash = '';
  return url;
}

function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    flat[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function withoutAuthorization(headers: Record<string, string> | undefined): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers ?? {})) {
    if (key.toLowerCase() !== 'authorization') kept[key] = value;
  }
  return kept;
}

function findRefused(error: unknown): RefusedAddressError | null {
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof RefusedAddressError) return e;
  }
  return null;
}

function describeNetworkError(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = e?.code ?? e?.cause?.code;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was reset';
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      return 'timed out';
    default:
      return (error as Error)?.message ?? String(error);
  }
}

function snippet(bytes: Uint8Array): string {
  return Buffer.from(bytes.subarray(0, 2000)).toString('utf8');
}
