/**
 * The relation lexicon (data/knowledge/lexicon.yaml): trigger verbs and
 * nouns grouped by kind and polarity, relational nouns, sign modifiers and
 * modality cues. Loaded through a schema; a user file can replace it.
 */
import path from 'node:path';
import { z } from 'zod';
import { DATA_DIR } from '../config/paths.js';
import { RELATION_KINDS, type RelationKind } from '../domain/relation.js';
import { loadYamlFile } from './load-yaml.js';

const Kind = z.enum(RELATION_KINDS);
const Words = z.array(z.string().min(1)).default([]);

const LexiconSchema = z.object({
  version: z.union([z.number(), z.string()]).default(1),
  triggers: z
    .array(
      z.object({
        kind: Kind,
        polarity: z.union([z.literal(1), z.literal(-1)]),
        verbs: Words,
        nouns: Words,
        prep: Words,
      }),
    )
    .min(1),
  relational: z
    .array(
      z.object({
        kind: Kind,
        polarity: z.union([z.literal(1), z.literal(-1), z.literal(0)]),
        nouns: Words,
      }),
    )
    .default([]),
  modifiers: z.object({ negative: Words, positive: Words }).default({ negative: [], positive: [] }),
  cues: z.object({
    hypothetical: Words,
    reported: Words,
    negated: Words,
    probability: z.array(z.object({ words: Words, p: z.number().min(0).max(1) })).default([]),
  }),
});

export type LexiconFile = z.infer<typeof LexiconSchema>;

export interface TriggerSense {
  kind: RelationKind;
  /** 0 for relational nouns whose sign comes from modifiers ("ties"). */
  polarity: 1 | -1 | 0;
  /** Prepositions that introduce the target after this word. */
  preps: Set<string>;
  pos: 'verb' | 'noun' | 'relational';
  /** The lemma or phrase as listed. */
  lemma: string;
}

export interface Lexicon {
  /** Single-word lemmas → senses. */
  words: Map<string, TriggerSense[]>;
  /** Multiword phrases, as lemma sequences, longest first. */
  phrases: { lemmas: string[]; sense: TriggerSense }[];
  /** The same phrases by their first word, longest first: the scan looks up one list per token. */
  phrasesByFirst: Map<string, { lemmas: string[]; sense: TriggerSense }[]>;
  negativeModifiers: Set<string>;
  positiveModifiers: Set<string>;
  cues: { hypothetical: string[][]; reported: string[][]; negated: string[][] };
  probability: { words: string[][]; p: number }[];
  file: string;
}

export const DEFAULT_LEXICON_FILE = path.join(DATA_DIR, 'knowledge', 'lexicon.yaml');

let cached: Lexicon | undefined;

export function loadLexicon(file?: string): Lexicon {
  if (!file && cached) return cached;
  const source = file ?? DEFAULT_LEXICON_FILE;
  const lexicon = build(loadYamlFile(source, LexiconSchema), source);
  if (!file) cached = lexicon;
  return lexicon;
}

const split = (phrase: string) => phrase.toLowerCase().trim().split(/\s+/);

function build(data: LexiconFile, file: string): Lexicon {
  const words = new Map<string, TriggerSense[]>();
  const phrases: Lexicon['phrases'] = [];
  const add = (lemma: string, sense: TriggerSense) => {
    const parts = split(lemma);
    if (parts.length === 1) {
      const list = words.get(parts[0] as string) ?? [];
      list.push(sense);
      words.set(parts[0] as string, list);
    } else phrases.push({ lemmas: parts, sense });
  };
  for (const group of data.triggers) {
    const preps = new Set(group.prep.map((p) => p.toLowerCase()));
    for (const verb of group.verbs)
      add(verb, { kind: group.kind, polarity: group.polarity, preps, pos: 'verb', lemma: verb });
    for (const noun of group.nouns)
      add(noun, { kind: group.kind, polarity: group.polarity, preps, pos: 'noun', lemma: noun });
  }
  for (const group of data.relational) {
    const preps = new Set(['between', 'with', 'among']);
    for (const noun of group.nouns) {
      add(noun, {
        kind: group.kind,
        polarity: group.polarity,
        preps,
        pos: 'relational',
        lemma: noun,
      });
    }
  }
  phrases.sort((a, b) => b.lemmas.length - a.lemmas.length);
  const phrasesByFirst = new Map<string, Lexicon['phrases']>();
  for (const phrase of phrases) {
    const first = phrase.lemmas[0] as string;
    phrasesByFirst.set(first, [...(phrasesByFirst.get(first) ?? []), phrase]);
  }
  return {
    words,
    phrases,
    phrasesByFirst,
    negativeModifiers: new Set(data.modifiers.negative.map((w) => w.toLowerCase())),
    positiveModifiers: new Set(data.modifiers.positive.map((w) => w.toLowerCase())),
    cues: {
      hypothetical: data.cues.hypothetical.map(split),
      reported: data.cues.reported.map(split),
      negated: data.cues.negated.map(split),
    },
    probability: data.cues.probability.map((p) => ({ words: p.words.map(split), p: p.p })),
    file,
  };
}
