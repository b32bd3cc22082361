/**
 * The seeds' gold relations as network evidence: each row dated by its own
 * date (which also stands for the publication date) and voiced by its file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { EvidenceRelation } from '../../src/network/aggregate.js';
import { SHARED_DIR } from './corpus.js';

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
