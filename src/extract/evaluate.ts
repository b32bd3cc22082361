/**
 * Scores extracted relations against a gold file in the format of
 * ANNOTATION.md. The unit is (document file, unordered actor pair,
 * polarity): a document either states that two actors cooperate (or
 * oppose each other) or it does not, however many sentences say so. The
 * entries of a split page count for their file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { InvalidDataError } from '../domain/errors.js';
import { MODALITIES, RELATION_KINDS } from '../domain/relation.js';

const GoldRow = z.object({
  doc: z.string().min(1),
  quote: z.string(),
  source: z.string().min(1),
  target: z.string().min(1),
  polarity: z.union([z.literal(1), z.literal(-1)]),
  kind: z.enum(RELATION_KINDS),
  modality: z.enum(MODALITIES),
  date: z.string().nullable().optional(),
});
export type GoldRelation = z.infer<typeof GoldRow>;

/** What the scorer needs of a predicted relation. */
export interface PredictedRelation {
  file: string;
  source: string;
  target: string;
  polarity: 1 | -1;
  kind: string;
  modality: string;
  date: string | null;
  quote: string;
}

export interface Score {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  gold: number;
  predicted: number;
}

export interface UnitExample {
  file: string;
  pair: string;
  polarity: number;
  modality?: string;
  quote: string;
}

export interface Evaluation {
  pairPolarity: Score;
  withModality: Score;
  perDoc: Record<string, Score>;
  agreement: { matched: number; kind: number; modality: number; date: number };
  falsePositives: UnitExample[];
  misses: UnitExample[];
}

export function loadGold(file: string): GoldRelation[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InvalidDataError(`${file}: cannot read gold file: ${(error as Error).message}`);
  }
  const rows: GoldRelation[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new InvalidDataError(`${file}:${i + 1}: not valid JSON: ${(error as Error).message}`);
    }
    const parsed = GoldRow.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new InvalidDataError(
        `${file}:${i + 1}: field ${issue?.path.join('.') || '(row)'}: ${issue?.message}`,
      );
    }
    rows.push(parsed.data);
  });
  return rows;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}-${b}` : `${b}-${a}`);
const unitKey = (file: string, a: string, b: string, polarity: number) =>
  `${file}|${pairKey(a, b)}|${polarity}`;

export function evaluate(gold: GoldRelation[], predicted: PredictedRelation[]): Evaluation {
  const goldFiles = new Set(gold.map((g) => path.basename(g.doc)));
  const pred = predicted.filter((p) => goldFiles.has(p.file));
  const goldUnits = groupBy(gold, (g) =>
    unitKey(path.basename(g.doc), g.source, g.target, g.polarity),
  );
  const predUnits = groupBy(pred, (p) => unitKey(p.file, p.source, p.target, p.polarity));
  const goldModal = new Set(
    gold.map(
      (g) => `${unitKey(path.basename(g.doc), g.source, g.target, g.polarity)}|${g.modality}`,
    ),
  );
  const predModal = new Set(
    pred.map((p) => `${unitKey(p.file, p.source, p.target, p.polarity)}|${p.modality}`),
  );

  const perDoc: Record<string, Score> = {};
  for (const file of [...goldFiles].sort()) {
    const g = new Set([...goldUnits.keys()].filter((k) => k.startsWith(`${file}|`)));
    const p = new Set([...predUnits.keys()].filter((k) => k.startsWith(`${file}|`)));
    perDoc[file] = score(g, p);
  }

  let kind = 0;
  let modality = 0;
  let date = 0;
  let matched = 0;
  for (const [key, golds] of goldUnits) {
    const preds = predUnits.get(key);
    if (!preds) continue;
    matched++;
    if (preds.some((p) => golds.some((g) => g.kind === p.kind))) kind++;
    if (preds.some((p) => golds.some((g) => g.modality === p.modality))) modality++;
    if (preds.some((p) => golds.some((g) => sameDate(g.date ?? null, p.date)))) date++;
  }

  const example = (key: string, quote: string, modal?: string): UnitExample => {
    const [file, pair, polarity] = key.split('|') as [string, string, string];
    return { file, pair, polarity: Number(polarity), ...(modal ? { modality: modal } : {}), quote };
  };
  return {
    pairPolarity: score(new Set(goldUnits.keys()), new Set(predUnits.keys())),
    withModality: score(goldModal, predModal),
    perDoc,
    agreement: {
      matched,
      kind: ratio(kind, matched),
      modality: ratio(modality, matched),
      date: ratio(date, matched),
    },
    falsePositives: [...predUnits]
      .filter(([k]) => !goldUnits.has(k))
      .map(([k, ps]) =>
        example(k, (ps[0] as PredictedRelation).quote, (ps[0] as PredictedRelation).modality),
      ),
    misses: [...goldUnits]
      .filter(([k]) => !predUnits.has(k))
      .map(([k, gs]) => example(k, (gs[0] as GoldRelation).quote)),
  };
}

/** Dates agree when equal at the precision both state ("2021" and "2021-08"). */
function sameDate(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

function score(gold: Set<string>, predicted: Set<string>): Score {
  let tp = 0;
  for (const k of predicted) if (gold.has(k)) tp++;
  const precision = ratio(tp, predicted.size);
  const recall = ratio(tp, gold.size);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    precision: round(precision),
    recall: round(recall),
    f1: round(f1),
    tp,
    gold: gold.size,
    predicted: predicted.size,
  };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : round(a / b);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k) ?? [];
    list.push(item);
    map.set(k, list);
  }
  return map;
}
