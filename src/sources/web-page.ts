/**
 * One web page into the store through the same pipeline as a local file:
 * fetched politely (robots.txt, conditional request), decoded with the
 * charset the server declares, and recorded under its URL.
 */
import { InputError, StoreError } from '../domain/errors.js';
import type { ManifestSlot } from '../ingest/manifest.js';
import { fail, ingestBytes } from '../ingest/run.js';
import { DecodeError } from '../ingest/decode.js';
import { FetchError } from './http/client.js';
import { decodeFetched } from './http/charset.js';
import type { LiveContext } from './live.js';

const ACCEPT_PAGE = 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,text/markdown;q=0.8';

export type PageOutcome = 'stored' | 'unchanged';

/**
 * Fetches `url` and stores its documents; throws InputError naming the URL.
 * `manifest` carries what a feed already said about the page (its date).
 */
export async function ingestPage(
  ctx: LiveContext,
  url: string,
  manifest?: ManifestSlot,
): Promise<PageOutcome> {
  ctx.summary.inputs++;
  const known = ctx.documents.documentsOf(url);
  const validators = known.length > 0 ? ctx.sources.validators(url) : undefined;
  let result;
  try {
    result = await ctx.client.get(url, {
      accept: ACCEPT_PAGE,
      robots: true,
      etag: validators?.etag,
      lastModified: validators?.lastModified,
      signal: ctx.signal,
    });
  } catch (error) {
    if (error instanceof FetchError) throw new InputError(url, error.reason);
    throw error;
  }
  if (result.notModified) {
    for (const doc of known) {
      ctx.summary.unchanged++;
      if (doc.duplicateOf !== null) ctx.summary.duplicates++;
      ctx.summary.byLanguage[doc.language] = (ctx.summary.byLanguage[doc.language] ?? 0) + 1;
    }
    return 'unchanged';
  }
  const mediaType = pageMediaType(result.contentType, result.bytes);
  if (!mediaType) {
    throw new InputError(
      url,
      `unsupported content type "${result.contentType}" (reads HTML and plain text)`,
    );
  }
  let decoded;
  try {
    decoded = decodeFetched(result.bytes, result.contentType);
  } catch (error) {
    if (error instanceof DecodeError) throw new InputError(url, error.message);
    throw error;
  }
  const before = ctx.summary.unchanged;
  ingestBytes(
    ctx.documents,
    ctx.summary,
    { location: url, bytes: result.bytes, mediaType, decoded, manifest },
    ctx.detect,
  );
  ctx.sources.saveValidators(url, result.etag, result.lastModified);
  return ctx.summary.unchanged > before ? 'unchanged' : 'stored';
}

/** HTML or text by the declared type; a missing type is sniffed. */
export function pageMediaType(
  contentType: string | null,
  bytes: Uint8Array,
): 'html' | 'markdown' | null {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type === 'text/plain' || type === 'text/markdown' || type === 'text/x-markdown')
    return 'markdown';
  if (type === '' || type === 'application/octet-stream') {
    const head = Buffer.from(bytes.subarray(0, 512)).toString('latin1').trimStart().toLowerCase();
    return head.startsWith('<!doctype html') || head.startsWith('<html') ? 'html' : 'markdown';
  }
  return null;
}

/** `greatgame ingest URL…`: each page into the store; failures go to the summary. */
export async function ingestUrls(ctx: LiveContext, urls: string[]): Promise<void> {
  for (const url of urls) {
    if (ctx.signal?.aborted) break;
    try {
      await ingestPage(ctx, url);
    } catch (error) {
      if ((error as Error).name === 'SqliteError') {
        throw new StoreError(`writing ${url} to the store failed: ${(error as Error).message}`);
      }
      if (error instanceof InputError) fail(ctx.summary, error.location, error.reason);
      else fail(ctx.summary, url, (error as Error).message);
    }
  }
}
