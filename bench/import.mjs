/**
 * Event import throughput: `node bench/import.mjs [--rows 1000000] [--seed 1]`
 * after `npm run build`. Generates a GDELT 2.0-format file (61 tab-separated
 * columns, states from world-countries, CAMEO codes, some repeats), imports
 * it into a fresh temporary store in a child process per size, and prints
 * rows/s and peak memory (RSS, and the JS heap) at a quarter of the size and
 * at the full size, so a memory figure that grows with the file shows. RSS
 * includes SQLite's page cache (64 MB, src/store/database.ts), which fills as
 * the store grows and then stays; the import turns memory-mapped reads off.
 * It also prints the CPU time (user + system) the import took, as rows per
 * CPU-second: on a shared machine the wall clock varies from run to run with
 * the load, the CPU time much less. Then it splits the time between reading
 * and parsing and writing to the store, and measures the store's own ceiling
 * (`copyRate`). Asserts nothing.
 */
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const value = Number(process.argv[i + 1]);
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} needs a positive number`);
    process.exit(2);
  }
  return value;
}

const rows = Math.round(flag('rows', 1_000_000));
const seed = flag('seed', 1);

/** Small seeded generator (mulberry32): the same file for the same seed. */
function random(s) {
  return () => {
    s |= 0;
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function generate(file, n) {
  const countries = createRequire(import.meta.url)('world-countries/countries.json')
    .filter((c) => c.independent)
    .map((c) => [c.cca3, c.name.common.toUpperCase()]);
  const codes = [
    '010',
    '036',
    '040',
    '042',
    '046',
    '057',
    '061',
    '071',
    '111',
    '112',
    '120',
    '130',
    '163',
    '173',
    '190',
    '193',
  ];
  const types = ['GOV', 'MIL', 'COP', '', 'BUS'];
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const out = createWriteStream(file);
  let url = '';
  for (let i = 0; i < n; i++) {
    const a = pick(countries);
    let b = pick(countries);
    if (rand() < 0.05) b = a; // domestic events
    const code = pick(codes);
    const day = 1 + Math.floor(rand() * 365);
    const d = new Date(Date.UTC(2022, 0, day));
    const date = d.toISOString().slice(0, 10).replace(/-/g, '');
    if (rand() < 0.7) url = `https://news${Math.floor(rand() * 500)}.example.org/${i}`;
    const c = new Array(61).fill('');
    c[0] = String(1_000_000_000 + i);
    c[1] = date;
    c[2] = date.slice(0, 6);
    c[3] = date.slice(0, 4);
    c[5] = a[0];
    c[6] = a[1];
    c[7] = a[0];
    c[12] = pick(types);
    c[15] = b[0];
    c[16] = b[1];
    c[17] = b[0];
    c[22] = pick(types);
    c[25] = '1';
    c[26] = code;
    c[27] = code;
    c[28] = code.slice(0, 2);
    c[29] = '1';
    c[30] = '3.4';
    c[31] = '3';
    c[34] = '-1.25';
    c[59] = `${date}093000`;
    c[60] = url;
    if (!out.write(`${c.join('\t')}\n`)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((resolve) => out.end(resolve));
}

async function child(file) {
  const { openStore } = await import('../dist/store/database.js');
  const { importEvents } = await import('../dist/import/run.js');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gg-bench-import-'));
  const db = openStore(path.join(dir, 'bench.db'));
  let peak = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 50);
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  const summary = await importEvents(db, file, { format: 'gdelt' });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
  db.close();
  const ceiling = copyRate(openStore, dir);
  rmSync(dir, { recursive: true, force: true });
  console.log(
    JSON.stringify({
      read: summary.read,
      imported: summary.imported,
      duplicates: summary.duplicates,
      internal: summary.internal,
      seconds,
      store: summary.storeSeconds,
      ceiling,
      cpu: (cpu.user + cpu.system) / 1e6,
      peak,
      heap,
    }),
  );
}

/**
 * What SQLite alone does with the same rows on this machine: a fresh store
 * (same schema, indexes and settings as the import) takes the imported rows
 * in one INSERT … SELECT that runs entirely inside SQLite — no file to read,
 * no JavaScript per row. An import cannot be faster than this; on a machine
 * where it is below the goal, the goal is out of reach for the store itself.
 */
function copyRate(openStore, dir) {
  const copy = openStore(path.join(dir, 'copy.db'));
  copy.pragma('mmap_size = 0');
  copy.pragma('wal_autocheckpoint = 16384');
  copy.exec(`ATTACH '${path.join(dir, 'bench.db').replaceAll("'", "''")}' AS imported`);
  // The event file's document row (its blob and input rows are not needed here).
  copy.pragma('foreign_keys = OFF');
  copy.exec('INSERT INTO documents SELECT * FROM imported.documents');
  copy.pragma('foreign_keys = ON');
  const started = performance.now();
  const rows = copy.prepare('INSERT INTO relations SELECT * FROM imported.relations').run().changes;
  const seconds = (performance.now() - started) / 1000;
  copy.exec('DETACH imported');
  copy.close();
  return { rows, seconds };
}

if (process.argv.includes('--child')) {
  await child(process.argv[process.argv.indexOf('--child') + 1]);
} else {
  const self = fileURLToPath(import.meta.url);
  console.log(`event import (GDELT 2.0 format), ${rows.toLocaleString('en')} rows, seed ${seed}`);
  for (const n of [Math.round(rows / 4), rows]) {
    const file = path.join(os.tmpdir(), `greatgame-bench-gdelt-${n}-seed${seed}.tsv`);
    if (!existsSync(file)) await generate(file, n);
    const mb = statSync(file).size / 2 ** 20;
    const run = spawnSync(process.execPath, [self, '--child', file], { encoding: 'utf8' });
    if (run.status !== 0) {
      console.error(run.stderr);
      process.exit(1);
    }
    const r = JSON.parse(run.stdout.trim().split('\n').pop());
    console.log(
      `  ${n.toLocaleString('en')} rows (${mb.toFixed(0)} MB): ${r.seconds.toFixed(1)} s, ` +
        `${Math.round(r.read / r.seconds).toLocaleString('en')} rows/s ` +
        `(${Math.round(r.read / r.cpu).toLocaleString('en')} rows per CPU-second), peak RSS ${(r.peak / 2 ** 20).toFixed(0)} MB, peak JS heap ${(r.heap / 2 ** 20).toFixed(0)} MB ` +
        `(imported ${r.imported.toLocaleString('en')}, duplicates ${r.duplicates.toLocaleString('en')}, within one state ${r.internal.toLocaleString('en')})`,
    );
    console.log(
      `    time: ${(r.seconds - r.store).toFixed(1)} s reading, parsing and resolving ` +
        `(${Math.round(r.read / (r.seconds - r.store)).toLocaleString('en')} rows/s), ` +
        `${r.store.toFixed(1)} s writing to the store (${Math.round(r.imported / r.store).toLocaleString('en')} rows/s); ` +
        `SQLite alone, copying the same ${r.ceiling.rows.toLocaleString('en')} rows into a fresh store inside SQLite: ` +
        `${Math.round(r.ceiling.rows / r.ceiling.seconds).toLocaleString('en')} rows/s (the ceiling for the store on this machine)`,
    );
  }
  console.log(
    '  (the generated files stay in the temp folder for later runs; delete them to regenerate)',
  );
}
