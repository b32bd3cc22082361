/**
 * The seeds' gold relations as network evidence: each row dated by its own
 * date (which also stands for the publication date) and voiced by its file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EvidenceRelation } from '../../src/network/aggregate.js';
import { SEEDS_MANIFEST, SHARED_DIR } from './corpus.js';

export const GOLD_FILE = path.join(SHARED_DIR, 'eval', 'seeds.gold.jsonl');

export function goldEvidence(): EvidenceRelation[] {
  return readFileSync(GOLD_FILE, 'utf8')
    .trim()
    .split('\n')
    .map((line, i) => {
      const g = JSON.parse(line) as {
        doc: string;
        source: string;
        target: string;
        polarity: 1 | -1;
        modality: EvidenceRelation['modality'];
        date: string;
      };
      return {
        id: i + 1,
        source: g.source,
        target: g.target,
        polarity: g.polarity,
        modality: g.modality,
        date: g.date,
        docDate: g.date,
        voice: g.doc,
      };
    });
}

/**
 * The same rows dated as they were published: each row's `docDate` is its
 * document's date in the seeds' manifest, so `knownAt` and backtests see
 * only what had been published by then. The page of several entries (002)
 * has no single date: a row dated to the day there is an entry's own date;
 * a row with a partial date is a past event that one of the page's articles
 * (all from 2025) recalls, so it gets the earliest of their dates.
 */
export function goldEvidenceByPublication(): EvidenceRelation[] {
  const manifest = new Map(
    readFileSync(SEEDS_MANIFEST, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string; date: string })
      .map((m) => [m.file, m.date]),
  );
  const firstArticle = goldEvidence()
    .filter((r) => r.voice.startsWith('002_') && /^2025-\d{2}-\d{2}$/.test(r.date ?? ''))
    .map((r) => r.date!)
    .sort()[0];
  return goldEvidence().map((r) => {
    let docDate = manifest.get(r.voice) ?? r.docDate;
    if (r.voice.startsWith('002_')) {
      docDate = /^\d{4}-\d{2}-\d{2}$/.test(r.date ?? '') ? r.date : (firstArticle ?? docDate);
    }
    return { ...r, docDate };
  });
}
