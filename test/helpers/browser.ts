/**
 * Debian's chromium through playwright-core, for the browser tests: never a
 * downloaded browser. Where chromium is absent the tests skip with a notice,
 * except under CI=true, where its absence is a failure.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Headless, no sandbox (tests run as root), no GPU, no calls home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** True when chromium is installed; `what` names the tests skipped otherwise. */
export function chromiumAvailable(what: string): boolean {
  if (existsSync(CHROMIUM)) return true;
  if (process.env.CI === 'true')
    throw new Error(`${CHROMIUM} is missing; CI must install chromium (apt-get install chromium)`);
  console.warn(`notice: ${CHROMIUM} not found; skipping ${what}`);
  return false;
}

export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
