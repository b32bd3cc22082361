import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SEEDS_DIR, seedsAvailable } from './helpers/corpus.js';
import { runCliAsync, startCli } from './helpers/cli-async.js';
import { startMastodon, startServer, status, type TestServer } from './helpers/http-fixtures.js';

// Built CLI: run `npm run build` first (npm test does).
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'greatgame-cli-live-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});
let n = 0;
const freshStore = () => path.join(dir, `store-${++n}.db`);

interface DocJson {
  path: string;
  entry: number | null;
  title: string | null;
  author: string | null;
  date: string | null;
  url: string | null;
  language: string;
}

async function docs(store: string): Promise<DocJson[]> {
  const result = await runCliAsync(['docs', '--json', '--store', store]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as DocJson[];
}

const ARTICLE = `<!doctype html><html lang="en"><head><title>Kabul and Tashkent sign a railway deal</title>
<meta property="og:title" content="Kabul and Tashkent sign a railway deal">
<meta property="article:published_time" content="2025-02-11T09:00:00Z"><meta name="author" content="Dilnoza Karimova"></head>
<body><article><h1>Kabul and Tashkent sign a railway deal</h1>
<p>Uzbekistan and the Taliban government signed an agreement to build a railway from Termez to Peshawar through Afghanistan, which Pakistan welcomed as a way to reach Central Asian markets.</p>
<p>Officials in Tashkent said the project would need financing from the Gulf states and from multilateral banks, while Russia expressed interest in using the corridor for its exports to South Asia.</p></article></body></html>`;

describe('greatgame ingest URL', () => {
  it('refuses a URL on 127.0.0.1 by default and fetches it with the documented switch', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/robots.txt') res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
    });
    servers.push(server);
    const url = `${server.origin}/news/railway`;
    const store = freshStore();

    const refused = await runCliAsync(['ingest', url, '--store', store, '--no-extract']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `error: ${url}: refused to connect to 127.0.0.1: a loopback address; pass --allow-private-addresses (or set GREATGAME_ALLOW_PRIVATE=1) to allow it`,
    );
    expect(server.requests).toHaveLength(0);

    const allowed = await runCliAsync([
      'ingest',
      url,
      '--store',
      store,
      '--no-extract',
      '--allow-private-addresses',
      '--json',
    ]);
    expect(allowed.stderr).toBe('');
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ inputs: 1, new: 1, failed: 0 });
    expect(await docs(store)).toEqual([
      expect.objectContaining({
        path: url,
        url,
        title: 'Kabul and Tashkent sign a railway deal',
        author: 'Dilnoza Karimova',
        date: '2025-02-11',
        language: 'en',
      }),
    ]);

    // The environment variable does the same; an unchanged page is not stored again.
    const again = await runCliAsync(['ingest', url, '--store', store, '--no-extract', '--json'], {
      GREATGAME_ALLOW_PRIVATE: '1',
    });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ new: 0, unchanged: 1 });
  });

  it.runIf(seedsAvailable())(
    'splits a fetched page of several dated entries like the same file',
    async () => {
      const seed = readFileSync(path.join(SEEDS_DIR, '002_51638e26ed8c7274.txt'));
      // The same page as a site would render it: one <p> per block.
      const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      const html = `<!doctype html><html lang="en"><head><title>#AfghanTaliban</title></head><body><main>${seed
        .toString('utf8')
        .split(/\n\s*\n/)
        .map((block) => `<p>${escape(block.trim())}</p>`)
        .join('\n')}</main></body></html>`;
      const server = await startServer((req, res) => {
        if (req.url === '/robots.txt') res.writeHead(404).end();
        else if (req.url === '/archive.html')
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
        else res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(seed);
      });
      servers.push(server);
      const url = `${server.origin}/archive/afghan-taliban`;
      const htmlUrl = `${server.origin}/archive.html`;
      const fromUrl = freshStore();
      const fromFile = freshStore();
      const fetched = await runCliAsync([
        'ingest',
        url,
        htmlUrl,
        '--store',
        fromUrl,
        '--no-extract',
        '--allow-private-addresses',
      ]);
      expect(fetched.code).toBe(0);
      const local = await runCliAsync([
        'ingest',
        path.join(SEEDS_DIR, '002_51638e26ed8c7274.txt'),
        '--store',
        fromFile,
        '--no-extract',
      ]);
      expect(local.code).toBe(0);
      const all = await docs(fromUrl);
      const a = all.filter((d) => d.path.startsWith(`${url}#`));
      const h = all.filter((d) => d.path.startsWith(`${htmlUrl}#`));
      const b = await docs(fromFile);
      expect(a.length).toBeGreaterThanOrEqual(5);
      const shape = (d: DocJson) => [d.entry, d.title, d.author, d.date, d.language];
      expect(a.map(shape)).toEqual(b.map(shape));
      expect(a.every((d) => d.date !== null && d.entry !== null)).toBe(true);
      const dated = (d: DocJson) => [d.entry, d.author, d.date, d.language];
      // The rendering joins each block's lines, so the Tamil posts' stacked
      // name/handle/date headers no longer stand alone; the articles split alike.
      const english = (list: DocJson[]) => list.filter((d) => d.language === 'en').map(dated);
      expect(english(h)).toEqual(english(b));
      expect(english(h).length).toBeGreaterThanOrEqual(5);
      expect(a.map((d) => d.path)).toEqual(a.map((d) => `${url}#${d.entry}`));
    },
  );
});

