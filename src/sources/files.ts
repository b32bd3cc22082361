/**
 * Reads documents from files and folders. Only this module (and the store)
 * touch the file system; everything it finds wrong becomes an InputError
 * naming the path, so one bad file never stops the others.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { InputError } from '../domain/errors.js';

/** File endings greatgame reads, and how it treats each. */
export const DOCUMENT_EXTENSIONS: Record<string, 'text' | 'markdown' | 'html'> = {
  '.txt': 'markdown', // plain text scraped from the web is often Markdown-flavoured
  '.text': 'markdown',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
};

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface FoundFile {
  location: string;
  mediaType: 'text' | 'markdown' | 'html';
}

export interface FileScan {
  files: FoundFile[];
  failures: InputError[];
  /** Files in walked folders whose ending greatgame does not read. */
  ignored: string[];
}

export function mediaTypeOf(file: string): FoundFile['mediaType'] | undefined {
  return DOCUMENT_EXTENSIONS[path.extname(file).toLowerCase()];
}

/**
 * Expands the given paths into document files, sorted so that ingest order
 * (and so document ids) is deterministic. Folders are walked recursively;
 * symlinked folders are followed once (a loop is reported, not followed).
 */
export async function scanPaths(inputs: string[]): Promise<FileScan> {
  const scan: FileScan = { files: [], failures: [], ignored: [] };
  // Real paths of every folder walked (reached again by another path: skip
  // quietly) and of the folders on the current path (reached again: a loop).
  const walkedDirs = new Set<string>();
  const seenFiles = new Set<string>();

  const addFile = (location: string, mediaType: FoundFile['mediaType']) => {
    if (seenFiles.has(location)) return;
    seenFiles.add(location);
    scan.files.push({ location, mediaType });
  };

  const walk = async (dir: string, ancestors: ReadonlySet<string>): Promise<void> => {
    let real: string;
    try {
      real = await fs.realpath(dir);
    } catch (error) {
      scan.failures.push(new InputError(dir, describeFsError(error)));
      return;
    }
    if (ancestors.has(real)) {
      scan.failures.push(new InputError(dir, `symbolic link loop: it leads back to ${real}`));
      return;
    }
    if (walkedDirs.has(real)) return;
    walkedDirs.add(real);
    const onPath = new Set(ancestors).add(real);
    let names: string[];
    try {
      names = (await fs.readdir(dir)).sort();
    } catch (error) {
      scan.failures.push(new InputError(dir, describeFsError(error)));
      return;
    }
    for (const name of names) {
      if (name.startsWith('.')) continue; // hidden files and folders: editor and VCS litter
      const child = path.join(dir, name);
      const mediaType = mediaTypeOf(name);
      if (mediaType) {
        // A name that promises a document is read as one; if it is a folder
        // or a dangling link, reading it reports why.
        addFile(child, mediaType);
        continue;
      }
      let stat: import('node:fs').Stats;
      try {
        stat = await fs.stat(child);
      } catch (error) {
        scan.failures.push(new InputError(child, describeFsError(error)));
        continue;
      }
      if (stat.isDirectory()) await walk(child, onPath);
      else scan.ignored.push(child);
    }
  };

  for (const input of inputs) {
    const location = path.resolve(input);
    let stat: import('node:fs').Stats;
    try {
      stat = await fs.stat(location);
    } catch (error) {
      scan.failures.push(new InputError(location, describeFsError(error)));
      continue;
    }
    if (stat.isDirectory()) {
      await walk(location, new Set());
    } else {
      const mediaType = mediaTypeOf(location);
      if (mediaType) addFile(location, mediaType);
      else
        scan.failures.push(
          new InputError(
            location,
            `unsupported file type "${path.extname(location) || '(none)'}" (reads ${Object.keys(DOCUMENT_EXTENSIONS).join(', ')})`,
          ),
        );
    }
  }
  scan.files.sort((a, b) => (a.location < b.location ? -1 : a.location > b.location ? 1 : 0));
  return scan;
}

/** Reads one file's bytes, refusing what is not a regular file or too large. */
export async function readDocumentFile(location: string, maxBytes: number): Promise<Uint8Array> {
  let stat: import('node:fs').Stats;
  try {
    stat = await fs.stat(location);
  } catch (error) {
    throw new InputError(location, describeFsError(error));
  }
  if (stat.isDirectory()) throw new InputError(location, 'is a directory, not a file');
  if (!stat.isFile()) throw new InputError(location, 'is not a regular file');
  if (stat.size > maxBytes) {
    throw new InputError(
      location,
      `file is ${formatBytes(stat.size)}, over the ${formatBytes(maxBytes)} limit (raise it with --max-size)`,
    );
  }
  try {
    return new Uint8Array(await fs.readFile(location));
  } catch (error) {
    throw new InputError(location, describeFsError(error));
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Turns Node's error codes into words a person can act on. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder (or a symbolic link that points nowhere)';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
