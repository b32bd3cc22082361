/**
 * Everything the report shows, gathered from the store in one pass: the
 * network at a date or over a window, its balance and blocs with their
 * capability shares, the quotes behind each edge, how the main pairs moved
 * through time, the documents behind it all, and what produced it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../config/paths.js';
import type { StoredDocument } from '../domain/document.js';
import { EXTRACTOR_VERSION } from '../domain/relation.js';
import { loadKnowledgeBase } from '../knowledge/actors.js';
import { loadLexicon } from '../knowledge/lexicon.js';
import { statesOf } from '../knowledge/states.js';
import {
  buildNetwork,
  dateBounds,
  evidenceSpan,
  type Network,
  type NetworkEdge,
  type NetworkOptions,
} from '../network/aggregate.js';
import { analyseBalance, signedGraph, type BalanceAnalysis } from '../network/balance/index.js';
import { loadCapabilities, type CapabilityFigure } from '../network/capabilities.js';
import { powerShares, type PowerShares } from '../network/power.js';
import { timeline } from '../network/timeline.js';
import type { Db } from '../store/database.js';
import { DocumentStore } from '../store/documents.js';
import { RelationStore, type StoredRelation } from '../store/relations.js';
import { compareLayers, type LayerComparison } from './layers.js';

export const REPORT_DEFAULTS = {
  /** Pairs drawn on the timeline: those with the most evidence. */
  timelinePairs: 6,
  /** Quotes shown per edge of an unbalanced triad. */
  quotesPerEdge: 3,
  /** Unbalanced triads shown (the heaviest). */
  triads: 25,
  /** Time limit of the exact balance solver, seconds. */
  timeLimitSeconds: 10,
} as const;

export interface ReportNode {
  id: string;
  name: string;
  type: string | null;
  /** 0 or 1: the side of the balance partition. */
  bloc: 0 | 1;
  capability: CapabilityFigure | null;
}

export interface PairSeries {
  source: string;
  target: string;
  relations: number;
  /** Weight at the end of each window; null where the pair had no edge. */
  points: { from: string; to: string; weight: number | null }[];
}

export interface ReportData {
  date: string;
  network: Network;
  nodes: ReportNode[];
  balance: BalanceAnalysis;
  power: PowerShares;
  /** Relations behind the network's edges, by id. */
  relations: Map<number, StoredRelation>;
  /** Documents behind those relations, by id. */
  documents: Map<number, StoredDocument>;
  timeline: { step: string; from: string; to: string; pairs: PairSeries[] } | null;
  /** The layers of evidence compared (extracted and imported datasets), when more than one is present. */
  layers: LayerComparison | null;
  provenance: {
    greatgameVersion: string;
    extractorVersion: string;
    files: { name: string; sha256: string }[];
    capabilitySource: string;
  };
  /** Scenario runs to show (set by the report command when asked). */
  scenarios?: import('../simulate/scenario-run.js').ScenarioRun[];
}

const EMPTY_BALANCE: BalanceAnalysis = {
  frustrationIndex: 0,
  exact: true,
  lowerBound: 0,
  partition: [[], []],
  triads: { '+++': 0, '++-': 0, '+--': 0, '---': 0, balanced: 0, unbalanced: 0 },
  unbalancedTriads: [],
  components: [],
};

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The months between two ISO days, roughly. */
function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

