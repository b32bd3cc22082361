/**
 * The `greatgame` command. Only this file exits the process: commands
 * return an exit code or throw, and errors map to codes in one place.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { PACKAGE_ROOT } from '../config/paths.js';
import { GreatgameError } from '../domain/errors.js';
import { registerActors } from './commands/actors.js';
import { registerBacktest } from './commands/backtest.js';
import { registerDemo } from './commands/demo.js';
import { registerDocs } from './commands/docs.js';
import { registerEval } from './commands/eval.js';
import { registerExtract } from './commands/extract.js';
import { registerFollow } from './commands/follow.js';
import { registerForecasts } from './commands/forecasts.js';
import { registerImport } from './commands/import.js';
import { registerIngest } from './commands/ingest.js';
import { registerNetwork } from './commands/network.js';
import { registerRelations } from './commands/relations.js';
import { registerReport } from './commands/report.js';
import { registerServe } from './commands/serve.js';
import { registerShow } from './commands/show.js';
import { registerSimulate } from './commands/simulate.js';
import { registerSources } from './commands/sources.js';
import { registerTimeline } from './commands/timeline.js';
import { registerUpdate } from './commands/update.js';
import { type Io, processIo } from './context.js';
import { EXIT, exitCodeFor } from './exit-codes.js';

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const { version } = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };
  const program = new Command('greatgame')
    .description(
      'Who aligns with whom around Afghanistan: from articles to a checkable, dated network.',
    )
    .version(version)
    .option(
      '--store <file>',
      'the SQLite store (default: $GREATGAME_STORE, else ~/.local/share/greatgame/greatgame.db)',
    )
    .showHelpAfterError()
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.out(s.replace(/\n$/, '')),
      writeErr: (s) => io.err(s.replace(/\n$/, '')),
    })
    .addHelpText(
      'after',
      `\nExit codes: ${EXIT.ok} ok, ${EXIT.partial} some inputs failed, ${EXIT.usage} usage error, ${EXIT.notFound} not found, ${EXIT.invalidData} invalid data file, ${EXIT.store} store error.`,
    );
  registerDemo(program, io, setExit);
  registerIngest(program, io, setExit);
  registerImport(program, io, setExit);
  registerFollow(program, io, setExit);
  registerUpdate(program, io, setExit);
  registerSources(program, io, setExit);
  registerDocs(program, io, setExit);
  registerShow(program, io, setExit);
  registerExtract(program, io, setExit);
  registerRelations(program, io, setExit);
  registerActors(program, io, setExit);
  registerEval(program, io, setExit);
  registerNetwork(program, io, setExit);
  registerTimeline(program, io, setExit);
  registerReport(program, io, setExit);
  registerSimulate(program, io, setExit);
  registerBacktest(program, io, setExit);
  registerServe(program, io, setExit);
  registerForecasts(program, io, setExit);
  for (const command of program.commands) {
    command
      .exitOverride()
      .configureOutput(program.configureOutput())
      .configureHelp({ showGlobalOptions: true });
  }
  return program;
}

/** Runs the CLI on argv and resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof GreatgameError) {
      io.err(`greatgame: ${error.message}`);
      return exitCodeFor(error);
    }
    io.err(`greatgame: internal error: ${(error as Error).stack ?? String(error)}`);
    return EXIT.internal;
  }
}
