/**
 * Mastodon hashtag timelines over the REST API
 * (GET /api/v1/timelines/tag/:hashtag). The first read pages back with
 * max_id, following the Link header; later reads take everything newer
 * than the last status seen with min_id, page after page, so nothing is
 * skipped (since_id would return only the newest page).
 */
import { parseHTML } from 'linkedom';
import type { ManifestRow } from '../domain/document.js';
import { sha256 } from '../ingest/fingerprint.js';
import { type FetchResult, FetchError, type HttpClient } from './http/client.js';
import { isoDay } from './live.js';

export interface MastodonAccount {
  acct: string;
  username?: string;
  display_name?: string;
  url?: string;
}

export interface MastodonStatus {
  id: string;
  created_at: string;
  url?: string | null;
  uri: string;
  content: string;
  spoiler_text?: string;
  language?: string | null;
  edited_at?: string | null;
  account: MastodonAccount;
  reblog?: MastodonStatus | null;
}

export interface TimelineRead {
  /** Statuses read, oldest first (timeline order, boosts as they came). */
  statuses: MastodonStatus[];
  /** The newest timeline id read: where the next read starts. */
  newest: string | null;
  /** What stopped the read early (the statuses before it are kept), else null. */
  error: string | null;
  /** Statuses in the replies that could not be read, with why. */
  malformed: { location: string; reason: string }[];
}

export interface TimelineOptions {
  server: string;
  tag: string;
  token?: string | null;
  /** Newest status id already read; null for the first read. */
  since: string | null;
  /** Statuses per request (Mastodon allows up to 40). */
  pageSize?: number;
  /** Pages the first read goes back. */
  backfillPages?: number;
  /** Pages a later read goes forward before it stops for this poll. */
  maxPages?: number;
  signal?: AbortSignal;
}

const DEFAULTS = { pageSize: 40, backfillPages: 5, maxPages: 50 };

/** Normalises "https://server/" and a tag given as "#Name". */
export function timelineAddress(server: string, tag: string): { server: string; tag: string } {
  const url = new URL(server);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`${server}: a Mastodon server is an https:// address`);
  }
  const name = tag.replace(/^#/, '').trim();
  if (!/^[\p{L}\p{N}_]+$/u.test(name))
    throw new Error(`"${tag}" is not a hashtag (letters, digits, _)`);
  return { server: url.origin, tag: name };
}

export async function readTimeline(
  client: HttpClient,
  options: TimelineOptions,
): Promise<TimelineRead> {
  const { pageSize, backfillPages, maxPages } = { ...DEFAULTS, ...definedOnly(options) };
  const base = `${options.server}/api/v1/timelines/tag/${encodeURIComponent(options.tag)}`;
  const forward = options.since !== null;
  let next: string | null = forward
    ? `${base}?min_id=${encodeURIComponent(options.since as string)}&limit=${pageSize}`
    : `${base}?limit=${pageSize}`;
  const read: TimelineRead = { statuses: [], newest: options.since, error: null, malformed: [] };
  const headers: Record<string, string> = options.token
    ? { authorization: `Bearer ${options.token}` }
    : {};
  const pages = forward ? maxPages : backfillPages;

  for (let page = 0; page < pages && next; page++) {
    let result: FetchResult;
    try {
      result = await client.get(next, {
        accept: 'application/json',
        headers,
        signal: options.signal,
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      read.error = describeTimelineError(error, options);
      break;
    }
    let body: unknown;
    try {
      body = JSON.parse(Buffer.from(result.bytes).toString('utf8'));
    } catch (error) {
      read.error = `${next}: malformed JSON reply (${(error as Error).message})`;
      break;
    }
    if (!Array.isArray(body)) {
      read.error = `${next}: the reply is not a list of statuses`;
      break;
    }
    const statuses: MastodonStatus[] = [];
    for (const item of body) {
      const problem = statusProblem(item);
      if (problem) {
        const id = (item as { id?: unknown } | null)?.id;
        read.malformed.push({
          location: `${options.server} #${options.tag} status ${typeof id === 'string' ? id : '?'}`,
          reason: problem,
        });
      } else statuses.push(item as MastodonStatus);
    }
    const ids = body
      .map((s) => (s as { id?: unknown } | null)?.id)
      .filter((id): id is string => typeof id === 'string');
    if (ids.length === 0) break;
    read.statuses.push(...statuses);
    for (const id of ids)
      if (read.newest === null || compareIds(id, read.newest) > 0) read.newest = id;
    const links = parseLinkHeader(result.headers.link);
    if (forward) {
      // Newer pages: the Link header's "prev", else min_id of the newest seen.
      next =
        sameOrigin(links.prev, options.server) ??
        `${base}?min_id=${encodeURIComponent(read.newest as string)}&limit=${pageSize}`;
    } else {
      const oldest = ids.reduce((a, b) => (compareIds(a, b) <= 0 ? a : b));
      next =
        sameOrigin(links.next, options.server) ??
        (ids.length >= pageSize
          ? `${base}?max_id=${encodeURIComponent(oldest)}&limit=${pageSize}`
          : null);
    }
  }
  read.statuses.sort((a, b) => compareIds(a.id, b.id));
  return read;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Mastodon ids are decimal snowflakes: longer is newer, then by digits. */
export function compareIds(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `<url>; rel="next", <url>; rel="prev"` → { next, prev }. */
export function parseLinkHeader(header: string | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  for (const part of (header ?? '').split(/,(?=\s*<)/)) {
    const m = /<([^>]*)>\s*;(.*)$/.exec(part.trim());
    const rel = m ? /rel\s*=\s*"?([^";]+)"?/i.exec(m[2] as string)?.[1] : undefined;
    if (m && rel) for (const r of rel.trim().split(/\s+/)) links[r] = m[1] as string;
  }
  return links;
}

/** A Link target is followed only on the server asked: the header is untrusted. */
function sameOrigin(url: string | undefined, server: string): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin === server ? url : null;
  } catch {
    return null;
  }
}

