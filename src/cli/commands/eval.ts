import type { Command } from 'commander';
import type { Evaluation, Score } from '../../extract/evaluate.js';
import { RelationStore } from '../../store/relations.js';
import { type Io, printJson, type StoreOption, storePath, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { addKnowledgeOptions, type KnowledgeOptions, loadKnowledge } from './extract.js';

export interface EvalOptions extends StoreOption, KnowledgeOptions {
  gold: string;
  docs: string;
  manifest?: string;
  json?: boolean;
  list?: string;
}

/** Ingests the documents (idempotent), extracts, and scores against the gold file. */
export async function runEval(options: EvalOptions, io: Io): Promise<number> {
  const { loadGold, evaluate } = await import('../../extract/evaluate.js');
  const { ingestPaths } = await import('../../ingest/run.js');
  const { loadManifest } = await import('../../ingest/manifest.js');
  const { extractStore } = await import('../../extract/run.js');
  const gold = loadGold(options.gold);
  const manifest = options.manifest ? loadManifest(options.manifest) : undefined;
  const { kb, lexicon } = await loadKnowledge(options);
  const result = await withStore(storePath(options, io), async (store, db) => {
    const ingest = await ingestPaths(store, [options.docs], { manifest });
    for (const failure of ingest.failures) io.err(`error: ${failure.location}: ${failure.reason}`);
    extractStore(db, kb, lexicon);
    const predicted = new RelationStore(db).list({ skipDuplicates: true });
    return evaluate(gold, predicted);
  });
  if (options.json) printJson(io, result);
  else io.out(formatEvaluation(result, Number(options.list ?? 15)));
  return EXIT.ok;
}

function line(name: string, s: Score): string {
  return `${name.padEnd(16)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (tp ${s.tp}, gold ${s.gold}, predicted ${s.predicted})`;
}

export function formatEvaluation(e: Evaluation, list: number): string {
  const out: string[] = [];
  const examples = (title: string, items: Evaluation['misses']) => {
    if (list <= 0 || items.length === 0) return;
    out.push('', `${title} (${items.length}, first ${Math.min(list, items.length)}):`);
    for (const x of items.slice(0, list)) {
      out.push(
        `  ${x.file} ${x.pair} ${x.polarity > 0 ? '+' : '-'}${x.modality ? ` ${x.modality}` : ''}: “${x.quote.replace(/\s+/g, ' ').slice(0, 140)}”`,
      );
    }
  };
  examples('false positives', e.falsePositives);
  examples('misses', e.misses);
  out.push('', 'per document:');
  for (const [file, s] of Object.entries(e.perDoc)) out.push(`  ${line(file, s)}`);
  out.push(
    '',
    `on ${e.agreement.matched} matched units: kind agrees ${e.agreement.kind.toFixed(2)}, modality ${e.agreement.modality.toFixed(2)}, date ${e.agreement.date.toFixed(2)}`,
    line('pair+polarity', e.pairPolarity),
    line('with modality', e.withModality),
  );
  return out.join('\n');
}

export function registerEval(program: Command, io: Io, setExit: (code: number) => void): void {
  addKnowledgeOptions(
    program
      .command('eval')
      .description('score the extractor against a gold file (ANNOTATION.md format)')
      .requiredOption('--gold <file>', 'gold relations, JSON lines')
      .requiredOption(
        '--docs <dir>',
        'the documents the gold file annotates (ingested first; re-running is safe)',
      )
      .option('--manifest <file>', 'manifest for those documents')
      .option('--list <n>', 'how many false positives and misses to print (default 15)')
      .option(
        '--json',
        'print {pairPolarity, withModality, perDoc, agreement, falsePositives, misses} as JSON',
      ),
  ).action(async (options: EvalOptions, command: Command) => {
    setExit(await runEval({ ...command.optsWithGlobals(), ...options }, io));
  });
}
