import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * micromark's browser build decodes entities through `document`, which no
 * worker has (the import worker, the bench's workers); its plain build (a
 * table of entities) runs in the page, in workers and in Node alike.
 */
export const workerSafeAliases = {
  'decode-named-character-reference': fileURLToPath(new URL('../node_modules/decode-named-character-reference/index.js', import.meta.url)),
};

export default defineConfig({
  root: 'renderer',
  base: './',
  resolve: { alias: workerSafeAliases },
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome120', sourcemap: true },
});
