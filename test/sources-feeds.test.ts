import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseFeedText } from '../src/sources/feeds.js';
import { pollSources } from '../src/sources/poll.js';
import { followFeed } from '../src/sources/registry.js';
import { REPO_ROOT } from './helpers/corpus.js';
import { type Handler, startServer, type TestServer } from './helpers/http-fixtures.js';
import { type LiveFixture, liveFixture } from './helpers/live-context.js';

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'sources');
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

let server: TestServer | undefined;
let live: LiveFixture | undefined;
afterEach(async () => {
  await live?.close();
  await server?.close();
  live = undefined;
  server = undefined;
});

/** The feeds and articles, with {{ORIGIN}} replaced by the server's address. */
function siteHandler(
  extra: Record<string, () => [number, Record<string, string>, Buffer]> = {},
): Handler {
  return (req, res, srv) => {
    const url = req.url ?? '/';
    const fill = (name: string) =>
      Buffer.from(fixture(name).toString('latin1').replaceAll('{{ORIGIN}}', srv.origin), 'latin1');
    const table: Record<string, () => [number, Record<string, string>, Buffer]> = {
      '/robots.txt': () => [
        200,
        { 'content-type': 'text/plain' },
        Buffer.from('User-agent: *\nDisallow: /private/\n'),
      ],
      '/rss.xml': () => [
        200,
        { 'content-type': 'application/rss+xml; charset=utf-8', etag: '"rss-1"' },
        fill('rss-summaries.xml'),
      ],
      '/atom.xml': () => [200, { 'content-type': 'application/atom+xml' }, fill('atom-full.xml')],
      '/fr.xml': () => [
        200,
        { 'content-type': 'application/rss+xml' },
        fill('rss-windows-1252.xml'),
      ],
      '/broken.xml': () => [
        200,
        { 'content-type': 'application/rss+xml' },
        fill('rss-malformed.xml'),
      ],
      '/articles/kabul.html': () => [
        200,
        { 'content-type': 'text/html; charset=utf-8' },
        fill('article-kabul.html'),
      ],
      '/articles/moscow.html': () => [
        200,
        { 'content-type': 'text/html' },
        fill('article-moscow.html'),
      ],
      '/fr/kaboul-teheran': () => [
        200,
        { 'content-type': 'text/html' },
        cp1252(
          '<!doctype html><html lang="fr"><head><meta charset="windows-1252"><title>Kaboul et Téhéran — un rapprochement prudent</title></head>' +
            `<body><article><p>${'L’Iran et les talibans ont signé un accord sur les eaux de la rivière Helmand, après des mois de tensions à la frontière. '.repeat(6)}</p></article></body></html>`,
        ),
      ],
      ...extra,
    };
    if (url === '/rss.xml' && req.headers['if-none-match'] === '"rss-1"') {
      res.writeHead(304).end();
      return;
    }
    const route = table[url];
    if (!route) {
      res.writeHead(404).end('not found');
      return;
    }
    const [status, headers, body] = route();
    res.writeHead(status, headers).end(body);
  };
}

/** Windows-1252 bytes for text whose only non-Latin-1 characters are ’ and —. */
function cp1252(text: string): Buffer {
  return Buffer.from(text.replaceAll('’', '\x92').replaceAll('—', '\x97'), 'latin1');
}

describe('feed parsing', () => {
  it('reads RSS 2.0 summaries, Atom full content and a windows-1252 feed', () => {
    const rss = parseFeedText(fixture('rss-summaries.xml').toString('utf8'));
    expect(rss.items.map((i) => [i.key, i.date, i.author, i.full])).toEqual([
      ['frontier-2025-0302-border', '2025-03-02', 'Sana Qureshi', false],
      ['{{ORIGIN}}/articles/moscow.html', '2025-04-17', null, false],
    ]);
    const atom = parseFeedText(fixture('atom-full.xml').toString('utf8'));
    expect(atom.items.map((i) => [i.title, i.date, i.full])).toEqual([
      ['India reopens its embassy in Kabul', '2025-05-09', true],
      ['Tajikistan and the Taliban at odds over the northern border', '2025-05-01', true],
    ]);
    expect(atom.items[1]?.html).toContain('National Resistance Front');
    expect(() => parseFeedText(fixture('rss-malformed.xml').toString('utf8'))).toThrow(
      /not a readable RSS or Atom feed/,
    );
  });
});

