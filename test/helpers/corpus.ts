/**
 * The reference corpus lives outside the repository (../shared). Tests that
 * need it skip with a printed notice where it is absent — except under
 * CI=true, where its absence is a failure.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');
export const SEEDS_DIR = path.join(SHARED_DIR, 'corpus', 'seeds');
export const SEEDS_MANIFEST = path.join(SHARED_DIR, 'corpus', 'seeds.manifest.jsonl');
export const CLI = path.join(REPO_ROOT, 'dist', 'cli', 'bin.js');

export function seedsAvailable(): boolean {
  if (existsSync(SEEDS_DIR)) return true;
  if (process.env.CI === 'true') {
    throw new Error(
      `the reference corpus is missing at ${SEEDS_DIR}; CI must run with ../shared beside the repository`,
    );
  }
  console.warn(
    `notice: reference corpus not found at ${SEEDS_DIR}; skipping the tests that read it`,
  );
  return false;
}