describe('greatgame follow, update and sources', () => {
  it('follows a feed and a Mastodon tag, polls twice without storing anything twice, and lists the sources', async () => {
    const fake = await startMastodon();
    servers.push(fake.server);
    const o = fake.server.origin;
    fake.statuses.push(
      status(o, {
        id: '200',
        content:
          '<p>China and the Taliban discussed the Wakhan corridor and mining contracts in Kabul.</p>',
        createdAt: '2025-06-01T10:00:00Z',
      }),
      status(o, {
        id: '201',
        content:
          '<p>Iran deported thousands of Afghan refugees, and the Taliban protested to Tehran.</p>',
        createdAt: '2025-06-02T10:00:00Z',
      }),
    );
    const feed = await startServer((req, res, srv) => {
      if (req.url === '/robots.txt') res.writeHead(404).end();
      else if (req.url === '/feed.xml')
        res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(
            `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Railway deal</title><link>${srv.origin}/a</link><guid>a-1</guid><pubDate>Tue, 11 Feb 2025 09:00:00 GMT</pubDate><description>Short teaser</description></item></channel></rss>`,
          );
      else res.writeHead(200, { 'content-type': 'text/html' }).end(ARTICLE);
    });
    servers.push(feed);
    const store = freshStore();
    const env = { GREATGAME_ALLOW_PRIVATE: '1' };

    const f1 = await runCliAsync(['follow', 'feed', `${feed.origin}/feed.xml`, '--store', store]);
    expect(f1.code).toBe(0);
    expect(f1.stdout).toMatch(/following feed .*feed\.xml \(source 1\)/);
    const f2 = await runCliAsync([
      'follow',
      'mastodon',
      o,
      '--tag',
      'Afghanistan',
      '--store',
      store,
    ]);
    expect(f2.code).toBe(0);
    const bad = await runCliAsync(['follow', 'mastodon', o, '--store', store]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/needs --tag NAME/);

    const u1 = await runCliAsync(['update', '--json', '--no-extract', '--store', store], env);
    expect(u1.stderr).toBe('');
    expect(u1.code).toBe(0);
    const r1 = JSON.parse(u1.stdout) as {
      sources: { new: number; unchanged: number; failed: number }[];
    };
    expect(r1.sources.map((s) => [s.new, s.unchanged, s.failed])).toEqual([
      [1, 0, 0],
      [2, 0, 0],
    ]);
    const u2 = await runCliAsync(['update', '--json', '--no-extract', '--store', store], env);
    const r2 = JSON.parse(u2.stdout) as typeof r1;
    expect(r2.sources.map((s) => [s.new, s.unchanged, s.failed])).toEqual([
      [0, 1, 0],
      [0, 0, 0],
    ]);
    expect(await docs(store)).toHaveLength(3);

    // Without the switch the poll is refused, reported per source, and exits 1.
    const refused = await runCliAsync(['update', '--json', '--no-extract', '--store', store]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refused to connect to 127\.0\.0\.1: a loopback address/);

    const listed = await runCliAsync(['sources', '--json', '--store', store]);
    expect(listed.code).toBe(0);
    const sources = JSON.parse(listed.stdout) as Record<string, unknown>[];
    expect(sources).toEqual([
      expect.objectContaining({
        id: 1,
        kind: 'feed',
        items: 1,
        lastError: expect.stringMatching(/loopback/),
      }),
      expect.objectContaining({
        id: 2,
        kind: 'mastodon',
        tag: 'Afghanistan',
        items: 2,
        token: false,
      }),
    ]);
    expect(sources[0]?.lastPollAt).toEqual(expect.any(String));
    const text = await runCliAsync(['sources', '--store', store]);
    expect(text.stdout).toMatch(/2 {2}mastodon {2}http:\/\/127\.0\.0\.1:\d+ #Afghanistan/);
  });

  it('keeps polling with --watch and stops cleanly on Ctrl-C, keeping every document', async () => {
    const fake = await startMastodon();
    servers.push(fake.server);
    fake.statuses.push(
      status(fake.server.origin, {
        id: '300',
        content:
          '<p>Pakistan closed the Torkham crossing after clashes with Taliban border guards.</p>',
      }),
    );
    const store = freshStore();
    expect(
      (
        await runCliAsync([
          'follow',
          'mastodon',
          fake.server.origin,
          '--tag',
          'torkham',
          '--store',
          store,
        ])
      ).code,
    ).toBe(0);
    const running = startCli(['update', '--watch', '1s', '--no-extract', '--store', store], {
      GREATGAME_ALLOW_PRIVATE: '1',
    });
    const waitFor = async (test: () => boolean) => {
      for (let i = 0; i < 200 && !test(); i++) await new Promise((r) => setTimeout(r, 50));
    };
    await waitFor(() => /polled 1 source/.test(running.stdout()));
    fake.statuses.push(
      status(fake.server.origin, {
        id: '301',
        content: '<p>The crossing reopened after talks between Islamabad and Kabul.</p>',
      }),
    );
    await waitFor(() => (running.stdout().match(/polled 1 source/g) ?? []).length >= 2);
    running.child.kill('SIGINT');
    const result = await running.done;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /new 1, unchanged 0, failed 0[\s\S]*new 1, unchanged 0, failed 0/,
    );
    expect(result.stderr).toContain('stopped; every stored document is kept');
    expect((await docs(store)).map((d) => d.path)).toEqual([
      `${fake.server.origin}/@analyst/300`,
      `${fake.server.origin}/@analyst/301`,
    ]);
  });
});
