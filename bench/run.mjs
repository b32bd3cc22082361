/**
 * Ingest throughput on a generated corpus: `npm run bench` (builds first),
 * or `node bench/run.mjs [--mb 50] [--seed 1]` after `npm run build`.
 * Prints figures and asserts nothing.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cachedCorpus } from './generate-corpus.mjs';

const MB = 1024 * 1024;

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} needs a positive number`);
    process.exit(2);
  }
  return value;
}

const sizeMb = flag('mb', 50);
const seed = flag('seed', 1);

const { ingestPaths } = await import('../dist/ingest/run.js');
const { openStore } = await import('../dist/store/database.js');
const { DocumentStore } = await import('../dist/store/documents.js');
const { languageDetector } = await import('../dist/ingest/language.js');
const { extractStore } = await import('../dist/extract/run.js');
const { loadKnowledgeBase } = await import('../dist/knowledge/actors.js');
const { loadLexicon } = await import('../dist/knowledge/lexicon.js');

const seconds = (since) => (performance.now() - since) / 1000;
const fmt = (n, digits = 1) => n.toFixed(digits);

// The corpus: generated once per size and seed, then reused from the temp folder.
let started = performance.now();
const corpus = cachedCorpus({ totalBytes: Math.round(sizeMb * MB), seed });
console.log(
  `corpus: ${corpus.files} files, ${fmt(corpus.bytes / MB)} MB, ${corpus.sentences} sentences ` +
    `(${fmt((100 * corpus.twoActorSentences) / corpus.sentences)}% name two actors), ` +
    `${corpus.cached ? 'reused' : `generated in ${fmt(seconds(started), 2)} s`}: ${corpus.dir}`,
);

// Load the language model first, so the ingest figures are the pipeline's own.
started = performance.now();
await languageDetector();
console.log(`language model: loaded in ${fmt(seconds(started), 2)} s (not counted below)`);

const storeDir = mkdtempSync(path.join(os.tmpdir(), 'greatgame-bench-store-'));
const storeFile = path.join(storeDir, 'bench.db');
try {
  const db = openStore(storeFile);
  const store = new DocumentStore(db);

  started = performance.now();
  const first = await ingestPaths(store, [corpus.dir]);
  const firstSeconds = seconds(started);
  const docs = first.new + first.updated + first.unchanged;
  const mb = first.bytes / MB;
  console.log(
    `ingest: ${fmt(mb)} MB, ${docs} docs in ${fmt(firstSeconds)} s → ` +
      `${fmt(mb / firstSeconds, 2)} MB/s, ${Math.round(docs / firstSeconds)} docs/s`,
  );
  console.log(
    `  inputs ${first.inputs}, new ${first.new}, duplicates ${first.duplicates}, failed ${first.failed}, ` +
      `warnings ${first.warnings.length}, languages ${JSON.stringify(first.byLanguage)}`,
  );
  for (const failure of first.failures.slice(0, 5)) {
    console.log(`  failed: ${failure.location}: ${failure.reason}`);
  }

  // Extraction over everything just stored: one process, one core.
  const kb = loadKnowledgeBase();
  const lexicon = loadLexicon();
  started = performance.now();
  const extraction = extractStore(db, kb, lexicon);
  const extractSeconds = seconds(started);
  const cleanMb = extraction.chars / MB;
  console.log(
    `extract: ${extraction.extracted} docs, ${fmt(cleanMb)} MB of clean text in ${fmt(extractSeconds)} s → ` +
      `${fmt(cleanMb / extractSeconds, 2)} MB/s per core, ${Math.round(extraction.relations / extractSeconds)} relations/s ` +
      `(${extraction.relations} relations, ${extraction.mentions} mentions)`,
  );
  console.log(
    `ingest + extraction: ${fmt(mb)} MB in ${fmt(firstSeconds + extractSeconds)} s → ` +
      `${fmt(mb / (firstSeconds + extractSeconds), 2)} MB/s per core (goal: 5 MB/s)`,
  );

  started = performance.now();
  const second = await ingestPaths(store, [corpus.dir]);
  const secondSeconds = seconds(started);
  console.log(
    `re-ingest (unchanged): ${second.unchanged} unchanged, ${second.new + second.updated} rewritten ` +
      `in ${fmt(secondSeconds, 2)} s → ${Math.round(second.inputs / secondSeconds)} files/s`,
  );

  const size = (file) => {
    try {
      return statSync(file).size;
    } catch {
      return 0;
    }
  };
  const openBytes = size(storeFile) + size(`${storeFile}-wal`);
  db.close(); // checkpoints the write-ahead log into the main file
  const closedBytes = size(storeFile);
  console.log(
    `store: ${fmt(closedBytes / MB)} MB after close (${fmt(closedBytes / first.bytes, 2)}× the corpus; ` +
      `${fmt(openBytes / MB)} MB with the WAL while open)`,
  );
} finally {
  rmSync(storeDir, { recursive: true, force: true });
}
