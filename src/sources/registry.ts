/**
 * Following sources and building the HTTP client the commands share. The
 * address policy comes from `--allow-private-addresses` or
 * GREATGAME_ALLOW_PRIVATE=1; the client's timings may be tightened through
 * the environment (tests, slow links) but not switched off.
 */
import { UsageError } from '../domain/errors.js';
import type { SourceRecord, SourceStore } from '../store/sources.js';
import { DEFAULT_HTTP_OPTIONS, HttpClient, type HttpClientOptions } from './http/client.js';
import { allowPrivateFrom } from './http/guard.js';
import { timelineAddress } from './mastodon.js';

export interface NetworkOptions {
  allowPrivateAddresses?: boolean;
}

/** The client for a command, from its flags and the environment. */
export function clientFor(
  options: NetworkOptions,
  env: NodeJS.ProcessEnv,
  extra: HttpClientOptions = {},
): HttpClient {
  const ms = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value.trim() === '') return fallback;
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0)
      throw new UsageError(`${name}: "${value}" is not a number of milliseconds`);
    return n;
  };
  return new HttpClient({
    policy: { allowPrivate: allowPrivateFrom(options.allowPrivateAddresses, env) },
    hostIntervalMs: ms('GREATGAME_HTTP_HOST_INTERVAL_MS', DEFAULT_HTTP_OPTIONS.hostIntervalMs),
    timeoutMs: ms('GREATGAME_HTTP_TIMEOUT_MS', DEFAULT_HTTP_OPTIONS.timeoutMs),
    backoffMs: ms('GREATGAME_HTTP_BACKOFF_MS', DEFAULT_HTTP_OPTIONS.backoffMs),
    maxWaitMs: ms('GREATGAME_HTTP_MAX_WAIT_MS', DEFAULT_HTTP_OPTIONS.maxWaitMs),
    ...extra,
  });
}

export function followFeed(
  sources: SourceStore,
  url: string,
): { source: SourceRecord; created: boolean } {
  return sources.follow({ kind: 'feed', url: httpUrl(url, 'feed URL').href });
}

export function followMastodon(
  sources: SourceStore,
  server: string,
  tag: string | undefined,
  options: { token?: string; backfillPages?: number } = {},
): { source: SourceRecord; created: boolean } {
  if (!tag) throw new UsageError('follow mastodon needs --tag NAME (the hashtag to read)');
  httpUrl(server, 'Mastodon server');
  let address: { server: string; tag: string };
  try {
    address = timelineAddress(server, tag);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  return sources.follow({
    kind: 'mastodon',
    url: address.server,
    tag: address.tag,
    token: options.token ?? null,
    config: options.backfillPages !== undefined ? { backfillPages: options.backfillPages } : {},
  });
}

function httpUrl(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`${what} "${text}" is not a URL (give it with http:// or https://)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${what} "${text}": only http and https are supported`);
  }
  if (url.username || url.password)
    throw new UsageError(`${what} "${text}": URLs with credentials are refused`);
  url.hash = '';
  return url;
}

/** "30s", "10m", "1h", "90" (seconds) → milliseconds. */
export function parseInterval(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?$/i.exec(text.trim());
  if (!m) throw new UsageError(`--watch: "${text}" is not an interval (e.g. 30s, 10m, 1h)`);
  const unit =
    { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 }[(m[2] ?? 's').toLowerCase()] ?? 1000;
  const ms = Number(m[1]) * unit;
  if (ms < 1000) throw new UsageError(`--watch: "${text}" is shorter than one second`);
  return ms;
}
