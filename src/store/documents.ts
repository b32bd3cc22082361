/**
 * Documents in the store. Each input (a file, a page) is written in one
 * transaction with all the documents read from it, so a process killed in
 * the middle leaves every committed input whole and the next run redoes
 * only what was not committed.
 */

import type {
  DateBasis,
  IngestedDocument,
  OffsetSegment,
  StoredDocument,
} from '../domain/document.js';
import path from 'node:path';
import { NotFoundError } from '../domain/errors.js';
import {
  contentHash,
  estimateJaccard,
  lshBandKeys,
  minhashSignature,
  NEAR_DUPLICATE_THRESHOLD,
  normaliseForHash,
  sha256,
} from '../ingest/fingerprint.js';
import { INGEST_VERSION } from '../ingest/version.js';
import type { Db } from './database.js';
import { StatementCache } from './statements.js';

export interface InputRecord {
  location: string;
  bytes: Uint8Array;
  encoding: string;
  mediaType: string;
  inputHash: string;
}

export type SaveStatus = 'new' | 'updated';

export interface SavedDocument {
  id: number;
  path: string;
  status: SaveStatus;
  duplicateOf: number | null;
  language: string;
}

interface DocumentRow {
  id: number;
  path: string;
  location: string;
  file: string;
  entry: number | null;
  title: string | null;
  author: string | null;
  date: string | null;
  date_basis: string | null;
  source: string | null;
  url: string | null;
  language: string;
  language_supported: number;
  text: string;
  offset_map: string;
  raw_start: number;
  raw_end: number;
  content_hash: string;
  minhash: Buffer;
  duplicate_of: number | null;
  notes: string;
  warnings: string;
}

/** A stored document with its text, offsets and original bytes. */
export interface FullDocument extends StoredDocument {
  location: string;
  text: string;
  offsetMap: OffsetSegment[];
  rawStart: number;
  rawEnd: number;
  encoding: string;
  mediaType: string;
  raw: Uint8Array;
}

export interface DocumentFilter {
  language?: string;
  includeDuplicates?: boolean;
}

export class DocumentStore {
  private readonly statements: StatementCache;

  constructor(private readonly db: Db) {
    this.statements = new StatementCache(db);
  }

  private sql(text: string) {
    return this.statements.get(text);
  }

  /** The hash an input had when it was last stored, if it was. */
  inputHash(location: string): string | undefined {
    const row = this.sql('SELECT input_hash FROM inputs WHERE location = ?').get(location) as
      { input_hash: string } | undefined;
    return row?.input_hash;
  }

  /** Paths of the documents stored for an input. */
  documentsOf(
    location: string,
  ): { id: number; path: string; language: string; duplicateOf: number | null }[] {
    return this.sql(
      'SELECT id, path, language, duplicate_of AS duplicateOf FROM documents WHERE location = ? ORDER BY id',
    ).all(location) as {
      id: number;
      path: string;
      language: string;
      duplicateOf: number | null;
    }[];
  }

  /** Writes an input and its documents, replacing what it held before. */
  saveInput(input: InputRecord, documents: IngestedDocument[]): SavedDocument[] {
    return this.db.transaction(() => {
      const rawSha = sha256(input.bytes);
      const previous = this.sql('SELECT raw_sha256 AS sha FROM inputs WHERE location = ?').get(
        input.location,
      ) as { sha: string } | undefined;
      this.sql('INSERT OR IGNORE INTO blobs (sha256, bytes, size) VALUES (?, ?, ?)').run(
        rawSha,
        Buffer.from(input.bytes),
        input.bytes.length,
      );
      this.sql(
        `INSERT INTO inputs (location, raw_sha256, encoding, media_type, input_hash, ingested_at)
           VALUES (@location, @raw, @encoding, @mediaType, @inputHash, @now)
           ON CONFLICT(location) DO UPDATE SET raw_sha256 = @raw, encoding = @encoding,
             media_type = @mediaType, input_hash = @inputHash, ingested_at = @now`,
      ).run({
        location: input.location,
        raw: rawSha,
        encoding: input.encoding,
        mediaType: input.mediaType,
        inputHash: input.inputHash,
        now: new Date().toISOString(),
      });

      const before = new Map(this.documentsOf(input.location).map((d) => [d.path, d.id]));
      const saved = documents.map((doc) =>
        this.saveDocument(input.location, doc, before.get(doc.path)),
      );
      const kept = new Set(documents.map((d) => d.path));
      for (const [path, id] of before) if (!kept.has(path)) this.deleteDocument(id);
      if (previous && previous.sha !== rawSha) this.dropBlobIfUnused(previous.sha);
      return saved;
    })();
  }

