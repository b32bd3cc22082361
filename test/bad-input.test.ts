/**
 * Bad inputs through the built CLI: each bad file is refused with one
 * stderr line naming it and the reason, odd encodings are read with a
 * warning, and everything good is still stored.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

interface DocJson {
  id: number;
  path: string;
  file: string;
  title: string | null;
  warnings: string[];
}

interface IngestJson {
  inputs: number;
  new: number;
  updated: number;
  unchanged: number;
  failed: number;
  failures: { location: string; reason: string }[];
  warnings: { location: string; message: string }[];
}

const GOOD_MD = `# Pakistan and Afghanistan reopen the Torkham crossing

Trucks loaded with fruit, coal and cement began moving through the Torkham
crossing on Wednesday after a closure of nine days, customs officials on
both sides said.

The closure followed an exchange of fire between border guards over a new
checkpoint. Traders in Jalalabad said they had lost perishable goods worth
several million rupees while the gate stayed shut.

A joint committee will meet next week to settle the dispute over the post,
an official in Nangarhar province said.
`;

const GOOD2_TXT = `Central Asian rail link moves forward

Uzbekistan, Afghanistan and Pakistan signed a framework agreement to study a
railway from Termez through Mazar-i-Sharif and Kabul to Peshawar. Engineers
say the mountain section would need long tunnels and years of work.

Officials in Tashkent called the line a way to reach the Arabian Sea ports,
while bankers asked who would pay for the survey.
`;

// Only ISO-8859-1 characters: é (0xE9), à (0xE0), ï (0xEF), ô (0xF4), ü (0xFC).
const LATIN1_TEXT = `Café talks in Peshawar

The old Café Khyber in Peshawar was full again this week. Traders from
Kabul sat à côté des marchands de Karachi, and the naïve hope of a
quick deal gave way to long haggling over tea. The owner, Herr Müller's
former partner, said business had doubled since the crossing reopened.
`;

const UTF16_TEXT = `Herat café reopens

Kabul — the Café Herat reopened on Friday after months of closure. Its
owner said customers had returned slowly, but that trade with Iran was
improving and the price of bread had fallen in the bazaar.
`;

/** A small seeded generator, so the binary file is the same every run. */
function seededBytes(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s >>> 24;
  }
  return out;
}

/** A real-looking text of at least `bytes` bytes (paragraphs that vary). */
function longText(bytes: number): string {
  const parts = ['# A very long report\n'];
  let size = parts[0]?.length ?? 0;
  for (let i = 0; size < bytes; i++) {
    const p = `Paragraph ${i}: delegates met in Doha for round ${i} of talks on prisoners, trade and the border, and agreed to meet again.\n\n`;
    parts.push(p);
    size += p.length;
  }
  return parts.join('');
}

let root: string;

beforeEach(() => {
  root = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'greatgame-bad-input-')));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

/** Writes the folder of good, bad and oddly-encoded files; returns its paths. */
function makeMixedFolder(dir: string) {
  mkdirSync(dir, { recursive: true });
  const p = (name: string) => path.join(dir, name);
  writeFileSync(p('good.md'), GOOD_MD);
  writeFileSync(p('good2.txt'), GOOD2_TXT);
  writeFileSync(p('empty.txt'), '');
  // A PNG signature and header (with zero bytes), then noise.
  writeFileSync(
    p('binary.txt'),
    Buffer.concat([
      Buffer.from([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
      ]),
      seededBytes(4096, 42),
    ]),
  );
  writeFileSync(p('big.md'), longText(60 * 1024)); // over --max-size 50KB
  symlinkSync('./does-not-exist.md', p('dangling.md'));
  mkdirSync(p('x.txt'));
  writeFileSync(p('latin1.txt'), Buffer.from(LATIN1_TEXT, 'latin1'));
  writeFileSync(
    p('utf16.txt'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(UTF16_TEXT, 'utf16le')]),
  );
  return {
    good: [p('good.md'), p('good2.txt')],
    decoded: [p('latin1.txt'), p('utf16.txt')],
    bad: {
      empty: p('empty.txt'),
      binary: p('binary.txt'),
      big: p('big.md'),
      dangling: p('dangling.md'),
      directory: p('x.txt'),
    },
  };
}

/** The reason each bad file must give (a word or phrase from it). */
const REASONS: Record<string, RegExp> = {
  empty: /\bempty\b/i,
  binary: /\bbinary\b/i,
  big: /over the .*limit/i,
  dangling: /symbolic link|no such file/i,
  directory: /is a directory/i,
};

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l.trim() !== '');
}

/** stderr lines that name this exact file (not a longer name that starts with it). */
function linesNaming(stderr: string, file: string): string[] {
  return lines(stderr).filter((l) => l.includes(`${file}:`));
}

