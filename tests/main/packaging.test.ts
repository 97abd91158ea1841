import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, relative, sep } from 'node:path';
import { test } from 'node:test';

// The packaged app cannot be built here (no Electron binary), so the settings electron-builder reads are checked as text.
const config = readFileSync('electron-builder.yml', 'utf8');
const fuses = Object.fromEntries([...(/^electronFuses:\n((?: {2}\w+: \w+\n)+)/m.exec(config)?.[1] ?? '').matchAll(/^ {2}(\w+): (\w+)$/gm)].map(([, k, v]) => [k, v]));

test('the packaged binary has its fuses set: no running as Node, no inspector or NODE_OPTIONS, only our asar, integrity checked', () => {
  assert.deepEqual(fuses, {
    runAsNode: 'false',
    enableCookieEncryption: 'true',
    enableNodeOptionsEnvironmentVariable: 'false',
    enableNodeCliInspectArguments: 'false',
    enableEmbeddedAsarIntegrityValidation: 'true',
    onlyLoadAppFromAsar: 'true',
    grantFileProtocolExtraPrivileges: 'false',
  });
  assert.match(config, /^asar: true$/m);
});

test('DevTools are off in a packaged build: not in the window, not in the menu', () => {
  assert.match(readFileSync('electron/window.ts', 'utf8'), /devTools: !app\.isPackaged,/);
  assert.match(readFileSync('electron/menu.ts', 'utf8'), /\.\.\.\(app\.isPackaged \? \[\] : \[\{ role: 'toggleDevTools' as const \}\]\)/);
});

test('the log engine ships: DuckDB is a production dependency, left out of the main bundle, and its native binding unpacked from the ASAR', async () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  assert.ok(pkg.dependencies['@duckdb/node-api'], 'electron-builder packs only production dependencies');
  assert.equal(pkg.devDependencies['@duckdb/node-api'], undefined);
  const unpacked = /^asarUnpack:\n((?: {2}- .+\n)+)/m.exec(config)?.[1]?.split('\n').filter(Boolean).map((line) => line.replace(/^ {2}- /, '')) ?? [];
  assert.deepEqual(unpacked, ['node_modules/@duckdb/node-bindings-*/**']);

  // The main process as the build bundles it: DuckDB is required at run time, not inlined (a .node file cannot be bundled).
  const { build } = await import('esbuild');
  const out = await build({ entryPoints: ['electron/main.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron', '@duckdb/node-api'], write: false, logLevel: 'silent' });
  const main = out.outputFiles[0]!.text;
  assert.match(main, /require\("@duckdb\/node-api"\)/);
  assert.doesNotMatch(main, /node-bindings/);
  assert.match(readFileSync('scripts/build-electron.mjs', 'utf8'), /external: \['electron', '@duckdb\/node-api'\]/, 'the build script leaves it out the same way');

  // This platform's binding, and the DuckDB library it loads, are where the unpack pattern reaches.
  const require = createRequire(import.meta.url);
  const binding = relative(process.cwd(), require.resolve(`@duckdb/node-bindings-${process.platform}-${process.arch}/duckdb.node`)).split(sep).join('/');
  assert.match(binding, /^node_modules\/@duckdb\/node-bindings-[a-z0-9-]+\/duckdb\.node$/);
  assert.ok(readdirSync(dirname(binding)).some((f) => /duckdb\.(so|dylib|dll)$/.test(f)), 'the library beside the binding is unpacked with it');
});
