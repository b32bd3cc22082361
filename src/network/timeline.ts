/**
 * The network through time: a series of windows of a fixed step, the signed
 * network at the end of each, what changed in it since the window before
 * (edges that appeared, disappeared, flipped sign, strengthened or weakened)
 * with the relations newly behind each change, and how the balance of power
 * moved (frustration index, the two blocs, the actors that changed camp).
 *
 * Windows: from `from`, each `step` long; window k covers
 * [from + (k−1)·step, from + k·step − 1 day] and is kept while its end is on
 * or before `to` (a last, shorter window up to `to` is added with
 * `partialLast`). By default a window's network holds all the evidence dated
 * up to its end, older evidence fading (`buildNetwork` with `at`); with
 * `span: 'step'` only the evidence dated within the window counts.
 */
import { UsageError } from '../domain/errors.js';
import {
  buildNetwork,
  dateBounds,
  type EvidenceRelation,
  type Layer,
  type Network,
  type NetworkEdge,
} from './aggregate.js';
import { analyseBalance, signedGraph } from './balance/index.js';

export const TIMELINE_DEFAULTS = {
  /** |Δweight| at or above which a same-sign edge counts as strengthened or weakened. */
  threshold: 0.2,
  span: 'cumulative' as TimelineSpan,
};

/** cumulative: all evidence up to the window's end (decayed); step: only the window's own. */
export type TimelineSpan = 'cumulative' | 'step';

export interface TimelineOptions {
  /** Start of the first window (YYYY, YYYY-MM or YYYY-MM-DD; its first day). */
  from: string;
  /** No window ends after this (its last day). */
  to: string;
  /** Window length: `6mo`, `3mo`, `1y`, `2y` (also `month(s)`, `yr`, `year(s)`). */
  step: string;
  halfLifeDays?: number;
  layer?: Layer;
  /** Only what had been published by this date (by docDate), in every window. */
  knownAt?: string;
  threshold?: number;
  span?: TimelineSpan;
  /** Add a last, shorter window ending at `to` when the steps do not reach it. */
  partialLast?: boolean;
  /** Time limit of the exact balance solver per window, in seconds. */
  timeLimitSeconds?: number;
}

export type ChangeKind = 'appeared' | 'disappeared' | 'flipped' | 'strengthened' | 'weakened';

export interface EdgeChange {
  kind: ChangeKind;
  source: string;
  target: string;
  /** Weight in the window before; null when the edge was absent. */
  fromWeight: number | null;
  /** Weight in this window; null when the edge is gone. */
  toWeight: number | null;
  /** Ids of the relations behind the edge now that were not behind it before. */
  relations: number[];
}

export interface WindowBalance {
  frustrationIndex: number;
  exact: boolean;
  lowerBound: number;
  /** The two blocs, sides oriented to match the window before where possible. */
  blocs: [string[], string[]];
}

export interface BalanceChange {
  /** Frustration index now minus before. */
  frustrationDelta: number;
  /** Actors in both windows that changed camp (blocs compared up to swapping the sides). */
  moved: string[];
  /** Actors in the network now but not before, and the reverse. */
  entered: string[];
  left: string[];
}

export interface TimelineWindow {
  index: number;
  from: string;
  to: string;
  /** True for a last window shorter than the step (`partialLast`). */
  partial: boolean;
  network: Network;
  /** Changes since the window before (for the first: against an empty network). */
  changes: EdgeChange[];
  balance: WindowBalance;
  /** Null for the first window. */
  balanceChange: BalanceChange | null;
}

export interface Timeline {
  from: string;
  to: string;
  step: { value: string; months: number };
  params: {
    threshold: number;
    span: TimelineSpan;
    layer: Layer;
    halfLifeDays: number | null;
    knownAt: string | null;
  };
  windows: TimelineWindow[];
}

/** `6mo` → 6, `1y` → 12; anything else is a UsageError naming the value. */
export function parseStep(step: string): number {
  const m = /^\s*(\d+)\s*(mo|months?|y|yr|years?)\s*$/i.exec(step);
  const n = m ? Number(m[1]) : 0;
  if (!m || !(n >= 1)) {
    throw new UsageError(
      `--step: "${step}" is not a step (a number of months or years, such as 3mo, 6mo, 1y)`,
    );
  }
  return /^mo/i.test(m[2] ?? '') ? n : n * 12;
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** `date` + `months` months, the day clamped to the month's length. */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(year, month, Math.min(d, last))));
}

