// Runs the test files of a tier, or of every tier but real/, with Node's test runner, in one run so it ends with one summary.
// Tiers, fastest first: pure (shared/ in Node, seconds: the loop to run on every save), heavy (shared/ too, but
// hostile and large inputs and whole-case work: the demo analysed, undone, merged; real terms read), store (IndexedDB through
// fake-indexeddb, log rows in a real log engine), main (the main process's handlers, log engine and packaging), cli (the CLI and bundles, with the poppler and
// qpdf oracles), engines (the warehouse SQL on DuckDB and Debian's ClickHouse), e2e (the built renderer in
// Chromium). real/ reads ../shared/data and runs on its own.
// Node 20's runner takes no globs, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const tiers = process.argv[2] ? [process.argv[2]] : ['pure', 'heavy', 'store', 'main', 'cli', 'engines', 'e2e'];
const files = tiers.flatMap((tier) =>
  readdirSync(join('tests', tier), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => join('tests', tier, f)),
);
// The pure and heavy tiers alone run their files side by side (they touch no shared state); the others share a browser, ports and databases.
const concurrency = tiers.length === 1 && ['pure', 'heavy'].includes(tiers[0]) ? availableParallelism() : 1;
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', `--test-concurrency=${concurrency}`, ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
