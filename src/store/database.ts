/**
 * The store: one SQLite file (better-sqlite3), write-ahead logging, and
 * versioned migrations applied in order inside a transaction each.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StoreError } from '../domain/errors.js';
import { MIGRATIONS } from './migrations.js';

export type Db = Database.Database;

export function openStore(file: string, options: { readonly?: boolean } = {}): Db {
  let db: Db;
  try {
    if (file !== ':memory:' && !options.readonly)
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    db = new Database(file, {
      readonly: options.readonly ?? false,
      fileMustExist: options.readonly ?? false,
    });
  } catch (error) {
    throw new StoreError(`cannot open the store ${file}: ${(error as Error).message}`);
  }
  try {
    if (!options.readonly) {
      db.pragma('journal_mode = WAL');
      // NORMAL is durable across process crashes in WAL mode (only a power
      // loss can drop the last transactions), and much faster than FULL.
      db.pragma('synchronous = NORMAL');
      // A larger page cache and memory-mapped reads: the duplicate look-ups
      // and index updates of a big ingest stay in memory.
      db.pragma('cache_size = -65536');
      db.pragma('mmap_size = 268435456');
      db.pragma('temp_store = MEMORY');
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (!options.readonly) migrate(db);
    else checkVersion(db, file);
  } catch (error) {
    db.close();
    if (error instanceof StoreError) throw error;
    throw new StoreError(`cannot use the store ${file}: ${(error as Error).message}`);
  }
  return db;
}

export function schemaVersion(db: Db): number {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
  );
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as {
    v: number | null;
  };
  return row.v ?? 0;
}

function migrate(db: Db): void {
  const current = schemaVersion(db);
  const latest = MIGRATIONS.length;
  if (current > latest) {
    throw new StoreError(
      `the store has schema version ${current}, newer than this greatgame knows (${latest}); upgrade greatgame`,
    );
  }
  for (let version = current + 1; version <= latest; version++) {
    const sql = MIGRATIONS[version - 1] as string;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
        version,
        new Date().toISOString(),
      );
    })();
  }
}

function checkVersion(db: Db, file: string): void {
  const row = db
    .prepare("SELECT name FROM sqlite_master WHERE type='table' AND name='schema_migrations'")
    .get();
  if (!row) throw new StoreError(`${file} is not a greatgame store`);
}