function dayBefore(date: string): string {
  return iso(new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000));
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The windows' [from, to] pairs. */
export function timelineWindows(
  from: string,
  to: string,
  step: string,
  partialLast = false,
): { from: string; to: string; partial: boolean }[] {
  const months = parseStep(step);
  for (const [flag, value] of [
    ['--from', from],
    ['--to', to],
  ] as const) {
    if (!DATE.test(value))
      throw new UsageError(`${flag}: "${value}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  }
  const start = dateBounds(from)[0];
  const end = dateBounds(to)[1];
  if (end < start) throw new UsageError(`--to: "${to}" is before --from "${from}"`);
  const windows: { from: string; to: string; partial: boolean }[] = [];
  for (let k = 1; ; k++) {
    const windowEnd = dayBefore(addMonths(start, k * months));
    const windowStart = addMonths(start, (k - 1) * months);
    if (windowEnd > end) {
      if (partialLast && windowStart <= end)
        windows.push({ from: windowStart, to: end, partial: true });
      break;
    }
    windows.push({ from: windowStart, to: windowEnd, partial: false });
  }
  return windows;
}

function pairKey(e: { source: string; target: string }): string {
  return `${e.source}\u0000${e.target}`;
}

/** Edge changes from `before` to `after`, ordered by kind, then pair. */
export function edgeChanges(
  before: Network | null,
  after: Network,
  threshold: number,
): EdgeChange[] {
  const old = new Map<string, NetworkEdge>((before?.edges ?? []).map((e) => [pairKey(e), e]));
  const now = new Map<string, NetworkEdge>(after.edges.map((e) => [pairKey(e), e]));
  const changes: EdgeChange[] = [];
  for (const [key, e] of now) {
    const p = old.get(key);
    const seen = new Set(p?.relations ?? []);
    const fresh = e.relations.filter((id) => !seen.has(id));
    const base = { source: e.source, target: e.target, toWeight: e.weight, relations: fresh };
    if (!p) changes.push({ kind: 'appeared', fromWeight: null, ...base });
    else if (p.sign !== e.sign) changes.push({ kind: 'flipped', fromWeight: p.weight, ...base });
    else if (Math.abs(e.weight - p.weight) >= threshold - 1e-9) {
      const kind = Math.abs(e.weight) > Math.abs(p.weight) ? 'strengthened' : 'weakened';
      changes.push({ kind, fromWeight: p.weight, ...base });
    }
  }
  for (const [key, p] of old) {
    if (!now.has(key))
      changes.push({
        kind: 'disappeared',
        source: p.source,
        target: p.target,
        fromWeight: p.weight,
        toWeight: null,
        relations: [],
      });
  }
  const order: ChangeKind[] = ['flipped', 'appeared', 'disappeared', 'strengthened', 'weakened'];
  return changes.sort(
    (x, y) =>
      order.indexOf(x.kind) - order.indexOf(y.kind) ||
      (x.source < y.source ? -1 : x.source > y.source ? 1 : 0) ||
      (x.target < y.target ? -1 : x.target > y.target ? 1 : 0),
  );
}

/**
 * Compares two bipartitions up to swapping the sides: orients `after` to
 * match `before` as well as possible (ties keep it as is), and lists the
 * actors in both that changed camp.
 */
export function compareBlocs(
  before: [string[], string[]],
  after: [string[], string[]],
): { blocs: [string[], string[]]; moved: string[]; entered: string[]; left: string[] } {
  const sideBefore = new Map<string, number>();
  before.forEach((side, i) => side.forEach((a) => sideBefore.set(a, i)));
  const sideAfter = new Map<string, number>();
  after.forEach((side, i) => side.forEach((a) => sideAfter.set(a, i)));
  const common = [...sideAfter.keys()].filter((a) => sideBefore.has(a));
  const differ = common.filter((a) => sideBefore.get(a) !== sideAfter.get(a));
  const swap = differ.length > common.length - differ.length;
  const moved = (swap ? common.filter((a) => !differ.includes(a)) : differ).sort();
  const blocs: [string[], string[]] = swap ? [after[1], after[0]] : [after[0], after[1]];
  return {
    blocs,
    moved,
    entered: [...sideAfter.keys()].filter((a) => !sideBefore.has(a)).sort(),
    left: [...sideBefore.keys()].filter((a) => !sideAfter.has(a)).sort(),
  };
}

export async function timeline(
  relations: EvidenceRelation[],
  options: TimelineOptions,
): Promise<Timeline> {
  const threshold = options.threshold ?? TIMELINE_DEFAULTS.threshold;
  if (!(threshold >= 0))
    throw new UsageError(`--threshold: "${threshold}" is not a non-negative number`);
  const span = options.span ?? TIMELINE_DEFAULTS.span;
  if (span !== 'cumulative' && span !== 'step')
    throw new UsageError(`--span: "${String(span)}" is not one of cumulative, step`);
  const layer = options.layer ?? 'observed';
  const ranges = timelineWindows(options.from, options.to, options.step, options.partialLast);

  const windows: TimelineWindow[] = [];
  let previous: TimelineWindow | null = null;
  for (const [i, range] of ranges.entries()) {
    const network = buildNetwork(relations, {
      ...(span === 'cumulative' ? { at: range.to } : { from: range.from, to: range.to }),
      knownAt: options.knownAt,
      layer,
      halfLifeDays: options.halfLifeDays,
    });
    // As in `greatgame balance`: each edge weighs 1, the frustration index counts edges.
    const analysis =
      network.edges.length === 0
        ? {
            frustrationIndex: 0,
            exact: true,
            lowerBound: 0,
            partition: [[], []] as [string[], string[]],
          }
        : await analyseBalance(
            signedGraph({
              edges: network.edges.map((e) => ({ a: e.source, b: e.target, sign: e.sign })),
            }),
            { timeLimitSeconds: options.timeLimitSeconds, triadLimit: 0 },
          );
    const partition: [string[], string[]] = [
      [...analysis.partition[0]],
      [...analysis.partition[1]],
    ];
    let blocs = partition;
    let balanceChange: BalanceChange | null = null;
    if (previous) {
      const cmp = compareBlocs(previous.balance.blocs, partition);
      blocs = cmp.blocs;
      balanceChange = {
        frustrationDelta: analysis.frustrationIndex - previous.balance.frustrationIndex,
        moved: cmp.moved,
        entered: cmp.entered,
        left: cmp.left,
      };
    }
    const window: TimelineWindow = {
      index: i + 1,
      from: range.from,
      to: range.to,
      partial: range.partial,
      network,
      changes: edgeChanges(previous?.network ?? null, network, threshold),
      balance: {
        frustrationIndex: analysis.frustrationIndex,
        exact: analysis.exact,
        lowerBound: analysis.lowerBound,
        blocs,
      },
      balanceChange,
    };
    windows.push(window);
    previous = window;
  }
  return {
    from: dateBounds(options.from)[0],
    to: dateBounds(options.to)[1],
    step: { value: options.step, months: parseStep(options.step) },
    params: {
      threshold,
      span,
      layer,
      halfLifeDays: options.halfLifeDays ?? null,
      knownAt: options.knownAt ? dateBounds(options.knownAt)[1] : null,
    },
    windows,
  };
}

function signChar(w: number): string {
  return w > 0 ? '+' : '−';
}

function num(w: number): string {
  return (w < 0 ? '−' : '') + String(Math.abs(w));
}

/** One line per change: "flipped PAK–TAL + → −", "appeared CHN–TAL +", … */
export function describeChange(c: EdgeChange): string {
  const pair = `${c.source}–${c.target}`;
  const ids = c.relations.length ? `; relations ${c.relations.join(', ')}` : '';
  switch (c.kind) {
    case 'flipped':
      return `flipped ${pair} ${signChar(c.fromWeight ?? 0)} → ${signChar(c.toWeight ?? 0)} (${num(c.fromWeight ?? 0)} → ${num(c.toWeight ?? 0)}${ids})`;
    case 'appeared':
      return `appeared ${pair} ${signChar(c.toWeight ?? 0)} (${num(c.toWeight ?? 0)}${ids})`;
    case 'disappeared':
      return `disappeared ${pair} (was ${num(c.fromWeight ?? 0)})`;
    default:
      return `${c.kind} ${pair} ${signChar(c.toWeight ?? 0)} (${num(c.fromWeight ?? 0)} → ${num(c.toWeight ?? 0)}${ids})`;
  }
}

/** The timeline as text: one block per window. */
export function timelineText(t: Timeline): string {
  const blocks = t.windows.map((w) => {
    const b = w.balance;
    const lines = [
      `${w.from} … ${w.to}${w.partial ? ' (partial)' : ''}: ${w.network.nodes.length} actors, ${w.network.edges.length} edges`,
      `  frustration index: ${b.frustrationIndex}${b.exact ? '' : ` (best found; lower bound ${b.lowerBound})`}${
        w.balanceChange && w.balanceChange.frustrationDelta !== 0
          ? ` (${w.balanceChange.frustrationDelta > 0 ? '+' : '−'}${Math.abs(w.balanceChange.frustrationDelta)})`
          : ''
      }`,
      `  blocs: {${b.blocs[0].join(', ')}} vs {${b.blocs[1].join(', ')}}`,
    ];
    const bc = w.balanceChange;
    if (bc?.moved.length) lines.push(`  moved camp: ${bc.moved.join(', ')}`);
    if (bc?.entered.length) lines.push(`  entered: ${bc.entered.join(', ')}`);
    if (bc?.left.length) lines.push(`  left: ${bc.left.join(', ')}`);
    for (const c of w.changes) lines.push(`  ${describeChange(c)}`);
    return lines.join('\n');
  });
  return blocks.length ? blocks.join('\n\n') : 'no window fits between --from and --to';
}
