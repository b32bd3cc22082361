/**
 * How sure a sentence sounds about a relation. Cues come from the lexicon:
 * a negation right before the trigger makes it `negated`; an attribution
 * ("allegedly", "according to", "X claims") `reported`; a modal, a
 * condition, a forecast or an infinitive of intent `hypothetical`.
 * Precedence: negated > reported > hypothetical > asserted.
 */
import type { Modality } from '../domain/relation.js';
import type { Lexicon } from '../knowledge/lexicon.js';
import type { TaggedToken } from './relations.js';

/** How far before the trigger a negation still scopes over it. */
const NEGATION_REACH = 4;
const SCOPE_BREAK = new Set([
  ';',
  '—',
  '–',
  'but',
  'whereas',
  'while',
  'although',
  'though',
  'yet',
  'however',
]);

export function modalityOf(
  tokens: TaggedToken[],
  at: number,
  lexicon: Lexicon,
  _sentence: string,
  _offset: number,
): Modality {
  // The scope: from the start of the trigger's clause to just after it.
  let from = at;
  while (from > 0 && !SCOPE_BREAK.has((tokens[from - 1] as TaggedToken).lower)) from--;
  const before = tokens.slice(from, at);

  // Negation close before the trigger: "did not recognise", "never backed", "no support".
  const near = tokens.slice(Math.max(from, at - NEGATION_REACH), at);
  if (near.some((t) => isCue(lexicon.cues.negated, tokens, tokens.indexOf(t)))) return 'negated';
  if (before.some((t, k) => (t.lower === 'neither' || t.lower === 'nor') && k >= 0))
    return 'negated';

  const sentenceHas = (cues: string[][], upTo: number) => {
    for (let i = 0; i < upTo; i++) if (isCue(cues, tokens, i)) return true;
    return false;
  };
  if (
    before.some((_, k) => isCue(lexicon.cues.reported, tokens, from + k)) ||
    sentenceHas(lexicon.cues.reported, from)
  ) {
    return 'reported';
  }
  if (before.some((_, k) => isCue(lexicon.cues.hypothetical, tokens, from + k)))
    return 'hypothetical';
  // "to support", "to mediate": an aim, not an act.
  if (tokens[at - 1]?.lower === 'to' && tokens[at]?.pos === 'VERB') return 'hypothetical';
  // A conditional opening the sentence governs it all; so does a question.
  if (
    sentenceHas(
      lexicon.cues.hypothetical.filter((c) => c[0] === 'if' || c[0] === 'unless'),
      from,
    )
  )
    return 'hypothetical';
  if (tokens[tokens.length - 1]?.text === '?') return 'hypothetical';
  return 'asserted';
}

/** Does a cue (one or more words) start at token i? */
function isCue(cues: string[][], tokens: TaggedToken[], i: number): boolean {
  const t = tokens[i];
  if (!t) return false;
  for (const cue of cues) {
    if (cue.length === 1) {
      if (cue[0] === t.lower || cue[0] === t.lemma) return true;
      continue;
    }
    if (cue.every((w, k) => tokens[i + k]?.lower === w || tokens[i + k]?.lemma === w)) return true;
  }
  return false;
}
