/**
 * Where the app's own page lives. The renderer is served from a privileged custom scheme rather
 * than file://, so that the page has a real origin to check senders against and cannot read
 * arbitrary local files the way a file:// page could.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'faceshop';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True for URLs of the app's own page and its files (compared by scheme and host). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
