/** A store in a temporary folder and a client for 127.0.0.1, for the live-source tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emptySummary } from '../../src/ingest/run.js';
import { languageDetector } from '../../src/ingest/language.js';
import { HttpClient, type HttpClientOptions } from '../../src/sources/http/client.js';
import type { LiveContext } from '../../src/sources/live.js';
import { type Db, openStore } from '../../src/store/database.js';
import { DocumentStore } from '../../src/store/documents.js';
import { SourceStore } from '../../src/store/sources.js';

export interface LiveFixture {
  dir: string;
  storeFile: string;
  db: Db;
  documents: DocumentStore;
  sources: SourceStore;
  client: HttpClient;
  /** A fresh context (new summary) for one poll. */
  context: (signal?: AbortSignal) => Promise<LiveContext>;
  close: () => Promise<void>;
}

export async function liveFixture(client: HttpClientOptions = {}): Promise<LiveFixture> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'greatgame-live-'));
  const storeFile = path.join(dir, 'store.db');
  const db = openStore(storeFile);
  const documents = new DocumentStore(db);
  const sources = new SourceStore(db);
  const http = new HttpClient({
    // Only the test servers' address is let through; everything else is refused.
    policy: { allowRanges: ['127.0.0.1/32'] },
    hostIntervalMs: 0,
    backoffMs: 5,
    maxWaitMs: 3000,
    timeoutMs: 5000,
    ...client,
  });
  const detect = await languageDetector();
  return {
    dir,
    storeFile,
    db,
    documents,
    sources,
    client: http,
    context: async (signal) => ({
      documents,
      sources,
      client: http,
      detect,
      summary: emptySummary(),
      signal,
    }),
    close: async () => {
      await http.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
