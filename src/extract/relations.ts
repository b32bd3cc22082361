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
import type { Modality, Polarity, Relation, RelationKind } from '../domain/relation.js';
import type { Lexicon, TriggerSense } from '../knowledge/lexicon.js';
import { CLAUSE_BREAK } from './clauses.js';
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
const SCARE_QUOTE = /^["“”]$/;
const DEGREE_WORDS = new Set([
  'more',
  'further',
  'even',
  'increasingly',
  'ever',
  'much',
  'still',
  'openly',
  'quietly',
]);
const SUBJECT_PRONOUN = /^(it|they|he|she|we|i|you)$/;
const MAX_SUBJECT_DISTANCE = 20;
const MAX_OBJECT_DISTANCE = 9;

export function extractFromSentence(input: SentenceInput, lexicon: Lexicon): Relation[] {
  // Scare quotes ("to \"balance\" X") only interrupt the frames they sit in.
  const tokens = input.tokens.filter((t) => !SCARE_QUOTE.test(t.text));
  // "anti-Taliban interests", "pro-Russian circles": the actor is what the
  // phrase is about, not a party in it.
  const people = new Set<FoundMention>();
  const mentionAt = dropNonParties(
    tokens,
    mapMentions(
      tokens,
      input.mentions.filter((m) => m.stance === null),
    ),
    people,
  );
  const groups = buildGroups(tokens, mentionAt);
  const groupAt = new Map<number, Group>();
  for (const g of groups) {
    // the tokens of an aside inside a list ("A (…), B") are not the list's
    let depth = 0;
    for (let i = g.first; i <= g.last; i++) {
      const text = (tokens[i] as TaggedToken).text;
      if (text === '(') depth++;
      if (depth === 0) groupAt.set(i, g);
      if (text === ')') depth = Math.max(0, depth - 1);
    }
  }
  const clauses = clauseIds(tokens);
  const triggers = findTriggers(tokens, lexicon, mentionAt);
  // "For Pakistan, …": the fronted topic of the sentence.
  const topicGroup = groups[0];
  const topic =
    tokens[0]?.lower === 'for' &&
    topicGroup &&
    topicGroup.first <= 2 &&
    (tokens[topicGroup.last + 1]?.text === ',' ||
      (/sel(f|ves)$/.test(tokens[topicGroup.last + 1]?.lower ?? '') &&
        tokens[topicGroup.last + 2]?.text === ','))
      ? topicGroup
      : undefined;
  const out: Relation[] = [];
  const seen = new Set<string>();
  const fired: Trigger[] = [];

  const emit = (
    source: FoundMention,
    target: FoundMention,
    trigger: Trigger,
    rule: string,
    symmetric: boolean,
    sign: Polarity,
    attributed = false,
  ) => {
    if (source.actor === target.actor) return;
    // "cooperation against B", "help them against Dushanbe": whatever the
    // word, acting against B is hostile to B.
    const targetAt = tokens.findIndex((tok) => tok.start >= target.start);
    const against =
      sign === 1 &&
      (rule === 'against' ||
        tokens[targetAt - 1]?.lower === 'against' ||
        tokens[targetAt - 2]?.lower === 'against');
    const polarity: Polarity = against ? -1 : sign;
    // private people ("prominent Afghans", "Afghan elders") stand for their
    // state only as the victims of a hostile act, never as its agents or partners
    if (people.has(source) || (people.has(target) && polarity === 1)) return;
    const kind = against ? 'COERCE' : trigger.sense.kind;
    const [s, t] = symmetric && source.actor > target.actor ? [target, source] : [source, target];
    const read = modalityOf(tokens, trigger.at, lexicon, input.text, input.sentenceStart);
    // a relation someone else's view asserts is reported, unless hedged or denied
    const modality: Modality = attributed && read === 'asserted' ? 'reported' : read;
    const key = `${s.actor}|${t.actor}|${polarity}|${kind}|${modality}|${trigger.at}`;
    if (seen.has(key)) return;
    seen.add(key);
    const start = Math.min(s.start, t.start, (tokens[trigger.at] as TaggedToken).start);
    const end = Math.max(s.end, t.end, (tokens[trigger.to] as TaggedToken).end);
    out.push({
      source: s.actor,
      target: t.actor,
      polarity,
      kind,
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

  compoundRelations(tokens, groupAt, lexicon, (a, b, trigger, rule) =>
    emit(a, b, trigger, rule, false, trigger.sense.polarity as Polarity),
  );
  instrumentRelations(tokens, groupAt, clauses, (a, b, trigger, rule) =>
    emit(a, b, trigger, rule, false, trigger.sense.polarity as Polarity),
  );
  separationRelations(tokens, groupAt, clauses, (a, b, trigger, rule) =>
    emit(a, b, trigger, rule, false, -1),
  );
  viewRelations(tokens, groupAt, clauses, lexicon, (a, b, trigger, rule, attributed) =>
    emit(a, b, trigger, rule, attributed, trigger.sense.polarity as Polarity, attributed),
  );
  const received = receiptRelations(tokens, triggers, groupAt, clauses, (a, b, trigger, rule) =>
    emit(a, b, trigger, rule, false, trigger.sense.polarity as Polarity),
  );
  participantRelations(tokens, triggers, groupAt, clauses, (a, b, trigger, rule) =>
    emit(a, b, trigger, rule, false, trigger.sense.polarity as Polarity),
  );
  for (const trigger of triggers) {
    if (received.has(trigger.at)) continue;
    const polarity = signOf(trigger, tokens, clauses, lexicon);
    if (polarity === 0) continue;
    const symmetric = trigger.sense.pos === 'relational';
    const before = out.length;
    if (trigger.sense.pos === 'verb') {
      verbRelations(trigger, tokens, topic, groupAt, clauses, (a, b, rule, sym) =>
        emit(a, b, trigger, rule, sym, polarity),
      );
    } else {
      nounRelations(trigger, tokens, topic, groupAt, clauses, (a, b, rule, sym) =>
        emit(a, b, trigger, rule, sym || symmetric, polarity),
      );
    }
    if (out.length === before && WINDOW_FALLBACK) {
      fired.push(trigger);
      windowRelations(trigger, tokens, groupAt, clauses, (a, b, rule, sym) =>
        emit(a, b, trigger, rule, sym || symmetric, polarity),
      );
    }
  }
  if (out.length === 0 && PAIR_FALLBACK) {
    // Two actors and words of one sign, but no frame fits: the sentence
    // still relates them ("Pakistan … worried … the Taliban").
    const actors = new Map<string, FoundMention>();
    const groupOf = new Map<FoundMention, Group>();
    const clause = fired[0] === undefined ? -1 : clauses[fired[0].at];
    for (const g of groups) {
      // places ("in Doha"), comparisons ("than China") and other clauses are not parties
      const last = g.members[g.members.length - 1] as FoundMention;
      const idiom = last.possessive && IDIOM_HEADS.has(tokens[g.last + 2]?.lemma ?? '');
      if (
        clauses[g.first] !== clause ||
        isComparison(tokens, g.first) ||
        isLocative(tokens, g.first) ||
        idiom
      )
        continue;
      for (const m of g.members) {
        if (actors.has(m.actor)) continue;
        actors.set(m.actor, m);
        groupOf.set(m, g);
      }
    }
    const signs = new Set(
      fired.map((t) => signOf(t, tokens, clauses, lexicon)).filter((p) => p !== 0),
    );
    const [a, b] = [...actors.values()] as [FoundMention, FoundMention];
    const trigger = fired.find((t) => signOf(t, tokens, clauses, lexicon) !== 0);
    // "Russian and Chinese tourists visited…": two co-subjects of a one-way verb are not related by it
    const together = groups.some((g) => g.members.includes(a) && g.members.includes(b));
    const twoWay =
      trigger !== undefined &&
      (trigger.sense.pos !== 'verb' || RECIPROCAL.has(trigger.sense.lemma.split(' ')[0] ?? ''));
    // "A could profit from …, if they ever extend to B": a clause with a
    // pronoun subject of its own stands between the two
    const apart =
      a !== undefined &&
      b !== undefined &&
      (pronounClauseBetween(tokens, Math.min(a.end, b.end), Math.max(a.start, b.start)) ||
        subjectClauseBetween(tokens, Math.min(a.end, b.end), Math.max(a.start, b.start)));
    // "A's nationals and their B driver were killed", "the blast killed A's
    // workers and B's guards": both on one side of a one-way verb share its role
    const oneSide =
      a !== undefined &&
      b !== undefined &&
      trigger !== undefined &&
      !twoWay &&
      sameSideOfVerb(tokens, trigger, a, b);
    if (
      actors.size === 2 &&
      signs.size === 1 &&
      trigger &&
      (!together || twoWay) &&
      !apart &&
      !oneSide &&
      // "A condemned attacks on B": a reaction to an act, with its victim
      !fired.some(
        (t) =>
          (REACTIONS.has(t.sense.lemma) && actOnVictim(tokens, t.to + 1)) ||
          reactionBetween(tokens, t, Math.min(a.end, b.end), (tokens[t.at] as TaggedToken).start),
      )
    ) {
      emit(a, b, trigger, 'sentence', true, [...signs][0] as Polarity);
    } else if (actors.size > 2 && signs.size === 1 && MANY_FALLBACK) {
      // More actors: only those on either side of a trigger word.
      for (const trigger of fired) {
        const sign = signOf(trigger, tokens, clauses, lexicon);
        if (sign === 0) continue;
        if (REACTIONS.has(trigger.sense.lemma) && actOnVictim(tokens, trigger.to + 1)) continue;
        const at = (tokens[trigger.at] as TaggedToken).start;
        const end = (tokens[trigger.to] as TaggedToken).end;
        // within reach of the trigger word: a long sentence holds several
        // stories; a list reaches as far as its member nearest the trigger
        const edge = (m: FoundMention, side: 'first' | 'last') => {
          const g = groupOf.get(m);
          const at = g ? g.members[side === 'first' ? 0 : g.members.length - 1] : m;
          return at ?? m;
        };
        const left = [...actors.values()].filter(
          (m) =>
            m.end <= at &&
            at - edge(m, 'last').end <= MANY_REACH &&
            !pronounClauseBetween(tokens, edge(m, 'last').end, at) &&
            !subjectClauseBetween(tokens, edge(m, 'last').end, at) &&
            !reactionBetween(tokens, trigger, edge(m, 'last').end, at) &&
            !relativeClauseBetween(tokens, groupAt, edge(m, 'last').end, at),
        );
        const right = [...actors.values()].filter(
          (m) =>
            m.start >= end &&
            edge(m, 'first').start - end <= MANY_REACH &&
            !pronounClauseBetween(tokens, end, edge(m, 'first').start) &&
            !subjectClauseBetween(tokens, end, edge(m, 'first').start) &&
            !relativeClauseBetween(tokens, groupAt, end, edge(m, 'first').start),
        );
        // "A's citizens have been targeted by B": the one after a passive acts
        const passive = isPassive(trigger, tokens);
        for (const l of left)
          for (const r of right)
            if (passive) emit(r, l, trigger, 'sentence-many', false, sign);
            else emit(l, r, trigger, 'sentence-many', false, sign);
      }
    }
  }
  return out;
}

const PAIR_FALLBACK = true;
const MANY_FALLBACK = true;
/** Characters either side of the trigger in which the many-actor fallback looks. */
const MANY_REACH = 120;
const WINDOW_FALLBACK = true;
const WINDOW = 12;

/**
 * The fallback when no frame fits: the nearest actor on each side of the
 * trigger, close to it and in the same clause ("Russia … quietly … arming
 * … the Taliban"). Marked with its own rule so it can be weighed or
 * filtered.
 */
function windowRelations(
  trigger: Trigger,
  tokens: TaggedToken[],
  groupAt: Map<number, Group>,
  clauses: number[],
  emit: Emit,
): void {
  // Relational nouns need a frame ("ties between", "A-B ties"); a nearby pair is not enough.
  if (trigger.sense.pos === 'relational') return;
  const clause = clauses[trigger.at];
  const stops = (t: TaggedToken, k: number) =>
    /^[,()"“”]$/.test(t.text) ||
    // "… a takeover because A has …": a subordinate clause starts
    /^(because|unless|although|though|whereas|whether|if)$/.test(t.lower) ||
    ((t.pos === 'VERB' || t.pos === 'AUX') && !isParticiple(tokens, k) && k > trigger.to);
  // "A condemned attacks on B": B is the victim of the act A reacts to, not
  // A's target, and A did not carry the act out
  if (REACTIONS.has(trigger.sense.lemma) && actOnVictim(tokens, trigger.to + 1)) return;
  let left: Group | undefined;
  for (let i = trigger.at - 1; i >= Math.max(0, trigger.at - WINDOW); i--) {
    const t = tokens[i] as TaggedToken;
    if (clauses[i] !== clause || stops(t, i)) break;
    if (trigger.sense.pos !== 'verb' && t.pos === 'VERB' && REACTIONS.has(t.lemma)) break;
    // "A signed it and it received B's backing": the pronoun is the subject
    if (SUBJECT_PRONOUN.test(t.lower) && t.pos === 'PRON') break;
    const g = groupAt.get(i);
    if (g) {
      if (!precededByPreposition(tokens, g.first) && !modifiesOwnedNoun(tokens, g)) left = g;
      break;
    }
  }
  let right: Group | undefined;
  for (let i = trigger.to + 1; i <= Math.min(tokens.length - 1, trigger.to + WINDOW); i++) {
    const t = tokens[i] as TaggedToken;
    if (clauses[i] !== clause || stops(t, i)) break;
    const g = groupAt.get(i);
    if (g) {
      const last = g.members[g.members.length - 1] as FoundMention;
      const idiom = last.possessive && IDIOM_HEADS.has(tokens[g.last + 2]?.lower ?? '');
      // "than China", "like Russia": a comparison, not a participant.
      if (!idiom && !isComparison(tokens, g.first) && !isVenue(tokens, g)) right = g;
      break;
    }
  }
  if (!left || !right) return;
  if (isPassive(trigger, tokens)) pairs(right, left, 'window-passive', false, emit);
  else pairs(left, right, 'window', false, emit);
}

type Emit = (a: FoundMention, b: FoundMention, rule: string, symmetric: boolean) => void;

/** Verbs of reacting to an event ("condemned the bombing"). */
const REACTIONS = new Set([
  'condemn',
  'denounce',
  'deplore',
  'decry',
  'criticise',
  'criticize',
  'mourn',
  'investigate',
]);

/** Violent acts whose victim follows "on", "against" or "of". */
const ACTS = new Set([
  'attack',
  'bombing',
  'killing',
  'strike',
  'raid',
  'shelling',
  'assault',
  'violence',
  'massacre',
]);

/** "A condemned attacks": a reaction verb between A and an act noun. */
function reactionBetween(
  tokens: TaggedToken[],
  trigger: Trigger,
  from: number,
  to: number,
): boolean {
  if (trigger.sense.pos === 'verb') return false;
  return tokens.some(
    (t) => t.start >= from && t.end <= to && t.pos === 'VERB' && REACTIONS.has(t.lemma),
  );
}

/** "(the) (deadly) attacks on …": an act noun right after, with its victim. */
function actOnVictim(tokens: TaggedToken[], from: number): boolean {
  let k = from;
  while (k < tokens.length && /^(DET|ADJ|NUM)$/.test((tokens[k] as TaggedToken).pos)) k++;
  const noun = tokens[k];
  if (!noun || !ACTS.has(noun.lemma.toLowerCase())) return false;
  return /^(on|against|of|in)$/.test(tokens[k + 1]?.lower ?? '');
}

function verbRelations(
  trigger: Trigger,
  tokens: TaggedToken[],
  topic: Group | undefined,
  groupAt: Map<number, Group>,
  clauses: number[],
  emit: Emit,
): void {
  const clause = clauses[trigger.at];
  const subject =
    findSubject(trigger.at, tokens, groupAt, clauses) ??
    topicalSubject(topic, trigger.at, tokens, groupAt);
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
  // "the Taliban, (formally) recognised as terrorists by Russia, …"
  const reduced = passive ? undefined : reducedPassive(trigger, tokens, groupAt, clauses);
  if (reduced) {
    pairs(reduced.agent, reduced.patient, 'reduced-passive', false, emit);
    return;
  }
  const object =
    findObject(trigger, tokens, groupAt, clauses) ??
    // "… has given it no strategic depth": the pronoun object is the topic
    (topic && /^(it|them)$/.test(tokens[trigger.to + 1]?.lower ?? '')
      ? { group: topic, prep: null }
      : undefined);
  if (subject && object) {
    pairs(
      subject,
      object.group,
      object.prep === 'against' ? 'against' : passive ? 'passive-subject' : 'svo',
      false,
      emit,
    );
    if (object.partner) pairs(object.partner, object.group, 'against', false, emit);
    againstTail(subject, object.group.last, tokens, groupAt, clauses, emit);
    // "A cooperates with B against C": the partner stands against C too
    if (object.prep === 'with')
      againstTail(object.group, object.group.last, tokens, groupAt, clauses, emit);
    return;
  }
  // "Iran, which the US sanctioned": the relative pronoun is the object.
  const antecedent =
    subject && !object ? relativeAntecedent(subject, trigger.at, tokens, groupAt) : undefined;
  if (subject && antecedent) {
    pairs(subject, antecedent, 'relative-object', false, emit);
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
}

/**
 * "The TTP, backed by Kabul, …", "the group (listed as terrorists by
 * Russia)": a participle without "be" right after an actor (or after the
 * comma or bracket that opens an aside on it) and followed by "by" is a
 * passive whose patient is that actor and whose agent follows "by".
 */
function reducedPassive(
  trigger: Trigger,
  tokens: TaggedToken[],
  groupAt: Map<number, Group>,
  clauses: number[],
): { agent: Group; patient: Group } | undefined {
  const word = tokens[trigger.at] as TaggedToken;
  if (!/(?:ed|en|wn|lt|ught)$/.test(word.lower)) return undefined;
  let k = trigger.at - 1;
  while (k >= 0 && tokens[k]?.pos === 'ADV') k--;
  if (/^[,(]$/.test(tokens[k]?.text ?? '')) k--;
  const patient = groupAt.get(k);
  if (!patient || patient.last !== k) return undefined;
  let by = trigger.to + 1;
  if (tokens[by]?.pos === 'ADV') by++;
  if (tokens[by]?.lower !== 'by') return undefined;
  const agent = groupAt.get(by + 1) ?? groupAt.get(by + 2);
  if (!agent || agent === patient || clauses[agent.first] !== clauses[trigger.at]) return undefined;
  return { agent, patient };
}

/**
 * "Russia, China and Iran (all of which the Taliban courts)": a subject
 * right after "which"/"whom" heads a relative clause whose object is the
 * group before the pronoun.
 */
function relativeAntecedent(
  subject: Group,
  at: number,
  tokens: TaggedToken[],
  groupAt: Map<number, Group>,
): Group | undefined {
  // the trigger must be the relative clause's own verb, not the main clause's
  // ("Iran, which the US sanctioned, protested")
  const between = tokens.slice(subject.last + 1, at);
  if (between.some((t) => t.text === ',' || t.text === ')' || SUBJECT_BREAK.has(t.lower)))
    return undefined;
  let k = subject.first - 1;
  if (tokens[k]?.lower === 'the') k--;
  // "which and others the Taliban expect": a short insertion without a verb
  const pronoun = [k, k - 1, k - 2].find((j) => /^(which|whom)$/.test(tokens[j]?.lower ?? ''));
  if (pronoun === undefined) return undefined;
  if (tokens.slice(pronoun + 1, k + 1).some((t) => /^(VERB|AUX|ADP)$/.test(t.pos)))
    return undefined;
  // "all of which", "both of whom", "(which": quantifiers and brackets before the pronoun
  let j = pronoun - 1;
  if (tokens[j]?.lower === 'of') j -= 2;
  while (j >= 0 && /^[,(]$/.test((tokens[j] as TaggedToken).text)) j--;
  const antecedent = groupAt.get(j);
  return antecedent && antecedent !== subject ? antecedent : undefined;
}

function nounRelations(
  trigger: Trigger,
  tokens: TaggedToken[],
  topic: Group | undefined,
  groupAt: Map<number, Group>,
  clauses: number[],
  emit: Emit,
): void {
  const clause = clauses[trigger.at];
  // Modifiers before the noun: "Russia's (continued) support", "Pakistani support", "US-Taliban deal".
  let agent: Group | undefined;
  let dyad: [FoundMention, FoundMention] | undefined;
  let reciprocal = false;
  let compound = false;
  for (let i = trigger.at - 1; i >= Math.max(0, trigger.at - 5); i--) {
    const g = groupAt.get(i);
    if (g) {
      const m = g.members[g.members.length - 1] as FoundMention;
      const prev = g.members[g.members.length - 2];
      if (prev?.hyphenAfter && m.hyphenBefore) dyad = [prev, m];
      else if (
        m.possessive ||
        m.via === 'demonym' ||
        m.via === 'prefix' ||
        i === trigger.at - 1 ||
        compound
      ) {
        agent = g;
        // "the Taliban's Afghan friend": the possessor, not the attribute, is the agent
        const owner = groupAt.get(g.first - 1) ?? groupAt.get(g.first - 2);
        if (
          !m.possessive &&
          owner &&
          (owner.members[owner.members.length - 1] as FoundMention).possessive
        )
          agent = owner;
      }
      break;
    }
    const t = tokens[i] as TaggedToken;
    // "a US-led pressure campaign", "the Qatar-brokered talks": the compound names the agent
    if (isCompoundParticiple(tokens, i, groupAt)) {
      compound = true;
      continue;
    }
    if (/^(their|mutual|bilateral|joint|each)$/.test(t.lower)) reciprocal = true;
    if (
      !/^(ADJ|NOUN|PROPN|ADV|NUM|PART|PRON)$/.test(t.pos) &&
      t.lower !== "'s" &&
      t.lower !== '’s' &&
      t.lower !== '-'
    )
      break;
    if (t.pos === 'PRON' && !/^(their|its|his|her)$/.test(t.lower)) break;
  }
  if (dyad) {
    emit(dyad[0], dyad[1], 'dyad', true);
    return;
  }
  const next = tokens[trigger.to + 1];
  // "between A and B" / "among A, B and C" (a word or two may intervene:
  // "a new format announced between A, B and C")
  const between = [1, 2, 3]
    .map((k) => trigger.to + k)
    .find((k) => /^(between|among)$/.test(tokens[k]?.lower ?? ''));
  if (
    between !== undefined &&
    tokens.slice(trigger.to + 1, between).every((t) => /^(VERB|ADV|ADJ)$/.test(t.pos))
  ) {
    const g = groupAt.get(between + 1) ?? groupAt.get(between + 2);
    if (g && g.members.length >= 2 && clauses[g.first] === clause) {
      if (trigger.sense.pos === 'relational') within(g, 'between', emit);
      else if (agent) pairs(agent, g, 'between', false, emit);
      return;
    }
  }
  // "the takeover of Kabul by the Taliban": the agent follows "by".
  if (next?.lower === 'of') {
    const patient = groupAt.get(trigger.to + 2) ?? groupAt.get(trigger.to + 3);
    if (patient) {
      const by = tokens.findIndex(
        (t, k) => k > patient.last && k <= patient.last + 2 && t.lower === 'by',
      );
      const byAgent = by === -1 ? undefined : (groupAt.get(by + 1) ?? groupAt.get(by + 2));
      if (byAgent) {
        pairs(byAgent, patient, 'nominal-passive', false, emit);
        return;
      }
      // "with the (tacit) approval of the Taliban": the of-group is the agent,
      // the clause's subject the one approved of.
      const opener =
        tokens[trigger.at - 1]?.pos === 'ADJ' ? tokens[trigger.at - 3] : tokens[trigger.at - 2];
      if (!agent && opener && /^(with|under|without)$/.test(opener.lower)) {
        let verb = trigger.at - 1;
        while (verb > 0 && tokens[verb]?.pos !== 'VERB') verb--;
        const subject = findSubject(verb, tokens, groupAt, clauses);
        if (subject) pairs(patient, subject, 'with-the-N-of', false, emit);
        return;
      }
    }
  }
  const object = findObject(trigger, tokens, groupAt, clauses, true);
  let rule = 'nominal';
  if (!agent) {
    // "A signed a deal with B", "A imposed sanctions on B": the subject of a light verb.
    const verb = lightVerbBefore(trigger.at, tokens);
    if (verb !== undefined) {
      agent = findSubject(verb, tokens, groupAt, clauses);
      rule = 'light-verb';
    }
  }
  if (!agent && object && object.prep === 'with') {
    // "bring the Taliban to the table with the US", "push X toward a deal with Y"
    agent = nearestGroupBefore(trigger.at, tokens, groupAt, clauses);
    rule = 'partner-with';
  }
  if (!agent && topic) {
    agent = topicalSubject(topic, trigger.at, tokens, groupAt);
    rule = 'topic';
  }
  // "TTP is its natural ally", "X is a friend of India": a relational noun
  // predicated of the subject relates it to the owner or the of-phrase.
  if (trigger.sense.pos === 'relational' && !object && isCopular(trigger.at, tokens)) {
    const subject = findSubject(trigger.at, tokens, groupAt, clauses);
    const ofPhrase = /^(of|to)$/.test(next?.lower ?? '')
      ? (groupAt.get(trigger.to + 2) ?? groupAt.get(trigger.to + 3))
      : undefined;
    const owner = ofPhrase ?? (ownedByPronoun(trigger.at, tokens) ? topic : undefined);
    if (subject && owner && subject !== owner) {
      pairs(subject, owner, 'copula', true, emit);
      return;
    }
  }
  if (agent && object) {
    pairs(agent, object.group, object.prep === 'against' ? 'against' : rule, false, emit);
    // the partner in "A's cooperation with B against C" stands against C too
    if (object.partner) pairs(object.partner, object.group, 'against', false, emit);
    againstTail(agent, object.group.last, tokens, groupAt, clauses, emit);
    if (object.prep === 'with')
      againstTail(object.group, object.group.last, tokens, groupAt, clauses, emit);
    return;
  }
  if (!object && (trigger.sense.pos === 'relational' || reciprocal)) {
    // "A and B's relations", "A and B … their mutual attacks"
    // "put A and B on the same page": the pair the phrase is predicated of
    const group =
      agent && agent.members.length >= 2
        ? agent
        : reciprocal
          ? findSubject(trigger.at, tokens, groupAt, clauses)
          : trigger.sense.pos === 'relational'
            ? nearestGroupBefore(trigger.at, tokens, groupAt, clauses)
            : undefined;
    if (group && group.members.length >= 2) within(group, 'joint', emit);
  }
}

/** "For Washington, … it lost the war": the fronted topic stands for a pronoun subject. */
function topicalSubject(
  topic: Group | undefined,
  at: number,
  tokens: TaggedToken[],
  groupAt?: Map<number, Group>,
): Group | undefined {
  if (!topic || topic.last >= at) return undefined;
  // the pronoun must be the nearest candidate: no other actor between it and the trigger
  for (let i = at - 1; i > topic.last; i--) {
    if (groupAt?.has(i)) return undefined;
    if (/^(it|its|they|their|he|his|she|her)$/.test((tokens[i] as TaggedToken).lower)) return topic;
  }
  return undefined;
}

/** "is/are/remains/became (a|its) (adj)* <noun>" */
function isCopular(at: number, tokens: TaggedToken[]): boolean {
  for (let i = at - 1; i >= Math.max(0, at - 5); i--) {
    const t = tokens[i] as TaggedToken;
    if (t.lemma === 'be' || t.lemma === 'remain' || t.lemma === 'become' || t.lemma === 'consider')
      return true;
    if (!/^(DET|ADJ|ADV|PRON|NOUN)$/.test(t.pos)) return false;
  }
  return false;
}

function ownedByPronoun(at: number, tokens: TaggedToken[]): boolean {
  return tokens.slice(Math.max(0, at - 3), at).some((t) => /^(its|their|his|her)$/.test(t.lower));
}

/** The closest mention group before `at` in the clause that is not after a preposition. */
function nearestGroupBefore(
  at: number,
  tokens: TaggedToken[],
  groupAt: Map<number, Group>,
  clauses: number[],
): Group | undefined {
  for (let i = at - 1; i >= Math.max(0, at - 8); i--) {
    if (clauses[i] !== clauses[at]) return undefined;
    const g = groupAt.get(i);
    if (g) return precededByPreposition(tokens, g.first) ? undefined : g;
    if (tokens[i]?.pos === 'AUX' || SUBJECT_BREAK.has(tokens[i]?.lower ?? '')) return undefined;
  }
  return undefined;
}

/** "helped India against China": after the partner, the one acted against. */
function againstTail(
  source: Group,
  after: number,
  tokens: TaggedToken[],
  groupAt: Map<number, Group>,
  clauses: number[],
  emit: Emit,
): void {
  for (let i = after + 1; i <= Math.min(tokens.length - 1, after + 6); i++) {
    if (clauses[i] !== clauses[after]) return;
    const t = tokens[i] as TaggedToken;
    if (t.lower === 'against') {
      const g = groupAt.get(i + 1) ?? groupAt.get(i + 2);
      if (g) pairs(source, g, 'against', false, emit);
      return;
    }
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.text === ',') return;
  }
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
  // Once a coordinated predicate is crossed ("A patched up X, works with B"),
  // the subject must stand before it.
  for (let i = at - 1; i >= Math.max(0, at - MAX_SUBJECT_DISTANCE); i--) {
    if (clauses[i] !== clause) return undefined;
    const g = groupAt.get(i);
    if (g) {
      i = g.first;
      // A group after a preposition is an object of something else ("talks with
      // Russia", "the war in Afghanistan"), not a subject.
      if (precededByPreposition(tokens, g.first)) continue;
      // "… support the Afghan Taliban and oppose X": the object of a verb
      // coordinated with ours is not our subject; the subject is further left.
      if (objectOfCoordinatedVerb(tokens, g, at, groupAt)) continue;
      if (modifiesOwnedNoun(tokens, g)) continue;
      // "the US' problems": a possessor of an object noun, unless that noun
      // phrase is the subject itself ("Pakistan's army attacked").
      const last = g.members[g.members.length - 1] as FoundMention;
      if (
        last.possessive &&
        tokens.slice(g.last + 1, at).some((t) => t.pos === 'VERB' || t.pos === 'ADP')
      )
        continue;
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
    if (
      t.pos === 'VERB' &&
      i < at - 1 &&
      tokens[i + 1]?.lower !== 'to' &&
      !isParticiple(tokens, i)
    ) {
      // Another predicate in between: its subject is ours only when the two
      // predicates are coordinated ("met and agreed", "patched up X, works").
      // So is an infinitive of purpose: "A cut a deal with B to constrain C".
      const between = tokens.slice(i + 1, at);
      const infinitive = tokens[at - 1]?.lower === 'to';
      if (!infinitive && !between.some((b) => b.text === ',' || b.lower === 'and'))
        return undefined;
    }
  }
  return undefined;
}

/** "its Sino-US balancing act", "their China policy": an actor modifying someone's noun. */
function modifiesOwnedNoun(tokens: TaggedToken[], g: Group): boolean {
  const owner = tokens[g.first - 1];
  return (
    owner !== undefined &&
    owner.pos === 'PRON' &&
    /^(its|their|his|her|our)$/.test(owner.lower) &&
    !(g.members[g.members.length - 1] as FoundMention).possessive &&
    tokens[g.last + 1]?.pos === 'NOUN'
  );
}

function objectOfCoordinatedVerb(
  tokens: TaggedToken[],
  g: Group,
  at: number,
  groupAt: Map<number, Group>,
): boolean {
  let k = g.first - 1;
  while (k >= 0 && /^(DET|ADJ|NUM)$/.test((tokens[k] as TaggedToken).pos)) k--;
  const verb = tokens[k];
  // "the Pakistanis support X": a word right after a subject is its verb, whatever the tagger says
  const verbal = verb?.pos === 'VERB' || (verb?.pos === 'NOUN' && groupAt.has(k - 1));
  if (!verb || !verbal || verb.lemma === 'be') return false;
  const between = tokens.slice(g.last + 1, at);
  return (
    between.length <= 3 &&
    between.some((t) => t.lower === 'and' || t.lower === 'but' || t.lower === 'or')
  );
}

function precededByPreposition(tokens: TaggedToken[], at: number): boolean {
  let k = at - 1;
  while (k >= 0 && /^(DET|ADJ|NUM)$/.test((tokens[k] as TaggedToken).pos)) k--;
  const t = tokens[k];
  // "after New Delhi defied": a conjunction the tagger calls a preposition
  if (t === undefined || t.lower === 'of' || SUBJECT_BREAK.has(t.lower)) return false;
  // "pleas for the Taliban to rein in the TTP": the subject of an infinitive
  if (t.lower === 'for' && groupEndsBeforeTo(tokens, at)) return false;
  // "states such as Iran", "powers like Russia": examples of the noun, not objects
  if ((t.lower === 'as' || t.lower === 'like') && !isComparison(tokens, k + 1)) return false;
  return t.pos === 'ADP' || t.lower === 'to';
}

function groupEndsBeforeTo(tokens: TaggedToken[], first: number): boolean {
  for (let i = first; i < Math.min(tokens.length, first + 6); i++) {
    if (tokens[i]?.lower === 'to' && tokens[i + 1]?.pos === 'VERB') return true;
  }
  return false;
}

/** "US-led", "Pakistan-backed": a participle hyphenated to the actor before it. */
function isCompoundParticiple(
  tokens: TaggedToken[],
  i: number,
  groupAt: Map<number, Group>,
): boolean {
  const t = tokens[i] as TaggedToken;
  return (
    tokens[i - 1]?.text === '-' &&
    groupAt.has(i - 2) &&
    (t.lower === 'led' || /ed$/.test(t.lower)) &&
    (t.pos === 'VERB' || t.pos === 'ADJ')
  );
}

/**
 * "the US-backed Afghan government", "the Russian-led CSTO": an actor
 * hyphenated to a participle acts on the actor the phrase names.
 */
function compoundRelations(
  tokens: TaggedToken[],
  groupAt: Map<number, Group>,
  lexicon: Lexicon,
  emit: (a: FoundMention, b: FoundMention, trigger: Trigger, rule: string) => void,
): void {
  for (let i = 2; i < tokens.length; i++) {
    if (!isCompoundParticiple(tokens, i, groupAt)) continue;
    const t = tokens[i] as TaggedToken;
    const sense =
      t.lower === 'led'
        ? LEADING
        : (lexicon.words.get(t.lemma) ?? []).find((x) => x.pos === 'verb' && x.polarity !== 0);
    if (!sense) continue;
    // the head: the next mention, past a few modifiers ("US-backed Afghan government")
    let k = i + 1;
    while (k < Math.min(tokens.length, i + 4) && !groupAt.has(k)) {
      if (!/^(ADJ|NOUN|PROPN)$/.test((tokens[k] as TaggedToken).pos)) break;
      k++;
    }
    const head = groupAt.get(k);
    const agent = groupAt.get(i - 2) as Group;
    if (!head || head === agent) continue;
    const trigger: Trigger = { at: i, to: i, sense };
    const source = agent.members[agent.members.length - 1] as FoundMention;
    // a member hyphenated in turn heads a compound of its own ("… and the Russian-led CSTO")
    for (const target of head.members)
      if (!target.hyphenAfter) emit(source, target, trigger, 'compound');
  }
}

/** Verbs whose subject is the one a noun's act is done to: "received aid from B". */
const RECEIPT_VERBS = new Set([
  'receive',
  'get',
  'win',
  'gain',
  'secure',
  'obtain',
  'accept',
  'garner',
  'attract',
  'earn',
  'find',
]);

/**
 * "A received military aid from B", "A won B's backing": B is the source
 * of the aid, A its target. Returns the token indices of the triggers the
 * frame used (the noun and the receiving verb), which other rules skip.
 */
function receiptRelations(
  tokens: TaggedToken[],
  triggers: Trigger[],
  groupAt: Map<number, Group>,
  clauses: number[],
  emit: (a: FoundMention, b: FoundMention, trigger: Trigger, rule: string) => void,
): Set<number> {
  const used = new Set<number>();
  for (const trigger of triggers) {
    if (trigger.sense.pos === 'verb' || trigger.sense.polarity !== 1) continue;
    const verb = lightVerbBefore(trigger.at, tokens, RECEIPT_VERBS);
    if (verb === undefined) continue;
    const recipient = findSubject(verb, tokens, groupAt, clauses);
    // "found support in Pakistan": where one finds backing is who gives it
    const source = tokens[trigger.to + 1]?.lower;
    const giver =
      source === 'from' || (source === 'in' && tokens[verb]?.lemma === 'find')
        ? (groupAt.get(trigger.to + 2) ?? groupAt.get(trigger.to + 3))
        : // "secure Khan's release": the possessor of other nouns is their patient
          /^(SUPPORT|AID)$/.test(trigger.sense.kind)
          ? possessorBetween(tokens, groupAt, verb, trigger.at)
          : undefined;
    if (!recipient || !giver || clauses[giver.first] !== clauses[trigger.at]) continue;
    // "A signed it and it won praise from B": the pronoun received it, not A
    const recipientEnd = (tokens[recipient.last] as TaggedToken).end;
    if (pronounClauseBetween(tokens, recipientEnd, (tokens[verb] as TaggedToken).start)) continue;
    pairs(giver, recipient, 'receipt', false, (a, b, rule) => emit(a, b, trigger, rule));
    used.add(trigger.at).add(verb);
  }
  return used;
}

/** "won China's backing": the possessive actor between a verb and its noun. */
function possessorBetween(
  tokens: TaggedToken[],
  groupAt: Map<number, Group>,
  from: number,
  to: number,
): Group | undefined {
  for (let i = from + 1; i < to; i++) {
    const g = groupAt.get(i);
    if (g) return (g.members[g.members.length - 1] as FoundMention).possessive ? g : undefined;
  }
  return undefined;
}

/** Nouns for taking part in something: "India's role in the campaign". */
const PARTICIPATION = new Set(['role', 'part', 'participation', 'involvement', 'membership']);

/**
 * "India's role in a US-led campaign against China": whoever takes part in
 * an act directed at C acts on C too (besides the act's own agent).
 */
function participantRelations(
  tokens: TaggedToken[],
  triggers: Trigger[],
  groupAt: Map<number, Group>,
  clauses: number[],
  emit: (a: FoundMention, b: FoundMention, trigger: Trigger, rule: string) => void,
): void {
  for (const trigger of triggers) {
    if (trigger.sense.pos !== 'noun' || trigger.sense.polarity === 0) continue;
    // back over the act's modifiers ("any forthcoming US-led regional") to "in"
    let k = trigger.at - 1;
    while (k > trigger.at - 8 && k > 0 && tokens[k]?.lower !== 'in') k--;
    if (tokens[k]?.lower !== 'in' || !PARTICIPATION.has(tokens[k - 1]?.lemma ?? '')) continue;
    let p = k - 2;
    while (p > 0 && tokens[p]?.pos === 'ADJ') p--;
    if (isPossessiveMarker(tokens[p] as TaggedToken)) p--;
    const participant = groupAt.get(p);
    const last = participant?.members[participant.members.length - 1];
    if (!participant || !last?.possessive) continue;
    const object = findObject(trigger, tokens, groupAt, clauses, true);
    if (!object || object.group === participant) continue;
    pairs(participant, object.group, 'participant', false, (a, b, rule) =>
      emit(a, b, trigger, rule),
    );
  }
}

/** Nouns for an actor used against another: "a tool against Pakistan". */
const INSTRUMENTS = new Set([
  'tool',
  'instrument',
  'weapon',
  'lever',
  'leverage',
  'card',
  'pawn',
  'proxy',
  'bulwark',
  'counterweight',
  'pressure',
  'wedge',
  'spoiler',
  'stick',
  'chip',
]);
const USE_VERBS = new Set(['use', 'employ', 'utilise', 'utilize', 'wield']);
const WIELD: TriggerSense = {
  kind: 'COERCE',
  polarity: -1,
  preps: new Set(['against', 'on']),
  pos: 'noun',
  lemma: 'tool against',
};
const ENLIST: TriggerSense = { ...WIELD, kind: 'COOPERATE', polarity: 1, lemma: 'use as' };

/**
 * "A uses B as a lever against C", "B will serve as a tool against C": B
 * (and whoever uses it) works against C; the user works with B.
 */
function instrumentRelations(
  tokens: TaggedToken[],
  groupAt: Map<number, Group>,
  clauses: number[],
  emit: (a: FoundMention, b: FoundMention, trigger: Trigger, rule: string) => void,
): void {
  for (let i = 1; i < tokens.length; i++) {
    const noun = tokens[i] as TaggedToken;
    if (!INSTRUMENTS.has(noun.lemma) || noun.pos !== 'NOUN') continue;
    const prep = tokens[i + 1]?.lower;
    const against =
      prep === 'against' || prep === 'on' ? (groupAt.get(i + 2) ?? groupAt.get(i + 3)) : undefined;
    // back over "a (handy|strategic) " to "as" or a copula
    let k = i - 1;
    while (k > 0 && /^(DET|ADJ|ADV)$/.test((tokens[k] as TaggedToken).pos)) k--;
    const before = tokens[k] as TaggedToken;
    if (before.lower !== 'as' && before.lemma !== 'be') continue;
    const trigger: Trigger = { at: i, to: i, sense: WIELD };
    // "use B as …": B is the instrument, the user works with it
    const used = before.lower === 'as' ? groupAt.get(k - 1) : undefined;
    let user: Group | undefined;
    if (used) {
      let v = used.first - 1;
      while (v > 0 && tokens[v]?.pos === 'DET') v--;
      if (USE_VERBS.has(tokens[v]?.lemma ?? '')) {
        user = findSubject(v, tokens, groupAt, clauses);
        // the verb carries the modality ("could use B as …")
        trigger.at = v;
      }
    }
    const instrument = used ?? findSubject(frameVerb(tokens, k), tokens, groupAt, clauses);
    if (user && used)
      pairs(user, used, 'instrument', false, (a, b, rule) =>
        emit(a, b, { ...trigger, sense: ENLIST }, rule),
      );
    if (!against || clauses[against.first] !== clauses[i]) continue;
    for (const g of [instrument, user])
      if (g) pairs(g, against, 'instrument', false, (a, b, rule) => emit(a, b, trigger, rule));
  }
}

/**
 * "B will come in as a tool", "B serves as a lever": the verb that takes
 * the "as" phrase (past its particle), whose subject is the instrument.
 */
function frameVerb(tokens: TaggedToken[], as: number): number {
  let k = as - 1;
  while (k > 0 && /^(ADP|PART|ADV)$/.test((tokens[k] as TaggedToken).pos)) k--;
  return tokens[k]?.pos === 'VERB' ? k : as;
}

/** Verbs that take something away from someone: "pry X away from Y". */
const SEPARATION_VERBS = new Set([
  'pry',
  'prise',
  'prize',
  'lure',
  'wean',
  'peel',
  'pull',
  'draw',
  'drive',
  'steer',
  'tear',
  'wrest',
  'detach',
  'split',
]);
const SEPARATE: TriggerSense = {
  kind: 'COERCE',
  polarity: -1,
  preps: new Set(['from']),
  pos: 'verb',
  lemma: 'pry away',
};
const DEFECT: TriggerSense = { ...SEPARATE, kind: 'REJECT', lemma: 'break away' };

/**
 * "A pries B away from C": A works against C, and B is drawn from C.
 * Nothing is said of A and B's own relation (A courts B, at most).
 */
function separationRelations(
  tokens: TaggedToken[],
  groupAt: Map<number, Group>,
  clauses: number[],
  emit: (a: FoundMention, b: FoundMention, trigger: Trigger, rule: string) => void,
): void {
  for (let i = 0; i < tokens.length; i++) {
    const verb = tokens[i] as TaggedToken;
    if (!SEPARATION_VERBS.has(verb.lemma) && !SEPARATION_VERBS.has(verb.lower.replace(/ing$/, '')))
      continue;
    let k = i + 1;
    while (k < tokens.length && !groupAt.has(k) && tokens[k]?.pos === 'DET') k++;
    const moved = groupAt.get(k);
    if (!moved) continue;
    k = moved.last + 1;
    if (tokens[k]?.lower === 'away') k++;
    if (tokens[k]?.lower !== 'from') continue;
    const from = groupAt.get(k + 1) ?? groupAt.get(k + 2);
    if (!from || clauses[from.first] !== clauses[i]) continue;
    // "drove the Taliban from Kabul": without "away", a capital is a place
    if (tokens[k - 1]?.lower !== 'away' && from.members.every((m) => m.via === 'metonym')) continue;
    const trigger: Trigger = { at: i, to: k, sense: SEPARATE };
    const subject = findSubject(i, tokens, groupAt, clauses);
    if (subject)
      pairs(subject, from, 'separation', false, (a, b, rule) => emit(a, b, trigger, rule));
    pairs(moved, from, 'separation', false, (a, b, rule) =>
      emit(a, b, { ...trigger, sense: DEFECT }, rule),
    );
  }
}

/** Verbs that cast their object as something: "regards X as a threat", "considers X a friend of Y". */
const VIEW_VERBS = new Set([
  'regard',
  'view',
  'see',
  'consider',
  'treat',
  'perceive',
  'deem',
  'describe',
  'portray',
  'depict',
  'paint',
  'cast',
]);
/** Verbs that take the predicate without "as": "considers X a friend". */
const BARE_VIEW_VERBS = new Set(['consider', 'deem']);
/** Evaluative adjectives of a cast predicate ("the most dangerous country"). */
const HOSTILE_ADJECTIVES = new Set([
  'dangerous',
  'hostile',
  'rogue',
  'unreliable',
  'untrustworthy',
  'illegitimate',
  'duplicitous',
  'treacherous',
]);
const FRIENDLY_ADJECTIVES = new Set(['reliable', 'trustworthy', 'indispensable', 'legitimate']);
const VIEW_SENSE = (polarity: Polarity, lemma: string): TriggerSense => ({
  kind: polarity === 1 ? 'COOPERATE' : 'ACCUSE',
  polarity,
  preps: new Set(),
  pos: 'verb',
  lemma,
});

/**
 * "A regards B as the most dangerous country" (A hostile to B), "A treats
 * B as friends" (A with B), "A considers B a friend of C" (B with C, in A's
 * view: reported). The predicate's words carry the sign.
 */
function viewRelations(
  tokens: TaggedToken[],
  groupAt: Map<number, Group>,
  clauses: number[],
  lexicon: Lexicon,
  emit: (
    a: FoundMention,
    b: FoundMention,
    trigger: Trigger,
    rule: string,
    attributed: boolean,
  ) => void,
): void {
  for (let i = 0; i < tokens.length; i++) {
    const verb = tokens[i] as TaggedToken;
    if (!VIEW_VERBS.has(verb.lemma)) continue;
    // "views" before a name is the verb, whatever the tagger says
    if (verb.pos !== 'VERB' && !(verb.pos === 'NOUN' && /s$/.test(verb.lower))) continue;
    let k = i + 1;
    while (
      k < tokens.length &&
      !groupAt.has(k) &&
      /^(DET|ADJ)$/.test((tokens[k] as TaggedToken).pos)
    )
      k++;
    // "the Kabul government, which it considers a friend of India"
    const object = groupAt.get(k) ?? relativeObject(tokens, i, groupAt);
    if (!object) continue;
    if (verb.pos !== 'VERB' && object.first !== i + 1) continue;
    let p = object.first > i ? object.last + 1 : i + 1;
    if (isPossessiveMarker(tokens[p] as TaggedToken)) continue; // "sees Pakistan's role as …"
    if (tokens[p]?.lower === 'as') p++;
    else if (!BARE_VIEW_VERBS.has(verb.lemma)) continue;
    const predicate = castPredicate(tokens, p, groupAt, clauses, lexicon);
    if (!predicate) continue;
    const trigger: Trigger = { at: i, to: i, sense: VIEW_SENSE(predicate.polarity, verb.lemma) };
    if (predicate.of) {
      const sense = { ...trigger.sense, kind: predicate.kind };
      for (const a of object.members)
        for (const b of predicate.of.members) emit(a, b, { ...trigger, sense }, 'cast-of', true);
      continue;
    }
    const subject = findSubject(i, tokens, groupAt, clauses);
    if (!subject) continue;
    pairs(subject, object, 'cast', false, (a, b, rule) => emit(a, b, trigger, rule, false));
  }
}

/** "B, which it regards as …": the antecedent of a relative pronoun object before a pronoun subject. */
function relativeObject(
  tokens: TaggedToken[],
  verb: number,
  groupAt: Map<number, Group>,
): Group | undefined {
  let k = verb - 1;
  while (k >= 0 && /^(AUX|ADV)$/.test((tokens[k] as TaggedToken).pos)) k--;
  if (!SUBJECT_PRONOUN.test(tokens[k]?.lower ?? '')) return undefined;
  if (!/^(which|whom)$/.test(tokens[k - 1]?.lower ?? '')) return undefined;
  let j = k - 2;
  while (j >= 0 && /^[,(]$/.test((tokens[j] as TaggedToken).text)) j--;
  return groupAt.get(j);
}

/**
 * The sign of a predicate noun phrase from `at` ("the most dangerous
 * country", "friends", "a friend of India"), and the of-actor when the
 * noun relates the object to someone else.
 */
function castPredicate(
  tokens: TaggedToken[],
  at: number,
  groupAt: Map<number, Group>,
  clauses: number[],
  lexicon: Lexicon,
): { polarity: Polarity; kind: RelationKind; of?: Group } | undefined {
  let polarity: Polarity | 0 = 0;
  let kind: RelationKind = 'COOPERATE';
  for (let k = at; k < Math.min(tokens.length, at + 6); k++) {
    const t = tokens[k] as TaggedToken;
    if (clauses[k] !== clauses[at] || groupAt.has(k)) break;
    if (HOSTILE_ADJECTIVES.has(t.lower)) polarity = -1;
    else if (FRIENDLY_ADJECTIVES.has(t.lower)) polarity = 1;
    else if (t.pos === 'NOUN') {
      const sense = (lexicon.words.get(t.lemma) ?? []).find(
        (x) => x.pos !== 'verb' && x.polarity !== 0,
      );
      if (sense) {
        polarity = sense.polarity as Polarity;
        kind = sense.kind;
        // "a friend of India": the noun relates the object to that actor
        const of = /^(of|to)$/.test(tokens[k + 1]?.lower ?? '')
          ? (groupAt.get(k + 2) ?? groupAt.get(k + 3))
          : undefined;
        if (of && sense.pos === 'relational') return { polarity, kind, of };
      }
      if (polarity !== 0) break; // the head noun closes the phrase
    } else if (!/^(DET|ADJ|ADV|PUNCT)$/.test(t.pos) || t.text === ',') break;
  }
  return polarity === 0 ? undefined : { polarity, kind };
}

/** "the Russian-led bloc": leading a group is cooperating with it. */
const LEADING: TriggerSense = {
  kind: 'COOPERATE',
  polarity: 1,
  preps: new Set(),
  pos: 'verb',
  lemma: 'lead',
};

/** "growing Chinese influence", "associated projects": a verb form used as an adjective. */
function isParticiple(tokens: TaggedToken[], i: number): boolean {
  const t = tokens[i] as TaggedToken;
  const next = tokens[i + 1];
  return (
    /(?:ing|ed)$/.test(t.lower) &&
    next !== undefined &&
    /^(NOUN|ADJ|PROPN)$/.test(next.pos) &&
    tokens[i - 1]?.lemma !== 'be'
  );
}

interface ObjectMatch {
  group: Group;
  /** The preposition that introduced it, or null for a direct object. */
  prep: string | null;
  /** "balancing with India against China": the partner passed over on the way. */
  partner?: Group;
}

const EXEMPLIFIERS = new Set(['notably', 'especially', 'particularly', 'namely', 'including']);
const IDIOM_HEADS = new Set(['wake', 'behalf', 'name', 'sake']);
const ADVERSARIES = new Set(['foe', 'enemy', 'rival', 'opponent', 'adversary', 'detractor']);

function findObject(
  trigger: Trigger,
  tokens: TaggedToken[],
  groupAt: Map<number, Group>,
  clauses: number[],
  nominal = false,
): ObjectMatch | undefined {
  const clause = clauses[trigger.at];
  let prep: string | null = null;
  let partner: Group | undefined;
  for (
    let i = trigger.to + 1;
    i <= Math.min(tokens.length - 1, trigger.to + MAX_OBJECT_DISTANCE);
    i++
  ) {
    if (clauses[i] !== clause) return undefined;
    const g = groupAt.get(i);
    const t = tokens[i] as TaggedToken;
    if (g) {
      // after a noun, a bare mention starts a new phrase — unless it is an
      // appositive of a relational noun ("its ally, the TTP")
      if (
        prep === null &&
        nominal &&
        !(
          trigger.sense.pos === 'relational' &&
          (tokens[i - 1]?.text === ',' || EXEMPLIFIERS.has(tokens[i - 1]?.lower ?? ''))
        )
      )
        return undefined;
      if (prep !== null && prep !== 'against' && !trigger.sense.preps.has(prep)) {
        // "balancing with India against China": skip the partner, keep looking
        if (prep === 'with') partner = g;
        i = g.last;
        prep = null;
        continue;
      }
      const last = g.members[g.members.length - 1] as FoundMention;
      const head = tokens[g.last + 2]?.lemma ?? '';
      if (last.possessive && IDIOM_HEADS.has(head)) return undefined;
      // "towards the American rivals, notably China": the examples are the object
      const rivals = adversaryHead(tokens, g, last);
      const example = rivals === undefined ? undefined : exampleAfter(tokens, rivals, groupAt);
      if (example) return { group: example, prep };
      // "arm that group's foes": acting for someone's enemies is acting against them
      if (last.possessive && ADVERSARIES.has(head)) return { group: g, prep: 'against' };
      return { group: g, prep, ...(partner && prep === 'against' ? { partner } : {}) };
    }
    if (t.pos === 'ADP' || t.lower === 'to') {
      if (prep !== null && !(prep === 'from' || prep === 'of')) return undefined;
      prep = t.lower;
      continue;
    }
    if (t.text === ',' && nominal && trigger.sense.pos === 'relational' && i === trigger.to + 1)
      continue;
    // "its rivals, notably China": the examples are the ones related
    if (nominal && trigger.sense.pos === 'relational' && EXEMPLIFIERS.has(t.lower)) continue;
    if (t.pos === 'VERB' && isParticiple(tokens, i)) continue;
    // "help them against Dushanbe": a pronoun object, then the one acted against
    if (t.pos === 'PRON' && prep === null && /^(them|it|him|her|us)$/.test(t.lower)) continue;
    // "works with it and Dushanbe": a pronoun conjunct, then the named one
    if (
      t.pos === 'PRON' &&
      /^(them|it|him|her)$/.test(t.lower) &&
      /^(and|or)$/.test(tokens[i + 1]?.lower ?? '')
    ) {
      i++;
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

/** "that group's foes", "the American global rivals": the adversary noun an actor modifies. */
function adversaryHead(tokens: TaggedToken[], g: Group, last: FoundMention): number | undefined {
  if (!last.possessive && last.via !== 'demonym') return undefined;
  let k = g.last + 1;
  if (isPossessiveMarker(tokens[k] as TaggedToken)) k++;
  while (tokens[k]?.pos === 'ADJ') k++;
  return ADVERSARIES.has(tokens[k]?.lemma ?? '') ? k : undefined;
}

/** "rivals, notably China", "partners such as India": the group a noun is exemplified by. */
function exampleAfter(
  tokens: TaggedToken[],
  noun: number,
  groupAt: Map<number, Group>,
): Group | undefined {
  let k = noun + 1;
  if (tokens[k]?.text === ',') k++;
  if (tokens[k]?.lower === 'such' && tokens[k + 1]?.lower === 'as') k += 2;
  else if (EXEMPLIFIERS.has(tokens[k]?.lower ?? '') || tokens[k]?.lower === 'like') k++;
  else return undefined;
  return groupAt.get(k) ?? groupAt.get(k + 1);
}

function lightVerbBefore(
  at: number,
  tokens: TaggedToken[],
  verbs: Set<string> = LIGHT_VERBS,
): number | undefined {
  for (let i = at - 1; i >= Math.max(0, at - 5); i--) {
    const t = tokens[i] as TaggedToken;
    if (t.pos === 'VERB' && verbs.has(t.lemma)) return i;
    // "received drones and funding from B": a coordinated object
    if (t.lower === 'and' && verbs === RECEIPT_VERBS) continue;
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

/**
 * "A signed the deal and it won praise from B": a pronoun subject between
 * two offsets starts a clause of its own, whose actors the first clause's
 * trigger does not relate.
 */
function pronounClauseBetween(tokens: TaggedToken[], from: number, to: number): boolean {
  return tokens.some(
    (t, k) =>
      t.start >= from &&
      t.end <= to &&
      t.pos === 'PRON' &&
      SUBJECT_PRONOUN.test(t.lower) &&
      /^(and|but|or|,|if|when|unless|because|since|once)$/.test(tokens[k - 1]?.lower ?? ''),
  );
}

/**
 * "…, and the UK said …", "…, as did the UN": a clause coordinated after a
 * comma with a subject and verb of its own (or elliptical "as did"); a
 * trigger on one side does not relate the actors on the other.
 */
function subjectClauseBetween(tokens: TaggedToken[], from: number, to: number): boolean {
  for (let k = 1; k < tokens.length; k++) {
    const t = tokens[k] as TaggedToken;
    if (t.start < from || t.end > to) continue;
    if ((tokens[k - 1] as TaggedToken).text !== ',') continue;
    if (!/^(and|but|or|as)$/.test(t.lower)) continue;
    const next = tokens[k + 1];
    if (t.lower === 'as') {
      if (next && /^(did|do|does|has|have|had|was|were|is|are)$/.test(next.lower)) return true;
      continue;
    }
    // a noun phrase, then a finite verb: a new subject
    let j = k + 1;
    let nouns = 0;
    while (j < tokens.length && j < k + 9) {
      const u = tokens[j] as TaggedToken;
      if (/^(DET|ADJ|NUM|PROPN|NOUN)$/.test(u.pos) || isPossessiveMarker(u)) {
        if (u.pos === 'PROPN' || u.pos === 'NOUN') nouns++;
        j++;
        continue;
      }
      break;
    }
    while (j < tokens.length && (tokens[j] as TaggedToken).pos === 'ADV') j++;
    const verb = tokens[j];
    if (
      nouns > 0 &&
      verb &&
      (verb.pos === 'AUX' || (verb.pos === 'VERB' && !isParticiple(tokens, j)))
    )
      return true;
  }
  return false;
}

/** Both mentions before, or both after, a one-way verb trigger (no relative pronoun between them). */
function sameSideOfVerb(
  tokens: TaggedToken[],
  trigger: Trigger,
  a: FoundMention,
  b: FoundMention,
): boolean {
  // "without B's help": a verb used as a noun, its owner the agent
  if (trigger.sense.pos !== 'verb' || (tokens[trigger.at] as TaggedToken).pos !== 'VERB')
    return false;
  if (a.possessive || b.possessive) return false;
  const at = (tokens[trigger.at] as TaggedToken).start;
  const end = (tokens[trigger.to] as TaggedToken).end;
  const before = a.end <= at && b.end <= at;
  const after = a.start >= end && b.start >= end;
  if (!before && !after) return false;
  const [from, to] = [Math.min(a.end, b.end), Math.max(a.start, b.start)];
  // "A, whom B accused", "A, home to B's office, hosts …": a clause or an
  // aside of its own stands between them
  return !tokens.some(
    (t) => t.start >= from && t.end <= to && /^(which|whom|who|whose|that|by|,)$/.test(t.lower),
  );
}

/**
 * Mentions that name no party: a demonym on land or on private people
 * ("Afghan soil", "Afghan opposition figures", "the Afghan people"), a
 * plural demonym for people ("prominent Afghans", not "the Americans"),
 * and the topic of a meeting ("consultations on Afghanistan").
 */
function dropNonParties(
  tokens: TaggedToken[],
  mentionAt: (FoundMention | undefined)[],
  people: Set<FoundMention>,
): (FoundMention | undefined)[] {
  const drop = new Set<FoundMention>();
  for (let i = 0; i < tokens.length; i++) {
    const m = mentionAt[i];
    if (!m || drop.has(m) || mentionAt[i - 1] === m) continue;
    let last = i;
    while (mentionAt[last + 1] === m) last++;
    const next = tokens[last + 1];
    if (m.via === 'demonym' && !m.hyphenAfter && !m.possessive) {
      const head = next?.lower ?? '';
      if (LAND_HEADS.has(head)) drop.add(m);
      else if (PEOPLE_HEADS.has(head)) people.add(m);
      // "prominent Afghans", "thousands of Pakistanis"; "the Americans" is the US side
      else if (
        /s$/i.test(m.surface) &&
        tokens[i - 1]?.lower !== 'the' &&
        next?.pos !== 'NOUN' &&
        next?.pos !== 'PROPN'
      )
        people.add(m);
    }
    const prep = tokens[i - 1]?.lower;
    const noun = tokens[i - 2];
    if (
      (prep === 'on' || prep === 'about' || prep === 'regarding') &&
      noun &&
      MEETING_NOUNS.has(noun.lemma.toLowerCase())
    )
      drop.add(m);
  }
  if (drop.size === 0) return mentionAt;
  return mentionAt.map((m) => (m && drop.has(m) ? undefined : m));
}

/** Heads after a demonym that name land, not the state ("Afghan soil"). */
const LAND_HEADS = new Set([
  'soil',
  'territory',
  'territories',
  'land',
  'lands',
  'airspace',
  'railway',
  'railways',
  'rail',
  'commerce',
]);

/** Heads after a demonym that name private people, not the state ("Afghan elders"). */
const PEOPLE_HEADS = new Set([
  'opposition',
  'diaspora',
  'exiles',
  'dissidents',
  'politicians',
  'figures',
  'elders',
  'people',
  'refugees',
  'migrants',
  'returnees',
]);

/** A gathering's topic after "on"/"about" is what it discusses, not who attends. */
const MEETING_NOUNS = new Set([
  'conference',
  'consultation',
  'consultations',
  'talk',
  'talks',
  'meeting',
  'summit',
  'envoy',
  'envoys',
  'format',
  'dialogue',
  'discussion',
  'discussions',
  'forum',
  'session',
  'representative',
  'seminar',
  'symposium',
]);

/**
 * "… build corridors that could one day reach India": a relative clause on
 * a noun that is no actor is about that noun; a trigger outside it does not
 * relate the actors inside it (nor the reverse).
 */
function relativeClauseBetween(
  tokens: TaggedToken[],
  groupAt: Map<number, Group>,
  from: number,
  to: number,
): boolean {
  return tokens.some(
    (t, k) =>
      t.start >= from &&
      t.end <= to &&
      /^(that|which)$/.test(t.lower) &&
      tokens[k - 1]?.pos === 'NOUN' &&
      !groupAt.has(k - 1),
  );
}

/**
 * "than China", "unlike Russia", "as Iran": a comparison, not a participant.
 * "powers such as Russia" and "neighbours like Iran" name examples, who are.
 */
function isComparison(tokens: TaggedToken[], first: number): boolean {
  const before = tokens[first - 1]?.lower ?? '';
  const earlier = tokens[first - 2];
  if (before === 'as') return earlier?.lower !== 'such';
  if (before === 'like') return earlier?.pos !== 'NOUN';
  return before === 'than' || before === 'unlike';
}

function isLocative(tokens: TaggedToken[], at: number): boolean {
  // "in northern Pakistan", "near the eastern Afghan border": skip the modifiers
  let k = at - 1;
  while (k > at - 3 && k > 0 && (tokens[k] as TaggedToken).pos === 'ADJ') k--;
  const prev = tokens[k]?.lower;
  const prev2 = tokens[k - 1]?.lower;
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
    // "corridors via Iran", "trade routed through Pakistan": the route, not a party
    'via',
    'through',
  ]);
  return (
    (prev !== undefined && loc.has(prev)) ||
    (prev === 'the' && prev2 !== undefined && loc.has(prev2))
  );
}

/** "signed in Doha", "talks in Moscow": a capital after a locative preposition is where, not who. */
function isVenue(tokens: TaggedToken[], g: Group): boolean {
  return g.members.every((m) => m.via === 'metonym') && isLocative(tokens, g.first);
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
  for (let i = 0; i < tokens.length; i++) {
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
    // "terrorist-designated", "US-backed": part of a compound adjective, not a predicate
    if (tokens[i - 1]?.text === '-' && t.pos === 'VERB') continue;
    // "according to A", "in accordance with": attribution and conformity, not an accord
    if (/^accord(ing|ance)$/.test(t.lower)) continue;
    // "tilted toward": an inflection the lemmatiser left alone starts a phrase too
    const stem = t.lemma === t.lower ? phraseStem(t.lower, lexicon) : undefined;
    const candidates = [
      ...(lexicon.phrasesByFirst.get(t.lemma) ?? []),
      ...(t.lemma !== t.lower ? (lexicon.phrasesByFirst.get(t.lower) ?? []) : []),
      ...(stem ? (lexicon.phrasesByFirst.get(stem) ?? []) : []),
    ];
    // the first word matched when the candidates were looked up
    const phrase = candidates.find((p) =>
      p.lemmas.every((l, k) => k === 0 || matchesLemma(tokens[i + k], l)),
    );
    if (phrase) {
      out.push({ at: i, to: i + phrase.lemmas.length - 1, sense: phrase.sense });
      i += phrase.lemmas.length - 1;
      continue;
    }
    // "leaning more towards", "moved further away from": a degree word inside the phrase
    if (DEGREE_WORDS.has(tokens[i + 1]?.lower ?? '')) {
      const gapped = candidates.find((p) =>
        p.lemmas.every((l, k) => k === 0 || matchesLemma(tokens[i + k + 1], l)),
      );
      if (gapped) {
        out.push({ at: i, to: i + gapped.lemmas.length, sense: gapped.sense });
        i += gapped.lemmas.length;
        continue;
      }
    }
    // "kept B at arm's length": distance, not weapons
    if (t.lemma === 'arm' && tokens[i + 2]?.lower === 'length') continue;
    // "interests routed through Washington": a path, not a defeat
    if (t.lemma === 'rout' && /^(through|via|to)$/.test(tokens[i + 1]?.lower ?? '')) continue;
    // "divide-and-rule purposes", "war-torn": the first part of a compound modifier
    const hyphen = tokens[i + 1];
    if (hyphen?.text === '-' && hyphen.start === t.end && tokens[i + 2]?.start === hyphen.end)
      continue;
    let senses = [
      ...(lexicon.words.get(t.lemma) ?? []),
      ...(t.lemma !== t.lower ? (lexicon.words.get(t.lower) ?? []) : []),
    ];
    // "allegedly armed the Taliban": a past participle the tagger took for an adjective
    if (senses.length === 0 && /ed$/.test(t.lower) && (t.pos === 'ADJ' || t.pos === 'VERB')) {
      const stems = [
        t.lower.slice(0, -2),
        t.lower.slice(0, -1),
        t.lower.replace(/ied$/, 'y'),
        t.lower.slice(0, -3),
      ];
      const stem = stems.find((x) => lexicon.words.get(x)?.some((sense) => sense.pos === 'verb'));
      if (stem) senses = (lexicon.words.get(stem) ?? []).filter((sense) => sense.pos === 'verb');
      if (senses.length > 0) {
        out.push({ at: i, to: i, sense: senses[0] as TriggerSense });
        continue;
      }
    }
    // "cooperates", "bankrolls": a present-tense verb the lemmatiser left alone
    if (senses.length === 0 && t.lemma === t.lower && /[^s]s$/.test(t.lower)) {
      const stems = [t.lower.slice(0, -1), t.lower.slice(0, -2), t.lower.replace(/ies$/, 'y')];
      const stem = stems.find((x) => lexicon.words.has(x));
      senses = stem ? (lexicon.words.get(stem) ?? []) : [];
    }
    if (senses.length === 0) continue;
    let p = i - 1;
    while (p >= 0 && /^["“”'‘’]$/.test((tokens[p] as TaggedToken).text)) p--;
    const sense = chooseSense(t, senses, tokens[p]);
    if (sense) out.push({ at: i, to: i, sense });
  }
  return out;
}

/** The base form of an unlemmatised "-ed"/"-s" word that starts a lexicon phrase. */
function phraseStem(word: string, lexicon: Lexicon): string | undefined {
  const stems = /ed$/.test(word)
    ? [word.slice(0, -2), word.slice(0, -1), word.replace(/ied$/, 'y'), word.slice(0, -3)]
    : /[^s]s$/.test(word)
      ? [word.slice(0, -1), word.slice(0, -2), word.replace(/ies$/, 'y')]
      : [];
  return stems.find((x) => lexicon.phrasesByFirst.has(x));
}

function matchesLemma(t: TaggedToken | undefined, lemma: string): boolean {
  return t !== undefined && (t.lemma === lemma || t.lower === lemma);
}

/** Verb senses for verbs, noun senses for nouns; Title Case headlines are guessed. */
function chooseSense(
  t: TaggedToken,
  senses: TriggerSense[],
  previous: TaggedToken | undefined,
): TriggerSense | undefined {
  const verb = senses.find((s) => s.pos === 'verb');
  const noun = senses.find((s) => s.pos !== 'verb');
  // After "to" or a modal a word is a verb, whatever the tagger says ("to 'balance' X").
  if (
    verb &&
    previous &&
    (previous.lower === 'to' ||
      /^(would|could|might|may|will|should|must|can)$/.test(previous.lower))
  )
    return verb;
  if (t.pos === 'VERB') return verb ?? (t.lower.endsWith('ing') ? noun : undefined);
  // "the Taliban backs the TTP": an inflected verb the tagger read as a plural noun
  if (t.pos === 'NOUN') return noun ?? (/(?:ing|s|ed)$/.test(t.lower) ? verb : undefined);
  if (t.pos === 'PROPN' || t.pos === 'ADJ') return noun ?? verb;
  // The tagger is sometimes wrong about inflected verbs ("despises" as a noun).
  if (/(?:s|ed|ing)$/.test(t.lower) && t.lemma !== t.lower) return verb ?? noun;
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

/**
 * "A condemned B, and C said …": after one mention, ", and" and a mention
 * with a finite verb of its own start a new clause, not a list.
 */
function startsClause(
  tokens: TaggedToken[],
  mentionAt: (FoundMention | undefined)[],
  current: Group,
  at: number,
): boolean {
  if (current.members.length !== 1) return false;
  const gap = tokens.slice(current.last + 1, at).map((t) => t.lower);
  if (!gap.includes(',') || !gap.some((w) => w === 'and' || w === 'but' || w === 'or'))
    return false;
  let j = at;
  while (mentionAt[j + 1] === mentionAt[at]) j++;
  while (tokens[j + 1]?.pos === 'ADV') j++;
  const verb = tokens[j + 1];
  return (
    verb !== undefined &&
    (verb.pos === 'AUX' || (verb.pos === 'VERB' && !isParticiple(tokens, j + 1)))
  );
}

/** Mentions joined by commas and conjunctions ("Russia, China and Iran") form one group. */
function buildGroups(tokens: TaggedToken[], mentionAt: (FoundMention | undefined)[]): Group[] {
  const groups: Group[] = [];
  let current: Group | undefined;
  let gap = 0;
  let lastMention: FoundMention | undefined;
  // "For the Taliban, TTP is …": the comma closing a fronted topic is no list comma.
  const topicComma =
    tokens[0]?.lower === 'for' ? tokens.findIndex((t, k) => k < 7 && t.text === ',') : -1;
  for (let i = 0; i < tokens.length; i++) {
    const m = mentionAt[i];
    const t = tokens[i] as TaggedToken;
    if (i === topicComma) {
      current = undefined;
      lastMention = undefined;
      gap = 0;
      continue;
    }
    if (m) {
      if (m === lastMention && current) {
        current.last = i;
        continue;
      }
      const hyphenJoined = lastMention?.hyphenAfter && m.hyphenBefore && gap === 0;
      if (
        current &&
        (gap > 0 || hyphenJoined) &&
        gapOnlyCoordinators(tokens, current.last + 1, i) &&
        !startsClause(tokens, mentionAt, current, i)
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
    // "India, Afghanistan (meaning its government), Iran and Turkey": an
    // aside inside a list does not end the list.
    const close = current ? listAsideEnd(tokens, mentionAt, i) : -1;
    if (close > i) {
      i = close;
      gap++;
      continue;
    }
    current = undefined;
    lastMention = undefined;
    gap = 0;
  }
  return groups;
}

/**
 * The closing bracket of an aside that opens at `at` and after which the
 * list goes on ("…, Afghanistan (…), Iran"), or -1.
 */
function listAsideEnd(
  tokens: TaggedToken[],
  mentionAt: (FoundMention | undefined)[],
  at: number,
): number {
  if (tokens[at]?.text !== '(') return -1;
  let close = -1;
  for (let k = at + 1; k < Math.min(tokens.length, at + MAX_ASIDE); k++) {
    const text = (tokens[k] as TaggedToken).text;
    if (text === '(') return -1;
    if (text === ')') {
      close = k;
      break;
    }
  }
  if (close === -1) return -1;
  let k = close + 1;
  let joined = false;
  while (k < tokens.length && COORDINATORS.has((tokens[k] as TaggedToken).lower)) {
    joined = true;
    k++;
  }
  if (tokens[k]?.lower === 'the') k++;
  return joined && mentionAt[k] ? close : -1;
}

const MAX_ASIDE = 16;

function gapOnlyCoordinators(tokens: TaggedToken[], from: number, to: number): boolean {
  let joined = false;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as TaggedToken;
    // an aside listAsideEnd let through
    if (t.text === '(') {
      const close = tokens.findIndex((x, k) => k > i && x.text === ')');
      if (close !== -1 && close < to) {
        i = close;
        continue;
      }
    }
    if (COORDINATORS.has(t.lower) || t.text === '-') joined = true;
    else if (!(isPossessiveMarker(t) || t.lower === 'the')) return false;
  }
  return joined || from === to;
}

/** Clause number of each token: breaks at semicolons, dashes and contrastive conjunctions. */
function clauseIds(tokens: TaggedToken[]): number[] {
  const ids: number[] = [];
  let id = 0;
  // "With the Taliban on board, India …": a fronted absolute phrase ends at its comma
  const fronted = FRONTED.has(tokens[0]?.lower ?? '')
    ? tokens.findIndex((t, k) => k < MAX_FRONTED && t.text === ',')
    : -1;
  tokens.forEach((t, k) => {
    if (CLAUSE_BREAK.has(t.lower) || k === fronted) id++;
    ids.push(id);
  });
  return ids;
}

const FRONTED = new Set(['with', 'without', 'given', 'despite', 'amid']);
const MAX_FRONTED = 20;
