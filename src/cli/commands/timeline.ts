import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.js';
import { evidenceSpan } from '../../network/aggregate.js';
import { type Io, printJson, storePath, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { evidenceFlags, networkOptions, storeEvidence, type WindowOptions } from './network.js';

export interface TimelineCommandOptions extends WindowOptions {
  step?: string;
  threshold?: string;
  span?: string;
  json?: boolean;
  timeLimit?: string;
}

export async function runTimeline(options: TimelineCommandOptions, io: Io): Promise<number> {
  const { timeline, timelineText, parseStep } = await import('../../network/timeline.js');
  if (options.step === undefined) throw new UsageError('--step is required (such as 6mo or 1y)');
  parseStep(options.step);
  // Checks the dates, the layer and the half-life as `greatgame network` does.
  const settings = networkOptions({
    from: options.from,
    to: options.to,
    knownAt: options.knownAt,
    layer: options.layer,
    halfLife: options.halfLife,
    dataset: options.dataset,
  });
  const threshold = options.threshold === undefined ? undefined : Number(options.threshold);
  if (threshold !== undefined && !(threshold >= 0))
    throw new UsageError(`--threshold: "${options.threshold}" is not a non-negative number`);
  const span = options.span ?? 'cumulative';
  if (span !== 'cumulative' && span !== 'step')
    throw new UsageError(`--span: "${span}" is not one of cumulative, step`);
  const timeLimitSeconds = options.timeLimit === undefined ? undefined : Number(options.timeLimit);
  if (timeLimitSeconds !== undefined && !(timeLimitSeconds > 0))
    throw new UsageError(
      `--time-limit: "${options.timeLimit}" is not a positive number of seconds`,
    );

  const evidence = await withStore(
    storePath(options, io),
    (_s, db) => storeEvidence(db, settings).evidence,
  );
  // Default window: the earliest to the latest relation date.
  const { first, last } = evidenceSpan(evidence);
  const from = settings.from ?? first;
  const to = settings.to ?? last;
  if (from === undefined || to === undefined) {
    if (options.json) printJson(io, { windows: [] });
    else io.out('no dated relations in the store: nothing to put on a timeline');
    return EXIT.ok;
  }
  const result = await timeline(evidence, {
    from,
    to,
    step: options.step,
    knownAt: settings.knownAt,
    layer: settings.layer,
    halfLifeDays: settings.halfLifeDays,
    threshold,
    span,
    timeLimitSeconds,
    // When --to is not given, the last relation's date must not fall off the end.
    partialLast: settings.to === undefined,
  });
  if (options.json) printJson(io, result);
  else io.out(timelineText(result));
  return EXIT.ok;
}

export function registerTimeline(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command('timeline')
    .description(
      'the network window by window: edges that appeared, disappeared, flipped or changed strength, and how the blocs moved',
    )
    .option('--step <step>', 'window length: 3mo, 6mo, 1y, 2y … (required)')
    .option('--from <date>', 'start of the first window (default: the earliest relation date)')
    .option('--to <date>', 'no window ends after this (default: the latest relation date)');
  evidenceFlags(command)
    .option(
      '--span <span>',
      'cumulative (default: all evidence up to the window end, fading) or step (only the window’s own)',
    )
    .option(
      '--threshold <weight>',
      'a weight change of at least this counts as strengthened/weakened (default 0.2)',
    )
    .option('--time-limit <seconds>', 'time limit of the exact balance solver per window')
    .option('--json', 'print {from, to, step, params, windows: [{network, changes, balance, …}]}')
    .action(async (options: TimelineCommandOptions, command: Command) => {
      setExit(await runTimeline({ ...command.optsWithGlobals(), ...options }, io));
    });
}
