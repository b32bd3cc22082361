/**
 * The API under load at 50,000 relations: `GET /api/network?at=DATE` for 50
 * different dates from 50 concurrent clients (autocannon), against
 * `greatgame serve` in its own process on 127.0.0.1.
 *
 *   cold — a fresh server with `--no-precompute`: the evidence read and
 *          indexed and the request path warmed at start (as `serve` always
 *          does: a few builds of the latest month, which also arrange the
 *          index's timeline for the default view), but no network answer
 *          computed or cached beyond that one month, which is not among the
 *          50 dates; each of the 50 dates asked once, all 50 at once, on 50
 *          connections opened first; repeated on ROUNDS fresh servers; then
 *          once more with autocannon, whose connections open with these
 *          very requests;
 *   after precomputation — the same (autocannon) on a server as
 *          `greatgame serve` starts by default, once its background
 *          computation of the slider's month ends has finished: every
 *          answer is cached, so this measures serving cached answers on 50
 *          new connections;
 *   cold-start run — 10 s of the 50 dates round and round from a fresh server;
 *   warm — then 10 s more on that server (every answer cached).
 *
 * Then, where /usr/bin/chromium exists, the page in Chromium: the time from
 * the app's script starting to the first network drawn (performance marks).
 * The store is generated (seeded) and cached in $TMPDIR. Prints, asserts nothing.
 *
 *   node bench/api.mjs [--relations 50000] [--rounds 3] [--seconds 10] [--seed 1]
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { Pool } from 'undici';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli', 'bin.js');
const CHROMIUM = '/usr/bin/chromium';
const STORE_VERSION = 2;
/** The actors the generated news is about (those the knowledge base holds), and how many pairs of them it names. */
const REGION =
  'USA TAL PAK CHN IND RUS IRN AFG TTP ISK BLA UZB TJK TKM KAZ KGZ QAT SAU ARE TUR GBR EU UN NATO CSTO SCO HQN AQ ETIM UKR ISR JPN DEU FRA BGD AZE'.split(
    ' ',
  );
const PAIRS = 450;

function flag(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const RELATIONS = flag('relations', 50_000);
const ROUNDS = flag('rounds', 5);
const SECONDS = flag('seconds', 10);
const SEED = flag('seed', 1);
const CLIENTS = 50;
const PER_DOCUMENT = 25;

/** mulberry32: small, seeded, deterministic. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A store of PER_DOCUMENT relations a document, written through the store classes. */
async function generateStore(file) {
  const { openStore } = await import('../dist/store/database.js');
  const { DocumentStore } = await import('../dist/store/documents.js');
  const { RelationStore } = await import('../dist/store/relations.js');
  const { loadKnowledgeBase } = await import('../dist/knowledge/actors.js');
  const { loadLexicon } = await import('../dist/knowledge/lexicon.js');
  const { extractionFingerprint } = await import('../dist/extract/run.js');
  const { sha256 } = await import('../dist/ingest/fingerprint.js');
  const { COOPERATIVE_KINDS, HOSTILE_KINDS } = await import('../dist/domain/relation.js');
  const kb = loadKnowledgeBase();
  const fingerprint = extractionFingerprint(kb, loadLexicon());
  const actors = REGION.filter((id) => kb.actors.has(id));
  const random = rng(SEED);
  const pick = (list) => list[Math.floor(random() * list.length)];
  // A few actors carry most of the news (a skewed choice), and the news names
  // a few hundred pairs, each leaning one way until, for some, a flip year.
  const actor = () => actors[Math.floor(random() ** 2 * actors.length)];
  const pairs = new Map();
  while (pairs.size < PAIRS) {
    const [a, b] = [actor(), actor()];
    if (a === b || pairs.has(`${a},${b}`) || pairs.has(`${b},${a}`)) continue;
    pairs.set(`${a},${b}`, {
      a,
      b,
      lean: random() < 0.55 ? 0.8 : 0.2,
      flip: random() < 0.3 ? 2005 + Math.floor(random() * 20) : 9999,
    });
  }
  const pairList = [...pairs.values()];
  // Zipf-like: the first pairs are named far more often.
  const cumulative = [];
  let total = 0;
  pairList.forEach((_p, i) => cumulative.push((total += 1 / (i + 1) ** 0.8)));
  const pair = () => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return pairList[lo];
  };
  const outlets = Array.from({ length: 300 }, (_, i) => `Outlet ${i + 1}`);
  const modalities = [
    'asserted',
    'asserted',
    'asserted',
    'asserted',
    'reported',
    'reported',
    'hypothetical',
    'negated',
  ];
  const words =
    'border trade corridor talks militants refugees water dam pipeline sanctions visit summit envoy railway airbase ceasefire'.split(
      ' ',
    );
  const db = openStore(file);
  const documents = new DocumentStore(db);
  const relations = new RelationStore(db);
  const count = Math.ceil(RELATIONS / PER_DOCUMENT);
  for (let d = 0; d < count; d++) {
    const year = 2001 + Math.floor(random() * 25);
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const date = `${year}-${month}-${day}`;
    const found = [];
    let text = `Report ${d + 1} from ${date}.\n\n`;
    for (let k = 0; k < Math.min(PER_DOCUMENT, RELATIONS - d * PER_DOCUMENT); k++) {
      const p = pair();
      const [a, b] = random() < 0.5 ? [p.a, p.b] : [p.b, p.a];
      const lean = year >= p.flip ? 1 - p.lean : p.lean;
      const polarity = random() < lean ? 1 : -1;
      const kind = pick(polarity > 0 ? COOPERATIVE_KINDS : HOSTILE_KINDS);
      const quote = `${a} and ${b}: ${kind.toLowerCase()} over ${pick(words)} ${pick(words)}, item ${d + 1}.${k + 1}`;
      const start = text.length;
      text += `${quote}. `;
      found.push({
        source: a,
        target: b,
        polarity,
        kind,
        modality: pick(modalities),
        date: random() < 0.2 ? `${year}-${month}` : date,
        docDate: date,
        quote,
        start,
        end: start + quote.length,
        sentenceStart: start,
        sentenceEnd: start + quote.length + 1,
        trigger: kind.toLowerCase(),
        rule: 'bench',
        symmetric: false,
      });
    }
    const location = `bench:/${d + 1}.txt`;
    const bytes = new TextEncoder().encode(text);
    const [saved] = documents.saveInput(
      { location, bytes, encoding: 'utf-8', mediaType: 'text', inputHash: sha256(bytes) },
      [
        {
          path: location,
          file: `${d + 1}.txt`,
          entry: null,
          title: `Report ${d + 1}`,
          author: null,
          date,
          dateBasis: 'manifest',
          source: pick(outlets),
          url: null,
          language: 'en',
          languageSupported: true,
          text,
          offsetMap: [{ cleanStart: 0, rawStart: 0, length: text.length }],
          rawStart: 0,
          rawEnd: text.length,
          notes: {},
          warnings: [],
        },
      ],
    );
    relations.save(saved.id, fingerprint, 'bench', { mentions: [], relations: found });
  }
  const { n } = db.prepare('SELECT COUNT(*) AS n FROM relations').get();
  db.close();
  return n;
}

