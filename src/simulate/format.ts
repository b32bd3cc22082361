/**
 * Plain-text renderings of a simulation and a backtest, for the terminal:
 * blocs before and after, each change with its probability and why, the
 * differences from the no-shock run, and the source's argued realignments
 * side by side with the model's.
 */
import type { BacktestResult } from './backtest.js';
import type { Blocs, SimulationResult } from './run-scenario.js';

const SIGN = { 1: '+', [-1]: '−', 0: '0' } as const;

function blocsLine(label: string, b: Blocs): string {
  const power = b.power?.blocs.some((x) => x.capability > 0)
    ? `  power ${b.power.blocs.map((x) => `${(x.share * 100).toFixed(0)}%`).join(' / ')}`
    : '';
  return `${label.padEnd(15)}{${b.blocs[0].join(', ')}} vs {${b.blocs[1].join(', ')}}  frustration ${b.frustrationIndex}${power}`;
}

function yesNo(v: boolean | null): string {
  return v === null ? 'n/a' : v ? 'yes' : 'no';
}

export interface SimulationHeader {
  readonly title: string;
  readonly base: string;
}

export function simulationText(result: SimulationResult, header: SimulationHeader): string {
  const o = result.options;
  const lines = [
    `${header.title}`,
    `model ${o.model}, ${o.runs} runs, seed ${o.seed}, inertia ${o.inertia}, uncertainty ${o.uncertainty}`,
    `base: ${header.base}`,
    `shocks: ${result.shocks.length ? result.shocks.join('; ') : 'none'}`,
    '',
    blocsLine('blocs before', result.before),
    blocsLine('blocs after', result.after),
    blocsLine('without shock', result.withoutShock),
    '',
  ];
  if (result.changes.length === 0) lines.push('no edge flips or moves');
  else lines.push('changes (probability = share of runs):');
  for (const c of result.changes) {
    lines.push(
      `  ${c.kind.padEnd(7)} ${`${c.source}–${c.target}`.padEnd(10)} ${SIGN[c.fromSign]} → ${SIGN[c.toSign]}  p ${c.probability.toFixed(2)}${c.alsoWithoutShock ? '  (also without the shock)' : ''}`,
      `          ${c.because}`,
    );
  }
  lines.push('');
  const diffs = result.differences.filter((d) => d.probability >= 0.6);
  lines.push(
    diffs.length
      ? `differs from the no-shock run on ${result.differences.length} pair(s); the surer ones: ${diffs
          .slice(0, 12)
          .map((d) => `${d.source}–${d.target} ${SIGN[d.withoutShock]}→${SIGN[d.withShock]}`)
          .join(', ')}`
      : `differs from the no-shock run on ${result.differences.length} pair(s)`,
  );
  if (result.expectations.length) {
    lines.push('', 'what the source argues               with shock  without');
    for (const e of result.expectations) {
      lines.push(
        `  ${e.expectation.padEnd(36)} ${yesNo(e.withShock).padEnd(11)} ${yesNo(e.withoutShock)}`,
      );
      if (e.claim) lines.push(`      (${e.claim})`);
    }
  }
  return lines.join('\n');
}

export function backtestText(result: BacktestResult): string {
  const s = result.scores;
  const pct = (x: number | null) => (x === null ? 'n/a' : x.toFixed(2));
  const lines = [
    `backtest: known up to ${result.cutoff}, scored on what was published after it${result.until ? ` up to ${result.until}` : ''}`,
    `model ${result.model}, ${result.options.runs} runs, seed ${result.options.seed}`,
    `scored edges ${s.scored}: hits ${s.hits}, misses ${s.misses}, false alarms ${s.falseAlarms}, correct rejections ${s.correctRejections}`,
    `precision ${pct(s.precision)}, recall ${pct(s.recall)}, accuracy ${pct(s.accuracy)}, Brier ${pct(s.brier)} (always "no change": ${pct(s.brierNoChange)})`,
    '',
    'predicted flips:',
  ];
  const flips = result.edges.filter((e) => e.predictedFlip);
  if (flips.length === 0) lines.push('  none');
  for (const e of flips) {
    lines.push(
      `  ${`${e.source}–${e.target}`.padEnd(10)} ${e.weightAtCutoff.toFixed(2)} → flip p ${e.flipProbability.toFixed(2)}  ${e.outcome}${e.laterWeight === null ? '' : ` (later ${e.laterWeight.toFixed(2)})`}`,
    );
    if (e.because) lines.push(`          ${e.because}`);
  }
  const missed = result.edges.filter((e) => e.outcome === 'miss');
  if (missed.length) {
    lines.push('', 'flipped but not predicted:');
    for (const e of missed)
      lines.push(
        `  ${`${e.source}–${e.target}`.padEnd(10)} ${e.weightAtCutoff.toFixed(2)} → later ${e.laterWeight?.toFixed(2)}  flip p ${e.flipProbability.toFixed(2)}`,
      );
  }
  return lines.join('\n');
}
