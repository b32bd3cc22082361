/**
 * Domain values of the extraction stage: mentions of actors and the
 * relations between them, each with the quote that carries it.
 */

export const COOPERATIVE_KINDS = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'COOPERATE',
  'AID',
  'CONCEDE',
  'REQUEST',
] as const;
export const HOSTILE_KINDS = [
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export const RELATION_KINDS = [...COOPERATIVE_KINDS, ...HOSTILE_KINDS] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

export const MODALITIES = ['asserted', 'reported', 'hypothetical', 'negated'] as const;
export type Modality = (typeof MODALITIES)[number];

export type Polarity = 1 | -1;

/** An actor named in a document's clean text. */
export interface Mention {
  /** Half-open offsets into the document's clean text (UTF-16 units). */
  start: number;
  end: number;
  surface: string;
  actor: string;
  /** e.g. military, intelligence, or a person's title. */
  sector: string | null;
  /** How the name resolved: alias, metonym, demonym, prefix, institution, person. */
  via: string;
  /** The person named, when the mention is of a person acting for the actor. */
  person: string | null;
}

/** One relation a sentence states between two actors. */
export interface Relation {
  source: string;
  target: string;
  polarity: Polarity;
  kind: RelationKind;
  modality: Modality;
  /** When the relation holds: a date the sentence gives, else the document's. */
  date: string | null;
  /** The document's publication date: what was known when. */
  docDate: string | null;
  /** The words that carry it, with offsets into the clean text. */
  quote: string;
  start: number;
  end: number;
  /** The sentence it sits in, as offsets into the clean text. */
  sentenceStart: number;
  sentenceEnd: number;
  /** The trigger word and the rule that found the relation, for explanations. */
  trigger: string;
  rule: string;
  /** Symmetric relations ("A-B ties") have no direction: source < target. */
  symmetric: boolean;
}

export const EXTRACTOR_VERSION = 'rules-1';
