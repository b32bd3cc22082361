/**
 * Names the knowledge base does not know: runs of capitalised words (not
 * at a sentence start alone, not function words) that no actor mention
 * covers, counted across documents with a sample sentence, so an analyst
 * can see which outlets, people and places to add.
 */
import type { KnowledgeBase } from '../knowledge/actors.js';
import { MentionFinder } from './mentions.js';
import { splitSentences } from './sentences.js';

export interface UnresolvedName {
  name: string;
  count: number;
  documents: number;
  sample: string;
  /** A person the base knows, named where they act for no one. */
  idle: boolean;
}

const NAME = /\b\p{Lu}[\p{L}’'-]*(?:\s+(?:(?:of|the|al|bin|ul|de|e|i)\s+)?\p{Lu}[\p{L}’'-]*)*/gu;
const STOP = new Set(
  'The A An This That These Those It Its In On At For From By With As But And Or If When While Since After Before Although Though However Instead Nevertheless Moreover Meanwhile Also Yet So Then There Their They He She His Her We Our You Your I My Such Some Many Most Both Each Every Neither Nor Not No Why What How Who Where Which Whatever Regardless Altogether Until Upon Even Still Already Another Other Any All One Two Three First Second Third Last Next New Here Of To Up Out Over Under Now Once Just Only Being'.split(
    ' ',
  ),
);

export function findUnresolvedNames(
  kb: KnowledgeBase,
  docs: { id: number; text: string; date: string | null }[],
): UnresolvedName[] {
  const finder = new MentionFinder(kb);
  const found = new Map<
    string,
    { count: number; docs: Set<number>; sample: string; idle: boolean }
  >();
  for (const doc of docs) {
    const { mentions, idle } = finder.find(doc.text, doc.date);
    const covered = [...mentions, ...idle].map((m) => [m.start, m.end] as const);
    const idleNames = new Set(idle.map((m) => m.surface));
    for (const sentence of splitSentences(doc.text)) {
      const text = doc.text.slice(sentence.start, sentence.end);
      for (const m of text.matchAll(NAME)) {
        let name = m[0].replace(/['’]s$/, '').replace(/['’]$/, '');
        let start = sentence.start + m.index;
        const words = name.split(/\s+/);
        while (words.length > 0 && STOP.has(words[0] as string)) {
          start += (words.shift() as string).length + 1;
        }
        name = words.join(' ');
        if (name.length < 3 || /^[\p{Lu}]$/u.test(name)) continue;
        const end = start + name.length;
        if (covered.some(([s, e]) => s < end && e > start)) {
          if (!idleNames.has(name)) continue;
        }
        // One capitalised word opening a sentence is usually just a word.
        if (words.length === 1 && m.index === 0) continue;
        const entry = found.get(name) ?? {
          count: 0,
          docs: new Set<number>(),
          sample: text.slice(0, 300),
          idle: idleNames.has(name),
        };
        entry.count++;
        entry.docs.add(doc.id);
        found.set(name, entry);
      }
    }
  }
  return [...found]
    .map(([name, e]) => ({
      name,
      count: e.count,
      documents: e.docs.size,
      sample: e.sample,
      idle: e.idle,
    }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}
