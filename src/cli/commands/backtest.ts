import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.js';
import { type Io, printJson, storePath, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { evidenceFlags, networkOptions, storeEvidence } from './network.js';
import { engineFlags, type SimulateCommandOptions } from './simulate.js';

export interface BacktestCommandOptions extends SimulateCommandOptions {
  cutoff?: string;
  until?: string;
}

export async function runBacktest(options: BacktestCommandOptions, io: Io): Promise<number> {
  const { backtest } = await import('../../simulate/backtest.js');
  const { backtestText } = await import('../../simulate/format.js');
  const { backtestWithQuotes } = await import('../../simulate/with-quotes.js');
  const { quotesFor } = await import('../../store/quotes.js');
  if (options.cutoff === undefined) throw new UsageError('--cutoff DATE is required');
  // Checks the dates, layer and half-life as `greatgame network` does.
  const settings = networkOptions({
    at: options.cutoff,
    to: undefined,
    knownAt: options.until,
    layer: options.layer,
    halfLife: options.halfLife,
    dataset: options.dataset,
  });
  const engine = engineFlags(options);
  const output = await withStore(storePath(options, io), (_s, db) => {
    const result = backtest(storeEvidence(db, settings).evidence, {
      ...engine,
      cutoff: options.cutoff!,
      ...(options.until !== undefined && { until: options.until }),
      ...(settings.layer && { layer: settings.layer }),
      ...(settings.halfLifeDays !== undefined && { halfLifeDays: settings.halfLifeDays }),
    });
    return options.json
      ? { json: backtestWithQuotes(result, (ids) => quotesFor(db, ids)) }
      : { text: backtestText(result) };
  });
  if ('json' in output) printJson(io, output.json);
  else io.out(output.text);
  return EXIT.ok;
}

export function registerBacktest(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command('backtest')
    .description(
      'retrodiction: the network from what was published by --cutoff, the flips a model predicts, scored against what was published after it',
    )
    .option('--cutoff <date>', 'last publication date known to the prediction (required)')
    .option('--until <date>', 'score on evidence up to this date (default: all)')
    .option('--model <model>', 'marvel (default) or triads')
    .option('--runs <n>', 'Monte Carlo runs (default 100)')
    .option('--seed <n>', 'seed of the runs (default 1)')
    .option('--inertia <k>', 'how much firm evidence resists change (default 1)')
    .option('--uncertainty <u>', 'noise on thin evidence (default 1)')
    .option('--rule <rule>', 'triads: constrained (default) or local')
    .option(
      '--p <p>',
      'triads, local rule: chance a +,+,− triangle resolves by turning its − link +',
    );
  evidenceFlags(command)
    .option('--json', 'print {cutoff, scores, edges: [{…, flipProbability, outcome, because}]}')
    .action(async (options: BacktestCommandOptions, cmd: Command) => {
      setExit(await runBacktest({ ...cmd.optsWithGlobals(), ...options }, io));
    });
}
