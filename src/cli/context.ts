/**
 * What every command shares: where the store is, how to open it, how to
 * print. Commands receive an `Io` so tests can capture output.
 */
import { defaultStorePath } from '../config/paths.js';
import { type Db, openStore } from '../store/database.js';
import { DocumentStore } from '../store/documents.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** True when stderr is a terminal (progress bars, colours). */
  interactive: boolean;
  env: NodeJS.ProcessEnv;
}

export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  interactive: Boolean(process.stderr.isTTY),
  env: process.env,
};

export interface StoreOption {
  store?: string;
}

export function storePath(options: StoreOption, io: Io): string {
  return options.store ?? defaultStorePath(io.env);
}

/** Opens the store, runs `work`, and always closes it. */
export async function withStore<T>(
  file: string,
  work: (store: DocumentStore, db: Db) => Promise<T> | T,
): Promise<T> {
  const db = openStore(file);
  try {
    return await work(new DocumentStore(db), db);
  } finally {
    db.close();
  }
}

export function printJson(io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}
