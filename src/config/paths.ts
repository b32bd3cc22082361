/**
 * Where greatgame keeps its bundled data and, by default, its store.
 * Source (src/config) and build (dist/config) sit at the same depth, so the
 * bundled data folder is two levels up from either.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA_DIR = path.join(PACKAGE_ROOT, 'data');

/** `$XDG_DATA_HOME/greatgame`, else `~/.local/share/greatgame`. */
export function userDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share');
  return path.join(base, 'greatgame');
}

/** The store every command uses unless `--store` says otherwise. */
export function defaultStorePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.GREATGAME_STORE || path.join(userDataDir(env), 'greatgame.db');
}

/** The demo's own store: never the user's default one. */
export function demoStorePath(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(userDataDir(env), 'demo.db');
}
