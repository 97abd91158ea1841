import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
// @ts-expect-error: a plain ES module script, checked by this test rather than by the compiler
import { missingForWindow } from '../../scripts/start.mjs';

const check = missingForWindow as (nodeVersion: string, electronDir: string | null) => string | null;
const readme = readFileSync('README.md', 'utf8');
const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;

test('the README opens with the commands a newcomer runs, each one the package defines, then the prerequisites and the demo', () => {
  const first = /^# Evidence Desk\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(first, 'a shell block right under the title');
  const commands = first.split('\n').filter(Boolean).map((line) => line.replace(/\s+#.*$/, '').trim());
  assert.deepEqual(commands, ['npm install && npm start', 'npm test', 'npm run demo']);
  for (const name of commands.flatMap((c) => c.split('&&')).map((c) => c.trim().replace(/^npm (run )?/, ''))) {
    assert.ok(name === 'install' || name in scripts, `npm ${name} is a script of package.json`);
  }
  const opening = readme.split('\n').slice(0, 30).join('\n');
  assert.match(opening, /Node 22\.12 or later/);
  assert.match(opening, /a network for the first `npm install`/);
  assert.match(opening, /Open the demo case/);
});

test('npm start says what to do when Node is too old or Electron’s binary is missing, and that npm run demo works without the window', () => {
  assert.match(check('v20.20.2', null)!, /^This is Node v20\.20\.2; the app's window \(Electron\) needs Node 22\.12 or later/);
  assert.match(check('v22.11.0', null)!, /needs Node 22\.12 or later/);
  assert.match(check('v22.12.0', null)!, /^Electron’s binary is not installed \(npm install fetches it and needs a network/);
  const dir = mkdtempSync(join(tmpdir(), 'electron-'));
  writeFileSync(join(dir, 'path.txt'), 'electron');
  assert.match(check('v24.1.0', dir)!, /binary is not installed/, 'path.txt naming a binary that is not there');
  mkdirSync(join(dir, 'dist'));
  writeFileSync(join(dir, 'dist', 'electron'), '');
  assert.equal(check('v24.1.0', dir), null);
  const run = spawnSync(process.execPath, ['scripts/start.mjs'], { encoding: 'utf8', env: { ...process.env } });
  if (check(process.version, null)?.startsWith('This is Node')) {
    assert.equal(run.status, 1);
    assert.match(run.stderr, /needs Node 22\.12 or later[\s\S]*`npm run demo` does the same job without the window/);
  }
});

test('npm run demo builds the demo case, analyses it, exports a signed bundle and verifies it, offline, printing where each file is', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'demo-')), 'out');
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', out], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr + run.stdout);
  for (const file of ['demo.evcase', 'analysis.txt', 'throwaway.p12', 'demo-bundle.pdf']) {
    assert.ok(existsSync(join(out, file)), file);
    assert.ok(run.stdout.includes(join(out, file)), `the demo prints where ${file} is`);
  }
  assert.match(run.stdout, /demo-bundle\.pdf verifies: signed by the expected certificate, unchanged, every original intact/);
  // Outside our own check: poppler reads the signature and the pages.
  const sig = spawnSync('pdfsig', [join(out, 'demo-bundle.pdf')], { encoding: 'utf8' });
  assert.match(sig.stdout, /Signer Certificate Common Name: Demo Signer/);
  assert.match(sig.stdout, /Signature Validation: Signature is Valid\./);
});
