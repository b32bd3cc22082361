/**
 * A store built from the seeds' gold relations: each seed file a document
 * (its text as the clean text, metadata from the seeds manifest, no outlet
 * or author so its voice is its file, as in gold.ts), each gold row a
 * relation with its quote's offsets in that text. Optionally a hostile
 * document whose title, text and quote hold HTML, to check that every
 * view shows it as text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { IngestedDocument } from '../../src/domain/document.js';
import type { Relation } from '../../src/domain/relation.js';
import { extractionFingerprint } from '../../src/extract/run.js';
import { sha256 } from '../../src/ingest/fingerprint.js';
import { loadKnowledgeBase } from '../../src/knowledge/actors.js';
import { loadLexicon } from '../../src/knowledge/lexicon.js';
import { openStore } from '../../src/store/database.js';
import { DocumentStore } from '../../src/store/documents.js';
import { RelationStore } from '../../src/store/relations.js';
import { SEEDS_DIR, SEEDS_MANIFEST } from './corpus.js';
import { GOLD_FILE } from './gold.js';

export const HOSTILE = '<img src=x onerror=alert(1)>';
export const HOSTILE_TITLE = `${HOSTILE} Border talks <script>alert(2)</script>`;
export const HOSTILE_TEXT = `Islamabad, 3 March 2024. India accused Pakistan ${HOSTILE} of sheltering militants. Officials said nothing more.`;

interface GoldRow {
  doc: string;
  quote: string;
  source: string;
  target: string;
  polarity: 1 | -1;
  kind: Relation['kind'];
  modality: Relation['modality'];
  date: string;
}

function plainDocument(
  file: string,
  text: string,
  meta: { title?: string; date?: string },
): IngestedDocument {
  return {
    path: file,
    file: path.basename(file),
    entry: null,
    title: meta.title ?? null,
    author: null,
    date: meta.date ?? null,
    dateBasis: meta.date ? 'manifest' : null,
    source: null,
    url: null,
    language: 'en',
    languageSupported: true,
    text,
    offsetMap: [{ cleanStart: 0, rawStart: 0, length: text.length }],
    rawStart: 0,
    rawEnd: text.length,
    notes: {},
    warnings: [],
  };
}

function save(store: DocumentStore, doc: IngestedDocument): number {
  const bytes = new TextEncoder().encode(doc.text);
  const [saved] = store.saveInput(
    { location: doc.path, bytes, encoding: 'utf-8', mediaType: 'text', inputHash: sha256(bytes) },
    [doc],
  );
  if (!saved) throw new Error(`gold store: ${doc.path} was not saved`);
  return saved.id;
}

function relation(text: string, g: Omit<GoldRow, 'doc'>): Relation {
  const start = text.indexOf(g.quote);
  if (start < 0) throw new Error(`gold store: quote not found: ${g.quote}`);
  return {
    source: g.source,
    target: g.target,
    polarity: g.polarity,
    kind: g.kind,
    modality: g.modality,
    date: g.date,
    docDate: g.date,
    quote: g.quote,
    start,
    end: start + g.quote.length,
    sentenceStart: start,
    sentenceEnd: start + g.quote.length,
    trigger: 'gold',
    rule: 'gold',
    symmetric: false,
  };
}

/** Writes the gold store to `file` and returns how many documents and relations it holds. */
export function buildGoldStore(
  file: string,
  options: { hostile?: boolean } = {},
): { documents: number; relations: number } {
  const rows = readFileSync(GOLD_FILE, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as GoldRow);
  const manifest = new Map(
    readFileSync(SEEDS_MANIFEST, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { file: string; date?: string; title?: string })
      .map((m) => [m.file, m]),
  );
  // The extractor's own fingerprint: the gold rows count as up to date, so
  // a later extraction (after an upload) leaves them alone.
  const fingerprint = extractionFingerprint(loadKnowledgeBase(), loadLexicon());
  const db = openStore(file);
  try {
    const documents = new DocumentStore(db);
    const relations = new RelationStore(db);
    const byDoc = new Map<string, GoldRow[]>();
    for (const g of rows) byDoc.set(g.doc, [...(byDoc.get(g.doc) ?? []), g]);
    let count = 0;
    for (const [name, gold] of [...byDoc].sort(([a], [b]) => a.localeCompare(b))) {
      const text = readFileSync(path.join(SEEDS_DIR, name), 'utf8');
      const meta = manifest.get(name);
      const title = text
        .split('\n')
        .find((l) => l.trim() !== '')
        ?.trim()
        .slice(0, 200);
      const id = save(documents, plainDocument(name, text, { title, date: meta?.date }));
      const found = gold.map((g) => relation(text, g));
      relations.save(id, fingerprint, 'gold', { mentions: [], relations: found });
      count += found.length;
    }
    let docs = byDoc.size;
    if (options.hostile) {
      const id = save(
        documents,
        plainDocument('hostile.txt', HOSTILE_TEXT, { title: HOSTILE_TITLE, date: '2024-03-03' }),
      );
      relations.save(id, fingerprint, 'gold', {
        mentions: [],
        relations: [
          relation(HOSTILE_TEXT, {
            quote: `India accused Pakistan ${HOSTILE} of sheltering militants`,
            source: 'IND',
            target: 'PAK',
            polarity: -1,
            kind: 'ACCUSE',
            modality: 'asserted',
            date: '2024-03-03',
          }),
        ],
      });
      docs++;
      count++;
    }
    return { documents: docs, relations: count };
  } finally {
    db.close();
  }
}
