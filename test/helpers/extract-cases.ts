/**
 * Table-driven extraction tests: invented sentences, the relations each must
 * yield and the ones a looser rule would wrongly draw. Shared by the recall
 * and precision test files so they read the same forbid patterns.
 */
import { describe, expect, it } from 'vitest';
import type { Modality, Polarity, Relation, RelationKind } from '../../src/domain/relation.js';
import { Extractor } from '../../src/extract/extractor.js';
import { loadKnowledgeBase } from '../../src/knowledge/actors.js';
import { loadLexicon } from '../../src/knowledge/lexicon.js';

export const extractor = new Extractor(loadKnowledgeBase(), loadLexicon());
export const DOC_DATE = '2024-05-10';

export interface Expected {
  source: string;
  target: string;
  polarity: Polarity;
  modality?: Modality;
  kind?: RelationKind;
}

export interface ExtractCase {
  construction: string;
  text: string;
  /** The document's date; default DOC_DATE. */
  date?: string;
  expect?: Expected[];
  /** Patterns (see `matches`) that no relation of the sentence may match. */
  forbid?: string[];
}

export interface NotRelated {
  text: string;
  forbid: string[];
}

export const rel = (
  source: string,
  target: string,
  polarity: Polarity,
  modality: Modality,
  kind?: RelationKind,
): Expected => ({ source, target, polarity, modality, ...(kind ? { kind } : {}) });

export const compact = (r: Relation): string =>
  `${r.source}>${r.target} ${r.polarity} ${r.kind} ${r.modality} [${r.rule}] "${r.quote}"`;

/**
 * "A>B" matches either direction, "A=>B" only source A to target B, "*"
 * any actor; words after the pair narrow it: a polarity ("1", "-1"), a
 * modality or a kind.
 */
export function matches(r: Relation, pattern: string): boolean {
  const [pair, ...extra] = pattern.split(' ') as [string, ...string[]];
  const directed = pair.includes('=>');
  const [a, b] = pair.split(directed ? '=>' : '>') as [string, string];
  const fits = (x: string, y: string) => x === '*' || x === y;
  const samePair =
    (fits(a, r.source) && fits(b, r.target)) ||
    (!directed && fits(a, r.target) && fits(b, r.source));
  if (!samePair) return false;
  return extra.every((x) =>
    /^-?1$/.test(x) ? r.polarity === Number(x) : r.modality === x || r.kind === x,
  );
}

function expectNone(relations: Relation[], forbid: string[]): void {
  for (const f of forbid)
    expect(relations.filter((r) => matches(r, f)).map(compact), `forbidden ${f}`).toEqual([]);
}

/** Registers one test per case and per unrelated sentence, and the quote-offset invariant. */
export function describeCases(
  title: string,
  cases: ExtractCase[],
  notRelated: NotRelated[] = [],
): void {
  describe(title, () => {
    it.each(cases.map((c) => [`${c.construction}: ${c.text}`, c] as const))('%s', (_name, c) => {
      const { relations } = extractor.extract(c.text, c.date ?? DOC_DATE);
      const got = relations.map(compact).join(' | ') || 'nothing';
      for (const e of c.expect ?? []) {
        expect(
          relations,
          `expected ${e.source}>${e.target} ${e.polarity} ${e.modality ?? ''}; got ${got}`,
        ).toContainEqual(expect.objectContaining(e));
      }
      expectNone(relations, c.forbid ?? []);
    });

    if (notRelated.length > 0)
      it.each(notRelated)('draws no unwarranted relation in: $text', ({ text, forbid }) => {
        expectNone(extractor.extract(text, DOC_DATE).relations, forbid);
      });

    it('keeps every quote equal to the text between its offsets', () => {
      for (const c of cases) {
        for (const r of extractor.extract(c.text, c.date ?? DOC_DATE).relations) {
          expect(r.quote, compact(r)).toBe(c.text.slice(r.start, r.end));
        }
      }
    });
  });
}
