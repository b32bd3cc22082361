/**
 * Writes through the API: one uploaded file, or one web page by URL, into
 * the store through the same code as `greatgame ingest` (ingestBytes for
 * bytes, ingestPage for a URL: robots.txt, the address guard that refuses
 * private networks, size limits), then extraction of what is new, then the
 * server's caches are dropped. An upload's location is
 * `upload:/<sha256 prefix>/<name>`, so the same bytes twice are one input.
 */
import { InputError } from '../domain/errors.js';
import { extractStore, type ExtractSummary } from '../extract/run.js';
import { sha256 } from '../ingest/fingerprint.js';
import { languageDetector } from '../ingest/language.js';
import { emptySummary, ingestBytes, type IngestSummary } from '../ingest/run.js';
import { loadLexicon } from '../knowledge/lexicon.js';
import { badRequest } from './errors.js';
import type { ServerState } from './state.js';

export type UploadMediaType = 'text' | 'markdown' | 'html';

export interface WriteResult {
  location: string;
  documents: { id: number; path: string; duplicateOf: number | null; language: string }[];
  summary: IngestSummary;
  extraction: ExtractSummary | null;
}

/** The media type from the name's ending, else the request's content type. */
export function uploadMediaType(name: string, contentType: string | undefined): UploadMediaType {
  const ending = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ending === 'md' || ending === 'markdown') return 'markdown';
  if (ending === 'html' || ending === 'htm') return 'html';
  if (ending === 'txt') return 'text';
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  if (type === 'text/markdown') return 'markdown';
  if (type === 'text/html') return 'html';
  return 'text';
}

/** After a write: extract what is new, drop the caches, and say what the input holds. */
function finish(state: ServerState, location: string, summary: IngestSummary): WriteResult {
  const changed = summary.new + summary.updated > 0;
  const extraction = changed ? extractStore(state.db, state.kb, loadLexicon()) : null;
  if (changed) state.invalidate();
  return {
    location,
    documents: state.documents.documentsOf(location),
    summary,
    extraction,
  };
}

export async function ingestUpload(
  state: ServerState,
  name: string,
  bytes: Uint8Array,
  mediaType: UploadMediaType,
): Promise<WriteResult> {
  if (bytes.length === 0) throw badRequest('body', 'the upload is empty');
  const location = `upload:/${sha256(bytes).slice(0, 16)}/${name}`;
  const summary = emptySummary();
  summary.inputs = 1;
  try {
    ingestBytes(state.documents, summary, { location, bytes, mediaType }, await languageDetector());
  } catch (error) {
    if (error instanceof InputError) throw badRequest('body', error.reason);
    throw error;
  }
  return finish(state, location, summary);
}

export interface UrlOptions {
  /** Address ranges the fetcher may reach despite the private-network guard (tests: 127.0.0.1/32). */
  allowRanges?: string[];
  maxBytes: number;
}

export async function ingestUrl(
  state: ServerState,
  url: string,
  options: UrlOptions,
): Promise<WriteResult> {
  const { clientFor } = await import('../sources/registry.js');
  const { ingestPage } = await import('../sources/web-page.js');
  const { SourceStore } = await import('../store/sources.js');
  const client = clientFor(
    {},
    {},
    {
      maxBytes: options.maxBytes,
      ...(options.allowRanges ? { policy: { allowRanges: options.allowRanges } } : {}),
    },
  );
  const summary = emptySummary();
  try {
    await ingestPage(
      {
        documents: state.documents,
        sources: new SourceStore(state.db),
        client,
        detect: await languageDetector(),
        summary,
      },
      url,
    );
  } catch (error) {
    if (error instanceof InputError) throw badRequest('url', error.reason);
    throw error;
  } finally {
    await client.close();
  }
  return finish(state, url, summary);
}
