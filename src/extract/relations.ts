/**
 * Relations from one tagged sentence. Shallow, explainable rules over
 * wink-nlp's tokens, lemmas and parts of speech:
 *   verb:  A <verb> (prep) B · B <be> <verb>-ed by A · "A and B <meet>"
 *   noun:  A's <noun> (prep) B · <demonym> <noun> (prep) B · A-B <noun>
 *          · A <light verb> a <noun> (prep) B · <noun> between A and B
 * Each relation keeps the trigger and the rule that found it. Modality
 * comes from cues in the clause (modality.ts); signs of neutral relational
 * nouns ("ties") come from modifiers ("worsening", "excellent").
 */
import type { Modality, Polarity, Relation } from '../domain/relation.js';
import type { Lexicon, TriggerSense } from '../knowledge/lexicon.js';
import type { FoundMention } from './mentions.js';
import { modalityOf } from './modality.js';

export interface TaggedToken {
  text: string;
  lower: string;
  lemma: string;
  pos: string;
  /** Offsets into the document's clean text. */
  start: number;
  end: number;
}

interface Group {
  members: FoundMention[];
  /** Token range covered, inclusive. */
  first: number;
  last: number;
}

interface Trigger {
  at: number;
  /** Last token of a multiword trigger. */
  to: number;
  sense: TriggerSense;
}

export interface SentenceInput {
  tokens: TaggedToken[];
  mentions: FoundMention[];
  sentenceStart: number;
  sentenceEnd: number;
  text: string;
  docDate: string | null;
  date: string | null;
}