function docs(store: string): DocJson[] {
  const result = runCli(['docs', '--json', '--store', store]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as DocJson[];
}

function showText(store: string, id: number): string {
  const result = runCli(['show', String(id), '--json', '--store', store]);
  expect(result.code, result.stderr).toBe(0);
  return (JSON.parse(result.stdout) as { text: string }).text;
}

/** Checks stderr for a run over the mixed folder: one line per bad file, a warning per odd encoding. */
function expectMixedStderr(stderr: string, files: ReturnType<typeof makeMixedFolder>): void {
  for (const [kind, file] of Object.entries(files.bad)) {
    const named = linesNaming(stderr, file);
    expect(named, `stderr lines for ${kind} (${file}):\n${stderr}`).toHaveLength(1);
    expect(named[0]).toMatch(/^error: /);
    expect(named[0], `reason for ${kind}`).toMatch(REASONS[kind] as RegExp);
  }
  for (const file of files.decoded) {
    const named = linesNaming(stderr, file);
    expect(named, `stderr lines for ${file}:\n${stderr}`).toHaveLength(1);
    expect(named[0]).toMatch(/^warning: /);
    expect(named[0]).toMatch(/decoded as/);
  }
  for (const file of files.good) expect(linesNaming(stderr, file)).toEqual([]);
  // Nothing else on stderr: five errors and two warnings.
  expect(lines(stderr), stderr).toHaveLength(7);
}

function expectMixedStored(store: string, files: ReturnType<typeof makeMixedFolder>): void {
  const stored = docs(store);
  expect(stored.map((d) => d.file).sort()).toEqual([
    'good.md',
    'good2.txt',
    'latin1.txt',
    'utf16.txt',
  ]);
  expect(stored.map((d) => d.path).sort()).toEqual([...files.good, ...files.decoded].sort());

  const byFile = new Map(stored.map((d) => [d.file, d]));
  expect(byFile.get('good.md')?.title).toBe('Pakistan and Afghanistan reopen the Torkham crossing');

  const latin1 = byFile.get('latin1.txt') as DocJson;
  expect(latin1.warnings.join(' ')).toMatch(/decoded as/);
  const latin1Text = showText(store, latin1.id);
  expect(latin1Text).toContain('Café Khyber in Peshawar');
  expect(latin1Text).toContain('naïve');
  expect(latin1Text).toContain('Müller');
  expect(latin1Text).not.toContain('\ufffd');

  const utf16 = byFile.get('utf16.txt') as DocJson;
  expect(utf16.warnings.join(' ')).toMatch(/utf-16/i);
  const utf16Text = showText(store, utf16.id);
  expect(utf16Text).toContain('Kabul — the Café Herat reopened');
  expect(utf16Text).not.toContain('\ufffd');
  expect(utf16Text).not.toContain('\u0000');
  expect(utf16Text).not.toContain('\ufeff');
}

describe('ingest of a folder with bad files', () => {
  it('--json: refuses each bad file with its reason, reads Latin-1 and UTF-16 with a warning, stores the rest', () => {
    const dir = path.join(root, 'in');
    const store = path.join(root, 'store.db');
    const files = makeMixedFolder(dir);

    const result = runCli(['ingest', dir, '--store', store, '--json', '--max-size', '50KB']);
    expect(result.code, result.stderr).toBe(1);
    expectMixedStderr(result.stderr, files);

    const summary = JSON.parse(result.stdout) as IngestJson;
    expect(summary.new).toBe(4);
    expect(summary.failed).toBe(5);
    expect(summary.failures.map((f) => f.location).sort()).toEqual(Object.values(files.bad).sort());
    for (const [kind, file] of Object.entries(files.bad)) {
      const failure = summary.failures.find((f) => f.location === file);
      expect(failure?.reason, kind).toMatch(REASONS[kind] as RegExp);
    }
    expect(summary.warnings.map((w) => w.location).sort()).toEqual([...files.decoded].sort());

    expectMixedStored(store, files);
  });

  it('without --json: the same lines on stderr and a readable summary on stdout', () => {
    const dir = path.join(root, 'in');
    const store = path.join(root, 'store.db');
    const files = makeMixedFolder(dir);

    const result = runCli(['ingest', dir, '--store', store, '--max-size', '50KB']);
    expect(result.code, result.stderr).toBe(1);
    expectMixedStderr(result.stderr, files);
    expect(result.stdout).toMatch(/new 4\b/);
    expect(result.stdout).toMatch(/failed 5\b/);
    // Errors and warnings go to stderr only.
    expect(result.stdout).not.toMatch(/error:|warning:/);

    expectMixedStored(store, files);
  });

  it('the default 10 MB limit refuses an 11 MB file', () => {
    const dir = path.join(root, 'in');
    const store = path.join(root, 'store.db');
    mkdirSync(dir);
    const huge = path.join(dir, 'huge.md');
    writeFileSync(huge, longText(11 * 1024 * 1024));
    writeFileSync(path.join(dir, 'good.md'), GOOD_MD);

    const result = runCli(['ingest', dir, '--store', store, '--json']);
    expect(result.code, result.stderr).toBe(1);
    const named = linesNaming(result.stderr, huge);
    expect(named).toHaveLength(1);
    expect(named[0]).toMatch(/over the 10(\.0)? ?MB limit/);
    expect(lines(result.stderr)).toHaveLength(1);
    const summary = JSON.parse(result.stdout) as IngestJson;
    expect(summary).toMatchObject({ new: 1, failed: 1 });
    expect(docs(store).map((d) => d.file)).toEqual(['good.md']);
  });

  it('a symbolic link loop is reported once and the rest is ingested', () => {
    const dir = path.join(root, 'in');
    const store = path.join(root, 'store.db');
    mkdirSync(path.join(dir, 'sub'), { recursive: true });
    writeFileSync(path.join(dir, 'good.md'), GOOD_MD);
    writeFileSync(path.join(dir, 'sub', 'good2.txt'), GOOD2_TXT);
    const loop = path.join(dir, 'sub', 'up');
    symlinkSync('..', loop); // in/sub/up -> in

    const result = runCli(['ingest', dir, '--store', store, '--json']);
    expect(result.code, result.stderr).toBe(1);
    expect(lines(result.stderr), result.stderr).toHaveLength(1);
    expect(result.stderr).toContain(`${loop}:`);
    expect(result.stderr).toMatch(/symbolic link loop/);
    const summary = JSON.parse(result.stdout) as IngestJson;
    expect(summary).toMatchObject({ new: 2, failed: 1 });
    expect(
      docs(store)
        .map((d) => d.path)
        .sort(),
    ).toEqual([path.join(dir, 'good.md'), path.join(dir, 'sub', 'good2.txt')]);
  });

  it('an existing store keeps all its documents after a run where every input fails', () => {
    const good = path.join(root, 'good');
    const bad = path.join(root, 'bad');
    const store = path.join(root, 'store.db');
    mkdirSync(good);
    writeFileSync(path.join(good, 'good.md'), GOOD_MD);
    writeFileSync(path.join(good, 'good2.txt'), GOOD2_TXT);
    const first = runCli(['ingest', good, '--store', store, '--json']);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ new: 2, failed: 0 });
    const before = docs(store);
    expect(before).toHaveLength(2);

    const files = makeMixedFolder(bad);
    for (const file of [...files.good, ...files.decoded]) rmSync(file);
    const second = runCli(['ingest', bad, '--store', store, '--json', '--max-size', '50KB']);
    expect(second.code, second.stderr).toBe(1);
    expect(JSON.parse(second.stdout)).toMatchObject({ new: 0, updated: 0, failed: 5 });
    expect(lines(second.stderr)).toHaveLength(5);

    const after = docs(store);
    expect(after).toEqual(before);
    for (const doc of after) expect(showText(store, doc.id).length).toBeGreaterThan(100);

    // And the good folder is still recognised as unchanged.
    const third = runCli(['ingest', good, '--store', store, '--json']);
    expect(third.code, third.stderr).toBe(0);
    expect(JSON.parse(third.stdout)).toMatchObject({ new: 0, updated: 0, unchanged: 2, failed: 0 });
  });

  it('a path that does not exist fails with a line naming it; the other paths are read', () => {
    const store = path.join(root, 'store.db');
    const missing = path.join(root, 'no-such-folder');
    const good = path.join(root, 'good.md');
    writeFileSync(good, GOOD_MD);

    const alone = runCli(['ingest', missing, '--store', store, '--json']);
    expect(alone.code, alone.stderr).toBe(1);
    expect(lines(alone.stderr)).toHaveLength(1);
    expect(alone.stderr).toContain(`${missing}:`);
    expect(alone.stderr).toMatch(/no such file/);

    const mixed = runCli(['ingest', missing, good, '--store', store, '--json']);
    expect(mixed.code, mixed.stderr).toBe(1);
    expect(lines(mixed.stderr)).toHaveLength(1);
    expect(mixed.stderr).toContain(`${missing}:`);
    expect(JSON.parse(mixed.stdout)).toMatchObject({ new: 1, failed: 1 });
    expect(docs(store).map((d) => d.path)).toEqual([good]);
  });

  it('a file with an unsupported extension given by name fails with one line', () => {
    const store = path.join(root, 'store.db');
    const pdf = path.join(root, 'notes.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n');

    const result = runCli(['ingest', pdf, '--store', store, '--json']);
    expect(result.code, result.stderr).toBe(1);
    expect(lines(result.stderr), result.stderr).toHaveLength(1);
    expect(result.stderr).toContain(`${pdf}:`);
    expect(result.stderr).toMatch(/unsupported file type "\.pdf"/);
    expect(JSON.parse(result.stdout)).toMatchObject({ new: 0, failed: 1 });
    expect(docs(store)).toEqual([]);
  });
});
