import { afterEach, describe, expect, it } from 'vitest';
import { readTimeline, statusText, statusToPost } from '../src/sources/mastodon.js';
import { pollSources } from '../src/sources/poll.js';
import { followFeed, followMastodon } from '../src/sources/registry.js';
import { type FakeMastodon, startMastodon, status } from './helpers/http-fixtures.js';
import { type LiveFixture, liveFixture } from './helpers/live-context.js';

let fake: FakeMastodon | undefined;
let live: LiveFixture | undefined;
afterEach(async () => {
  await live?.close();
  await fake?.server.close();
  live = undefined;
  fake = undefined;
});

const ARTICLE_PARAGRAPHS = Array.from(
  { length: 12 },
  (_, i) =>
    `<p>Paragraph ${i + 1}: Pakistan and the Taliban government in Kabul traded accusations over militant sanctuaries along the Durand Line, while China urged restraint and offered to mediate between the two neighbours.</p>`,
).join('');

/** Seven posts on the tag: plain, content warning, other language, a boost, a long article. */
function seedTimeline(f: FakeMastodon): void {
  const o = f.server.origin;
  const original = status(o, {
    id: '110000000000000003',
    content:
      '<p>Russia signed a fuel and wheat agreement with the Taliban, a sign of growing ties between Moscow and Kabul.</p>',
    username: 'steppe',
    remoteDomain: 'social.example',
    displayName: 'Steppe Watch',
    createdAt: '2025-04-10T08:00:00.000Z',
  });
  f.statuses.push(
    status(o, {
      id: '110000000000000001',
      content:
        '<p>Pakistan accused the <a href="https://x.example/tags/taliban" class="mention hashtag" rel="tag">#<span>Taliban</span></a> of sheltering the TTP.<br>Kabul denied it.</p><p><a href="https://news.example/story" rel="nofollow noopener" target="_blank"><span class="invisible">https://</span><span class="ellipsis">news.example/sto</span><span class="invisible">ry</span></a></p>',
      createdAt: '2025-04-08T09:15:00.000Z',
    }),
    status(o, {
      id: '110000000000000002',
      spoiler: 'Violence: attack report',
      content:
        '<p>A suicide bombing in Peshawar killed eleven people; the TTP claimed it and Pakistan blamed militants based in Afghanistan.</p>',
      createdAt: '2025-04-09T11:00:00.000Z',
    }),
    original,
    status(o, {
      id: '110000000000000004',
      content: '',
      reblog: original,
      username: 'relay',
      createdAt: '2025-04-11T07:00:00.000Z',
    }),
    status(o, {
      id: '110000000000000005',
      content: '<p>Сильная поддержка</p>',
      language: 'ru',
      createdAt: '2025-04-12T07:00:00.000Z',
    }),
    status(o, {
      id: '110000000000000006',
      content: `<p>2025-04-01</p><p>Long read, republished in full:</p>${ARTICLE_PARAGRAPHS}<p>2025-04-02</p><p>Update: the talks were postponed.</p>`,
      createdAt: '2025-04-13T07:00:00.000Z',
    }),
    status(o, {
      id: '110000000000000007',
      content:
        '<p>Iran and the Taliban agreed to share the Helmand waters under the 1973 treaty.</p>',
      createdAt: '2025-04-14T07:00:00.000Z',
    }),
  );
}

describe('statuses to documents', () => {
  it('turns HTML into text with line and paragraph breaks', () => {
    expect(
      statusText(
        '<p>One<br>two</p><p>Three <a href="#"><span class="invisible">https://</span>x.org</a></p>',
      ),
    ).toBe('One\ntwo\n\nThree https://x.org');
  });

  it('points a boost to its original and keeps who shared it', () => {
    const o = 'https://mastodon.example';
    const original = status(o, {
      id: '9',
      content: '<p>Original</p>',
      username: 'a',
      remoteDomain: 'b.example',
    });
    const boost = status(o, {
      id: '10',
      content: '',
      reblog: original,
      username: 'c',
      createdAt: '2025-05-01T00:00:00Z',
    });
    const post = statusToPost(boost, o);
    expect(post.location).toBe('https://b.example/@a/9');
    expect(post.key).toBe(statusToPost(original, o).key);
    expect(post.row).toMatchObject({
      author: 'Regional Analyst (@a@b.example)',
      source: '@a@b.example',
    });
    expect(post.row.notes).toMatchObject({ sharedBy: '@c', sharedOn: '2025-05-01' });
  });
});

