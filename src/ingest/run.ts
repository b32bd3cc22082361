/**
 * Ingests files and folders into the store: scan → read → decode → the
 * pipeline → one transaction per input. Bad inputs become failures with a
 * reason and the run goes on; nothing here prints or exits.
 */
import path from 'node:path';
import { InputError, StoreError } from '../domain/errors.js';
import { DEFAULT_MAX_BYTES, readDocumentFile, scanPaths } from '../sources/files.js';
import type { DocumentStore } from '../store/documents.js';
import { type Decoded, DecodeError, decodeBytes } from './decode.js';
import { sha256 } from './fingerprint.js';
import { languageDetector } from './language.js';
import { emptyManifest, type Manifest, type ManifestSlot, manifestRowsFor } from './manifest.js';
import { processSource } from './pipeline.js';
import { INGEST_VERSION } from './version.js';

export interface IngestOptions {
  manifest?: Manifest;
  maxBytes?: number;
  /** Called after each input, for progress bars. */
  onProgress?: (done: number, total: number, location: string) => void;
}

export interface IngestFailure {
  location: string;
  reason: string;
}

export interface IngestWarning {
  location: string;
  message: string;
}

export interface IngestSummary {
  inputs: number;
  bytes: number;
  new: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  failed: number;
  byLanguage: Record<string, number>;
  failures: IngestFailure[];
  warnings: IngestWarning[];
  /** Files in walked folders with an ending greatgame does not read. */
  ignored: number;
}

export function emptySummary(): IngestSummary {
  return {
    inputs: 0,
    bytes: 0,
    new: 0,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
    failed: 0,
    byLanguage: {},
    failures: [],
    warnings: [],
    ignored: 0,
  };
}

export async function ingestPaths(
  store: DocumentStore,
  inputs: string[],
  options: IngestOptions = {},
): Promise<IngestSummary> {
  const summary = emptySummary();
  const manifest = options.manifest ?? emptyManifest();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const scan = await scanPaths(inputs);
  summary.ignored = scan.ignored.length;
  for (const failure of scan.failures) fail(summary, failure.location, failure.reason);
  const detect = await languageDetector();

  const matchedRows = new Set<ManifestSlot>();
  let done = 0;
  for (const found of scan.files) {
    summary.inputs++;
    try {
      const bytes = await readDocumentFile(found.location, maxBytes);
      const slot = manifestRowsFor(manifest, found.location);
      if (slot) matchedRows.add(slot);
      ingestBytes(store, summary, { ...found, bytes, manifest: slot }, detect);
    } catch (error) {
      if (error instanceof InputError) fail(summary, error.location, error.reason);
      // The store failing (disk full, locked, corrupt) ends the run: later
      // inputs would fail the same way, and what is committed stays whole.
      else if ((error as Error).name === 'SqliteError') {
        throw new StoreError(
          `writing ${found.location} to the store failed: ${(error as Error).message}`,
        );
      } else fail(summary, found.location, `unexpected error: ${(error as Error).message}`);
    }
    done++;
    options.onProgress?.(done, scan.files.length, found.location);
  }
  for (const [relative, slot] of manifest.byRelative) {
    if (matchedRows.has(slot)) continue;
    const origin = slot.file?.origin ?? [...slot.entries.values()][0]?.origin ?? relative;
    summary.warnings.push({
      location: origin,
      message: `manifest row for "${relative}" matched no ingested file`,
    });
  }
  return summary;
}

/** One input's bytes, however they were obtained (a file, a fetched page, a post). */
export interface BytesInput {
  location: string;
  bytes: Uint8Array;
  mediaType: 'text' | 'markdown' | 'html';
  manifest?: ManifestSlot;
  /** Already decoded (a fetched page whose charset the server declared). */
  decoded?: Decoded;
  /** Keep the input as one document: never split it at date headers. */
  single?: boolean;
  /** The language the source declares (a Mastodon status), for short texts. */
  languageHint?: string;
  /** The date the source states outright (a status's created_at). */
  knownDate?: string;
}

/**
 * Decodes, runs the pipeline and stores one input in one transaction,
 * adding to the summary (the caller counts the input itself); an unchanged input is counted, not rewritten.
 * Throws InputError for what is wrong with the input itself.
 */
export function ingestBytes(
  store: DocumentStore,
  summary: IngestSummary,
  input: BytesInput,
  detect: (text: string) => string,
): void {
  const { location, bytes, mediaType, manifest: slot } = input;
  summary.bytes += bytes.length;
  let decoded: Decoded;
  try {
    decoded = input.decoded ?? decodeBytes(bytes);
  } catch (error) {
    if (error instanceof DecodeError) throw new InputError(location, error.message);
    throw error;
  }
  for (const message of decoded.warnings) summary.warnings.push({ location, message });

  const inputHash = sha256(
    JSON.stringify([
      INGEST_VERSION,
      sha256(bytes),
      slot?.file ?? null,
      [...(slot?.entries ?? [])],
      ...(input.single ? ['single'] : []),
      ...(input.languageHint || input.knownDate
        ? [input.languageHint ?? null, input.knownDate ?? null]
        : []),
    ]),
  );
  if (store.inputHash(location) === inputHash) {
    for (const doc of store.documentsOf(location)) {
      summary.unchanged++;
      if (doc.duplicateOf !== null) summary.duplicates++;
      summary.byLanguage[doc.language] = (summary.byLanguage[doc.language] ?? 0) + 1;
    }
    return;
  }
  const documents = processSource(
    { location, bytes, encoding: decoded.encoding, decoded: decoded.text, mediaType },
    {
      detect,
      manifest: slot,
      warnings: decoded.warnings,
      single: input.single,
      languageHint: input.languageHint,
      knownDate: input.knownDate,
    },
  );
  if (documents.length === 0)
    throw new InputError(location, 'no text left after removing boilerplate');
  const saved = store.saveInput(
    { location, bytes, encoding: decoded.encoding, mediaType, inputHash },
    documents,
  );
  for (const doc of saved) {
    summary[doc.status]++;
    if (doc.duplicateOf !== null) summary.duplicates++;
    summary.byLanguage[doc.language] = (summary.byLanguage[doc.language] ?? 0) + 1;
  }
}

/** Records an input that could not be read (exported for the live sources). */
export function fail(summary: IngestSummary, location: string, reason: string): void {
  summary.failed++;
  // URLs are kept as they are: path.normalize would fold their "//".
  const shown = /^https?:\/\//i.test(location) ? location : path.normalize(location);
  summary.failures.push({ location: shown, reason });
}
