// Runs the test files of a tier (unit, e2e, or both) with Node's test runner.
// Node 20's runner takes no globs, so the files are listed here.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const tiers = process.argv[2] ? [process.argv[2]] : ['unit', 'e2e'];
const files = tiers.flatMap((tier) =>
  readdirSync(join('tests', tier), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => join('tests', tier, f)),
);
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
