/**
 * Debian's Chromium driven by playwright-core, with every console error, page error and CSP
 * violation collected, so a test can assert the page stayed clean.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_HINT, findChromium } from '../../../scripts/lib/chromium.mjs';

export interface ChromiumSession {
  readonly browser: Browser;
  readonly page: Page;
  /** Console errors, uncaught exceptions and CSP violations seen so far. */
  readonly problems: string[];
  close(): Promise<void>;
}

export async function openChromium(url: string): Promise<ChromiumSession> {
  const executablePath = findChromium();
  if (executablePath === null) throw new Error(`No Chromium found. ${CHROMIUM_HINT}`);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  await page.goto(url);
  return { browser, page, problems, close: () => browser.close() };
}
