/**
 * How sure a sentence sounds about a relation. Cues come from the lexicon:
 * a negation right before the trigger makes it `negated`; an attribution
 * ("allegedly", "according to", "X claims") `reported`; a modal, a
 * condition, a forecast or an infinitive of intent `hypothetical`.
 * Precedence: negated > reported > hypothetical > asserted.
 */
import type { Modality } from '../domain/relation.js';
import type { Lexicon } from '../knowledge/lexicon.js';
import { CLAUSE_BREAK } from './clauses.js';
import type { TaggedToken } from './relations.js';

/** How far before the trigger a negation still scopes over it. */
const NEGATION_REACH = 4;
const MODAL_WORDS = new Set([
  'would',
  'could',
  'might',
  'may',
  'will',
  'should',
  'must',
  'can',
  "'ll",
  'wo',
  'shall',
]);
const MODALS = [...MODAL_WORDS].map((w) => [w]);
const MODAL_REACH = 5;
const CONDITIONS = [['if'], ['unless'], ['whether'], ['in', 'the', 'event'], ['were', 'to']];
/** The modality of a trigger is read within its clause. */
const SCOPE_BREAK = CLAUSE_BREAK;

export function modalityOf(
  tokens: TaggedToken[],
  at: number,
  lexicon: Lexicon,
  _sentence: string,
  _offset: number,
): Modality {
  // The scope: from the start of the trigger's clause to the trigger. An
  // aside in brackets is a statement of its own ("If A signs (B expects C
  // to …)"): the cues outside it do not reach in.
  const aside = openBracketBefore(tokens, at);
  let from = at;
  while (from > aside + 1 && !SCOPE_BREAK.has((tokens[from - 1] as TaggedToken).lower)) from--;

  // Negation close before the trigger: "did not recognise", "never backed", "no support".
  for (let i = Math.max(from, at - NEGATION_REACH); i < at; i++) {
    if (isCue(lexicon.cues.negated, tokens, i)) return 'negated';
  }
  for (let i = from; i < at; i++) {
    const w = (tokens[i] as TaggedToken).lower;
    if (w === 'neither' || w === 'nor') return 'negated';
  }

  // The nearest cue before the trigger decides between a forecast and an
  // attribution: "they claim Russia paid" is reported, "the claim could
  // lead to pressure" hypothetical. Attribution reaches back over the whole
  // sentence ("According to X, … A armed B"); a modal only over its clause.
  const nearest = (cues: string[][], start: number) => {
    for (let i = at - 1; i >= start; i--) if (isCue(cues, tokens, i)) return i;
    return -1;
  };
  let reported = nearest(lexicon.cues.reported, aside + 1);
  // A modal governs the verb right after it; other forecast words their
  // phrase (up to a comma); a condition the whole sentence.
  let segment = at;
  while (segment > from && (tokens[segment - 1] as TaggedToken).text !== ',') segment--;
  const hypothetical = Math.max(
    nearest(MODALS, Math.max(from, at - MODAL_REACH)),
    modalOverPhrase(tokens, at, segment),
    nearest(
      lexicon.cues.hypothetical.filter((c) => !MODAL_WORDS.has(c[0] as string)),
      segment,
    ),
    nearest(CONDITIONS, aside + 1),
  );
  // "accused B of sheltering C", "suspected of arming": the accusation frames what follows
  for (let i = at - 1; i > aside && reported < 0; i--) {
    if ((tokens[i] as TaggedToken).lower !== 'of') continue;
    const head = tokens
      .slice(Math.max(0, i - 5), i)
      .find((t) => /^(accuse|suspect|allege|charge)$/.test(t.lemma));
    if (head) reported = i;
  }
  if (hypothetical > reported) return 'hypothetical';
  if (reported >= 0) return 'reported';
  if (isGoal(tokens, at)) return 'hypothetical';
  // "to support", "to mediate": an aim, not an act.
  if (tokens[at - 1]?.lower === 'to' && tokens[at]?.pos === 'VERB') return 'hypothetical';
  // A question asks rather than states.
  if (tokens[tokens.length - 1]?.text === '?') return 'hypothetical';
  return 'asserted';
}

/** "pushed B toward a peace deal with C": a relation noun one moves toward is an aim. */
function isGoal(tokens: TaggedToken[], at: number): boolean {
  if (tokens[at]?.pos !== 'NOUN') return false;
  let k = at - 1;
  while (k >= 0 && /^(DET|ADJ|NOUN|NUM)$/.test((tokens[k] as TaggedToken).pos)) k--;
  return /^(toward|towards)$/.test(tokens[k]?.lower ?? '');
}

/** How far back a modal reaches over its verb's own phrase. */
const MODAL_PHRASE_REACH = 12;

/**
 * "could (quietly) put A and B on the same page", "might lead to talks
 * with B": a modal further back still governs the trigger when only its
 * own verb and that verb's objects stand between them. Another verb, a
 * relative pronoun or a comma starts a predicate the modal does not reach.
 * Returns the modal's index, or -1.
 */
function modalOverPhrase(tokens: TaggedToken[], at: number, segment: number): number {
  let verbs = 0;
  for (let i = at - 1; i >= Math.max(segment, at - MODAL_PHRASE_REACH); i--) {
    const t = tokens[i] as TaggedToken;
    // "can use X as …" states an ability, not a forecast
    if (MODAL_WORDS.has(t.lower)) return verbs <= 1 && t.lower !== 'can' ? i : -1;
    if (/^(that|which|who|whom|whose|because|since|when|after|before)$/.test(t.lower)) return -1;
    // "could hurt its partner": a possessed relation already holds
    if (verbs === 0 && /^(its|their|his|her|our)$/.test(t.lower)) return -1;
    if (t.pos === 'AUX' || t.pos === 'SCONJ') return -1;
    if (t.pos === 'VERB' && ++verbs > 1) return -1;
  }
  return -1;
}

/** The index of the unclosed "(" before `at`, or -1. */
function openBracketBefore(tokens: TaggedToken[], at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    const text = (tokens[i] as TaggedToken).text;
    if (text === ')') depth++;
    else if (text === '(') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
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