export async function collectReport(
  db: Db,
  settings: NetworkOptions,
  options: { timeLimitSeconds?: number; step?: string } = {},
): Promise<ReportData> {
  const relationStore = new RelationStore(db);
  const present = relationStore.datasets().map((d) => d.dataset);
  const chosen = settings.datasets?.includes('all')
    ? present
    : (settings.datasets ?? relationStore.defaultDatasets());
  const everything = relationStore.evidence(present);
  const evidence = everything.filter((r) => chosen.includes(r.dataset ?? 'extracted'));
  const network = buildNetwork(evidence, { ...settings, datasets: chosen });
  const layers = compareLayers(everything, settings);
  const date = network.window.to ?? new Date().toISOString().slice(0, 10);
  const timeLimitSeconds = options.timeLimitSeconds ?? REPORT_DEFAULTS.timeLimitSeconds;
  const balance =
    network.edges.length === 0
      ? EMPTY_BALANCE
      : await analyseBalance(
          signedGraph({
            edges: network.edges.map((e) => ({ a: e.source, b: e.target, sign: e.sign })),
          }),
          { timeLimitSeconds },
        );
  const capabilities = loadCapabilities();
  const power = powerShares(balance.partition, capabilities.at(date));
  const kb = loadKnowledgeBase();
  const inFirst = new Set(balance.partition[0]);
  const nodes: ReportNode[] = network.nodes.map((id) => {
    // States outside the knowledge base come from imported event data.
    const actor = kb.actors.get(id) ?? statesOf(kb).states.get(id);
    return {
      id,
      name: actor?.name ?? id,
      type: actor?.type ?? null,
      bloc: inFirst.has(id) ? 0 : 1,
      capability: capabilities.capabilityOf(id, date),
    };
  });

  // The quotes behind both sides of each disagreement are shown too (the first few).
  const wanted = new Set([
    ...network.edges.flatMap((e) => e.relations),
    ...(layers?.disagreements ?? []).flatMap((d) =>
      d.sides.flatMap((s) => s.relations.slice(0, REPORT_DEFAULTS.quotesPerEdge)),
    ),
  ]);
  const relations = new Map<number, StoredRelation>();
  for (const r of relationStore.list()) if (wanted.has(r.id)) relations.set(r.id, r);
  const documentIds = new Set([...relations.values()].map((r) => r.documentId));
  const documents = new Map<number, StoredDocument>();
  for (const d of new DocumentStore(db).list()) if (documentIds.has(d.id)) documents.set(d.id, d);

  // Timeline: from the first dated evidence to the network's date.
  const { first, last } = evidenceSpan(evidence);
  const from = settings.from ? dateBounds(settings.from)[0] : first;
  const to = network.window.to ?? last;
  let series: ReportData['timeline'] = null;
  const main = [...network.edges]
    .sort(
      (x, y) =>
        y.relations.length - x.relations.length ||
        x.source.localeCompare(y.source) ||
        x.target.localeCompare(y.target),
    )
    .slice(0, REPORT_DEFAULTS.timelinePairs);
  if (from && to && from <= to && main.length > 0) {
    const step = options.step ?? (monthsBetween(from, to) > 96 ? '1y' : '6mo');
    const t = await timeline(evidence, {
      from,
      to,
      step,
      layer: network.layer,
      halfLifeDays: network.params.halfLifeDays,
      knownAt: settings.knownAt,
      partialLast: true,
      timeLimitSeconds: 1,
    });
    series = {
      step,
      from,
      to,
      pairs: main.map((e: NetworkEdge) => ({
        source: e.source,
        target: e.target,
        relations: e.relations.length,
        points: t.windows.map((w) => ({
          from: w.from,
          to: w.to,
          weight:
            w.network.edges.find((x) => x.source === e.source && x.target === e.target)?.weight ??
            null,
        })),
      })),
    };
  }

  const { version } = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const lexicon = loadLexicon();
  return {
    date,
    network,
    nodes,
    balance,
    power,
    relations,
    documents,
    timeline: series,
    layers,
    provenance: {
      greatgameVersion: version,
      extractorVersion: EXTRACTOR_VERSION,
      files: [...kb.sources, lexicon.file].map((f) => ({
        name: path.relative(PACKAGE_ROOT, f).startsWith('..')
          ? path.basename(f)
          : path.relative(PACKAGE_ROOT, f),
        sha256: sha256(f),
      })),
      capabilitySource: capabilities.source,
    },
  };
}
