import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InvalidDataError, UsageError } from '../../domain/errors.js';
import type { EngineOptions, ModelName } from '../../simulate/engine.js';
import type { Scenario } from '../../simulate/scenario.js';
import type { Shock } from '../../simulate/shocks.js';
import type { ScenarioRun, ScenarioRunInput } from '../../simulate/scenario-run.js';
import { type Io, printJson, storePath, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { evidenceFlags, networkOptions, type WindowOptions } from './network.js';

export interface SimulateCommandOptions extends WindowOptions {
  edges?: string;
  set?: string[];
  shift?: string[];
  removeActor?: string[];
  model?: string;
  runs?: string;
  seed?: string;
  inertia?: string;
  uncertainty?: string;
  p?: string;
  rule?: string;
  json?: boolean;
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A number flag, checked; undefined when not given. */
export function numberFlag(
  flag: string,
  value: string | undefined,
  check: (x: number) => boolean,
  what: string,
): number | undefined {
  if (value === undefined) return undefined;
  const x = Number(value);
  if (value.trim() === '' || !Number.isFinite(x) || !check(x))
    throw new UsageError(`${flag}: "${value}" is not ${what}`);
  return x;
}

/** The model options given by flags (they override a scenario file's). */
export function engineFlags(options: SimulateCommandOptions): EngineOptions {
  const model = options.model;
  if (model !== undefined && model !== 'marvel' && model !== 'triads')
    throw new UsageError(`--model: "${model}" is not one of marvel, triads`);
  const runs = numberFlag(
    '--runs',
    options.runs,
    (x) => Number.isInteger(x) && x >= 1 && x <= 100_000,
    'a whole number from 1 to 100000',
  );
  const seed = numberFlag('--seed', options.seed, Number.isInteger, 'a whole number');
  const inertia = numberFlag('--inertia', options.inertia, (x) => x >= 0, 'a number ≥ 0');
  const uncertainty = numberFlag(
    '--uncertainty',
    options.uncertainty,
    (x) => x >= 0,
    'a number ≥ 0',
  );
  const p = numberFlag('--p', options.p, (x) => x >= 0 && x <= 1, 'a number from 0 to 1');
  const rule = options.rule;
  if (rule !== undefined && rule !== 'constrained' && rule !== 'local')
    throw new UsageError(`--rule: "${rule}" is not one of constrained, local`);
  return {
    ...(model !== undefined && { model: model as ModelName }),
    ...(runs !== undefined && { runs }),
    ...(seed !== undefined && { seed }),
    ...(inertia !== undefined && { inertia }),
    ...(uncertainty !== undefined && { uncertainty }),
    ...(p !== undefined && { p }),
    ...(rule !== undefined && { rule }),
  };
}

/** `--set A,B,V` / `--shift A,B,D` / `--remove-actor X` as shocks, actors checked. */
export function shockFlags(
  options: SimulateCommandOptions,
  known: (id: string) => boolean,
): Shock[] {
  const pairShock = (flag: '--set' | '--shift', text: string): Shock => {
    const parts = text.split(',').map((p) => p.trim());
    if (parts.length !== 3)
      throw new UsageError(`${flag}: "${text}" is not ACTOR,ACTOR,NUMBER (such as USA,TAL,+0.8)`);
    const [a, b, v] = parts as [string, string, string];
    for (const id of [a, b])
      if (!known(id)) throw new UsageError(`${flag}: unknown actor "${id}" in "${text}"`);
    if (a === b) throw new UsageError(`${flag}: "${text}" names the same actor twice`);
    const limit = flag === '--set' ? 1 : 2;
    const value = numberFlag(
      flag,
      v,
      (x) => Math.abs(x) <= limit,
      `a number from −${limit} to ${limit} (in "${text}")`,
    )!;
    return flag === '--set'
      ? { type: 'set', pair: [a, b], value }
      : { type: 'shift', pair: [a, b], by: value };
  };
  return [
    ...(options.set ?? []).map((t) => pairShock('--set', t)),
    ...(options.shift ?? []).map((t) => pairShock('--shift', t)),
    ...(options.removeActor ?? []).map((id): Shock => {
      if (!known(id)) throw new UsageError(`--remove-actor: unknown actor "${id}"`);
      return { type: 'remove-actor', actor: id };
    }),
  ];
}

function readEdges(file: string, at: string | undefined) {
  return import('../../network/balance/edge-list.js').then(({ parseEdgeList }) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new InvalidDataError(`${file}: cannot read: ${(error as Error).message}`);
    }
    const year = numberFlag('--at', at, Number.isFinite, 'a year (with --edges)');
    return parseEdgeList(text, { at: year, file });
  });
}

