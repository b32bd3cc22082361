/**
 * What every live source needs while it runs: the stores, the HTTP client,
 * the language detector and the summary that collects documents and
 * failures for the report.
 */
import type { IngestSummary } from '../ingest/run.js';
import type { DocumentStore } from '../store/documents.js';
import type { SourceStore } from '../store/sources.js';
import type { HttpClient } from './http/client.js';

export interface LiveContext {
  documents: DocumentStore;
  sources: SourceStore;
  client: HttpClient;
  detect: (text: string) => string;
  summary: IngestSummary;
  signal?: AbortSignal;
}

export function isHttpUrl(text: string): boolean {
  return /^https?:\/\//i.test(text.trim());
}

/** An ISO day for a feed or API date (RFC 822 or ISO 8601), or null. */
export function isoDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})(?:[T ]|$)/.exec(value.trim());
  if (iso) return iso[1] as string; // the publisher's own day, whatever its zone
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : new Date(at).toISOString().slice(0, 10);
}
