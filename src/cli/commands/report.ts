import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.js';
import { type Io, storePath, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { networkOptions, type WindowOptions } from './network.js';

export interface ReportOptions extends WindowOptions {
  out?: string;
  step?: string;
  /** Scenario files whose runs the report shows. */
  scenario?: string[];
  timeLimit?: string;
}

export interface ReportResult {
  file: string;
  bytes: number;
  actors: number;
  edges: number;
  documents: number;
}

/** Writes the HTML report of a store to `out` (the demo calls this too). */
export async function writeReport(
  store: string,
  out: string,
  options: Omit<ReportOptions, 'out' | 'store'> = {},
): Promise<ReportResult> {
  const settings = networkOptions(options);
  const timeLimitSeconds = options.timeLimit === undefined ? undefined : Number(options.timeLimit);
  if (timeLimitSeconds !== undefined && !(timeLimitSeconds > 0)) {
    throw new UsageError(
      `--time-limit: "${options.timeLimit}" is not a positive number of seconds`,
    );
  }
  if (options.step !== undefined) {
    const { parseStep } = await import('../../network/timeline.js');
    parseStep(options.step);
  }
  const { collectReport } = await import('../../report/data.js');
  const { renderReport } = await import('../../report/render.js');
  const data = await withStore(store, (_s, db) =>
    collectReport(db, settings, { timeLimitSeconds, step: options.step }),
  );
  if (options.scenario?.length) {
    data.scenarios = await scenarioRuns(store, options.scenario);
  }
  const html = renderReport(data);
  const file = path.resolve(out);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, html);
  return {
    file,
    bytes: Buffer.byteLength(html),
    actors: data.nodes.length,
    edges: data.network.edges.length,
    documents: data.documents.size,
  };
}

/** Runs each scenario file on the store, from the scenario's own base. */
async function scenarioRuns(store: string, files: readonly string[]) {
  const { loadKnowledgeBase } = await import('../../knowledge/actors.js');
  const { loadScenario } = await import('../../simulate/scenario.js');
  const { scenarioOnStore } = await import('./simulate.js');
  const known = new Set(loadKnowledgeBase().actors.keys());
  // All files are checked before anything runs.
  const scenarios = files.map((file) => loadScenario(file, known));
  const quiet = { out: () => {}, err: () => {}, interactive: false, env: process.env };
  const runs = [];
  for (const s of scenarios) {
    runs.push(
      await scenarioOnStore(
        store,
        {
          at: s.base.at,
          from: s.base.from,
          to: s.base.to,
          knownAt: s.base.knownAt,
          layer: s.base.layer,
        },
        {
          name: s.name,
          ...(s.file && { file: s.file }),
          ...(s.arguedBy && { arguedBy: s.arguedBy }),
          shocks: s.shocks,
          options: s.options,
          expect: s.expect,
        },
        quiet,
      ),
    );
  }
  return runs;
}

export async function runReport(options: ReportOptions, io: Io): Promise<number> {
  if (!options.out) throw new UsageError('--out: the HTML file to write is required');
  const result = await writeReport(storePath(options, io), options.out, options);
  io.out(
    `report: ${result.file} (${result.actors} actors, ${result.edges} edges, ${result.documents} documents, ${result.bytes} bytes)`,
  );
  return EXIT.ok;
}

export function registerReport(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('report')
    .description(
      'one self-contained HTML page: the network, blocs and power, unbalanced triads with their quotes, timeline, sources',
    )
    .requiredOption('--out <file>', 'the HTML file to write')
    .option('--at <date>', 'the network as it stood at this date')
    .option('--from <date>', 'start of a window')
    .option('--to <date>', 'end of a window')
    .option('--known-at <date>', 'only what had been published by this date')
    .option('--layer <layer>', 'observed (default), expected, or merged')
    .option(
      '--dataset <names>',
      'layers of evidence: extracted (default), an imported dataset (icews…), a comma list, or all',
    )
    .option('--half-life <days>', 'recency decay in days (default 365)')
    .option('--step <step>', 'timeline window: 6mo, 1y… (default 6mo, 1y beyond eight years)')
    .option('--time-limit <seconds>', 'time limit of the exact balance solver (default 10)')
    .option(
      '--scenario <file>',
      'add a scenario section: run this scenario file (repeatable)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .action(async (options: ReportOptions, command: Command) => {
      setExit(await runReport({ ...command.optsWithGlobals(), ...options }, io));
    });
}
