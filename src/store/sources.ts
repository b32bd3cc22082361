/**
 * Followed sources (feeds, Mastodon tags), the items already seen from
 * each, and HTTP validators for conditional requests. Documents themselves
 * go through DocumentStore; an item is marked seen only after its
 * documents are committed, so a poll cut short redoes it, never skips it.
 */
import type { Db } from './database.js';
import { StatementCache } from './statements.js';

export type SourceKind = 'feed' | 'mastodon';

export interface SourceRecord {
  id: number;
  kind: SourceKind;
  url: string;
  /** Mastodon hashtag (without #), '' for feeds. */
  tag: string;
  token: string | null;
  config: Record<string, unknown>;
  /** Mastodon: the newest status id read so far. */
  cursor: string | null;
  etag: string | null;
  lastModified: string | null;
  addedAt: string;
  lastPollAt: string | null;
  lastOkAt: string | null;
  lastError: string | null;
  lastNew: number;
  lastUnchanged: number;
  lastFailed: number;
  /** Items seen from this source, ever. */
  items: number;
}

interface SourceRow {
  id: number;
  kind: SourceKind;
  url: string;
  tag: string;
  token: string | null;
  config: string;
  cursor: string | null;
  etag: string | null;
  last_modified: string | null;
  added_at: string;
  last_poll_at: string | null;
  last_ok_at: string | null;
  last_error: string | null;
  last_new: number;
  last_unchanged: number;
  last_failed: number;
  items: number;
}

export interface PollOutcome {
  new: number;
  unchanged: number;
  failed: number;
  /** The error that stopped the poll or failed an item, else null. */
  error: string | null;
}

const SELECT_SOURCES = `SELECT s.*, (SELECT COUNT(*) FROM source_items i WHERE i.source_id = s.id) AS items
  FROM sources s`;

export class SourceStore {
  private readonly statements: StatementCache;

  constructor(private readonly db: Db) {
    this.statements = new StatementCache(db);
  }

  private sql(text: string) {
    return this.statements.get(text);
  }

  /** Adds a source; following it again updates its token and settings. */
  follow(source: {
    kind: SourceKind;
    url: string;
    tag?: string;
    token?: string | null;
    config?: Record<string, unknown>;
  }): { source: SourceRecord; created: boolean } {
    return this.db.transaction(() => {
      const existing = this.sql(
        'SELECT id FROM sources WHERE kind = ? AND url = ? AND tag = ?',
      ).get(source.kind, source.url, source.tag ?? '') as { id: number } | undefined;
      if (existing) {
        this.sql('UPDATE sources SET token = COALESCE(?, token), config = ? WHERE id = ?').run(
          source.token ?? null,
          JSON.stringify(source.config ?? {}),
          existing.id,
        );
        return { source: this.get(existing.id) as SourceRecord, created: false };
      }
      const result = this.sql(
        `INSERT INTO sources (kind, url, tag, token, config, added_at) VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(
        source.kind,
        source.url,
        source.tag ?? '',
        source.token ?? null,
        JSON.stringify(source.config ?? {}),
        new Date().toISOString(),
      );
      return { source: this.get(Number(result.lastInsertRowid)) as SourceRecord, created: true };
    })();
  }

  list(): SourceRecord[] {
    return (this.sql(`${SELECT_SOURCES} ORDER BY s.id`).all() as SourceRow[]).map(toRecord);
  }

  get(id: number): SourceRecord | undefined {
    const row = this.sql(`${SELECT_SOURCES} WHERE s.id = ?`).get(id) as SourceRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** The content hash an item had when last stored, if it was. */
  itemHash(sourceId: number, key: string): string | undefined {
    const row = this.sql(
      'SELECT content_hash FROM source_items WHERE source_id = ? AND key = ?',
    ).get(sourceId, key) as { content_hash: string } | undefined;
    return row?.content_hash;
  }

  markItem(sourceId: number, key: string, contentHash: string, location: string): void {
    this.sql(
      `INSERT INTO source_items (source_id, key, content_hash, location, seen_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(source_id, key) DO UPDATE SET content_hash = excluded.content_hash,
           location = excluded.location, seen_at = excluded.seen_at`,
    ).run(sourceId, key, contentHash, location, new Date().toISOString());
  }

  setCursor(sourceId: number, cursor: string): void {
    this.sql('UPDATE sources SET cursor = ? WHERE id = ?').run(cursor, sourceId);
  }

  setValidators(sourceId: number, etag: string | null, lastModified: string | null): void {
    this.sql('UPDATE sources SET etag = ?, last_modified = ? WHERE id = ?').run(
      etag,
      lastModified,
      sourceId,
    );
  }

  recordPoll(sourceId: number, outcome: PollOutcome): void {
    const now = new Date().toISOString();
    this.sql(
      `UPDATE sources SET last_poll_at = @now, last_ok_at = CASE WHEN @error IS NULL THEN @now ELSE last_ok_at END,
         last_error = @error, last_new = @new, last_unchanged = @unchanged, last_failed = @failed
       WHERE id = @id`,
    ).run({ now, id: sourceId, ...outcome });
  }

  /** ETag / Last-Modified of a URL fetched before (pages given to `ingest`, followed links). */
  validators(url: string): { etag: string | null; lastModified: string | null } | undefined {
    return this.sql('SELECT etag, last_modified AS lastModified FROM http_cache WHERE url = ?').get(
      url,
    ) as { etag: string | null; lastModified: string | null } | undefined;
  }

  saveValidators(url: string, etag: string | null, lastModified: string | null): void {
    if (etag === null && lastModified === null) {
      this.sql('DELETE FROM http_cache WHERE url = ?').run(url);
      return;
    }
    this.sql(
      `INSERT INTO http_cache (url, etag, last_modified, fetched_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
           fetched_at = excluded.fetched_at`,
    ).run(url, etag, lastModified, new Date().toISOString());
  }
}

function toRecord(row: SourceRow): SourceRecord {
  let config: Record<string, unknown> = {};
  try {
    config = JSON.parse(row.config) as Record<string, unknown>;
  } catch {
    config = {};
  }
  return {
    id: row.id,
    kind: row.kind,
    url: row.url,
    tag: row.tag,
    token: row.token,
    config,
    cursor: row.cursor,
    etag: row.etag,
    lastModified: row.last_modified,
    addedAt: row.added_at,
    lastPollAt: row.last_poll_at,
    lastOkAt: row.last_ok_at,
    lastError: row.last_error,
    lastNew: row.last_new,
    lastUnchanged: row.last_unchanged,
    lastFailed: row.last_failed,
    items: row.items,
  };
}
