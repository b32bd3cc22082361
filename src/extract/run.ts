/**
 * Runs extraction over the store: every document whose stored extraction
 * is missing or was made by another extractor, knowledge base or lexicon.
 * Documents in languages the rules cannot read are marked skipped with the
 * reason, and later stages leave them out.
 */
import { readFileSync } from 'node:fs';
import { EXTRACTOR_VERSION } from '../domain/relation.js';
import { sha256 } from '../ingest/fingerprint.js';
import type { KnowledgeBase } from '../knowledge/actors.js';
import type { Lexicon } from '../knowledge/lexicon.js';
import type { Db } from '../store/database.js';
import { RelationStore } from '../store/relations.js';
import { Extractor } from './extractor.js';

/** Documents written per transaction. */
const BATCH = 200;

export interface ExtractSummary {
  documents: number;
  extracted: number;
  skipped: number;
  skippedLanguages: Record<string, number>;
  mentions: number;
  relations: number;
  chars: number;
  seconds: number;
}

/** What produced a set of relations: a change to any part redoes them. */
export function extractionFingerprint(kb: KnowledgeBase, lexicon: Lexicon): string {
  const files = [...kb.sources, lexicon.file].map((f) => sha256(readFileSync(f)));
  return sha256(JSON.stringify([EXTRACTOR_VERSION, files]));
}

export function extractStore(
  db: Db,
  kb: KnowledgeBase,
  lexicon: Lexicon,
  options: { all?: boolean; onProgress?: (done: number, total: number) => void } = {},
): ExtractSummary {
  const started = performance.now();
  const store = new RelationStore(db);
  const fingerprint = extractionFingerprint(kb, lexicon);
  const extractor = new Extractor(kb, lexicon);
  const targets = store.outOfDate(fingerprint, options.all);
  const languages = db.prepare('SELECT language FROM documents WHERE id = ?');
  const summary: ExtractSummary = {
    documents: targets.length,
    extracted: 0,
    skipped: 0,
    skippedLanguages: {},
    mentions: 0,
    relations: 0,
    chars: 0,
    seconds: 0,
  };
  // Results are written in batches: a commit per document costs more than
  // extracting a short one. Each document's rows still go in together, and
  // an interrupted run leaves the rest marked out of date for the next one.
  const batch = db.transaction((docs: typeof targets, offset: number) => {
    docs.forEach((doc, k) => extractOne(doc, offset + k));
  });
  const extractOne = (doc: (typeof targets)[number], i: number) => {
    if (!doc.languageSupported) {
      const { language } = languages.get(doc.id) as { language: string };
      store.save(doc.id, fingerprint, EXTRACTOR_VERSION, {
        skipped: `language ${language} is not read by the extractor`,
      });
      summary.skipped++;
      summary.skippedLanguages[language] = (summary.skippedLanguages[language] ?? 0) + 1;
    } else {
      const found = extractor.extract(doc.text, doc.date);
      store.save(doc.id, fingerprint, EXTRACTOR_VERSION, found);
      summary.extracted++;
      summary.mentions += found.mentions.length;
      summary.relations += found.relations.length;
      summary.chars += doc.text.length;
    }
    options.onProgress?.(i + 1, targets.length);
  };
  for (let i = 0; i < targets.length; i += BATCH) batch(targets.slice(i, i + BATCH), i);
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}
