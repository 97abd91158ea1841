import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  resolve: {
    alias: {
      // micromark's browser build decodes entities through `document`, which the import worker does not have;
      // the plain build (a table of entities) runs in the page, the worker and Node alike.
      'decode-named-character-reference': fileURLToPath(new URL('../node_modules/decode-named-character-reference/index.js', import.meta.url)),
    },
  },
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome120', sourcemap: true },
});
