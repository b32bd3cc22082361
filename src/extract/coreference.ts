/**
 * A little coreference: definite descriptions that analysts use for an
 * actor named just before ("the group", "the militants", "the country")
 * stand for the nearest earlier mention of a fitting type. Pronouns are left
 * alone: "it" and "they" are too often something else to guess safely.
 */
import type { KnowledgeBase } from '../knowledge/actors.js';
import type { FoundMention } from './mentions.js';

type Fits = (type: string) => boolean;

const DESCRIPTIONS: { pattern: RegExp; fits: Fits }[] = [
  {
    // "the group", "the armed group", "the then-insurgent group's", "that group's"
    pattern:
      /\b(?:the|that|this)\s+(?:(?:armed|militant|terrorist|insurgent|then-insurgent|extremist|jihadist|hardline)\s+)?(?:group|movement|militants|insurgents|organi[sz]ation)\b/gi,
    fits: (type) => type === 'armed_group' || type === 'movement',
  },
  {
    // "the country", "that country", "the state", "the landlocked country"
    pattern:
      /\b(?:the|that|this)\s+(?:(?:neighbouring|neighboring|landlocked|war-torn|war-ravaged|nuclear-armed)\s+)?(?:country|state)\b(?!-)/gi,
    fits: (type) => type === 'state',
  },
  {
    // "the bloc", "that Russian-led bloc", "the US-led alliance": only the
    // noun stands for the organisation, the compound keeps its own actor
    pattern:
      /(?<=\b(?:the|that|this)\s+(?:\p{L}+-(?:led|dominated|backed)\s+)?)(?:bloc|alliance)\b(?!-)/giu,
    fits: (type) => type === 'organisation',
  },
];

/** How far back the antecedent may stand (characters). */
const REACH = 600;

export function resolveDescriptions(
  text: string,
  mentions: FoundMention[],
  kb: KnowledgeBase,
): FoundMention[] {
  const added: FoundMention[] = [];
  for (const { pattern, fits } of DESCRIPTIONS) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (mentions.some((x) => x.start < end && x.end > start)) continue;
      let antecedent: FoundMention | undefined;
      for (let k = mentions.length - 1; k >= 0; k--) {
        const candidate = mentions[k] as FoundMention;
        if (candidate.end > start) continue;
        if (start - candidate.end > REACH) break;
        const type = kb.actors.get(candidate.actor)?.type;
        if (type && fits(type)) {
          antecedent = candidate;
          break;
        }
      }
      if (!antecedent) continue;
      const after = text.slice(end, end + 3);
      added.push({
        ...antecedent,
        start,
        end,
        surface: m[0],
        via: 'coreference' as FoundMention['via'],
        possessive: /^['’]s\b/.test(after) || /^['’](?!\p{L})/u.test(after),
        hyphenAfter: false,
        hyphenBefore: false,
        stance: null,
      });
    }
  }
  return [...mentions, ...added].sort((a, b) => a.start - b.start);
}
