/**
 * The report in a real browser (Debian's chromium through playwright-core):
 * it renders without console errors, its drawing and triads are visible,
 * and a hostile title is shown as text, never run. Screenshots go to
 * test-output/report/. Skips with a notice where chromium is absent —
 * except under CI=true, where that is a failure.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerReport } from '../src/cli/commands/report.js';
import { runCli } from './helpers/cli.js';
import { chromiumAvailable, launchChromium } from './helpers/browser.js';
import { REPO_ROOT } from './helpers/corpus.js';

const SCREENSHOTS = path.join(REPO_ROOT, 'test-output', 'report');

const available = chromiumAvailable("the report's browser tests");

/** A store with a hostile title, and its report. */
async function buildReport(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'gg-report-browser-'));
  const store = path.join(dir, 'store.db');
  writeFileSync(
    path.join(dir, 'a.md'),
    '# <script>alert(1)</script> Border talks\n\nPublished 3 March 2024\n\nPakistan accused the Taliban <img src=x onerror=alert(1)> of sheltering TTP fighters. The Taliban backed the TTP. Pakistan attacked the TTP in North Waziristan.\n',
  );
  writeFileSync(
    path.join(dir, 'b.md'),
    '# Old ties\n\nPublished 5 May 2022\n\nPakistan supported the Taliban. China cooperated with Pakistan. China supported the Taliban. China criticised the TTP. India condemned Pakistan.\n',
  );
  const ingest = runCli([
    'ingest',
    path.join(dir, 'a.md'),
    path.join(dir, 'b.md'),
    '--store',
    store,
  ]);
  expect(ingest.code, ingest.stderr).toBe(0);
  const out = path.join(dir, 'report.html');
  const args = ['--out', out, '--at', '2024-06', '--store', store];
  if (runCli(['help', 'report']).code === 0) {
    const result = runCli(['report', ...args]);
    expect(result.code, result.stderr).toBe(0);
  } else {
    let code = 0;
    const program = new Command('greatgame').option('--store <file>').exitOverride();
    registerReport(
      program,
      { out: () => {}, err: () => {}, interactive: false, env: process.env },
      (c) => {
        code = c;
      },
    );
    await program.parseAsync(['report', ...args], { from: 'user' });
    expect(code).toBe(0);
  }
  return out;
}

describe.skipIf(!available)('the report in chromium', () => {
  let browser: import('playwright-core').Browser;
  let file: string;
  beforeAll(async () => {
    file = await buildReport();
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders without errors, shows the network and triads, and runs nothing', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    const errors: string[] = [];
    const dialogs: string[] = [];
    const requests: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

    await expect.poll(() => page.locator('#network svg').first().isVisible()).toBe(true);
    expect(await page.locator('#triads').isVisible()).toBe(true);
    for (const id of ['blocs', 'timeline', 'sources', 'provenance']) {
      expect(await page.locator(`#${id}`).isVisible()).toBe(true);
    }
    const box = await page.locator('#network svg').first().boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(300);
    expect(await page.locator('#network svg .edge-neg').count()).toBeGreaterThan(0);
    expect(await page.locator('#network svg .edge-pos').count()).toBeGreaterThan(0);

    const body = (await page.textContent('body')) ?? '';
    expect(body).toContain('<script>alert(1)</script>');
    expect(body).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    // Only the page itself is loaded.
    expect(requests.filter((url) => url !== pathToFileURL(file).href)).toEqual([]);

    await page.screenshot({ path: path.join(SCREENSHOTS, 'report-full.png'), fullPage: true });
    await page
      .locator('#network')
      .screenshot({ path: path.join(SCREENSHOTS, 'report-network.png') });
    await page.close();
  });
});
