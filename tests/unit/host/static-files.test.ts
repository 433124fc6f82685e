import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf, resolveStaticFile } from '../../../electron/core/web/static-files';
import { injectShim } from '../../../electron/host/host-server';

const root = path.resolve('/srv/renderer');

describe('static files', () => {
  it.each([
    ['/', 'index.html'],
    ['/index.html', 'index.html'],
    ['/assets/index-abc.js', 'assets/index-abc.js'],
    ['/assets/a%20b.css', 'assets/a b.css'],
  ])('maps %s inside the folder', (urlPath, relative) => {
    expect(resolveStaticFile(root, urlPath)).toBe(path.join(root, relative));
  });

  it.each([
    '/../package.json',
    '/assets/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc/passwd',
    '/a%00.js',
    '/%E0%A4%A',
  ])('refuses %s', (urlPath) => {
    expect(resolveStaticFile(root, urlPath)).toBeNull();
  });

  it('names content types so that nosniff browsers run scripts', () => {
    expect(contentTypeOf('/x/app.js')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('/x/index.HTML')).toMatch(/^text\/html/);
    expect(contentTypeOf('/x/blob.bin')).toBe('application/octet-stream');
  });

  it('injects the shim before the app script', () => {
    const html = '<head><script type="module" src="./a.js"></script></head>';
    const injected = injectShim(html);
    expect(injected.indexOf('/__faceshop/shim.js')).toBeLessThan(injected.indexOf('./a.js'));
  });
});