function statusProblem(item: unknown): string | null {
  if (!item || typeof item !== 'object') return 'not an object';
  const s = item as Record<string, unknown>;
  if (typeof s.id !== 'string') return 'no "id"';
  const original = (s.reblog ?? s) as Record<string, unknown>;
  if (s.reblog !== null && s.reblog !== undefined && typeof s.reblog !== 'object')
    return '"reblog" is not a status';
  for (const field of ['id', 'created_at', 'uri', 'content'] as const) {
    if (typeof original[field] !== 'string')
      return `no "${field}"${original === s ? '' : ' in the boosted status'}`;
  }
  const account = original.account as Record<string, unknown> | undefined;
  if (!account || typeof account.acct !== 'string') return 'no "account.acct"';
  return null;
}

function describeTimelineError(error: unknown, options: TimelineOptions): string {
  if (!(error instanceof FetchError)) return (error as Error).message;
  const host = new URL(options.server).host;
  if (error.status === 401 || error.status === 403) {
    return options.token
      ? `${host} refused the access token (HTTP ${error.status}): check it is valid and has the read:statuses scope`
      : `${host} requires authentication to read timelines (HTTP ${error.status}): ` +
          `create an access token with the read:statuses scope (Preferences → Development on ${host}) ` +
          `and give it with \`greatgame follow mastodon ${options.server} --tag ${options.tag} --token TOKEN\``;
  }
  if (error.status === 404)
    return `${error.url}: not found (HTTP 404): is ${host} a Mastodon server?`;
  return error.message;
}

/** One status as a document to store: its text, and what is known about it. */
export interface PostInput {
  /** The original's URL (a boost points to what it boosted). */
  location: string;
  /** Seen-item key: the original's URI, so a boost is not counted twice. */
  key: string;
  contentHash: string;
  text: string;
  row: ManifestRow;
  languageHint: string | null;
}

export function statusToPost(status: MastodonStatus, server: string): PostInput {
  const original = status.reblog ?? status;
  const location = original.url || original.uri;
  const account = original.account;
  const handle = account.acct.includes('@')
    ? account.acct
    : `${account.acct}@${new URL(server).host}`;
  const name = account.display_name?.trim();
  const text = statusText(original.content);
  const notes: Record<string, string> = { mastodonId: original.id, account: `@${handle}` };
  const cw = original.spoiler_text?.trim();
  if (cw) notes.contentWarning = cw;
  if (original.language) notes.languageHint = original.language;
  if (status.reblog) {
    notes.sharedBy = `@${status.account.acct}`;
    const on = isoDay(status.created_at);
    if (on) notes.sharedOn = on;
  }
  return {
    location,
    key: original.uri,
    contentHash: sha256(JSON.stringify([original.content, cw ?? '', original.edited_at ?? null])),
    text,
    languageHint: original.language ?? null,
    row: {
      file: location,
      entry: null,
      date: isoDay(original.created_at) ?? undefined,
      author: name ? `${name} (@${handle})` : `@${handle}`,
      url: location,
      // The voice is the account: its posts count once per pair in the network.
      source: `@${handle}`,
      title: cw || undefined,
      notes,
      origin: location,
    },
  };
}

/** A status's HTML to text: paragraphs by blank lines, <br> by line breaks. */
export function statusText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.tagName.toUpperCase();
    // Mastodon hides the middle of long links in an "invisible" span.
    if (tag === 'SCRIPT' || tag === 'STYLE') return;
    if (tag === 'BR') {
      parts.push('\n');
      return;
    }
    const block = /^(P|DIV|BLOCKQUOTE|LI|UL|OL|H[1-6]|PRE)$/.test(tag);
    if (block) parts.push('\n\n');
    if (tag === 'LI') parts.push('- ');
    for (const child of Array.from(element.childNodes)) walk(child as unknown as Node);
    if (block) parts.push('\n\n');
  };
  walk(document.body as unknown as Node);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
