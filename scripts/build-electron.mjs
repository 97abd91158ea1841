// Bundles the main process and the preload into CommonJS files. The sandboxed
// preload must be a single file that requires nothing but `electron`. The log
// engine (DuckDB) stays a require: its native binding is loaded from
// node_modules, unpacked from the ASAR (electron-builder.yml).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['electron', '@duckdb/node-api'], sourcemap: true, logLevel: 'warning' };
await build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' });
