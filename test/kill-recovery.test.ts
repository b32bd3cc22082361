/**
 * A process killed in the middle of an ingest (SIGKILL: no cleanup runs)
 * leaves a sound store holding whole files only, and the next run completes
 * the work, redoing only what was not committed.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { CLI } from './helpers/corpus.js';

const DOCUMENTS = 3000;
/** Kill once at least this many documents are committed. */
const KILL_AFTER = 150;

/** mulberry32: a small seeded PRNG, so the corpus is the same every run. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'The envoy',
  'A trader',
  'The governor',
  'Local elders',
  'A spokesman',
  'The ministry',
  'Border guards',
  'Farmers',
  'The delegation',
  'Students',
  'A commander',
  'The council',
  'Negotiators',
  'Aid workers',
  'Shopkeepers',
  'The court',
  'Villagers',
  'Engineers',
  'Reporters',
  'The mayor',
];
const VERBS = [
  'discussed',
  'rejected',
  'welcomed',
  'questioned',
  'reviewed',
  'postponed',
  'announced',
  'criticised',
  'supported',
  'described',
  'inspected',
  'funded',
  'delayed',
  'praised',
  'examined',
  'planned',
  'disputed',
  'repaired',
  'defended',
  'opened',
];
const OBJECTS = [
  'the new road',
  'a water project',
  'the trade agreement',
  'the customs rules',
  'a school building',
  'the grain prices',
  'the power line',
  'a clinic',
  'the border fence',
  'the railway plan',
  'a refugee camp',
  'the market',
  'the bridge',
  'a mining lease',
  'the wheat harvest',
  'the bus route',
  'a dam',
  'the pipeline',
  'the exam results',
  'the curfew',
];
const PLACES = [
  'in Kabul',
  'in Herat',
  'near Kandahar',
  'in Quetta',
  'in Peshawar',
  'near Jalalabad',
  'in Mazar',
  'in Kunduz',
  'near Torkham',
  'in Ghazni',
  'in Bamyan',
  'near Chaman',
  'in Khost',
  'in Termez',
  'in Dushanbe',
  'near Zaranj',
  'in Faizabad',
  'in Gilgit',
  'in Chitral',
  'in Lashkar Gah',
];
const MANNERS = [
  'after a long meeting',
  'despite strong objections',
  'with little warning',
  'for the second time',
  'under heavy pressure',
  'at a crowded gathering',
  'following complaints',
  'before the rains came',
  'with cautious optimism',
  'amid rising costs',
  'in a brief statement',
  'during a tense session',
  'after a long delay',
  'with support from donors',
  'against expert advice',
];
const SPEAKERS = [
  'Residents said',
  'Officials added that',
  'Critics argued that',
  'Observers noted that',
  'One witness said',
  'Analysts believe',
  'A resident claimed',
  'Organisers hoped',
];
const CLAIMS = [
  'the plan would cost more than expected',
  'the decision came too late',
  'prices had risen sharply',
  'few people attended',
  'the work would finish soon',
  'security remained a concern',
  'the funds had not arrived',
  'more talks were needed',
  'the mood was calm',
  'the roads were still closed',
  'trucks waited for hours',
  'the teachers were unpaid',
];

/**
 * Writes `count` distinct Markdown articles (a title and 3–5 paragraphs of
 * 3–5 sentences drawn at random), with no dates so each file is one document.
 */
function writeCorpus(dir: string, count: number, seed: number): void {
  const random = prng(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentence = () =>
    random() < 0.6
      ? `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(PLACES)} ${pick(MANNERS)}.`
      : `${pick(SPEAKERS)} ${pick(CLAIMS)} ${pick(PLACES)}.`;
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const paragraphs: string[] = [];
    const paragraphCount = 3 + Math.floor(random() * 3);
    for (let p = 0; p < paragraphCount; p++) {
      const sentences: string[] = [];
      const sentenceCount = 3 + Math.floor(random() * 3);
      for (let k = 0; k < sentenceCount; k++) sentences.push(sentence());
      paragraphs.push(sentences.join(' '));
    }
    const title = `Report ${i}: ${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}`;
    writeFileSync(
      path.join(dir, `doc-${String(i).padStart(5, '0')}.md`),
      `# ${title}\n\n${paragraphs.join('\n\n')}\n`,
    );
  }
}

/** Committed documents, or undefined while the store is not readable yet (missing, busy, migrating). */
function committedDocuments(file: string): number | undefined {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: 100 });
    return (db.prepare('SELECT COUNT(*) AS n FROM documents').get() as { n: number }).n;
  } catch {
    return undefined; // SQLITE_BUSY, SQLITE_CANTOPEN, no such table yet, …
  } finally {
    db?.close();
  }
}

function scalar(db: Database.Database, sql: string): number {
  return (db.prepare(sql).pluck().get() as number) ?? 0;
}

