import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.js';
import { type Io, printJson, type StoreOption, storePath, withStore } from '../context.js';
import { EXIT } from '../exit-codes.js';

interface FollowOptions extends StoreOption {
  tag?: string;
  token?: string;
  backfill?: string;
  json?: boolean;
}

/** Registers a feed or a Mastodon hashtag; `greatgame update` reads it. */
export async function runFollow(
  kind: string,
  url: string,
  options: FollowOptions,
  io: Io,
): Promise<number> {
  const { followFeed, followMastodon } = await import('../../sources/registry.js');
  const { SourceStore } = await import('../../store/sources.js');
  if (kind !== 'feed' && kind !== 'mastodon') {
    throw new UsageError(`follow: "${kind}" is not a kind of source (feed or mastodon)`);
  }
  if (kind === 'feed' && (options.tag || options.token)) {
    throw new UsageError('follow feed takes no --tag or --token (those are for mastodon)');
  }
  let backfillPages: number | undefined;
  if (options.backfill !== undefined) {
    backfillPages = Number(options.backfill);
    if (!Number.isInteger(backfillPages) || backfillPages < 1 || backfillPages > 1000) {
      throw new UsageError(`--backfill: "${options.backfill}" is not a number of pages (1–1000)`);
    }
  }
  const { source, created } = await withStore(storePath(options, io), (_store, db) => {
    const sources = new SourceStore(db);
    return kind === 'feed'
      ? followFeed(sources, url)
      : followMastodon(sources, url, options.tag, { token: options.token, backfillPages });
  });
  const name = source.kind === 'mastodon' ? `${source.url} #${source.tag}` : source.url;
  if (options.json) {
    printJson(io, {
      id: source.id,
      kind: source.kind,
      url: source.url,
      tag: source.tag || null,
      created,
    });
  } else {
    io.out(
      `${created ? 'following' : 'already following'} ${source.kind} ${name} (source ${source.id}); ` +
        '`greatgame update` reads it',
    );
  }
  return EXIT.ok;
}

export function registerFollow(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command('follow')
    .description('follow an RSS/Atom feed or a Mastodon hashtag (read by `greatgame update`)')
    .argument('<kind>', '"feed" or "mastodon"')
    .argument('<url>', 'the feed URL, or the Mastodon server (https://SERVER)')
    .option('--tag <name>', 'mastodon: the hashtag to read (without #)')
    .option(
      '--token <token>',
      'mastodon: an access token, for servers that require one (kept in the store)',
    )
    .option(
      '--backfill <pages>',
      'mastodon: pages of 40 posts the first read goes back (default 5)',
    )
    .option('--json', 'print the source as JSON')
    .addHelpText(
      'after',
      '\nExamples:\n  greatgame follow feed https://example.org/feed.xml\n  greatgame follow mastodon https://mastodon.social --tag Afghanistan',
    )
    .action(async (kind: string, url: string, options: FollowOptions, command: Command) => {
      setExit(await runFollow(kind, url, { ...command.optsWithGlobals(), ...options }, io));
    });
}
