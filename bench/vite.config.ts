import { defineConfig } from 'vite';

export default defineConfig({
  root: 'bench',
  base: './',
  logLevel: 'warn',
  build: { outDir: '../dist/bench', emptyOutDir: true, target: 'chrome120' },
});
