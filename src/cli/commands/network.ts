import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InvalidDataError, UsageError } from '../../domain/errors.js';
import type { EvidenceRelation, Layer, Network, NetworkOptions } from '../../network/aggregate.js';
import type { Db } from '../../store/database.js';
import { edgesCsv } from '../../network/export/csv.js';
import { RelationStore } from '../../store/relations.js';
import { type Io, printJson, type StoreOption, storePath, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';

export interface WindowOptions extends StoreOption {
  at?: string;
  from?: string;
  to?: string;
  knownAt?: string;
  layer?: string;
  halfLife?: string;
  directed?: boolean;
  /** Layers of evidence: extracted, an imported dataset (icews…), a comma list, or all. */
  dataset?: string;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Checks the window flags and turns them into network options. */
export function networkOptions(options: WindowOptions): NetworkOptions {
  for (const [flag, value] of [
    ['--at', options.at],
    ['--from', options.from],
    ['--to', options.to],
    ['--known-at', options.knownAt],
  ] as const) {
    if (value !== undefined && !DATE.test(value)) {
      throw new UsageError(`${flag}: "${value}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    }
  }
  if (options.at && (options.from || options.to))
    throw new UsageError('--at cannot be combined with --from/--to');
  const layer = (options.layer ?? 'observed') as Layer;
  if (!['observed', 'expected', 'merged'].includes(layer)) {
    throw new UsageError(`--layer: "${options.layer}" is not one of observed, expected, merged`);
  }
  const halfLifeDays = options.halfLife === undefined ? undefined : Number(options.halfLife);
  if (halfLifeDays !== undefined && !(halfLifeDays > 0)) {
    throw new UsageError(`--half-life: "${options.halfLife}" is not a positive number of days`);
  }
  let datasets: string[] | undefined;
  if (options.dataset !== undefined) {
    datasets = options.dataset.split(',').map((d) => d.trim().toLowerCase());
    if (datasets.some((d) => !/^[a-z][a-z0-9_-]*$/.test(d)))
      throw new UsageError(
        `--dataset: "${options.dataset}" is not extracted, a dataset name (icews, gdelt, plover…), a comma list, or all`,
      );
  }
  return {
    at: options.at,
    from: options.from,
    to: options.to,
    knownAt: options.knownAt,
    layer,
    halfLifeDays,
    ...(datasets ? { datasets } : {}),
  };
}

/**
 * The evidence of the layers asked for (`--dataset`): 'all' is every layer
 * present; none given is the store's default (the extracted layer).
 */
export function storeEvidence(
  db: Db,
  settings: NetworkOptions,
): { evidence: EvidenceRelation[]; datasets: string[] } {
  const store = new RelationStore(db);
  const datasets = settings.datasets?.includes('all')
    ? store.datasets().map((d) => d.dataset)
    : (settings.datasets ?? store.defaultDatasets());
  return { evidence: store.evidence(datasets), datasets };
}

/** The store's network for a date or window. */
export async function storeNetwork(options: WindowOptions, io: Io): Promise<Network> {
  const { buildNetwork } = await import('../../network/aggregate.js');
  const settings = networkOptions(options);
  return withStore(storePath(options, io), (_s, db) => {
    const { evidence, datasets } = storeEvidence(db, settings);
    return buildNetwork(evidence, { ...settings, datasets });
  });
}

export interface NetworkCommandOptions extends WindowOptions {
  format?: string;
  out?: string;
}

export async function runNetwork(options: NetworkCommandOptions, io: Io): Promise<number> {
  const format = options.format ?? 'json';
  const formats = ['json', 'csv', 'gexf', 'graphml'];
  if (!formats.includes(format))
    throw new UsageError(`--format: "${format}" is not one of ${formats.join(', ')}`);
  const network = await storeNetwork(options, io);
  if (format === 'csv' && !options.out) {
    io.out(edgesCsv(network));
    return EXIT.ok;
  }
  if (format === 'csv' && options.out) {
    // nodes.csv, edges.csv and relations.csv (the evidence behind the edges) in one folder
    const { nodesCsv, relationsCsv } = await import('../../network/export/csv.js');
    const ids = new Set(network.edges.flatMap((e) => e.relations));
    const relations = await withStore(storePath(options, io), (_s, db) =>
      new RelationStore(db).list().filter((r) => ids.has(r.id)),
    );
    mkdirSync(options.out, { recursive: true });
    writeFileSync(
      path.join(options.out, 'nodes.csv'),
      `${nodesCsv(network, await describeNodes(network))}`,
    );
    writeFileSync(path.join(options.out, 'edges.csv'), `${edgesCsv(network)}`);
    writeFileSync(path.join(options.out, 'relations.csv'), `${relationsCsv(relations)}`);
    io.out(
      `wrote nodes.csv, edges.csv and relations.csv (${relations.length} relations) to ${options.out}`,
    );
    return EXIT.ok;
  }
  const nodes = await describeNodes(network);
  if (format === 'json') printJson(io, { ...network, nodes });
  else {
    const { staticGexf, graphml } = await import('../../network/export/index.js');
    io.out(format === 'gexf' ? staticGexf(network, { nodes }) : graphml(network, { nodes }));
  }
  return EXIT.ok;
}

/** The date a network stands for: its window's end, else today. */
function referenceDate(network: Network): string {
  return network.window.to ?? new Date().toISOString().slice(0, 10);
}

/** Nodes with the actor's name and type and, for states, a capability figure with its source. */
async function describeNodes(network: Network) {
  const { loadKnowledgeBase } = await import('../../knowledge/actors.js');
  const { statesOf } = await import('../../knowledge/states.js');
  const { capabilityOf } = await import('../../network/capabilities.js');
  const kb = loadKnowledgeBase();
  const date = referenceDate(network);
  return network.nodes.map((id) => {
    // States outside the knowledge base come from imported event data.
    const actor = kb.actors.get(id) ?? statesOf(kb).states.get(id);
    return {
      id,
      name: actor?.name ?? id,
      type: actor?.type ?? null,
      capability: capabilityOf(id, date),
    };
  });
}

export interface BalanceCommandOptions extends WindowOptions {
  edges?: string;
  blocs?: string;
  json?: boolean;
  timeLimit?: string;
}

export async function runBalance(options: BalanceCommandOptions, io: Io): Promise<number> {
  const balance = await import('../../network/balance/index.js');
  const timeLimitSeconds = options.timeLimit === undefined ? undefined : Number(options.timeLimit);
  if (timeLimitSeconds !== undefined && !(timeLimitSeconds > 0)) {
    throw new UsageError(
      `--time-limit: "${options.timeLimit}" is not a positive number of seconds`,
    );
  }
  let graph: import('../../network/balance/signed-graph.js').SignedGraph;
  let date: string | null = null;
  if (options.edges) {
    let text: string;
    try {
      text = readFileSync(options.edges, 'utf8');
    } catch (error) {
      throw new InvalidDataError(`${options.edges}: cannot read: ${(error as Error).message}`);
    }
    const at = options.at === undefined ? undefined : Number(options.at);
    if (at !== undefined && !Number.isFinite(at))
      throw new UsageError(`--at: "${options.at}" is not a year`);
    const rows = balance.parseEdgeList(text, { at, file: options.edges });
    graph = balance.signedGraphFromRows(rows, { file: options.edges });
  } else {
    const network = await storeNetwork(options, io);
    date = referenceDate(network);
    // The frustration index counts edges (the fewest sign flips), so each
    // edge weighs 1 here; the evidence weights stay on the network itself.
    graph = balance.signedGraph({
      edges: network.edges.map((e) => ({ a: e.source, b: e.target, sign: e.sign })),
    });
  }
  const result = await balance.analyseBalance(graph, { timeLimitSeconds });
  const k = options.blocs === undefined ? undefined : Number(options.blocs);
  if (k !== undefined && !(Number.isInteger(k) && k >= 2)) {
    throw new UsageError(`--blocs: "${options.blocs}" is not a whole number of blocs ≥ 2`);
  }
  // More than two blocs: relocation from the best two-bloc split (a local optimum).
  const kResult = k === undefined ? null : await balance.kBlocs(graph, k, result.partition);
  let power: import('../../network/power.js').PowerShares | null = null;
  if (date) {
    const { loadCapabilities } = await import('../../network/capabilities.js');
    const { powerShares } = await import('../../network/power.js');
    power = powerShares(result.partition, loadCapabilities().at(date));
  }
  if (options.json) {
    printJson(io, {
      nodes: graph.nodes.length,
      edges: graph.edges.length,
      ...result,
      ...(kResult ? { kBlocs: kResult } : {}),
      ...(power ? { date, power } : {}),
    });
    return EXIT.ok;
  }
  const t = result.triads as unknown as Record<string, number>;
  io.out(
    [
      `${graph.nodes.length} actors, ${graph.edges.length} signed edges`,
      `frustration index: ${result.frustrationIndex}${result.exact ? ' (proven optimal)' : ` (best found; lower bound ${result.lowerBound})`}`,
      `blocs: {${result.partition[0].join(', ')}} vs {${result.partition[1].join(', ')}}`,
      ...(kResult
        ? [
            `${kResult.blocs.length} blocs (up to ${k}, frustration ${kResult.frustration}): ${kResult.blocs.map((b) => `{${b.join(', ')}}`).join(' ')}`,
          ]
        : []),
      `triads: ${Object.entries(t)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
      ...result.unbalancedTriads.slice(0, 10).map((u) => `  unbalanced: ${JSON.stringify(u)}`),
      ...(power
        ? [
            `power (COW CINC at ${date}): ${power.blocs.map((b) => `${(b.share * 100).toFixed(1)}%`).join(' vs ')}` +
              `${power.herfindahl === null ? '' : `, Herfindahl ${power.herfindahl.toFixed(3)}`}`,
          ]
        : []),
    ].join('\n'),
  );
  return EXIT.ok;
}

/** Flags shared by every command that builds a network from the evidence. */
export function evidenceFlags(command: Command): Command {
  return command
    .option('--known-at <date>', 'only what had been published by this date')
    .option(
      '--dataset <names>',
      'layers of evidence: extracted (default), an imported dataset (icews, gdelt, plover…), a comma list, or all',
    )
    .option(
      '--layer <layer>',
      'observed (default), expected (the hypothetical relations), or merged',
    )
    .option(
      '--half-life <days>',
      'recency decay: a relation counts half after this many days (default 365)',
    );
}

function windowFlags(command: Command): Command {
  return evidenceFlags(
    command
      .option(
        '--at <date>',
        'the network as it stood at this date (relations up to it, older ones fading)',
      )
      .option('--from <date>', 'start of a window (relations whose date overlaps it)')
      .option('--to <date>', 'end of a window'),
  );
}

export function registerNetwork(program: Command, io: Io, setExit: (code: number) => void): void {
  windowFlags(
    program
      .command('network')
      .description('the signed, weighted network of actors at a date or over a window')
      .option(
        '--format <format>',
        'json (default), csv (edges; `greatgame balance --edges` reads it back), gexf (Gephi) or graphml',
      )
      .option('--directed', 'one edge per ordered pair: who acts on whom')
      .option(
        '--out <dir>',
        'with --format csv: write nodes.csv, edges.csv and relations.csv to this folder',
      ),
  ).action(async (options: NetworkCommandOptions, command: Command) => {
    setExit(await runNetwork({ ...command.optsWithGlobals(), ...options }, io));
  });
  windowFlags(
    program
      .command('balance')
      .description(
        'structural balance: frustration index, the two blocs, triads (of the store or of --edges FILE)',
      )
      .option(
        '--blocs <k>',
        'also look for up to k blocs (signed clustering by relocation; a heuristic)',
      )
      .option(
        '--edges <file>',
        'analyse a CSV edge list (source,target,sign[,weight,begin,end]; --at YEAR selects rows)',
      )
      .option(
        '--time-limit <seconds>',
        'stop the exact solver after this long and report the bound (default 10)',
      )
      .option(
        '--json',
        'print {frustrationIndex, exact, lowerBound, partition, triads, unbalancedTriads, …}',
      ),
  ).action(async (options: BalanceCommandOptions, command: Command) => {
    setExit(await runBalance({ ...command.optsWithGlobals(), ...options }, io));
  });
}
