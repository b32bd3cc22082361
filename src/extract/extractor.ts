/**
 * Extraction for one document: split sentences (fast), find actor
 * mentions in the whole text (fast), and only for sentences that name two
 * different actors run wink-nlp's tagger and the relation rules. The cheap
 * pass decides where the expensive one runs.
 */

import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';
import type { Mention, Relation } from '../domain/relation.js';
import type { KnowledgeBase } from '../knowledge/actors.js';
import type { Lexicon } from '../knowledge/lexicon.js';
import { resolveDescriptions } from './coreference.js';
import { type FoundMention, type IdleMention, MentionFinder } from './mentions.js';
import { extractFromSentence, type TaggedToken } from './relations.js';
import { splitSentences } from './sentences.js';
import { sentenceDate } from './when.js';

/** Sentences longer than this are page debris (tables, lists run together). */
const MAX_SENTENCE_CHARS = 1500;

export interface DocumentExtraction {
  mentions: Mention[];
  relations: Relation[];
  idle: IdleMention[];
  sentences: number;
  taggedSentences: number;
}

let nlp: WinkMethods | undefined;

function tagger(): WinkMethods {
  nlp ??= winkNLP(model);
  return nlp;
}

export class Extractor {
  private readonly finder: MentionFinder;

  constructor(
    readonly kb: KnowledgeBase,
    readonly lexicon: Lexicon,
  ) {
    this.finder = new MentionFinder(kb);
  }

  extract(text: string, docDate: string | null): DocumentExtraction {
    const found = this.finder.find(text, docDate);
    const idle = found.idle;
    const mentions = resolveDescriptions(text, found.mentions, this.kb);
    const sentences = splitSentences(text);
    const relations: Relation[] = [];
    let tagged = 0;
    let m = 0;
    for (const sentence of sentences) {
      while (m < mentions.length && (mentions[m] as FoundMention).start < sentence.start) m++;
      const inside: FoundMention[] = [];
      for (
        let k = m;
        k < mentions.length && (mentions[k] as FoundMention).end <= sentence.end;
        k++
      ) {
        inside.push(mentions[k] as FoundMention);
      }
      if (new Set(inside.map((x) => x.actor)).size < 2) continue;
      if (sentence.end - sentence.start > MAX_SENTENCE_CHARS) continue;
      tagged++;
      const sentenceText = text.slice(sentence.start, sentence.end);
      const tokens = tag(sentenceText, sentence.start, inside);
      relations.push(
        ...extractFromSentence(
          {
            tokens,
            mentions: inside,
            sentenceStart: sentence.start,
            sentenceEnd: sentence.end,
            text: sentenceText,
            docDate,
            date: sentenceDate(sentenceText, docDate),
          },
          this.lexicon,
        ),
      );
    }
    return {
      mentions: mentions.map(({ start, end, surface, actor, sector, via, person }) => ({
        start,
        end,
        surface,
        actor,
        sector,
        via,
        person,
      })),
      relations,
      idle,
      sentences: sentences.length,
      taggedSentences: tagged,
    };
  }
}

/**
 * Title Case headlines ("Russia Has A Better Chance Of Mediating …") make
 * the tagger read every word as a proper noun. Lower-casing the words of
 * such a line (same length, so offsets hold) gives it ordinary text; actor
 * names are found by the gazetteer, not the tagger, so nothing is lost.
 */
export function headlineToLower(sentence: string): string {
  const words = sentence.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  const capitalised = long.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (long.length < 3 || capitalised / long.length < 0.7) return sentence;
  return sentence.replace(
    /\b(\p{Lu})(\p{Ll}+)/gu,
    (_m, a: string, b: string) => a.toLowerCase() + b,
  );
}

/** wink-nlp tokens with offsets into the document (found by scanning the sentence). */
function tag(sentence: string, offset: number, mentions: FoundMention[] = []): TaggedToken[] {
  const nlp = tagger();
  const its = nlp.its;
  let lowered = headlineToLower(sentence);
  // A capital that only marks the sentence start makes the tagger see a name
  // ("Ties between …"); actor names are protected, they come from the gazetteer.
  if (/^\p{Lu}\p{Ll}/u.test(lowered) && !mentions.some((m) => m.start === offset)) {
    lowered = lowered[0]?.toLowerCase() + lowered.slice(1);
  }
  const doc = nlp.readDoc(lowered);
  const values = doc.tokens().out(its.value) as string[];
  // wink's typings miss the lemma add-on's signature (it takes the model's add-ons)
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.value) as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  const tokens: TaggedToken[] = [];
  let cursor = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as string;
    if (/^\s+$/.test(value)) continue;
    let at = lowered.indexOf(value, cursor);
    if (at === -1) at = cursor; // wink normalised the token (rare): keep order, approximate offset
    cursor = at + value.length;
    const original = sentence.slice(at, at + value.length);
    tokens.push({
      text: original,
      lower: value.toLowerCase(),
      lemma: (lemmas[i] ?? value).toLowerCase(),
      pos: pos[i] ?? 'X',
      start: offset + at,
      end: offset + at + value.length,
    });
  }
  return tokens;
}