  private saveDocument(
    location: string,
    doc: IngestedDocument,
    existingId: number | undefined,
  ): SavedDocument {
    const hash = contentHash(doc.text);
    const signature = minhashSignature(normaliseForHash(doc.text));
    const duplicateOf = this.findOriginal(hash, signature, existingId);
    const values = {
      path: doc.path,
      location,
      file: doc.file,
      entry: doc.entry,
      title: doc.title,
      author: doc.author,
      date: doc.date,
      dateBasis: doc.dateBasis,
      source: doc.source,
      url: doc.url,
      language: doc.language,
      languageSupported: doc.languageSupported ? 1 : 0,
      text: doc.text,
      offsetMap: JSON.stringify(doc.offsetMap.map((s) => [s.cleanStart, s.rawStart, s.length])),
      rawStart: doc.rawStart,
      rawEnd: doc.rawEnd,
      contentHash: hash,
      minhash: Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength),
      duplicateOf,
      notes: JSON.stringify(doc.notes),
      warnings: JSON.stringify(doc.warnings),
      version: INGEST_VERSION,
    };
    let id: number;
    if (existingId === undefined) {
      const result = this.sql(
        `INSERT INTO documents (path, location, file, entry, title, author, date, date_basis, source, url,
             language, language_supported, text, offset_map, raw_start, raw_end, content_hash, minhash,
             duplicate_of, notes, warnings, ingest_version)
           VALUES (@path, @location, @file, @entry, @title, @author, @date, @dateBasis, @source, @url,
             @language, @languageSupported, @text, @offsetMap, @rawStart, @rawEnd, @contentHash, @minhash,
             @duplicateOf, @notes, @warnings, @version)`,
      ).run(values);
      id = Number(result.lastInsertRowid);
    } else {
      id = existingId;
      this.sql(
        `UPDATE documents SET location = @location, file = @file, entry = @entry, title = @title,
             author = @author, date = @date, date_basis = @dateBasis, source = @source, url = @url,
             language = @language, language_supported = @languageSupported, text = @text,
             offset_map = @offsetMap, raw_start = @rawStart, raw_end = @rawEnd,
             content_hash = @contentHash, minhash = @minhash, duplicate_of = @duplicateOf,
             notes = @notes, warnings = @warnings, ingest_version = @version
           WHERE id = @id`,
      ).run({ ...values, id });
      this.sql('DELETE FROM lsh_bands WHERE document_id = ?').run(id);
      this.unlinkStaleCopies(id, hash, signature);
    }
    const insertBand = this.sql(
      'INSERT OR IGNORE INTO lsh_bands (band, key, document_id) VALUES (?, ?, ?)',
    );
    lshBandKeys(signature).forEach((key, band) => {
      insertBand.run(band, key, id);
    });
    return {
      id,
      path: doc.path,
      status: existingId === undefined ? 'new' : 'updated',
      duplicateOf,
      language: doc.language,
    };
  }

  /**
   * The first stored copy of this text: same normalised hash, else a
   * near-duplicate (MinHash estimate of word-shingle Jaccard ≥ 0.9) among
   * the documents sharing an LSH band key.
   */
  private findOriginal(
    hash: string,
    signature: Uint32Array,
    selfId: number | undefined,
  ): number | null {
    const self = selfId ?? -1;
    const exact = this.sql(
      `SELECT COALESCE(duplicate_of, id) AS original FROM documents
         WHERE content_hash = ? AND id != ? AND COALESCE(duplicate_of, id) != ? ORDER BY id LIMIT 1`,
    ).get(hash, self, self) as { original: number } | undefined;
    if (exact) return exact.original;

    const candidate = this.sql(
      `SELECT d.id, COALESCE(d.duplicate_of, d.id) AS original, d.minhash FROM lsh_bands b
       JOIN documents d ON d.id = b.document_id WHERE b.band = ? AND b.key = ? AND d.id != ?`,
    );
    let best: number | null = null;
    lshBandKeys(signature).forEach((key, band) => {
      for (const row of candidate.all(band, key, self) as {
        id: number;
        original: number;
        minhash: Buffer;
      }[]) {
        if (row.original === self) continue;
        const other = new Uint32Array(
          row.minhash.buffer,
          row.minhash.byteOffset,
          row.minhash.byteLength / 4,
        );
        if (
          estimateJaccard(signature, other) >= NEAR_DUPLICATE_THRESHOLD &&
          (best === null || row.original < best)
        ) {
          best = row.original;
        }
      }
    });
    return best;
  }

  /** After a document changes, copies that no longer match it stand alone. */
  private unlinkStaleCopies(id: number, hash: string, signature: Uint32Array): void {
    const copies = this.sql(
      'SELECT id, content_hash AS hash, minhash FROM documents WHERE duplicate_of = ?',
    ).all(id) as { id: number; hash: string; minhash: Buffer }[];
    const unlink = this.sql('UPDATE documents SET duplicate_of = NULL WHERE id = ?');
    for (const copy of copies) {
      if (copy.hash === hash) continue;
      const other = new Uint32Array(
        copy.minhash.buffer,
        copy.minhash.byteOffset,
        copy.minhash.byteLength / 4,
      );
      if (estimateJaccard(signature, other) < NEAR_DUPLICATE_THRESHOLD) unlink.run(copy.id);
    }
  }

  private deleteDocument(id: number): void {
    this.sql('UPDATE documents SET duplicate_of = NULL WHERE duplicate_of = ?').run(id);
    this.sql('DELETE FROM documents WHERE id = ?').run(id);
  }

  /** Original bytes no input refers to any more (a file that changed). */
  private dropBlobIfUnused(sha: string): void {
    this.sql(
      'DELETE FROM blobs WHERE sha256 = ? AND NOT EXISTS (SELECT 1 FROM inputs WHERE raw_sha256 = ?)',
    ).run(sha, sha);
  }

  /**
   * The document an imported event file hangs off: one per file, found again
   * by its path on a re-import. The file's bytes are not kept (an event file
   * can be large); the blob holds a short provenance record instead, and the
   * document is never extracted nor matched as a duplicate.
   */
  saveEventFile(file: string, dataset: string, mediaType: string): number {
    return this.db.transaction(() => {
      const location = `event-data:${file}`;
      const existing = this.sql('SELECT id FROM documents WHERE path = ?').get(file) as
        { id: number } | undefined;
      if (existing) return existing.id;
      const record = Buffer.from(JSON.stringify({ eventData: file, dataset }));
      const sha = sha256(record);
      const now = new Date().toISOString();
      this.sql('INSERT OR IGNORE INTO blobs (sha256, bytes, size) VALUES (?, ?, ?)').run(
        sha,
        record,
        record.length,
      );
      this.sql(
        `INSERT INTO inputs (location, raw_sha256, encoding, media_type, input_hash, ingested_at)
           VALUES (?, ?, 'utf-8', ?, ?, ?)
           ON CONFLICT(location) DO UPDATE SET ingested_at = excluded.ingested_at`,
      ).run(location, sha, mediaType, sha, now);
      const text = `${dataset} events imported from ${path.basename(file)}`;
      const result = this.sql(
        `INSERT INTO documents (path, location, file, entry, title, author, date, date_basis, source, url,
             language, language_supported, text, offset_map, raw_start, raw_end, content_hash, minhash,
             duplicate_of, notes, warnings, ingest_version)
           VALUES (?, ?, ?, NULL, ?, NULL, NULL, NULL, ?, NULL, 'und', 0, ?, '[]', 0, ?, ?, ?, NULL, ?, '[]', ?)`,
      ).run(
        file,
        location,
        path.basename(file),
        text,
        dataset,
        text,
        record.length,
        `event-data:${file}`,
        Buffer.alloc(0),
        JSON.stringify({ dataset }),
        INGEST_VERSION,
      );
      const id = Number(result.lastInsertRowid);
      this.sql(
        `INSERT INTO event_files (document_id, dataset, sha256, size, imported_at) VALUES (?, ?, '', 0, ?)`,
      ).run(id, dataset, now);
      return id;
    })();
  }

  /** Records the file's hash and size once it has been read through. */
  finishEventFile(documentId: number, sha: string, size: number): void {
    this.sql(
      'UPDATE event_files SET sha256 = ?, size = ?, imported_at = ? WHERE document_id = ?',
    ).run(sha, size, new Date().toISOString(), documentId);
  }

  list(filter: DocumentFilter = {}): StoredDocument[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.language) {
      where.push('language = ?');
      params.push(filter.language);
    }
    if (filter.includeDuplicates === false) where.push('duplicate_of IS NULL');
    const rows = this.sql(
      `SELECT id, path, location, file, entry, title, author, date, date_basis, source, url, language,
           language_supported, length(text) AS chars, content_hash, duplicate_of, notes, warnings
         FROM documents ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`,
    ).all(...params) as (Omit<DocumentRow, 'text' | 'offset_map' | 'minhash'> & {
      chars: number;
    })[];
    return rows.map((row) => toStored(row, row.chars));
  }

  /** Finds a document by id, path, or file name (with `#N` for an entry). */
  get(ref: string): FullDocument {
    const byId = /^\d+$/.test(ref) ? Number(ref) : null;
    const matches = this.sql(
      `SELECT d.*, i.encoding, i.media_type, b.bytes FROM documents d
         JOIN inputs i ON i.location = d.location JOIN blobs b ON b.sha256 = i.raw_sha256
         WHERE d.id = ? OR d.path = ? OR (d.file || COALESCE('#' || d.entry, '')) = ? ORDER BY d.id`,
    ).all(byId ?? -1, ref, ref) as (DocumentRow & {
      encoding: string;
      media_type: string;
      bytes: Buffer;
    })[];
    const row = matches.find((m) => m.id === byId) ?? matches[0];
    if (!row) throw new NotFoundError(`no document "${ref}" in the store (see \`greatgame docs\`)`);
    if (matches.length > 1 && row.id !== byId && !matches.every((m) => m.path === row.path)) {
      throw new NotFoundError(
        `"${ref}" names ${matches.length} documents (${matches.map((m) => m.id).join(', ')}): give the id or the path`,
      );
    }
    return {
      ...toStored(row, row.text.length),
      location: row.location,
      text: row.text,
      offsetMap: (JSON.parse(row.offset_map) as [number, number, number][]).map(
        ([cleanStart, rawStart, length]) => ({
          cleanStart,
          rawStart,
          length,
        }),
      ),
      rawStart: row.raw_start,
      rawEnd: row.raw_end,
      encoding: row.encoding,
      mediaType: row.media_type,
      raw: new Uint8Array(row.bytes),
    };
  }

  counts(): { documents: number; duplicates: number; inputs: number; unsupportedLanguage: number } {
    return this.sql(
      `SELECT COUNT(*) AS documents, COUNT(duplicate_of) AS duplicates,
           (SELECT COUNT(*) FROM inputs) AS inputs, SUM(language_supported = 0) AS unsupportedLanguage
         FROM documents`,
    ).get() as {
      documents: number;
      duplicates: number;
      inputs: number;
      unsupportedLanguage: number;
    };
  }
}

function toStored(
  row: Omit<DocumentRow, 'text' | 'offset_map' | 'minhash'>,
  chars: number,
): StoredDocument {
  return {
    id: row.id,
    path: row.path,
    file: row.file,
    entry: row.entry,
    title: row.title,
    author: row.author,
    date: row.date,
    dateBasis: row.date_basis as DateBasis | null,
    source: row.source,
    url: row.url,
    language: row.language,
    languageSupported: row.language_supported === 1,
    duplicateOf: row.duplicate_of,
    chars,
    contentHash: row.content_hash,
    notes: JSON.parse(row.notes) as Record<string, string>,
    warnings: JSON.parse(row.warnings) as string[],
  };
}