describe('following a Mastodon tag', () => {
  it('pages back on the first read, forward with min_id later, and stores each post once', async () => {
    fake = await startMastodon();
    seedTimeline(fake);
    live = await liveFixture();
    followMastodon(live.sources, fake.server.origin, '#Afghanistan');
    const tuning = { pageSize: 3 };

    const [first] = await pollSources(await live.context(), live.sources.list(), tuning);
    // 7 timeline entries; the boost points to a post already on the timeline.
    expect(first).toMatchObject({ new: 6, unchanged: 1, failed: 0, error: null });
    expect(fake.timelineQueries.map((q) => q.toString())).toEqual([
      'limit=3',
      'max_id=110000000000000005&limit=3',
      'max_id=110000000000000002&limit=3',
      'max_id=110000000000000001&limit=3',
    ]);
    expect(
      fake.server.requests.every((r) => /^greatgame\//.test(r.headers['user-agent'] ?? '')),
    ).toBe(true);
    const docs = live.documents.list();
    expect(docs).toHaveLength(6);
    expect(docs.map((d) => d.date)).toEqual([
      '2025-04-08',
      '2025-04-09',
      '2025-04-10',
      '2025-04-12',
      '2025-04-13',
      '2025-04-14',
    ]);

    const first1 = live.documents.get(String(docs[0]?.id));
    expect(first1.text).toBe(
      'Pakistan accused the #Taliban of sheltering the TTP.\nKabul denied it.\n\nhttps://news.example/story',
    );
    expect(first1).toMatchObject({
      author: 'Regional Analyst (@analyst@127.0.0.1:' + fake.server.port + ')',
      url: `${fake.server.origin}/@analyst/110000000000000001`,
      path: `${fake.server.origin}/@analyst/110000000000000001`,
      language: 'en',
    });
    expect(docs[1]).toMatchObject({ title: 'Violence: attack report' });
    expect(docs[1]?.notes.contentWarning).toBe('Violence: attack report');
    expect(docs[2]).toMatchObject({
      path: 'https://social.example/@steppe/110000000000000003',
      author: 'Steppe Watch (@steppe@social.example)',
    });
    // Too short for the language identifier: the status's own language stands in.
    expect(docs[3]).toMatchObject({ language: 'ru', languageSupported: false });
    // The republished article stays one document, whole, despite its date lines.
    const article = live.documents.get(String(docs[4]?.id));
    expect(article.entry).toBeNull();
    expect(article.text).toContain('Paragraph 1:');
    expect(article.text).toContain('Paragraph 12:');
    expect(article.text).toContain('the talks were postponed');

    // New posts arrive; the next read takes everything newer than the last seen, page by page.
    for (let i = 8; i <= 12; i++) {
      fake.statuses.push(
        status(fake.server.origin, {
          id: `1100000000000000${String(i).padStart(2, '0')}`,
          content: `<p>Post ${i}: India sent wheat to Afghanistan through Iran's Chabahar port, deepening cooperation with Kabul.</p>`,
          createdAt: `2025-04-${14 + i}T07:00:00.000Z`,
        }),
      );
    }
    fake.timelineQueries.length = 0;
    const [second] = await pollSources(await live.context(), live.sources.list(), tuning);
    expect(second).toMatchObject({ new: 5, unchanged: 0, failed: 0 });
    const queries = fake.timelineQueries.map((q) => q.toString());
    expect(queries[0]).toBe('min_id=110000000000000007&limit=3');
    expect(queries.every((q) => q.startsWith('min_id='))).toBe(true); // never since_id
    expect(live.documents.list()).toHaveLength(11);

    const [third] = await pollSources(await live.context(), live.sources.list(), tuning);
    expect(third).toMatchObject({ new: 0, failed: 0 });
    const paths = live.documents.list().map((d) => d.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(live.sources.list()[0]).toMatchObject({ items: 11, lastNew: 0, lastError: null });
  });

  it('waits for a 429 until the reset time it names, then goes on', async () => {
    fake = await startMastodon();
    seedTimeline(fake);
    fake.next.push((_req, res) => {
      const reset = new Date(Date.now() + 700).toISOString();
      res
        .writeHead(429, {
          'content-type': 'application/json',
          'x-ratelimit-limit': '300',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset': reset,
        })
        .end('{"error":"Too many requests"}');
      return true;
    });
    live = await liveFixture({ maxWaitMs: 5000 });
    followMastodon(live.sources, fake.server.origin, 'afghanistan');
    const started = Date.now();
    const [report] = await pollSources(await live.context(), live.sources.list());
    expect(report).toMatchObject({ new: 6, error: null });
    expect(Date.now() - started).toBeGreaterThanOrEqual(600);
    const [a, b] = fake.server.requests;
    expect((b?.at ?? 0) - (a?.at ?? 0)).toBeGreaterThanOrEqual(600);
  });

  it('holds back when X-RateLimit-Remaining reaches 0, and gives up beyond the cap', async () => {
    fake = await startMastodon(2);
    seedTimeline(fake);
    fake.rateLimit = {
      limit: 300,
      remaining: 0,
      reset: () => new Date(Date.now() + 400).toISOString(),
    };
    live = await liveFixture({ maxWaitMs: 2000 });
    followMastodon(live.sources, fake.server.origin, 'afghanistan', { backfillPages: 2 });
    const [report] = await pollSources(await live.context(), live.sources.list(), { pageSize: 2 });
    expect(report).toMatchObject({ new: 4, error: null });
    const [a, b] = fake.server.requests;
    expect((b?.at ?? 0) - (a?.at ?? 0)).toBeGreaterThanOrEqual(300);

    // A reset an hour away is more than the cap: the poll stops with a message, keeping what it has.
    fake.rateLimit = null;
    fake.next.push((_req, res) => {
      res
        .writeHead(429, { 'x-ratelimit-reset': new Date(Date.now() + 3_600_000).toISOString() })
        .end('{}');
      return true;
    });
    const [capped] = await pollSources(await live.context(), live.sources.list());
    expect(capped?.error).toMatch(/asks to wait 3600 s, more than the 2 s cap/);
    expect(live.documents.counts().documents).toBe(4);
  });

  it('asks for a token when the server requires authentication, and sends it once given', async () => {
    fake = await startMastodon();
    seedTimeline(fake);
    fake.requireToken = 's3cret';
    live = await liveFixture();
    followMastodon(live.sources, fake.server.origin, 'afghanistan');
    const ctx = await live.context();
    const [report] = await pollSources(ctx, live.sources.list());
    expect(report?.error).toMatch(
      /requires authentication to read timelines \(HTTP 401\).*--token TOKEN/,
    );
    expect(ctx.summary.failures[0]?.location).toBe(`${fake.server.origin} #afghanistan`);
    expect(live.sources.list()[0]?.lastError).toMatch(/--token TOKEN/);

    followMastodon(live.sources, fake.server.origin, 'afghanistan', { token: 'wrong' });
    const [refused] = await pollSources(await live.context(), live.sources.list());
    expect(refused?.error).toMatch(/refused the access token/);

    followMastodon(live.sources, fake.server.origin, 'afghanistan', { token: 's3cret' });
    const [ok] = await pollSources(await live.context(), live.sources.list());
    expect(ok).toMatchObject({ new: 6, error: null });
    expect(fake.server.requests.at(-1)?.headers.authorization).toBe('Bearer s3cret');
  });

  it('reports a malformed JSON reply, goes on with the next source, and keeps what was stored', async () => {
    fake = await startMastodon();
    seedTimeline(fake);
    live = await liveFixture();
    followMastodon(live.sources, fake.server.origin, 'afghanistan');
    await pollSources(await live.context(), live.sources.list());
    expect(live.documents.counts().documents).toBe(6);

    followMastodon(live.sources, fake.server.origin, 'taliban');
    followFeed(live.sources, `${fake.server.origin}/missing.xml`);
    fake.statuses.push(
      status(fake.server.origin, {
        id: '110000000000000009',
        content: '<p>Later post about Kabul and Islamabad.</p>',
      }),
    );
    fake.next.push((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('[{"id": "1100000000000000');
      return true;
    });
    fake.next.push((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify([
          { id: '42', content: 'no account' },
          status(fake?.server.origin ?? '', {
            id: '43',
            content: '<p>Fine post about Pakistan and China.</p>',
          }),
        ]),
      );
      return true;
    });
    const ctx = await live.context();
    const reports = await pollSources(ctx, live.sources.list());
    expect(reports[0]?.error).toMatch(/malformed JSON reply/);
    expect(reports[1]).toMatchObject({ new: 1, failed: 1 });
    expect(reports[2]?.error).toMatch(/HTTP 404/);
    expect(ctx.summary.failures.map((f) => f.reason)).toEqual([
      expect.stringMatching(/malformed JSON reply/),
      'no "created_at"',
      expect.stringMatching(/HTTP 404/),
    ]);
    expect(live.documents.counts().documents).toBe(7);
    // The cursor did not move for the source whose reply was malformed: the next poll catches up.
    const [again] = await pollSources(await live.context(), live.sources.list().slice(0, 1));
    expect(again).toMatchObject({ new: 1, error: null });
  });

  it('reads a timeline with the Link header and an abort signal', async () => {
    fake = await startMastodon();
    seedTimeline(fake);
    live = await liveFixture();
    const controller = new AbortController();
    controller.abort(new Error('interrupted'));
    await expect(
      readTimeline(live.client, {
        server: fake.server.origin,
        tag: 'x',
        since: null,
        signal: controller.signal,
      }),
    ).rejects.toThrow(/interrupted/);
    expect(fake.server.requests).toHaveLength(0);
  });
});
