// The web app: Preact (automatic JSX through Vite's own transformer), built
// into dist/web, which `greatgame serve` serves. No inline script anywhere:
// the server's Content-Security-Policy forbids it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: path.join(here, '..', 'dist', 'web'),
    emptyOutDir: true,
    // The preload polyfill would be inline-ish code the CSP has no need for.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1200,
    sourcemap: false,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:8750' } },
});