export async function runSimulate(
  file: string | undefined,
  options: SimulateCommandOptions,
  io: Io,
): Promise<number> {
  const { loadKnowledgeBase } = await import('../../knowledge/actors.js');
  const { loadScenario } = await import('../../simulate/scenario.js');
  const { runScenario } = await import('../../simulate/run-scenario.js');
  const { fromSignedRows } = await import('../../simulate/sim-network.js');
  const { simulationText } = await import('../../simulate/format.js');

  // Everything the user gave is checked before the store is opened.
  const flags = engineFlags(options);
  let edgeRows: Awaited<ReturnType<typeof readEdges>> | undefined;
  if (options.edges) edgeRows = await readEdges(options.edges, options.at);
  const kb = loadKnowledgeBase();
  const edgeNodes = new Set(edgeRows?.flatMap((r) => [r.source, r.target]) ?? []);
  const known = (id: string) =>
    edgeRows ? edgeNodes.has(id) || kb.actors.has(id) : kb.actors.has(id);
  const scenario: Scenario | undefined = file
    ? loadScenario(file, new Set([...kb.actors.keys(), ...edgeNodes]))
    : undefined;
  const shocks = [...(scenario?.shocks ?? []), ...shockFlags(options, known)];
  const engine = { ...scenario?.options, ...flags };
  const flagWindow =
    options.at !== undefined || options.from !== undefined || options.to !== undefined;
  const windowOptions: WindowOptions = {
    ...options,
    ...(scenario && !flagWindow && !edgeRows
      ? {
          at: scenario.base.at,
          from: scenario.base.from,
          to: scenario.base.to,
          knownAt: options.knownAt ?? scenario.base.knownAt,
          layer: options.layer ?? scenario.base.layer,
        }
      : {}),
  };
  if (!edgeRows && !scenario && !flagWindow)
    throw new UsageError(
      'give a scenario FILE, --at DATE (or --from/--to) for the store, or --edges FILE.csv',
    );
  if (!edgeRows) networkOptions(windowOptions); // checks the window flags before any work

  const title = scenario ? `scenario: ${scenario.name}` : 'simulation';
  if (edgeRows) {
    const base = fromSignedRows(edgeRows);
    const result = await runScenario({
      base,
      shocks,
      options: engine,
      expect: scenario?.expect ?? [],
    });
    if (options.json)
      printJson(io, {
        scenario: scenario?.name ?? null,
        base: { edges: options.edges },
        ...result,
      });
    else
      io.out(
        simulationText(result, {
          title,
          base: `${options.edges}${options.at ? ` at ${options.at}` : ''}: ${base.nodes.length} actors, ${base.edges.length} edges`,
        }),
      );
    return EXIT.ok;
  }

  const run = await scenarioOnStore(
    storePath(options, io),
    windowOptions,
    {
      name: scenario?.name ?? 'simulation',
      ...(scenario?.file && { file: scenario.file }),
      ...(scenario?.arguedBy && { arguedBy: scenario.arguedBy }),
      shocks,
      options: engine,
      expect: scenario?.expect ?? [],
    },
    io,
  );
  if (options.json)
    printJson(io, { scenario: scenario?.name ?? null, ...run, ...run.result, result: undefined });
  else io.out(simulationText(run.result, { title, base: run.baseText }));
  return EXIT.ok;
}

/** Runs a scenario on the store's network at the window given (the report and API use it too). */
export async function scenarioOnStore(
  store: string,
  window: WindowOptions,
  input: Omit<ScenarioRunInput, 'network' | 'quotes' | 'capability'>,
  io: Io,
): Promise<ScenarioRun> {
  const { runScenarioOn } = await import('../../simulate/scenario-run.js');
  const { quotesFor } = await import('../../store/quotes.js');
  const { loadCapabilities } = await import('../../network/capabilities.js');
  const { storeNetwork } = await import('./network.js');
  const network = await storeNetwork({ ...window, store }, io);
  const date = network.window.to;
  const capability = date ? loadCapabilities().at(date) : undefined;
  return withStore(store, (_s, db) =>
    runScenarioOn({
      ...input,
      network,
      ...(capability && { capability }),
      quotes: (ids) => quotesFor(db, ids),
    }),
  );
}

export function registerSimulate(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command('simulate [scenario]')
    .description(
      'run a scenario (a YAML file, or --set/--shift flags) on the network: the predicted blocs, each edge that flips or moves with its probability and the triads that explain it, and how it differs from no shock',
    )
    .option('--at <date>', 'the network at this date (a year with --edges)')
    .option('--from <date>', 'the network over a window from this date')
    .option('--to <date>', 'the network over a window to this date')
    .option(
      '--edges <file.csv>',
      'a signed edge list (source,target,sign[,begin,end]) instead of the store',
    )
    .option('--set <A,B,V>', 'set the A–B relation to V in [−1, 1] (repeatable)', collect)
    .option('--shift <A,B,D>', 'move the A–B relation by D (repeatable)', collect)
    .option('--remove-actor <id>', 'take an actor out (repeatable)', collect)
    .option('--model <model>', 'marvel (default: Marvel et al. 2011) or triads (Antal et al. 2005)')
    .option('--runs <n>', 'Monte Carlo runs (default 100)')
    .option('--seed <n>', 'seed of the runs (default 1)')
    .option(
      '--inertia <k>',
      'how much firm evidence resists change (default 1; 0 = the published model)',
    )
    .option(
      '--uncertainty <u>',
      'noise on thin evidence (default 1; 0 = take the weights as given)',
    )
    .option(
      '--rule <rule>',
      'triads: constrained (default: a flip must not add imbalanced triads) or local (Antal et al. LTD)',
    )
    .option(
      '--p <p>',
      'triads, local rule: chance a +,+,− triangle resolves by turning its − link + (default 1/3)',
    );
  evidenceFlags(command)
    .option('--json', 'print {blocs, edges, changes, differences, expectations, …} as JSON')
    .action(async (file: string | undefined, options: SimulateCommandOptions, cmd: Command) => {
      setExit(await runSimulate(file, { ...cmd.optsWithGlobals(), ...options }, io));
    });
}
