import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const onlyCommitted = { selector: "MemberExpression[property.name='only']", message: 'Focused tests (.only) must not be committed.' };
const pureShared = { group: ['react', 'react-dom', 'dexie', 'electron', '**/renderer/**', '**/electron/**', '**/cli/**', '**/node/**'], message: 'shared/ is pure TypeScript used by every side.' };
// Original bytes have one owner, originals-store.ts; log rows live in the log engine, reached through log-store.ts; the block store of versions 7–9 is read only to move it there.
const evidenceBytes = { selector: 'MemberExpression[property.name=/^(logBlocks|logIndexes|originalChunks)$/]', message: 'Original bytes are written, read and deleted only through renderer/db/originals-store.ts; the old block store only by block-store-move.ts.' };
const desktopOnlyByApi = { group: ['electron', '**/electron/**', '**/cli/**'], message: 'The renderer talks to the desktop only through window.api.' };
// Dexie itself, by module: only the store modules (renderer/db/, a feature's *-store.ts) open tables; views read through them.
const dexieInStores = { group: ['dexie'], message: 'Only store modules (renderer/db/, a feature’s *-store.ts) import Dexie.' };
const node = ['node:*', 'fs', 'path', 'os', 'child_process'].map((name) => ({ group: [name], message: 'shared/ and renderer/ run without Node.' }));

export default tseslint.config(
  { ignores: ['dist/', 'release/', 'node_modules/', 'fixtures/generated/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', onlyCommitted],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  // The architecture, enforced: shared/ is pure; the renderer never reaches Node or Electron; the main process never reaches the UI.
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...node, pureShared] }],
    },
  },
  {
    // The model is the bottom layer: the features build on it, never the other way.
    files: ['shared/model/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...node, pureShared, { group: ['../analysis/**', '../claims/**', '../import/**', '../bundle/**', '../tos/**', '../search/**', '../archive/**', '../log-store/**'], message: 'shared/model/ does not reach into the features built on it.' }] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    // The build's own config runs in Node, not in the renderer.
    ignores: ['renderer/vite.config.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...node, desktopOnlyByApi, dexieInStores] }],
    },
  },
  // Walls between the renderer's folders: components/ and hooks/ serve every feature and know none; a feature uses another
  // only through that feature's index.ts, which names what it offers.
  {
    files: ['renderer/components/**/*.{ts,tsx}', 'renderer/hooks/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...node, desktopOnlyByApi, dexieInStores, { group: ['**/features/**'], message: 'components/ and hooks/ serve every feature and import none: pass what they need as props.' }] }],
    },
  },
  {
    files: ['renderer/features/*/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...node, desktopOnlyByApi, dexieInStores, { regex: '^\\.\\./(analysis|bundles|cases|claims|evidence)/', message: 'Another feature is used only through its index.ts: import from "../<feature>".' }] }],
    },
  },
  {
    files: ['renderer/db/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...node, desktopOnlyByApi] }],
    },
  },
  {
    files: ['renderer/features/*/*/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...node, desktopOnlyByApi, dexieInStores, { regex: '^\\.\\./\\.\\./(analysis|bundles|cases|claims|evidence)/', message: 'Another feature is used only through its index.ts: import from "../../<feature>".' }] }],
    },
  },
  {
    // Only store modules touch IndexedDB: views and workers call them with the database.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/db/**', 'renderer/**/*-store.ts', 'renderer/vite.config.ts'],
    rules: {
      'no-restricted-syntax': ['error', onlyCommitted, evidenceBytes, { selector: "MemberExpression[object.name='db']", message: 'Read and write the database through a store module (renderer/db/, or a feature’s *-store.ts).' }],
    },
  },
  {
    files: ['renderer/db/**/*.ts', 'renderer/**/*-store.ts'],
    ignores: ['renderer/db/block-store-move.ts', 'renderer/db/originals-store.ts', 'renderer/db/database.ts', 'renderer/db/migrations/**'],
    rules: {
      'no-restricted-syntax': ['error', onlyCommitted, evidenceBytes],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['react', 'react-dom', 'dexie', '**/renderer/**', '**/cli/**'], message: 'The main process does not reach into the UI.' }] }],
    },
  },
  // node/ is Node-only domain code (signing, durable files, fonts) that the main process and the CLI share; the CLI never reaches Electron.
  {
    files: ['node/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'react', 'react-dom', 'dexie', '**/renderer/**', '**/electron/**', '**/cli/**'], message: 'node/ runs in the CLI as in the main process: no Electron, no UI.' }] }],
    },
  },
  {
    files: ['cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'react', 'react-dom', 'dexie', '**/renderer/**', '**/electron/**'], message: 'The CLI is thin over shared/ and node/.' }] }],
    },
  },
);
