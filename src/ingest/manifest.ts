/**
 * Manifests: metadata for files that the files themselves do not give.
 * JSONL (one object a line) or CSV with a header; a `file` key relative to
 * the manifest, `file#N` for one entry of a split page; date, source,
 * author, url and title are read, any other key is kept as a note.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { ManifestRow } from '../domain/document.js';
import { InvalidDataError } from '../domain/errors.js';
import { normaliseIsoDate } from './dates.js';

const KNOWN_KEYS = new Set(['file', 'date', 'source', 'author', 'url', 'title']);

export interface ManifestSlot {
  file?: ManifestRow;
  entries: Map<number, ManifestRow>;
}

export interface Manifest {
  /** Rows by the `file` value as written (without `#N`), relative to the manifest. */
  byRelative: Map<string, ManifestSlot>;
  /** Folder the manifest lives in. */
  base: string;
}

export function emptyManifest(): Manifest {
  return { byRelative: new Map(), base: process.cwd() };
}

/**
 * The rows for a file being ingested. A row's `file` is taken relative to
 * the manifest; a manifest kept beside the folder it describes
 * (`seeds.manifest.jsonl` next to `seeds/`) names files by their path
 * inside that folder, so a row also matches a file whose path ends with it.
 * The longest match wins.
 */
export function manifestRowsFor(manifest: Manifest, location: string): ManifestSlot | undefined {
  let best: { length: number; slot: ManifestSlot } | undefined;
  const normalised = location.split(path.sep).join('/');
  for (const [relative, slot] of manifest.byRelative) {
    const exact = path.resolve(manifest.base, relative) === location;
    const suffix = normalised.endsWith(`/${relative.replace(/^\.\//, '')}`);
    if ((exact || suffix) && (!best || relative.length > best.length || exact)) {
      best = { length: exact ? Infinity : relative.length, slot };
    }
  }
  return best?.slot;
}

export function loadManifest(manifestPath: string): Manifest {
  let text: string;
  try {
    text = readFileSync(manifestPath, 'utf8');
  } catch (error) {
    throw new InvalidDataError(
      `${manifestPath}: cannot read manifest: ${(error as Error).message}`,
    );
  }
  const records = /\.csv$/i.test(manifestPath)
    ? readCsv(manifestPath, text)
    : readJsonl(manifestPath, text);
  const manifest: Manifest = {
    byRelative: new Map(),
    base: path.dirname(path.resolve(manifestPath)),
  };
  for (const { line, record } of records) {
    const row = toRow(record, `${manifestPath}:${line}`);
    const slot: ManifestSlot = manifest.byRelative.get(row.file) ?? { entries: new Map() };
    if (row.entry === null) slot.file = row;
    else slot.entries.set(row.entry, row);
    manifest.byRelative.set(row.file, slot);
  }
  return manifest;
}

function readJsonl(
  file: string,
  text: string,
): { line: number; record: Record<string, unknown> }[] {
  const out: { line: number; record: Record<string, unknown> }[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new InvalidDataError(`${file}:${i + 1}: not valid JSON: ${(error as Error).message}`);
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      throw new InvalidDataError(`${file}:${i + 1}: each line must be a JSON object`);
    }
    out.push({ line: i + 1, record: value as Record<string, unknown> });
  });
  return out;
}

function readCsv(file: string, text: string): { line: number; record: Record<string, unknown> }[] {
  try {
    const rows = parseCsv(text, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as {
      record: Record<string, unknown>;
      info: { lines: number };
    }[];
    return rows.map((r) => ({ line: r.info.lines, record: r.record }));
  } catch (error) {
    throw new InvalidDataError(`${file}: not valid CSV: ${(error as Error).message}`);
  }
}

function toRow(record: Record<string, unknown>, origin: string): ManifestRow {
  const field = (key: string): string | undefined => {
    const value = record[key];
    if (value === undefined || value === null || value === '') return undefined;
    if (typeof value !== 'string' && typeof value !== 'number') {
      throw new InvalidDataError(`${origin}: field "${key}" must be a string`);
    }
    return String(value).trim();
  };
  const file = field('file');
  if (!file) throw new InvalidDataError(`${origin}: field "file" is missing`);
  const match = /^(.*?)(?:#(\d+))?$/.exec(file);
  const row: ManifestRow = {
    file: (match?.[1] ?? file).split(path.sep).join('/'),
    entry: match?.[2] ? Number(match[2]) : null,
    notes: {},
    origin,
  };
  const date = field('date');
  if (date) {
    const iso = normaliseIsoDate(date);
    if (!iso) throw new InvalidDataError(`${origin}: field "date" is not a date: "${date}"`);
    row.date = iso;
  }
  for (const key of ['source', 'author', 'url', 'title'] as const) {
    const value = field(key);
    if (value) row[key] = value;
  }
  for (const [key, value] of Object.entries(record)) {
    if (KNOWN_KEYS.has(key) || value === undefined || value === null) continue;
    row.notes[key] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return row;
}
