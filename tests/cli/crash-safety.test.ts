import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { sha256Hex } from '../../shared/hash';
import { checkCaseBinding } from '../../shared/model/case-data';
import { cli } from '../run-cli';

/** Runs the CLI in a process of its own and kills it (SIGKILL, as a crash or a power cut would) after `ms`. */
function killedAfter(ms: number, ...args: string[]): Promise<'killed' | 'finished'> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], { stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      resolve(signal === 'SIGKILL' ? 'killed' : 'finished');
    });
  });
}

const bytes = (path: string) => new Uint8Array(readFileSync(path));

test('killed at any moment of an import, the case file is the one before or the one after, whole and bound; leftovers go on the next write', { timeout: 300_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'crash-'));
  const path = join(dir, 'case.evcase');
  copyFileSync('fixtures/demo.evcase', path);
  const log = join(dir, 'gateway-late.jsonl');
  writeFileSync(log, Array.from({ length: 150_000 }, (_, i) => JSON.stringify({ ts: new Date(Date.UTC(2026, 2, 1) + i * 1000).toISOString(), account: `acct_${i % 40}`, prompt: `Question ${i}` })).join('\n'));
  const before = await readCaseArchive(bytes(path), 'case.evcase');
  const outcomes: string[] = [];
  // From before the file is read to after it is placed: the CLI takes about two seconds to start and a few more to import.
  for (const ms of [300, 2_500, 3_500, 4_500, 5_500, 7_000, 9_000, 12_000, 16_000, 30_000]) {
    const outcome = await killedAfter(ms, 'import', path, log, '--kind', 'log');
    const after = await readCaseArchive(bytes(path), 'case.evcase');
    const imported = after.sources.length - before.sources.length;
    assert.ok(imported === 0 || imported === 1, `killed after ${ms} ms: ${imported} sources added`);
    assert.deepEqual(checkCaseBinding(after).problems, [], `killed after ${ms} ms: the case is bound`);
    const partials = readdirSync(dir).filter((name) => name.endsWith('.partial')).length;
    outcomes.push(`${outcome} after ${ms} ms: ${imported} added${partials ? `, ${partials} partial file left` : ''}`);
    if (imported === 1) break;
  }
  assert.ok(outcomes.some((o) => o.startsWith('killed') && o.includes(': 0 added')), `some kill left the case as it was (${outcomes.join(', ')})`);
  t.diagnostic(outcomes.join('; '));

  // Whatever the kills left beside the file is removed by the next write, which succeeds.
  const run = await cli('import', path, 'fixtures/demo/tos-2025-01-15.md', '--kind', 'tos', '--effective', '2025-01-15');
  assert.equal(run.code, 0, run.err);
  assert.deepEqual(readdirSync(dir).filter((name) => name.endsWith('.partial')), []);
  assert.deepEqual(checkCaseBinding(await readCaseArchive(bytes(path), 'case.evcase')).problems, []);
});

test('killed at any moment of a bundle export, a bundle on disk is always one its case records', { timeout: 300_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'crash-'));
  const path = join(dir, 'case.evcase');
  copyFileSync('fixtures/demo.evcase', path);
  const out = join(dir, 'bundle.pdf');
  const outcomes: string[] = [];
  for (const ms of [3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 60_000]) {
    const outcome = await killedAfter(ms, 'bundle', path, '--out', out);
    const recorded = (await readCaseArchive(bytes(path), 'case.evcase')).bundles.map((b) => b.sha256);
    const placed = readdirSync(dir).includes('bundle.pdf');
    if (placed) assert.ok(recorded.includes(sha256Hex(bytes(out))), `killed after ${ms} ms: the bundle on disk is recorded in its case`);
    outcomes.push(`${outcome} after ${ms} ms: ${placed ? 'bundle placed' : 'no bundle'}, ${recorded.length} recorded`);
    if (placed) break;
  }
  t.diagnostic(outcomes.join('; '));
  assert.ok(outcomes.at(-1)!.includes('bundle placed'), 'the last run, given time, exports the bundle');
});
