/**
 * The renderer's Content Security Policy, in one place for every way the page is served: as a
 * header by Electron's app:// protocol and by the browser host, and as a <meta> tag written into
 * index.html by the Vite build (the fallback if the file is ever opened some other way).
 *
 * Only the app's own files run; images may also come from blob: (previews made from bytes) and
 * data: (small assets Vite inlines). Nothing remote, no inline script, no eval.
 */
const directives: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'none'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' blob: data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['object-src', "'none'"],
];

/** Only honoured in a header; Chromium reports an error if it appears in a <meta> tag. */
const headerOnlyDirectives: ReadonlyArray<readonly [string, string]> = [
  ['frame-ancestors', "'none'"],
];

const join = (list: ReadonlyArray<readonly [string, string]>) =>
  list.map(([name, value]) => `${name} ${value}`).join('; ');

export const RENDERER_CSP_HEADER = join([...directives, ...headerOnlyDirectives]);
export const RENDERER_CSP_META = join(directives);
