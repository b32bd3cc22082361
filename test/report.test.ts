/**
 * `greatgame report`: one self-contained, script-free HTML page built from a
 * store, with every piece of document text escaped.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerReport } from '../src/cli/commands/report.js';
import { clip, escapeHtml } from '../src/report/html.js';
import { runCli } from './helpers/cli.js';

/** Runs `greatgame report` through the built CLI when it has the command, else in process. */
async function report(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  if (runCli(['help', 'report']).code === 0) return runCli(['report', ...args]);
  const out: string[] = [];
  const err: string[] = [];
  let code = 0;
  const program = new Command('greatgame').option('--store <file>').exitOverride();
  registerReport(
    program,
    { out: (s) => out.push(s), err: (s) => err.push(s), interactive: false, env: process.env },
    (c) => {
      code = c;
    },
  );
  await program.parseAsync(['report', ...args], { from: 'user' });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

/** A small store with hostile text in a title and in a quote. */
function buildStore(prefix: string): { dir: string; store: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const store = path.join(dir, 'store.db');
  const files: Record<string, string> = {
    'a.md':
      '# <script>alert(1)</script> Border talks\n\nPublished 3 March 2024\n\nPakistan accused the Taliban <img src=x onerror=alert(1)> of sheltering TTP fighters. The Taliban backed the TTP. Pakistan attacked the TTP in North Waziristan.\n',
    'b.md':
      '# Old ties\n\nPublished 5 May 2022\n\nPakistan supported the Taliban. China cooperated with Pakistan. China supported the Taliban. China criticised the TTP. India condemned Pakistan.\n',
  };
  for (const [name, body] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), body);
  }
  writeFileSync(
    path.join(dir, 'meta.jsonl'),
    `${JSON.stringify({ file: 'b.md', source: 'Example Outlet', author: 'A. Writer', url: 'https://example.org/old-ties?a=1&b=<2>' })}\n`,
  );
  const result = runCli([
    'ingest',
    path.join(dir, 'a.md'),
    path.join(dir, 'b.md'),
    '--manifest',
    path.join(dir, 'meta.jsonl'),
    '--store',
    store,
  ]);
  expect(result.code, result.stderr).toBe(0);
  return { dir, store };
}

describe('escapeHtml and clip', () => {
  it('escapes the five HTML metacharacters and bounds length', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(clip('x'.repeat(50), 10)).toHaveLength(10);
    expect(clip('a  b\n c', 10)).toBe('a b c');
  });
});

describe('greatgame report', () => {
  let html: string;
  let out: string;
  beforeAll(async () => {
    const { dir, store } = buildStore('gg-report-');
    out = path.join(dir, 'report.html');
    const result = await report(['--out', out, '--at', '2024-06', '--store', store]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/report:/);
    html = readFileSync(out, 'utf8');
  });

  it('has every section', () => {
    for (const id of ['network', 'blocs', 'triads', 'timeline', 'sources', 'provenance']) {
      expect(html).toContain(`<section id="${id}">`);
    }
    expect(html).toMatch(/<section id="network">[\s\S]*<svg[\s\S]*<\/section>/);
  });

  it('runs no script and loads nothing: CSP, no <script> tag, no external resource', () => {
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<(link|iframe|object|embed)\b/i);
    // The only web addresses are the documents' own, shown as links to them.
    const urls = [...html.matchAll(/https?:\/\/[^\s"<]*/g)].map((m) => m[0]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url).toBe('https://example.org/old-ties?a=1&amp;b=&lt;2&gt;');
    // No tag loads anything (escaped document text may still read "src=").
    const tags = [...html.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0]);
    expect(tags.filter((t) => /\b(src|srcset|xlink:href|on[a-z]+)=/i.test(t))).toEqual([]);
    expect(html).not.toMatch(/url\(/i);
  });

  it('shows hostile titles and quotes as escaped text', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Border talks');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('draws positive edges solid and negative edges dashed, with a legend', () => {
    const lines = [...html.matchAll(/<(line|path) [^>]*>/g)].map((m) => m[0]);
    const pos = lines.filter((l) => l.includes('edge-pos'));
    const neg = lines.filter((l) => l.includes('edge-neg'));
    expect(pos.length).toBeGreaterThan(1);
    expect(neg.length).toBeGreaterThan(1);
    expect(pos.every((l) => !l.includes('stroke-dasharray'))).toBe(true);
    expect(neg.every((l) => l.includes('stroke-dasharray'))).toBe(true);
    expect(html).toMatch(/dashed/);
  });

  it('lists the unbalanced triad with the quotes behind its edges, the blocs and provenance', () => {
    // China backs both Pakistan and the Taliban, who are at odds: ++−.
    expect(html).toMatch(/CHN · PAK · TAL/);
    const triads = html.slice(
      html.indexOf('<section id="triads">'),
      html.indexOf('<section id="timeline">'),
    );
    expect(triads).toContain('China supported the Taliban');
    expect(triads).toContain('China cooperated with Pakistan');
    expect(triads).toMatch(/Frustration index: <strong>\d+ \(proven optimal\)/);
    const blocs = html.slice(
      html.indexOf('<section id="blocs">'),
      html.indexOf('<section id="triads">'),
    );
    expect(blocs).toMatch(/Herfindahl index: \d\.\d{3}/);
    expect(blocs).toMatch(/TTP/); // an armed group: unmeasured
    const provenance = html.slice(html.indexOf('<section id="provenance">'));
    expect(provenance).toContain('rules-1');
    expect(provenance).toMatch(/actors\.yaml[\s\S]*sha256 [0-9a-f]{64}/);
    expect(provenance).toMatch(/lexicon\.yaml/);
    const sources = html.slice(
      html.indexOf('<section id="sources">'),
      html.indexOf('<section id="provenance">'),
    );
    expect(sources).toContain('Example Outlet');
    expect(sources).toContain('A. Writer');
  });

  it('charts the main pairs through time', () => {
    const section = html.slice(
      html.indexOf('<section id="timeline">'),
      html.indexOf('<section id="sources">'),
    );
    expect((section.match(/<svg/g) ?? []).length).toBe(6);
    expect(section).toMatch(/6mo/);
  });

  it('is deterministic', async () => {
    const again = `${out}.again.html`;
    const store = path.join(path.dirname(out), 'store.db');
    await report(['--out', again, '--at', '2024-06', '--store', store]);
    expect(readFileSync(again, 'utf8')).toBe(html);
  });
});
