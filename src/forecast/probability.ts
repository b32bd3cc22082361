/**
 * Words of estimative probability ("likely", "almost certainly", "might")
 * → the probability a forecast gives its outcome, from the table in
 * `data/forecast/probability-words.yaml` (sources cited there).
 */
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '../config/paths.js';
import { loadYamlFile } from '../knowledge/load-yaml.js';

export const PROBABILITY_WORDS_FILE = path.join(DATA_DIR, 'forecast', 'probability-words.yaml');

const Schema = z.object({
  version: z.literal(1),
  words: z
    .array(
      z.object({
        phrase: z.string().trim().min(1),
        probability: z.number().min(0).max(1).nullable(),
        basis: z.string().min(1),
      }),
    )
    .min(1)
    .superRefine((words, ctx) => {
      const seen = new Set<string>();
      words.forEach((w, i) => {
        const phrase = w.phrase.toLowerCase();
        if (seen.has(phrase))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'phrase'],
            message: `"${phrase}" is listed twice`,
          });
        seen.add(phrase);
      });
    }),
});

export interface ProbabilityWord {
  phrase: string;
  /** Null for an unhedged future ("will"): hit rate only, no Brier score. */
  probability: number | null;
  basis: string;
}

export interface ProbabilityTable {
  words: ProbabilityWord[];
  /** One pattern of every phrase, longest first so "very likely" beats "likely". */
  pattern: RegExp;
  byPhrase: Map<string, ProbabilityWord>;
}

export interface FoundProbability {
  word: string;
  probability: number | null;
  /** Offset of the phrase in the text searched. */
  at: number;
}

export function loadProbabilityTable(file = PROBABILITY_WORDS_FILE): ProbabilityTable {
  const { words } = loadYamlFile(file, Schema);
  const normalised = words.map((w) => ({ ...w, phrase: w.phrase.toLowerCase() }));
  const alternatives = [...normalised]
    .sort((a, b) => b.phrase.length - a.phrase.length)
    .map((w) => w.phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  // Whole words: no letter or digit on either side, except that a clitic
  // ("'ll") attaches to the word before it ("it'll").
  const plainWords = alternatives.filter((a) => !a.startsWith("'"));
  const clitics = alternatives.filter((a) => a.startsWith("'"));
  const parts = [`(?<![\\p{L}\\p{N}])(?:${plainWords.join('|')})`];
  if (clitics.length) parts.push(`(?:${clitics.join('|')})`);
  const pattern = new RegExp(`(?:${parts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return {
    words: normalised,
    pattern,
    byPhrase: new Map(normalised.map((w) => [w.phrase, w])),
  };
}

/**
 * The probability phrase that governs a forecast in `text` (the clause up
 * to the end of the relation's quote): the nearest hedged phrase, else the
 * nearest unhedged one ("will"), else null. A hedge outranks a bare modal
 * beside it: "will probably", "likely will" are both "probably"/"likely".
 */
export function findProbability(text: string, table: ProbabilityTable): FoundProbability | null {
  // Curly apostrophes as straight ones; same length, so offsets hold.
  const plain = text.replace(/[\u2018\u2019]/g, "'");
  let hedged: FoundProbability | null = null;
  let unhedged: FoundProbability | null = null;
  for (const m of plain.matchAll(new RegExp(table.pattern.source, 'giu'))) {
    const phrase = m[0].toLowerCase().replace(/\s+/g, ' ');
    const word = table.byPhrase.get(phrase);
    if (!word) continue;
    const found = { word: word.phrase, probability: word.probability, at: m.index };
    if (word.probability === null) unhedged = found;
    else hedged = found;
  }
  return hedged ?? unhedged;
}