describe('polling feeds', () => {
  it('follows summary links to the full article, stores full-content items as they are, and stores each once', async () => {
    server = await startServer(siteHandler());
    live = await liveFixture();
    followFeed(live.sources, `${server.origin}/rss.xml`);
    followFeed(live.sources, `${server.origin}/atom.xml`);

    const first = await pollSources(await live.context(), live.sources.list());
    expect(first.map((r) => [r.new, r.unchanged, r.failed, r.error])).toEqual([
      [2, 0, 0, null],
      [2, 0, 0, null],
    ]);
    const docs = live.documents.list();
    const kabul = docs.find((d) => d.path === `${server?.origin}/articles/kabul.html`);
    expect(kabul).toMatchObject({
      title: 'Islamabad and Kabul trade accusations over border',
      author: 'Sana Qureshi',
      date: '2025-03-02',
      url: `${server.origin}/articles/kabul.html`,
      language: 'en',
    });
    expect(live.documents.get(String(kabul?.id)).text).toContain('Durand Line'); // the article, not the summary
    const moscow = docs.find((d) => d.path === `${server?.origin}/articles/moscow.html`);
    expect(moscow).toMatchObject({ author: 'Ilya Petrov', date: '2025-04-17' });
    const india = docs.find((d) => d.path === `${server?.origin}/letters/india-kabul`);
    expect(india).toMatchObject({
      title: 'India reopens its embassy in Kabul',
      author: 'Meera Nair',
      date: '2025-05-09',
    });
    expect(live.documents.get(String(india?.id)).text).toContain('Chabahar port');
    // Full content in the feed: the link was never fetched.
    const paths = server.requests.map((r) => r.url);
    expect(paths).not.toContain('/letters/india-kabul');
    expect(paths.filter((p) => p === '/articles/kabul.html')).toHaveLength(1);

    const count = live.documents.counts().documents;
    const second = await pollSources(await live.context(), live.sources.list());
    expect(second.map((r) => [r.new, r.unchanged, r.failed])).toEqual([
      [0, 0, 0], // 304 Not Modified: the feed was not even sent again
      [0, 2, 0],
    ]);
    expect(
      server.requests.filter((r) => r.url === '/rss.xml').at(-1)?.headers['if-none-match'],
    ).toBe('"rss-1"');
    expect(live.documents.counts().documents).toBe(count);
  });

  it('decodes a windows-1252 feed and page', async () => {
    server = await startServer(siteHandler());
    live = await liveFixture();
    followFeed(live.sources, `${server.origin}/fr.xml`);
    const [report] = await pollSources(await live.context(), live.sources.list());
    expect(report).toMatchObject({ new: 1, failed: 0, error: null });
    const [doc] = live.documents.list();
    expect(doc).toMatchObject({
      title: 'Kaboul et Téhéran — un rapprochement prudent',
      date: '2025-05-05',
      language: 'fr',
    });
    expect(live.documents.get(String(doc?.id)).text).toContain(
      'L’Iran et les talibans ont signé un accord',
    );
  });

  it('reports a malformed feed and a failing article, goes on with the next source, and loses nothing', async () => {
    let moscowDown = false;
    server = await startServer(
      siteHandler({
        '/articles/moscow.html': () =>
          moscowDown
            ? [404, { 'content-type': 'text/plain' }, Buffer.from('gone')]
            : [200, { 'content-type': 'text/html' }, fixture('article-moscow.html')],
      }),
    );
    live = await liveFixture();
    followFeed(live.sources, `${server.origin}/atom.xml`);
    const ctx0 = await live.context();
    await pollSources(ctx0, live.sources.list());
    const before = live.documents.counts().documents;
    expect(before).toBe(2);

    moscowDown = true;
    followFeed(live.sources, `${server.origin}/broken.xml`);
    followFeed(live.sources, `${server.origin}/rss.xml`);
    const ctx = await live.context();
    const reports = await pollSources(ctx, live.sources.list());
    expect(
      reports.map((r) => [r.url.replace(server?.origin ?? '', ''), r.new, r.unchanged, r.failed]),
    ).toEqual([
      ['/atom.xml', 0, 2, 0],
      ['/broken.xml', 0, 0, 0],
      ['/rss.xml', 1, 0, 1],
    ]);
    expect(reports[1]?.error).toMatch(/not a readable RSS or Atom feed/);
    expect(ctx.summary.failures.map((f) => f.reason)).toEqual([
      expect.stringMatching(/not a readable RSS or Atom feed/),
      'HTTP 404',
    ]);
    expect(live.documents.counts().documents).toBe(before + 1);
    const listed = live.sources.list();
    expect(listed[1]?.lastError).toMatch(/not a readable RSS/);
    expect(listed[2]?.lastFailed).toBe(1);

    // The failed item is tried again next time (the feed's validators were not kept).
    moscowDown = false;
    const again = await pollSources(await live.context(), live.sources.list().slice(2));
    expect(again[0]).toMatchObject({ new: 1, unchanged: 1, failed: 0 });
  });

  it('keeps out of pages robots.txt disallows', async () => {
    server = await startServer(
      siteHandler({
        '/private.xml': () => [
          200,
          { 'content-type': 'application/rss+xml' },
          Buffer.from(
            `<?xml version="1.0"?><rss version="2.0"><channel><title>P</title><item><title>Secret</title><link>${server?.origin}/private/page</link><description>teaser</description></item></channel></rss>`,
          ),
        ],
      }),
    );
    live = await liveFixture();
    followFeed(live.sources, `${server.origin}/private.xml`);
    const ctx = await live.context();
    const [report] = await pollSources(ctx, live.sources.list());
    expect(report).toMatchObject({ new: 0, failed: 1 });
    expect(ctx.summary.failures[0]?.reason).toMatch(/robots\.txt .* disallows greatgame/);
    expect(server.requests.map((r) => r.url)).not.toContain('/private/page');
  });
});
