import type { Command } from 'commander';
import { type Io, printJson, type StoreOption, storePath, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { addKnowledgeOptions, type KnowledgeOptions, loadKnowledge } from './extract.js';

export interface ActorsOptions extends StoreOption, KnowledgeOptions {
  json?: boolean;
  at?: string;
}

export async function runActors(options: ActorsOptions, io: Io): Promise<number> {
  const { kb } = await loadKnowledge(options);
  const { pointInTime, withinWindow } = await import('../../knowledge/actors.js');
  const day = options.at ? pointInTime(options.at) : null;
  const actors = [...kb.actors.values()].map((a) => {
    const forms = kb.forms.filter(
      (f) => f.actor === a.id && (!day || withinWindow(day, f.from, f.to)),
    );
    const people = [
      ...new Set(forms.filter((f) => f.kind === 'person').map((f) => f.person as string)),
    ];
    return {
      id: a.id,
      name: a.name,
      type: a.type,
      cow: a.cow ?? null,
      aliases: forms.filter((f) => f.kind === 'alias').map((f) => f.text),
      metonyms: forms
        .filter((f) => f.kind === 'metonym')
        .map(({ text, sector, from, to }) => ({ text, sector, from, to })),
      demonyms: forms.filter((f) => f.kind === 'demonym').map((f) => f.text),
      prefixes: forms.filter((f) => f.kind === 'prefix').map((f) => f.text),
      institutions: forms
        .filter((f) => f.kind === 'institution')
        .map(({ text, sector }) => ({ text, sector })),
      people: kb.people
        .filter((p) => people.includes(p.name))
        .map((p) => ({ name: p.name, roles: p.roles.filter((r) => r.actor === a.id) })),
    };
  });
  if (options.json) {
    printJson(io, actors);
    return EXIT.ok;
  }
  const rows = actors.map(
    (a) =>
      `${a.id.padEnd(6)} ${a.type.padEnd(12)} ${a.name}${a.people.length ? `  (people: ${a.people.map((p) => p.name).join(', ')})` : ''}`,
  );
  io.out(
    `${rows.join('\n')}\n${actors.length} actors, ${kb.people.length} people (from ${kb.sources.join(', ')})`,
  );
  return EXIT.ok;
}

export interface UnresolvedOptions extends StoreOption, KnowledgeOptions {
  json?: boolean;
  min?: string;
  limit?: string;
}

/** Capitalised names in the documents that the knowledge base does not know. */
export async function runUnresolved(options: UnresolvedOptions, io: Io): Promise<number> {
  const { kb } = await loadKnowledge(options);
  const { findUnresolvedNames } = await import('../../extract/unresolved.js');
  const names = await withStore(storePath(options, io), (_s, db) => {
    const docs = db
      .prepare(
        'SELECT id, path, text, date FROM documents WHERE language_supported = 1 AND duplicate_of IS NULL ORDER BY id',
      )
      .all() as { id: number; path: string; text: string; date: string | null }[];
    return findUnresolvedNames(kb, docs);
  });
  const min = Number(options.min ?? 2);
  const limit = Number(options.limit ?? 100);
  const shown = names.filter((n) => n.count >= min).slice(0, limit);
  if (options.json) printJson(io, shown);
  else {
    io.out(
      shown.length === 0
        ? 'no unknown names (or none seen at least --min times)'
        : shown
            .map(
              (n) =>
                `${String(n.count).padStart(4)}  ${n.name}${n.idle ? ' (known person, no role at that date)' : ''}\n      “${n.sample}”`,
            )
            .join('\n'),
    );
  }
  return EXIT.ok;
}

export function registerActors(program: Command, io: Io, setExit: (code: number) => void): void {
  addKnowledgeOptions(
    program
      .command('actors')
      .description('list the actors of the knowledge base with their names, metonyms and people')
      .option('--at <date>', 'only the names valid at this date')
      .option('--json', 'print a JSON array'),
  ).action(async (options: ActorsOptions, command: Command) => {
    setExit(await runActors({ ...command.optsWithGlobals(), ...options }, io));
  });
  addKnowledgeOptions(
    program
      .command('unresolved')
      .description(
        'names the documents mention that the knowledge base does not know, with counts and a sample quote',
      )
      .option('--min <n>', 'only names seen at least n times (default 2)')
      .option('--limit <n>', 'at most n names (default 100)')
      .option('--json', 'print a JSON array'),
  ).action(async (options: UnresolvedOptions, command: Command) => {
    setExit(await runUnresolved({ ...command.optsWithGlobals(), ...options }, io));
  });
}