const CLAUSE_BREAK = new Set([
  ';',
  ':',
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
const SUBJECT_BREAK = new Set([
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'because',
  'since',
  'if',
  'unless',
  'when',
  'after',
  'before',
]);
const COORDINATORS = new Set([
  ',',
  'and',
  'or',
  '&',
  'nor',
  'neither',
  'both',
  'either',
  'as',
  'well',
]);
const RECIPROCAL = new Set([
  'meet',
  'talk',
  'negotiate',
  'clash',
  'agree',
  'cooperate',
  'fight',
  'sign',
  'ally',
  'align',
  'reconcile',
  'feud',
  'spar',
  'quarrel',
  'partner',
  'collaborate',
  'compete',
  'coordinate',
  'converge',
  'trade',
]);
const LIGHT_VERBS = new Set([
  'sign',
  'reach',
  'hold',
  'launch',
  'impose',
  'conclude',
  'strike',
  'forge',
  'seek',
  'offer',
  'provide',
  'extend',
  'make',
  'have',
  'give',
  'lend',
  'pledge',
  'announce',
  'carry',
  'level',
  'issue',
  'conduct',
  'mount',
  'wage',
  'deepen',
  'strengthen',
  'improve',
  'expand',
  'build',
  'cultivate',
  'restore',
  'establish',
  'pursue',
  'cut',
  'clinch',
  'enter',
  'broker',
  'mediate',
  'resume',
  'open',
  'begin',
  'start',
  'continue',
  'increase',
  'boost',
  'maintain',
  'enjoy',
  'keep',
  'deny',
  'withhold',
  'receive',
  'get',
  'win',
  'gain',
  'secure',
]);
const MAX_SUBJECT_DISTANCE = 14;
const MAX_OBJECT_DISTANCE = 9;

export function extractFromSentence(input: SentenceInput, lexicon: Lexicon): Relation[] {
  const { tokens } = input;
  const mentionAt = mapMentions(tokens, input.mentions);
  const groups = buildGroups(tokens, mentionAt);
  const groupAt = new Map<number, Group>();
  for (const g of groups) for (let i = g.first; i <= g.last; i++) groupAt.set(i, g);
  const clauses = clauseIds(tokens);
  const triggers = findTriggers(tokens, lexicon, mentionAt);
  const out: Relation[] = [];
  const seen = new Set<string>();

  const emit = (
    source: FoundMention,
    target: FoundMention,
    trigger: Trigger,
    rule: string,
    symmetric: boolean,
    polarity: Polarity,
  ) => {
    if (source.actor === target.actor) return;
    const [s, t] = symmetric && source.actor > target.actor ? [target, source] : [source, target];
    const modality: Modality = modalityOf(
      tokens,
      trigger.at,
      lexicon,
      input.text,
      input.sentenceStart,
    );
    const key = `${s.actor}|${t.actor}|${polarity}|${trigger.sense.kind}|${modality}|${trigger.at}`;
    if (seen.has(key)) return;
    seen.add(key);
    const start = Math.min(s.start, t.start, (tokens[trigger.at] as TaggedToken).start);
    const end = Math.max(s.end, t.end, (tokens[trigger.to] as TaggedToken).end);
    out.push({
      source: s.actor,
      target: t.actor,
      polarity,
      kind: trigger.sense.kind,
      modality,
      date: input.date ?? input.docDate,
      docDate: input.docDate,
      quote: input.text.slice(start - input.sentenceStart, end - input.sentenceStart),
      start,
      end,
      sentenceStart: input.sentenceStart,
      sentenceEnd: input.sentenceEnd,
      trigger: tokens
        .slice(trigger.at, trigger.to + 1)
        .map((t) => t.text)
        .join(' '),
      rule,
      symmetric,
    });
  };

  for (const trigger of triggers) {
    const polarity = signOf(trigger, tokens, clauses, lexicon);
    if (polarity === 0) continue;
    const symmetric = trigger.sense.pos === 'relational';
    if (trigger.sense.pos === 'verb') {
      verbRelations(trigger, tokens, groups, groupAt, clauses, (a, b, rule, sym) =>
        emit(a, b, trigger, rule, sym, polarity),
      );
    } else {
      nounRelations(trigger, tokens, groupAt, clauses, (a, b, rule, sym) =>
        emit(a, b, trigger, rule, sym || symmetric, polarity),
      );
    }
  }
  return out;
}

type Emit = (a: FoundMention, b: FoundMention, rule: string, symmetric: boolean) => void;

function verbRelations(
  trigger: Trigger,
  tokens: TaggedToken[],
  groups: Group[],
  groupAt: Map<number, Group>,
  clauses: number[],
  emit: Emit,
): void {
  const clause = clauses[trigger.at];
  const subject = findSubject(trigger.at, tokens, groupAt, clauses);
  const passive = isPassive(trigger, tokens);
  if (passive) {
    // B was <verb>-ed by A: the agent follows "by".
    for (let i = trigger.to + 1; i <= Math.min(tokens.length - 1, trigger.to + 4); i++) {
      if (tokens[i]?.lower !== 'by') continue;
      const agent = groupAt.get(i + 1) ?? groupAt.get(i + 2);
      if (agent && clauses[agent.first] === clause) {
        if (subject) pairs(agent, subject, 'passive', false, emit);
        return;
      }
    }
  }
  const object = findObject(trigger, tokens, groupAt, clauses);
  if (subject && object) {
    pairs(subject, object, passive ? 'passive-subject' : 'svo', false, emit);
    return;
  }
  if (
    subject &&
    !object &&
    subject.members.length >= 2 &&
    RECIPROCAL.has(trigger.sense.lemma.split(' ')[0] ?? '')
  ) {
    within(subject, 'reciprocal', emit);
  }
  void groups;
}

function nounRelations(
  trigger: Trigger,
  tokens: TaggedToken[],
  groupAt: Map<number, Group>,
  clauses: number[],
  emit: Emit,
): void {
  const clause = clauses[trigger.at];
  // Modifiers before the noun: "Russia's (continued) support", "Pakistani support", "US-Taliban deal".
  let agent: Group | undefined;
  let dyad: [FoundMention, FoundMention] | undefined;
  for (let i = trigger.at - 1; i >= Math.max(0, trigger.at - 4); i--) {
    const g = groupAt.get(i);
    if (g) {
      const m = g.members[g.members.length - 1] as FoundMention;
      const prev = g.members[g.members.length - 2];
      if (prev?.hyphenAfter && m.hyphenBefore) dyad = [prev, m];
      else if (m.possessive || m.via === 'demonym' || m.via === 'prefix' || i === trigger.at - 1)
        agent = g;
      break;
    }
    const t = tokens[i] as TaggedToken;
    if (
      !/^(ADJ|NOUN|PROPN|ADV|NUM|PART)$/.test(t.pos) &&
      t.lower !== "'s" &&
      t.lower !== '’s' &&
      t.lower !== '-'
    )
      break;
  }
  if (dyad) {
    emit(dyad[0], dyad[1], 'dyad', true);
    return;
  }
  // "between A and B" / "among A, B and C"
  const next = tokens[trigger.to + 1];
  if (next && (next.lower === 'between' || next.lower === 'among')) {
    const g = groupAt.get(trigger.to + 2) ?? groupAt.get(trigger.to + 3);
    if (g && g.members.length >= 2 && clauses[g.first] === clause) {
      if (trigger.sense.pos === 'relational') within(g, 'between', emit);
      else if (agent) pairs(agent, g, 'between', false, emit);
      return;
    }
  }
  const object = findObject(trigger, tokens, groupAt, clauses, true);
  if (!agent) {
    // "A signed a deal with B", "A imposed sanctions on B": the subject of a light verb.
    const verb = lightVerbBefore(trigger.at, tokens);
    if (verb !== undefined) agent = findSubject(verb, tokens, groupAt, clauses);
  }
  if (agent && object)
    pairs(agent, object, agent.last < trigger.at - 1 ? 'light-verb' : 'nominal', false, emit);
  else if (agent && !object && agent.members.length >= 2 && trigger.sense.pos === 'relational')
    within(agent, 'joint', emit);
}

/** All source × target pairs of two groups. */
function pairs(source: Group, target: Group, rule: string, symmetric: boolean, emit: Emit): void {
  for (const s of source.members) for (const t of target.members) emit(s, t, rule, symmetric);
}

/** All pairs inside one coordinated group ("A and B clashed"). */
function within(group: Group, rule: string, emit: Emit): void {
  const m = group.members;
  for (let i = 0; i < m.length; i++)
    for (let j = i + 1; j < m.length; j++)
      emit(m[i] as FoundMention, m[j] as FoundMention, rule, true);
}

function findSubject(
  at: number,
  tokens: TaggedToken[],
  groupAt: Map<number, Group>,
  clauses: number[],
): Group | undefined {
  const clause = clauses[at];
  for (let i = at - 1; i >= Math.max(0, at - MAX_SUBJECT_DISTANCE); i--) {
    if (clauses[i] !== clause) return undefined;
    const g = groupAt.get(i);
    if (g) {
      // A group followed by a preposition is an object of something else ("the war in Afghanistan").
      const after = tokens[g.last + 1];
      if (
        after &&
        after.pos === 'ADP' &&
        after.lower !== 'of' &&
        g.last + 1 < at &&
        !isPossessiveMarker(after)
      ) {
        i = g.first;
        continue;
      }
      if (isLocative(tokens, g.first)) {
        i = g.first;
        continue;
      }
      return g;
    }
    const t = tokens[i] as TaggedToken;
    if (SUBJECT_BREAK.has(t.lower)) {
      // "Iran, which …": a relative pronoun stands for the group before it.
      if (t.lower === 'which' || t.lower === 'who') {
        const j = tokens[i - 1]?.text === ',' ? i - 2 : i - 1;
        return groupAt.get(j);
      }
      return undefined;
    }
    if (t.pos === 'VERB' && i < at - 1 && !/^(to)$/.test(tokens[i + 1]?.lower ?? '')) {
      // another predicate between: its subject is not ours unless coordinated ("A met and agreed")
      if (tokens[i + 1]?.lower !== 'and') return undefined;
    }
  }
  return undefined;
}

function findObject(
  trigger: Trigger,
  tokens: TaggedToken[],
  groupAt: Map<number, Group>,
  clauses: number[],
  nominal = false,
): Group | undefined {
  const clause = clauses[trigger.at];
  let prep: string | null = null;
  for (
    let i = trigger.to + 1;
    i <= Math.min(tokens.length - 1, trigger.to + MAX_OBJECT_DISTANCE);
    i++
  ) {
    if (clauses[i] !== clause) return undefined;
    const g = groupAt.get(i);
    const t = tokens[i] as TaggedToken;
    if (g) {
      if (prep === null && nominal) {
        // "support Pakistan" is an object; after a noun, a bare mention is a new phrase
        return undefined;
      }
      if (prep !== null && !trigger.sense.preps.has(prep)) return undefined;
      return g;
    }
    if (t.pos === 'ADP' || t.lower === 'to') {
      if (prep !== null && !(prep === 'from' || prep === 'of')) return undefined;
      prep = t.lower;
      continue;
    }
    if (
      t.pos === 'VERB' ||
      t.pos === 'AUX' ||
      t.pos === 'SCONJ' ||
      t.pos === 'PRON' ||
      t.text === ','
    )
      return undefined;
  }
  return undefined;
}

function lightVerbBefore(at: number, tokens: TaggedToken[]): number | undefined {
  for (let i = at - 1; i >= Math.max(0, at - 5); i--) {
    const t = tokens[i] as TaggedToken;
    if (t.pos === 'VERB' && LIGHT_VERBS.has(t.lemma)) return i;
    if (!/^(DET|ADJ|NOUN|NUM|ADV|PROPN|PART)$/.test(t.pos)) return undefined;
  }
  return undefined;
}

function isPassive(trigger: Trigger, tokens: TaggedToken[]): boolean {
  const word = tokens[trigger.at] as TaggedToken;
  if (!/(?:ed|en|wn|un|lt|ught|id|ne)$/.test(word.lower)) return false;
  for (let i = trigger.at - 1; i >= Math.max(0, trigger.at - 3); i--) {
    const t = tokens[i] as TaggedToken;
    if (t.lemma === 'be' || t.lemma === 'get') return true;
    if (t.pos !== 'ADV') return false;
  }
  return false;
}

function isLocative(tokens: TaggedToken[], at: number): boolean {
  const prev = tokens[at - 1]?.lower;
  const prev2 = tokens[at - 2]?.lower;
  const loc = new Set([
    'in',
    'inside',
    'within',
    'across',
    'throughout',
    'into',
    'from',
    'near',
    'around',
    'at',
  ]);
  return (
    (prev !== undefined && loc.has(prev)) ||
    (prev === 'the' && prev2 !== undefined && loc.has(prev2))
  );
}

function isPossessiveMarker(t: TaggedToken): boolean {
  return t.lower === "'s" || t.lower === '’s' || t.lower === "'" || t.lower === '’';
}

/** The sign of a trigger: its own, or from modifiers for neutral relational nouns. */
function signOf(
  trigger: Trigger,
  tokens: TaggedToken[],
  clauses: number[],
  lexicon: Lexicon,
): Polarity | 0 {
  if (trigger.sense.polarity !== 0) return trigger.sense.polarity;
  const clause = clauses[trigger.at];
  let sign: Polarity | 0 = 0;
  for (let i = Math.max(0, trigger.at - 6); i <= Math.min(tokens.length - 1, trigger.to + 6); i++) {
    if (clauses[i] !== clause) continue;
    const t = tokens[i] as TaggedToken;
    if (lexicon.negativeModifiers.has(t.lemma) || lexicon.negativeModifiers.has(t.lower)) return -1;
    if (lexicon.positiveModifiers.has(t.lemma) || lexicon.positiveModifiers.has(t.lower)) sign = 1;
  }
  return sign;
}

function findTriggers(
  tokens: TaggedToken[],
  lexicon: Lexicon,
  mentionAt: (FoundMention | undefined)[],
): Trigger[] {
  const out: Trigger[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (mentionAt[i]) continue;
    const t = tokens[i] as TaggedToken;
    const phrase = lexicon.phrases.find((p) =>
      p.lemmas.every((l, k) => matchesLemma(tokens[i + k], l)),
    );
    if (phrase) {
      out.push({ at: i, to: i + phrase.lemmas.length - 1, sense: phrase.sense });
      i += phrase.lemmas.length - 1;
      continue;
    }
    const senses = [
      ...(lexicon.words.get(t.lemma) ?? []),
      ...(t.lemma !== t.lower ? (lexicon.words.get(t.lower) ?? []) : []),
    ];
    if (senses.length === 0) continue;
    const sense = chooseSense(t, senses);
    if (sense) out.push({ at: i, to: i, sense });
  }
  return out;
}

function matchesLemma(t: TaggedToken | undefined, lemma: string): boolean {
  return t !== undefined && (t.lemma === lemma || t.lower === lemma);
}

/** Verb senses for verbs, noun senses for nouns; Title Case headlines are guessed. */
function chooseSense(t: TaggedToken, senses: TriggerSense[]): TriggerSense | undefined {
  const verb = senses.find((s) => s.pos === 'verb');
  const noun = senses.find((s) => s.pos !== 'verb');
  if (t.pos === 'VERB') return verb ?? (t.lower.endsWith('ing') ? noun : undefined);
  if (t.pos === 'NOUN') return noun ?? (t.lower.endsWith('ing') ? verb : undefined);
  if (t.pos === 'PROPN' || t.pos === 'ADJ') return noun ?? verb;
  return undefined;
}

/** For each token, the mention it belongs to. */
function mapMentions(
  tokens: TaggedToken[],
  mentions: FoundMention[],
): (FoundMention | undefined)[] {
  const at: (FoundMention | undefined)[] = new Array(tokens.length);
  let m = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as TaggedToken;
    while (m < mentions.length && (mentions[m] as FoundMention).end <= t.start) m++;
    const mention = mentions[m];
    if (mention && t.start >= mention.start && t.end <= mention.end + 0) at[i] = mention;
    else if (mention && t.start < mention.end && t.end > mention.start) at[i] = mention;
  }
  return at;
}

/** Mentions joined by commas and conjunctions ("Russia, China and Iran") form one group. */
function buildGroups(tokens: TaggedToken[], mentionAt: (FoundMention | undefined)[]): Group[] {
  const groups: Group[] = [];
  let current: Group | undefined;
  let gap = 0;
  let lastMention: FoundMention | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const m = mentionAt[i];
    const t = tokens[i] as TaggedToken;
    if (m) {
      if (m === lastMention && current) {
        current.last = i;
        continue;
      }
      const hyphenJoined = lastMention?.hyphenAfter && m.hyphenBefore && gap === 0;
      if (
        current &&
        (gap > 0 || hyphenJoined) &&
        gapOnlyCoordinators(tokens, current.last + 1, i)
      ) {
        current.members.push(m);
        current.last = i;
      } else if (current && hyphenJoined) {
        current.members.push(m);
        current.last = i;
      } else {
        current = { members: [m], first: i, last: i };
        groups.push(current);
      }
      lastMention = m;
      gap = 0;
      continue;
    }
    if (
      current &&
      (COORDINATORS.has(t.lower) || t.text === '-' || isPossessiveMarker(t) || t.lower === 'the')
    ) {
      gap++;
      continue;
    }
    current = undefined;
    lastMention = undefined;
    gap = 0;
  }
  return groups;
}

function gapOnlyCoordinators(tokens: TaggedToken[], from: number, to: number): boolean {
  let joined = false;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as TaggedToken;
    if (COORDINATORS.has(t.lower) || t.text === '-') joined = true;
    else if (!(isPossessiveMarker(t) || t.lower === 'the')) return false;
  }
  return joined || from === to;
}

/** Clause number of each token: breaks at semicolons, dashes and contrastive conjunctions. */
function clauseIds(tokens: TaggedToken[]): number[] {
  const ids: number[] = [];
  let id = 0;
  for (const t of tokens) {
    if (CLAUSE_BREAK.has(t.lower)) id++;
    ids.push(id);
  }
  return ids;
}