interface Counts {
  new: number;
  updated: number;
  unchanged: number;
  duplicates: number;
  failed: number;
}

let root: string;
let corpus: string;
let store: string;
/** The ingest being killed, so a failing test never leaves it running. */
let running: ChildProcess | undefined;

beforeAll(() => {
  root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'greatgame-kill-')));
  corpus = path.join(root, 'corpus');
  store = path.join(root, 'store.db');
  writeCorpus(corpus, DOCUMENTS, 20250419);
});

afterAll(() => {
  if (running && running.exitCode === null && running.signalCode === null) running.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

describe('an ingest killed with SIGKILL', () => {
  it('leaves only whole, committed files, and the next run completes the rest', async () => {
    // 1. Start the ingest and kill it once some documents are committed.
    const child: ChildProcess = spawn(
      process.execPath,
      [CLI, 'ingest', corpus, '--store', store, '--json'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    running = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout?.resume();
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    let exitedEarly = false;
    void exited.then(() => {
      exitedEarly = true;
    });

    let seen: number | undefined;
    const deadline = Date.now() + 60_000;
    while (!exitedEarly && Date.now() < deadline) {
      seen = committedDocuments(store);
      if (seen !== undefined && seen >= KILL_AFTER) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(
      exitedEarly,
      `the ingest ended before it could be killed (saw ${seen} documents): ${stderr}`,
    ).toBe(false);
    expect(seen, 'no documents were committed within 60 s').toBeGreaterThanOrEqual(KILL_AFTER);
    expect(seen).toBeLessThan(DOCUMENTS);
    expect(child.kill('SIGKILL')).toBe(true);
    const { code, signal } = await exited;
    expect({ code, signal }, 'the ingest finished before the kill landed').toEqual({
      code: null,
      signal: 'SIGKILL',
    });

    // 2. The store left behind is sound and holds whole files only.
    let committed: number;
    {
      const db = new Database(store, { readonly: true, fileMustExist: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        committed = scalar(db, 'SELECT COUNT(*) FROM documents');
        // Anything committed after the poll and before the kill landed counts too.
        expect(committed).toBeGreaterThanOrEqual(seen as number);
        expect(committed).toBeLessThan(DOCUMENTS);
        expect(
          scalar(db, "SELECT COUNT(*) FROM documents WHERE text IS NULL OR trim(text) = ''"),
        ).toBe(0);
        expect(
          scalar(
            db,
            `SELECT COUNT(*) FROM documents d LEFT JOIN inputs i ON i.location = d.location
             LEFT JOIN blobs b ON b.sha256 = i.raw_sha256 WHERE b.sha256 IS NULL`,
          ),
        ).toBe(0);
        // Each file is one document, written with its input row in one transaction.
        expect(scalar(db, 'SELECT COUNT(*) FROM inputs')).toBe(committed);
        expect(
          scalar(
            db,
            'SELECT COUNT(*) FROM inputs i WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.location = i.location)',
          ),
        ).toBe(0);
        expect(scalar(db, 'SELECT COUNT(*) FROM blobs WHERE size != length(bytes)')).toBe(0);
        // The committed files are a prefix of the (sorted) ingest order.
        const locations = db
          .prepare('SELECT location FROM inputs ORDER BY location')
          .pluck()
          .all() as string[];
        expect(locations).toEqual(
          Array.from({ length: committed }, (_, i) =>
            path.join(corpus, `doc-${String(i).padStart(5, '0')}.md`),
          ),
        );
      } finally {
        db.close();
      }
    }

    // 3. Running again completes the work and redoes nothing committed.
    const second = runCli(['ingest', corpus, '--store', store, '--json']);
    expect(second.code, second.stderr).toBe(0);
    const secondCounts = JSON.parse(second.stdout) as Counts;
    expect(secondCounts).toMatchObject({
      new: DOCUMENTS - committed,
      unchanged: committed,
      updated: 0,
      duplicates: 0,
      failed: 0,
    });
    {
      const db = new Database(store, { readonly: true, fileMustExist: true });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(scalar(db, 'SELECT COUNT(*) FROM documents')).toBe(DOCUMENTS);
        expect(scalar(db, 'SELECT COUNT(DISTINCT location) FROM documents')).toBe(DOCUMENTS);
        expect(scalar(db, 'SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL')).toBe(0);
      } finally {
        db.close();
      }
    }

    // 4. A third run finds everything unchanged.
    const third = runCli(['ingest', corpus, '--store', store, '--json']);
    expect(third.code, third.stderr).toBe(0);
    expect(JSON.parse(third.stdout) as Counts).toMatchObject({
      new: 0,
      updated: 0,
      unchanged: DOCUMENTS,
      duplicates: 0,
      failed: 0,
    });
  }, 180_000);
});
