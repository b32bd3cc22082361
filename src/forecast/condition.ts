/**
 * The condition of a conditional forecast: the "if / unless / in case /
 * provided that / should X… / were X to…" clause of its sentence. The
 * extractor marks every relation in such a sentence hypothetical; the
 * clause tells the forecast ("China will step in") from its premise
 * ("if Pakistan attacks the TTP"), which is not itself predicted.
 */

export interface Condition {
  text: string;
  /** Offsets into the sentence. */
  start: number;
  end: number;
}

export type ConditionReading =
  | { role: 'forecast'; condition: Condition | null }
  /** The relation sits inside the condition: a premise, not a forecast. */
  | { role: 'premise'; condition: Condition };

const MARKERS =
  /(?<![\p{L}\p{N}])(?:if|unless|in case|in the event (?:that|of)|provided (?:that)?|providing (?:that)?|on (?:the )?condition that|as long as|so long as|assuming (?:that)?)(?![\p{L}\p{N}])/giu;
/** Inverted conditions only open a clause: "Should talks fail, …", "Were Russia to arm …". */
const INVERTED =
  /(?:^|[,;:]\s*)["“‘']?\s*((?:should\s+[\p{L}\p{N}'’-]+\s)|(?:were\s+(?:[\p{L}\p{N}'’-]+\s+){1,5}?to\s))/giu;
/** Where a condition clause ends: a clause break or "then". */
const CLAUSE_END = /[,;:—–]|\s(?:then)\s|[.!?]\s*$/u;

/**
 * Reads the sentence around a relation's quote (`quoteStart`, an offset
 * into `sentence`): the condition it depends on, or that it is
 * the condition's premise.
 */
export function readCondition(sentence: string, quoteStart: number): ConditionReading {
  const conditions = findConditions(sentence);
  // A quote that opens inside the condition states its premise ("if Trump
  // signs the deal, …"), even when it runs on past the clause break.
  const premise = conditions.find((c) => quoteStart >= c.start && quoteStart < c.end);
  if (premise) return { role: 'premise', condition: premise };
  return { role: 'forecast', condition: conditions[0] ?? null };
}

export function findConditions(sentence: string): Condition[] {
  const starts: number[] = [];
  for (const m of sentence.matchAll(MARKERS)) starts.push(m.index);
  for (const m of sentence.matchAll(INVERTED))
    starts.push(m.index + m[0].length - (m[1] as string).length);
  starts.sort((a, b) => a - b);
  const found: Condition[] = [];
  for (const start of starts) {
    if (found.some((c) => start >= c.start && start < c.end)) continue;
    const rest = sentence.slice(start);
    const stop = CLAUSE_END.exec(rest.slice(2));
    const end = start + (stop ? stop.index + 2 : rest.length);
    const text = sentence
      .slice(start, end)
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/[\s.,;:!?]+$/u, '');
    if (text.split(' ').length < 2) continue;
    found.push({ text, start, end });
  }
  return found;
}
