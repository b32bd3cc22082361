/**
 * A store made by ingesting articles written for a test, with a manifest
 * giving each its date, outlet and author, as a user would run it.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { runCli } from './cli.js';

export interface TestArticle {
  file: string;
  text: string;
  date: string;
  source?: string;
  author?: string;
}

/** Writes the articles and their manifest to a temporary folder, ingests it, and returns the store and folder. */
export function ingestArticles(
  prefix: string,
  articles: readonly TestArticle[],
): { dir: string; store: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const store = path.join(dir, 'store.db');
  for (const a of articles) writeFileSync(path.join(dir, a.file), a.text);
  const manifest = path.join(dir, 'meta.jsonl');
  writeFileSync(
    manifest,
    articles.map(({ text: _text, ...meta }) => JSON.stringify(meta)).join('\n'),
  );
  const ingest = runCli(['ingest', dir, '--manifest', manifest, '--store', store]);
  expect(ingest.code, ingest.stderr).toBe(0);
  return { dir, store };
}
