/**
 * Builds the renderer into dist/renderer/. Relative asset URLs (`base: './'`) let the same build
 * be served by Electron's app:// protocol and by the browser host.
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { RENDERER_CSP_META } from './electron/core/web/renderer-csp.ts';

/** Writes the renderer's Content-Security-Policy into index.html from its single definition. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'faceshop-csp-meta',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: RENDERER_CSP_META },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: true,
    // Fabric alone is ~300 kB minified; the app is loaded from disk, not the network.
    chunkSizeWarningLimit: 1500,
  },
});