async function cachedStore() {
  const file = path.join(
    os.tmpdir(),
    `greatgame-bench-api-v${STORE_VERSION}-${RELATIONS}r-seed${SEED}.db`,
  );
  if (existsSync(file)) return file;
  const partial = `${file}.partial-${process.pid}`;
  const started = performance.now();
  const n = await generateStore(partial);
  for (const suffix of ['-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  renameSync(partial, file);
  console.log(
    `generated ${n} relations in ${((performance.now() - started) / 1000).toFixed(1)} s: ${file}`,
  );
  return file;
}

/** `greatgame serve --port 0` in a child process; resolves to its address and a stop function. */
function startServer(store, { precompute = false } = {}) {
  const args = [
    'serve',
    '--port',
    '0',
    '--store',
    store,
    ...(precompute ? [] : ['--no-precompute']),
  ];
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...process.env, GREATGAME_TOKEN: 'bench' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = /app:\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      // With the precomputation, wait until it has finished.
      if (m && (!precompute || /ready:/.test(out)))
        resolve({
          url: m[1],
          ready: /ready:\s+(.*)/.exec(out)?.[1],
          stop: () =>
            new Promise((done) => {
              child.once('exit', done);
              child.kill('SIGTERM');
            }),
        });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

/** 50 month ends from 2021-01 on. */
const DATES = Array.from({ length: 50 }, (_, i) => {
  const y = 2021 + Math.floor(i / 12);
  return `${y}-${String((i % 12) + 1).padStart(2, '0')}`;
});

function dateRequests() {
  let next = 0;
  return [
    {
      method: 'GET',
      setupRequest: (request) => ({
        ...request,
        path: `/api/network?at=${DATES[next++ % DATES.length]}`,
      }),
    },
  ];
}

function run(options) {
  return new Promise((resolve, reject) => {
    autocannon(
      { connections: CLIENTS, pipelining: 1, ...options, requests: dateRequests() },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

/**
 * 50 keep-alive connections, opened and used once (GET /api/meta), then the
 * 50 dates at once, one a connection: each request's own latency, in ms.
 */
async function coldOnOpenConnections(url) {
  const pool = new Pool(url, { connections: CLIENTS, pipelining: 1 });
  try {
    const get = async (path) => {
      const started = performance.now();
      const response = await pool.request({ method: 'GET', path });
      await response.body.text();
      if (response.statusCode !== 200) throw new Error(`${path}: HTTP ${response.statusCode}`);
      return performance.now() - started;
    };
    await Promise.all(Array.from({ length: CLIENTS }, () => get('/api/meta')));
    return await Promise.all(DATES.map((date) => get(`/api/network?at=${date}`)));
  } finally {
    await pool.close();
  }
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (x) => `${x.toFixed(1)} ms`;

async function pageTiming(url) {
  if (!existsSync(CHROMIUM)) {
    console.log(`page: ${CHROMIUM} not found; skipped`);
    return;
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 950 } });
    const times = [];
    for (let k = 0; k < 4; k++) {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForSelector('body[data-drawn-date]', { timeout: 60_000 });
      times.push(
        await page.evaluate(() => ({
          script: performance.getEntriesByName('gg:first-network')[0]?.duration ?? NaN,
          navigation: performance.getEntriesByName('gg:network-drawn')[0]?.startTime ?? NaN,
          edges: globalThis.document.querySelectorAll('[data-testid="edge-row"]').length,
        })),
      );
    }
    const [first, ...rest] = times;
    const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(
      `page (Chromium, ${first.edges} edges drawn): first load ${ms(first.script)} from the app's script (${ms(first.navigation)} from navigation, a cold browser); ` +
        `reloads median ${ms(median(rest.map((t) => t.script)))} (${ms(median(rest.map((t) => t.navigation)))} from navigation)`,
    );
  } finally {
    await browser.close();
  }
}

async function main() {
  if (!existsSync(CLI)) throw new Error('dist/ is missing: run npm run build');
  const store = await cachedStore();
  console.log(
    `API bench: ${RELATIONS} relations, ${DATES.length} dates (${DATES[0]} … ${DATES.at(-1)}), ${CLIENTS} concurrent clients, ${os.cpus().length} CPU(s), load ${os.loadavg()[0].toFixed(1)}`,
  );

  // How fast this machine runs a trivial loop, to read the figures against.
  const ones = new Float64Array(50_000).fill(1);
  let sum = 0;
  const t0 = performance.now();
  for (let k = 0; k < 200; k++) for (let i = 0; i < ones.length; i++) sum += ones[i];
  const ns = ((performance.now() - t0) / (200 * ones.length)) * 1e6;
  console.log(
    `machine: ${ns.toFixed(1)} ns per step of a trivial loop (about 1 on an idle laptop; sum ${sum})`,
  );

  const cold = [];
  let server;
  for (let round = 1; round <= ROUNDS; round++) {
    if (server) await server.stop();
    server = await startServer(store);
    cold.push(...(await coldOnOpenConnections(server.url)));
  }
  cold.sort((a, b) => a - b);
  console.log(
    `cold (first request per date on ${ROUNDS} fresh servers, no precomputation; 50 connections opened first): ` +
      `p50 ${ms(percentile(cold, 50))}, p99 ${ms(percentile(cold, 99))}, max ${ms(cold.at(-1))}`,
  );
  await server.stop();
  server = await startServer(store);
  const opening = await run({ url: server.url, amount: DATES.length });
  if (opening.non2xx > 0 || opening.errors > 0)
    throw new Error(`cold: ${opening.non2xx} non-2xx, ${opening.errors} errors`);
  console.log(
    `cold with autocannon (each date once; its 50 connections opened by these requests): p50 ${ms(opening.latency.p50)}, p99 ${ms(opening.latency.p99)}, max ${ms(opening.latency.max)}`,
  );

  // The same on a server as `greatgame serve` starts by default: the month
  // ends the slider asks for computed in the background after start.
  await server.stop();
  server = await startServer(store, { precompute: true });
  const served = await run({ url: server.url, amount: DATES.length });
  console.log(
    `first request per date after start-up precomputation (${server.ready}): p50 ${ms(served.latency.p50)}, p99 ${ms(served.latency.p99)}, max ${ms(served.latency.max)}`,
  );

  // A whole run from a fresh server: the cold requests and the warm ones after them.
  await server.stop();
  server = await startServer(store);
  const start = await run({ url: server.url, duration: SECONDS });
  // (no precomputation on this one: its first requests are computed on demand)
  if (start.non2xx > 0 || start.errors > 0)
    throw new Error(`cold start: ${start.non2xx} non-2xx, ${start.errors} errors`);
  console.log(
    `cold-start run (${SECONDS} s from a fresh server, ${start.requests.total} requests): p50 ${ms(start.latency.p50)}, p99 ${ms(start.latency.p99)}, max ${ms(start.latency.max)}`,
  );

  const warm = await run({ url: server.url, duration: SECONDS });
  if (warm.non2xx > 0 || warm.errors > 0)
    throw new Error(`warm: ${warm.non2xx} non-2xx, ${warm.errors} errors`);
  console.log(
    `warm (${SECONDS} s, every date cached; ${warm.requests.total} requests, ${Math.round(warm.requests.average)} req/s, ${(warm.throughput.average / 1e6).toFixed(1)} MB/s): ` +
      `p50 ${ms(warm.latency.p50)}, p90 ${ms(warm.latency.p90)}, p99 ${ms(warm.latency.p99)}, max ${ms(warm.latency.max)}`,
  );
  const sample = await (await fetch(`${server.url}/api/network?at=${DATES[25]}`)).text();
  const parsed = JSON.parse(sample);
  console.log(
    `one answer: ${parsed.nodes.length} nodes, ${parsed.edges.length} edges, ${(sample.length / 1024).toFixed(0)} KiB`,
  );
  try {
    await pageTiming(`${server.url}/`);
  } finally {
    await server.stop();
  }
}

mkdirSync(os.tmpdir(), { recursive: true });
main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
