import { defineConfig } from 'vite';
import { workerSafeAliases } from '../renderer/vite.config';

export default defineConfig({
  root: 'bench',
  base: './',
  logLevel: 'warn',
  resolve: { alias: workerSafeAliases },
  build: { outDir: '../dist/bench', emptyOutDir: true, target: 'chrome120' },
});
