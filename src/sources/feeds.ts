/**
 * RSS 2.0 and Atom feeds (and RDF, which feedsmith reads too) into items:
 * a stable key (GUID, else link), what the item says about itself, and its
 * content when the feed carries the whole article rather than a summary.
 */
import { parseFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';
import { sha256 } from '../ingest/fingerprint.js';
import { isoDay } from './live.js';

export interface FeedItem {
  /** GUID / Atom id, else the link, else a hash of title and date. */
  key: string;
  title: string | null;
  link: string | null;
  date: string | null;
  author: string | null;
  /** The item's HTML: full content when the feed has it, else the summary. */
  html: string | null;
  /** True when `html` is the whole article (no need to follow the link). */
  full: boolean;
  /** Changes when the item changes (its text, title, date or link). */
  contentHash: string;
}

export interface ParsedFeed {
  format: string;
  title: string | null;
  items: FeedItem[];
}

/** Text this long in a description is an article, not a teaser. */
const FULL_TEXT_MIN_CHARS = 1500;

/** The feed could not be read; the message says why. */
export class FeedParseError extends Error {
  override name = 'FeedParseError';
}

export function parseFeedText(text: string): ParsedFeed {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(text);
  } catch (error) {
    throw new FeedParseError(
      `not a readable RSS or Atom feed (${(error as Error).message || (error as Error).name})`,
    );
  }
  const { format, feed } = parsed as { format: string; feed: Record<string, unknown> };
  const rawItems = (format === 'atom' ? feed.entries : feed.items) as unknown;
  const items: FeedItem[] = [];
  for (const raw of Array.isArray(rawItems) ? rawItems : []) {
    if (!raw || typeof raw !== 'object') continue;
    const item = format === 'atom' ? readAtomEntry(raw as AtomEntry) : readRssItem(raw as RssItem);
    if (item) items.push(item);
  }
  return { format, title: textOf(feed.title), items };
}

interface RssItem {
  title?: string;
  link?: string;
  description?: string;
  guid?: { value?: string } | string;
  pubDate?: string;
  authors?: ({ name?: string } | string)[];
  dc?: { creators?: string[]; creator?: string; date?: string; dates?: string[] };
  content?: { encoded?: string };
}

interface AtomText {
  value?: string;
  type?: string;
}

interface AtomEntry {
  id?: string;
  title?: AtomText | string;
  links?: { href?: string; rel?: string }[];
  published?: string;
  updated?: string;
  authors?: { name?: string }[];
  summary?: AtomText | string;
  content?: AtomText | string;
}

function readRssItem(item: RssItem): FeedItem | null {
  const guid = typeof item.guid === 'string' ? item.guid : item.guid?.value;
  const content = item.content?.encoded ?? null;
  const description = item.description ?? null;
  const full = Boolean(content?.trim()) || plainLength(description) >= FULL_TEXT_MIN_CHARS;
  const firstAuthor = item.authors?.[0];
  const author =
    item.dc?.creators?.[0] ??
    item.dc?.creator ??
    (typeof firstAuthor === 'string' ? firstAuthor : firstAuthor?.name) ??
    null;
  return finish({
    guid: guid ?? null,
    title: item.title ?? null,
    link: item.link ?? null,
    date: item.pubDate ?? item.dc?.date ?? item.dc?.dates?.[0] ?? null,
    author: author ? rssAuthorName(author) : null,
    html: content?.trim() ? content : description,
    full,
  });
}

function readAtomEntry(entry: AtomEntry): FeedItem | null {
  const link =
    entry.links?.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href ??
    entry.links?.[0]?.href ??
    null;
  const content = atomHtml(entry.content);
  const summary = atomHtml(entry.summary);
  return finish({
    guid: entry.id ?? null,
    title: textOf(entry.title),
    link,
    date: entry.published ?? entry.updated ?? null,
    author: entry.authors?.[0]?.name ?? null,
    html: content ?? summary,
    full: Boolean(content?.trim()) || plainLength(summary) >= FULL_TEXT_MIN_CHARS,
  });
}

function finish(item: {
  guid: string | null;
  title: string | null;
  link: string | null;
  date: string | null;
  author: string | null;
  html: string | null;
  full: boolean;
}): FeedItem | null {
  const title = item.title ? htmlToPlain(item.title) : null;
  if (!item.guid && !item.link && !title && !item.html) return null; // an empty <item/>
  const date = isoDay(item.date);
  const key = item.guid?.trim() || item.link?.trim() || `hash:${sha256(`${title}\n${date}`)}`;
  return {
    key,
    title,
    link: item.link?.trim() || null,
    date,
    author: item.author?.trim() || null,
    html: item.html,
    full: item.full,
    contentHash: sha256(JSON.stringify([title, item.link, date, item.author, item.html])),
  };
}

/** "jane@example.com (Jane Roe)" → "Jane Roe", as RSS 2.0 writes authors. */
function rssAuthorName(author: string): string {
  const named = /\(([^)]+)\)\s*$/.exec(author);
  return named ? (named[1] as string) : author;
}

function atomHtml(text: AtomText | string | undefined): string | null {
  if (text === undefined) return null;
  if (typeof text === 'string') return escapeHtml(text);
  if (text.value === undefined) return null;
  // Atom text constructs: "text" is plain and must be escaped to be HTML.
  return text.type === 'html' || text.type === 'xhtml' ? text.value : escapeHtml(text.value);
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = (value as AtomText).value;
    return typeof v === 'string' ? v : null;
  }
  return null;
}

function plainLength(html: string | null): number {
  return html ? htmlToPlain(html).length : 0;
}

/** Entities and tags out: feeds put HTML in titles and descriptions. */
export function htmlToPlain(html: string): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  return (document.body?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A feed item as a small HTML page whose metadata the HTML reader knows
 * (og:title, author, article:published_time), so it goes through the same
 * path as a fetched page.
 */
export function itemPage(item: FeedItem, language: string | null): string {
  const meta = (key: string, attr: 'name' | 'property', value: string | null) =>
    value ? `<meta ${attr}="${key}" content="${escapeHtml(value)}">` : '';
  return [
    `<!doctype html><html${language ? ` lang="${escapeHtml(language)}"` : ''}><head><meta charset="utf-8">`,
    item.title ? `<title>${escapeHtml(item.title)}</title>` : '',
    meta('og:title', 'property', item.title),
    meta('author', 'name', item.author),
    meta('article:published_time', 'property', item.date),
    `</head><body><article>${item.html ?? ''}</article></body></html>`,
  ].join('');
}
