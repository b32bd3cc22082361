/**
 * Fingerprints for duplicate detection: an exact hash of the normalised
 * text, and a MinHash signature with LSH band keys for near-duplicates
 * (Broder 1997; bands as in Leskovec, Rajaraman & Ullman, "Mining of Massive
 * Datasets", ch. 3). Written here rather than taken from npm because the
 * band keys must live in the SQLite store (so a later ingest finds copies
 * of documents stored by an earlier one), which the in-memory LSH indexes
 * of the npm MinHash packages do not allow.
 */
import { createHash } from 'node:crypto';

export const MINHASH_PERMUTATIONS = 128;
export const LSH_BANDS = 16;
const ROWS_PER_BAND = MINHASH_PERMUTATIONS / LSH_BANDS;
const SHINGLE_WORDS = 5;
/** Jaccard similarity from which two documents are the same piece. */
export const NEAR_DUPLICATE_THRESHOLD = 0.9;

const URL_PATTERN =
  /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\/\S*|@[\w.-]+@[\w.-]+\.[a-z]{2,}/gi;

/** Text with links, case, punctuation and white space folded away. */
export function normaliseForHash(text: string): string {
  return text
    .replace(URL_PATTERN, ' ')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Exact-duplicate key: two posts that differ only in a link share it. */
export function contentHash(text: string): string {
  return sha256(normaliseForHash(text));
}

// Deterministic permutation parameters (mulberry32, fixed seed): the same
// text gets the same signature in every process and every version.
const PERMUTATION_A = new Uint32Array(MINHASH_PERMUTATIONS);
const PERMUTATION_B = new Uint32Array(MINHASH_PERMUTATIONS);
{
  let seed = 0x9e3779b9;
  const next = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  for (let i = 0; i < MINHASH_PERMUTATIONS; i++) {
    PERMUTATION_A[i] = next() | 1; // odd multipliers permute 32-bit values
    PERMUTATION_B[i] = next();
  }
}

function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MinHash signature over word 5-gram shingles of the normalised text. */
export function minhashSignature(normalised: string): Uint32Array {
  const words = normalised.split(' ').filter(Boolean);
  const shingles = new Set<number>();
  if (words.length <= SHINGLE_WORDS) shingles.add(fnv1a(words.join(' ')));
  else {
    for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
      shingles.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
    }
  }
  const signature = new Uint32Array(MINHASH_PERMUTATIONS).fill(0xffffffff);
  for (const x of shingles) {
    for (let p = 0; p < MINHASH_PERMUTATIONS; p++) {
      const v = (Math.imul(PERMUTATION_A[p] as number, x) + (PERMUTATION_B[p] as number)) >>> 0;
      if (v < (signature[p] as number)) signature[p] = v;
    }
  }
  return signature;
}

/** One key per band; documents sharing any key are compared. */
export function lshBandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < LSH_BANDS; band++) {
    let h1 = 0x811c9dc5 ^ band;
    let h2 = 0x01000193 ^ (band * 0x9e3779b1);
    for (let r = 0; r < ROWS_PER_BAND; r++) {
      const v = signature[band * ROWS_PER_BAND + r] as number;
      h1 = Math.imul(h1 ^ v, 0x01000193) >>> 0;
      h2 = Math.imul(h2 ^ v, 0x5bd1e995) >>> 0;
    }
    // 53 bits fit a JavaScript number and an SQLite integer exactly.
    keys.push((h1 & 0x1fffff) * 0x100000000 + h2);
  }
  return keys;
}

/** Estimated Jaccard similarity: the share of equal signature slots. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < MINHASH_PERMUTATIONS; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_PERMUTATIONS;
}
