import path from 'node:path';
import type { Command } from 'commander';
import { DATA_DIR, demoStorePath, PACKAGE_ROOT } from '../../config/paths.js';
import { RelationStore } from '../../store/relations.js';
import { type Io, printJson, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { loadKnowledge } from './extract.js';
import { reportIngest } from './ingest.js';
import { type ServeOptions, serveFlags } from './serve.js';

export const DEMO_DIR = path.join(DATA_DIR, 'demo');

export interface DemoOptions extends ServeOptions {
  store?: string;
  json?: boolean;
  /** After building the demo store, serve the web app on it. */
  serve?: boolean;
}

/** The main job on the built-in corpus, in a store of its own. */
export async function runDemo(options: DemoOptions, io: Io): Promise<number> {
  // The demo never writes to the user's default store: only an explicit
  // --store on the demo command itself moves it.
  const file = options.store ?? demoStorePath(io.env);
  const { loadManifest } = await import('../../ingest/manifest.js');
  const { ingestPaths } = await import('../../ingest/run.js');
  const manifest = loadManifest(path.join(DEMO_DIR, 'manifest.jsonl'));
  const { kb, lexicon } = await loadKnowledge({});
  const { extractStore } = await import('../../extract/run.js');
  const { strongestRelations } = await import('../../extract/strongest.js');
  const { summary, extraction, strongest } = await withStore(file, async (store, db) => {
    const summary = await ingestPaths(store, [path.join(DEMO_DIR, 'corpus')], { manifest });
    const extraction = extractStore(db, kb, lexicon);
    return { summary, extraction, strongest: strongestRelations(new RelationStore(db).list(), 10) };
  });
  // The shareable report of the demo network, beside its store.
  const { writeReport } = await import('./report.js');
  // The demo report shows one of the shipped scenarios too.
  const report = await writeReport(file, path.join(path.dirname(file), 'demo-report.html'), {
    scenario: [path.join(PACKAGE_ROOT, 'scenarios', '2021-us-taliban-rapprochement.yaml')],
  });
  if (options.json) {
    printJson(io, { ...summary, extraction, strongest, report: report.file });
    return summary.failed > 0 ? EXIT.partial : EXIT.ok;
  }
  io.out(`greatgame demo: the built-in corpus (${path.join(DEMO_DIR, 'corpus')})`);
  reportIngest(summary, options, io, extraction);
  io.out('\nstrongest relations (by independent documents, asserted counting most):');
  for (const s of strongest) {
    io.out(
      `  ${s.pair.padEnd(9)} ${s.polarity > 0 ? '+' : '−'} ${String(s.documents).padStart(2)} doc(s), ${s.relations} relation(s)  e.g. “${s.example.slice(0, 110)}”`,
    );
  }
  io.out(`\nreport: ${report.file}`);
  io.out(`\nstore: ${file}\nnext:  greatgame relations --store ${quote(file)} --pair PAK,TAL`);
  return summary.failed > 0 ? EXIT.partial : EXIT.ok;
}

/** `greatgame demo --serve`: the demo store, then the web app on it. */
async function runDemoAndServe(options: DemoOptions, io: Io): Promise<number> {
  const code = await runDemo(options, io);
  if (code !== EXIT.ok && code !== EXIT.partial) return code;
  const { serveStore } = await import('./serve.js');
  io.out('');
  await serveStore(options.store ?? demoStorePath(io.env), options, io);
  return code;
}

function quote(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

export function registerDemo(program: Command, io: Io, setExit: (code: number) => void): void {
  const command = program
    .command('demo')
    .description('run the main job on the built-in demo corpus, in a store of its own')
    .option('--store <file>', 'where to keep the demo store (default: demo.db in the data folder)')
    .option('--json', 'print the summary as JSON')
    .option('--serve', 'then serve the web app on the demo store (see --port, --host)');
  serveFlags(command).action(async (options: DemoOptions, command: Command) => {
    // `--store` is also a program-wide flag, which commander may claim;
    // an explicit one counts wherever it stands. GREATGAME_STORE does not.
    const store = options.store ?? (command.optsWithGlobals() as DemoOptions).store;
    const run = options.serve ? runDemoAndServe : runDemo;
    setExit(await run({ ...options, store }, io));
  });
}
