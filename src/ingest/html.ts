/**
 * HTML to readable text: Mozilla's Readability (the Firefox reader view)
 * on linkedom's DOM picks the article; metadata comes from the standard
 * places (article:* and og:* meta tags, JSON-LD, <time>, the byline).
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { normaliseIsoDate } from './dates.js';

export interface HtmlExtract {
  /** Article text, one block element per line, paragraphs split by blank lines. */
  text: string;
  title: string | null;
  author: string | null;
  date: string | null;
  siteName: string | null;
  language: string | null;
}

const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'UL',
]);
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
]);

export function extractHtml(html: string): HtmlExtract {
  const { document } = parseHTML(html);
  const meta = readMetadata(document);
  // Readability mutates the document it reads, so metadata is taken first.
  let article: ReturnType<Readability<string>['parse']> = null;
  try {
    article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  } catch {
    article = null; // malformed markup: fall back to the whole body below
  }
  let text: string;
  if (article?.content) {
    const { document: fragment } = parseHTML(
      `<!doctype html><html><body>${article.content}</body></html>`,
    );
    text = blockText(fragment.body as unknown as Node);
  } else {
    const { document: again } = parseHTML(html);
    text = blockText((again.body ?? again.documentElement) as unknown as Node);
  }
  return {
    text,
    title: meta.title ?? clean(article?.title) ?? meta.pageTitle,
    author: meta.author ?? clean(article?.byline)?.replace(/^by\s+/i, '') ?? null,
    date: meta.date ?? (article?.publishedTime ? normaliseIsoDate(article.publishedTime) : null),
    siteName: meta.siteName ?? clean(article?.siteName) ?? null,
    language: meta.language ?? clean(article?.lang) ?? null,
  };
}

/** Text of a DOM subtree with a line break around every block element. */
function blockText(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      parts.push((node.textContent ?? '').replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP_TAGS.has(tag)) return;
    const block = BLOCK_TAGS.has(tag);
    if (block) parts.push('\n\n');
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) parts.push('\n\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

interface PageMetadata {
  title: string | null;
  pageTitle: string | null;
  author: string | null;
  date: string | null;
  siteName: string | null;
  language: string | null;
}

function readMetadata(document: ReturnType<typeof parseHTML>['document']): PageMetadata {
  const metaContent = (...keys: string[]): string | null => {
    for (const key of keys) {
      const el =
        document.querySelector(`meta[property="${key}"]`) ??
        document.querySelector(`meta[name="${key}"]`) ??
        document.querySelector(`meta[itemprop="${key}"]`);
      const value = clean(el?.getAttribute('content'));
      if (value) return value;
    }
    return null;
  };
  const ld = readJsonLd(document);
  const dateText =
    metaContent(
      'article:published_time',
      'og:published_time',
      'datePublished',
      'pubdate',
      'date',
      'dc.date',
      'DC.date.issued',
    ) ??
    ld.date ??
    clean(document.querySelector('time[datetime]')?.getAttribute('datetime'));
  return {
    title: metaContent('og:title', 'twitter:title') ?? ld.title,
    // <title> often carries " | Site Name": Readability's title trims it, so
    // the raw one is the last resort.
    pageTitle: clean(document.querySelector('title')?.textContent),
    author: metaContent('author', 'article:author', 'dc.creator') ?? ld.author,
    date: dateText ? normaliseIsoDate(dateText) : null,
    siteName: metaContent('og:site_name', 'application-name') ?? ld.publisher,
    language:
      clean(document.documentElement?.getAttribute('lang'))?.slice(0, 2).toLowerCase() ?? null,
  };
}

interface JsonLdFacts {
  title: string | null;
  author: string | null;
  date: string | null;
  publisher: string | null;
}

function readJsonLd(document: ReturnType<typeof parseHTML>['document']): JsonLdFacts {
  const facts: JsonLdFacts = { title: null, author: null, date: null, publisher: null };
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]'),
  ) as Element[]) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // broken JSON-LD is common; the other sources still apply
    }
    const nodes = Array.isArray(data)
      ? data
      : [data, ...((data as { '@graph'?: unknown[] })?.['@graph'] ?? [])];
    for (const node of nodes) {
      if (!node || typeof node !== 'object') continue;
      const n = node as Record<string, unknown>;
      facts.title ??= str(n.headline);
      facts.date ??= str(n.datePublished);
      facts.author ??= nameOf(n.author);
      facts.publisher ??= nameOf(n.publisher);
    }
  }
  return facts;
}

function nameOf(value: unknown): string | null {
  if (Array.isArray(value)) return nameOf(value[0]);
  if (typeof value === 'string') return clean(value);
  if (value && typeof value === 'object') return str((value as Record<string, unknown>).name);
  return null;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? clean(value) : null;
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}
