/**
 * The Chromium the end-to-end tests drive. Playwright's own browser downloads are not used
 * (they need the internet); Debian's `chromium` package is, or any Chromium/Chrome named by
 * FACESHOP_CHROMIUM.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];

/** @returns {string | null} */
export function findChromium() {
  const chosen = process.env.FACESHOP_CHROMIUM;
  if (chosen) return existsSync(chosen) ? chosen : null;
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

export const CHROMIUM_HINT =
  'Install Chromium (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set FACESHOP_CHROMIUM ' +
  'to a Chromium or Chrome executable.';

/** Flags for a headless Chromium in a container or CI: no GPU, no sandbox, no network chatter. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];
