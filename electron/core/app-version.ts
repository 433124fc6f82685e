/**
 * The app's version, stamped into each bundle by the build (scripts/build.mjs) from
 * package.json. Unbundled runs (unit tests) have no stamp and report "development".
 */
declare const __FACESHOP_VERSION__: string | undefined;

export const APP_VERSION: string =
  typeof __FACESHOP_VERSION__ === 'string' ? __FACESHOP_VERSION__ : 'development';
