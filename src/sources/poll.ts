/**
 * `greatgame update`: every followed source once. Each item is stored in
 * its own transaction and only then marked seen, so a poll that fails or
 * is interrupted loses nothing and the next one picks up where it stopped.
 * A source that fails is reported and the next one is polled.
 */
import { InputError, StoreError } from '../domain/errors.js';
import type { ManifestRow } from '../domain/document.js';
import { fail, ingestBytes } from '../ingest/run.js';
import type { SourceRecord } from '../store/sources.js';
import { FeedParseError, type FeedItem, itemPage, parseFeedText } from './feeds.js';
import { FetchError } from './http/client.js';
import { decodeFetched } from './http/charset.js';
import type { LiveContext } from './live.js';
import { type MastodonStatus, readTimeline, statusToPost } from './mastodon.js';
import { ingestPage } from './web-page.js';

export interface SourceReport {
  id: number;
  kind: SourceRecord['kind'];
  url: string;
  tag: string | null;
  new: number;
  unchanged: number;
  failed: number;
  /** What stopped this source's poll, else null. */
  error: string | null;
}

export interface PollTuning {
  pageSize?: number;
  maxPages?: number;
}

export async function pollSources(
  ctx: LiveContext,
  sources: SourceRecord[],
  tuning: PollTuning = {},
): Promise<SourceReport[]> {
  const reports: SourceReport[] = [];
  for (const source of sources) {
    if (ctx.signal?.aborted) break;
    const report: SourceReport = {
      id: source.id,
      kind: source.kind,
      url: source.url,
      tag: source.tag || null,
      new: 0,
      unchanged: 0,
      failed: 0,
      error: null,
    };
    try {
      if (source.kind === 'feed') await pollFeed(ctx, source, report);
      else await pollMastodon(ctx, source, report, tuning);
    } catch (error) {
      if (ctx.signal?.aborted) {
        report.error = 'interrupted';
      } else if (isStoreFailure(error)) {
        throw new StoreError(
          `writing ${source.url} to the store failed: ${(error as Error).message}`,
        );
      } else {
        report.error = describe(error);
      }
    }
    if (report.error && report.error !== 'interrupted')
      fail(ctx.summary, label(source), report.error);
    ctx.sources.recordPoll(source.id, report);
    reports.push(report);
  }
  return reports;
}

function label(source: SourceRecord): string {
  return source.kind === 'mastodon' ? `${source.url} #${source.tag}` : source.url;
}

async function pollFeed(
  ctx: LiveContext,
  source: SourceRecord,
  report: SourceReport,
): Promise<void> {
  const result = await ctx.client.get(source.url, {
    accept:
      'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
    etag: source.etag,
    lastModified: source.lastModified,
    signal: ctx.signal,
  });
  if (result.notModified) return; // nothing new since the last poll
  const decoded = decodeFetched(result.bytes, result.contentType);
  const feed = parseFeedText(decoded.text);
  for (const item of feed.items) {
    if (ctx.signal?.aborted) break;
    const seen = ctx.sources.itemHash(source.id, item.key);
    if (seen === item.contentHash) {
      report.unchanged++;
      continue;
    }
    const location = item.link ?? `${source.url}#${encodeURIComponent(item.key)}`;
    try {
      if (!item.full && item.link) {
        // A summary only: the article is at the link.
        await ingestPage(ctx, item.link, { file: feedRow(item, location), entries: new Map() });
      } else {
        ctx.summary.inputs++;
        const bytes = new TextEncoder().encode(itemPage(item, null));
        ingestBytes(
          ctx.documents,
          ctx.summary,
          {
            location,
            bytes,
            mediaType: 'html',
            single: true,
            manifest: { file: feedRow(item, location), entries: new Map() },
          },
          ctx.detect,
        );
      }
      ctx.sources.markItem(source.id, item.key, item.contentHash, location);
      report.new++;
    } catch (error) {
      if (ctx.signal?.aborted) throw error;
      if (isStoreFailure(error)) throw error;
      report.failed++;
      const reason = error instanceof InputError ? error.reason : describe(error);
      fail(ctx.summary, error instanceof InputError ? error.location : location, reason);
    }
  }
  // Validators are kept only once every item was handled: a poll that
  // failed on one item asks for the whole feed again next time.
  if (report.failed === 0) ctx.sources.setValidators(source.id, result.etag, result.lastModified);
}

/** What the feed says about an item; a followed page fills the rest itself. */
function feedRow(item: FeedItem, location: string): ManifestRow {
  return {
    file: location,
    entry: null,
    date: item.date ?? undefined,
    author: item.author ?? undefined,
    title: item.title ?? undefined,
    notes: {},
    origin: location,
  };
}

async function pollMastodon(
  ctx: LiveContext,
  source: SourceRecord,
  report: SourceReport,
  tuning: PollTuning,
): Promise<void> {
  const backfill = source.config.backfillPages;
  const read = await readTimeline(ctx.client, {
    server: source.url,
    tag: source.tag,
    token: source.token,
    since: source.cursor,
    pageSize: tuning.pageSize,
    maxPages: tuning.maxPages,
    backfillPages: typeof backfill === 'number' ? backfill : undefined,
    signal: ctx.signal,
  });
  for (const bad of read.malformed) {
    report.failed++;
    fail(ctx.summary, bad.location, bad.reason);
  }
  for (const status of read.statuses) {
    if (ctx.signal?.aborted) throw ctx.signal.reason as Error;
    storeStatus(ctx, source, status, report);
  }
  // Only after every status read is stored: a crash before this re-reads them.
  if (read.newest && read.newest !== source.cursor) ctx.sources.setCursor(source.id, read.newest);
  if (read.error) report.error = read.error;
}

function storeStatus(
  ctx: LiveContext,
  source: SourceRecord,
  status: MastodonStatus,
  report: SourceReport,
): void {
  let post: ReturnType<typeof statusToPost>;
  try {
    post = statusToPost(status, source.url);
  } catch (error) {
    report.failed++;
    fail(ctx.summary, `${source.url} status ${status.id}`, describe(error));
    return;
  }
  if (ctx.sources.itemHash(source.id, post.key) === post.contentHash) {
    report.unchanged++; // seen before, or the boost of a post already stored
    return;
  }
  try {
    ctx.summary.inputs++;
    ingestBytes(
      ctx.documents,
      ctx.summary,
      {
        location: post.location,
        bytes: new TextEncoder().encode(post.text),
        mediaType: 'text',
        single: true,
        manifest: { file: post.row, entries: new Map() },
        // The status's own language stands in when the text is too short to tell.
        languageHint: post.languageHint ?? undefined,
        knownDate: post.row.date,
      },
      ctx.detect,
    );
    ctx.sources.markItem(source.id, post.key, post.contentHash, post.location);
    report.new++;
  } catch (error) {
    if (isStoreFailure(error)) throw error;
    report.failed++;
    fail(ctx.summary, post.location, error instanceof InputError ? error.reason : describe(error));
  }
}

function isStoreFailure(error: unknown): boolean {
  return (error as Error)?.name === 'SqliteError' || error instanceof StoreError;
}

function describe(error: unknown): string {
  if (error instanceof FetchError) return error.message;
  if (error instanceof FeedParseError) return error.message;
  if (error instanceof InputError) return error.message;
  return (error as Error)?.message ?? String(error);
}
