// Runs Doyensec's Electronegativity over the desktop side (electron/ and the page's index.html, where the CSP is)
// and fails on any finding not fixed or explained in an `eng-disable` comment it reads beside the code.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'electron-scan-'));
try {
  cpSync(join(root, 'electron'), join(work, 'electron'), { recursive: true });
  cpSync(join(root, 'renderer', 'index.html'), join(work, 'index.html'));
  const report = join(work, 'findings.csv');
  const electron = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const bin = join(root, 'node_modules', '.bin', 'electronegativity');
  // -e: the Electron version we ship, so its defaults are judged right (the tool cannot read it from a copy).
  const run = spawnSync(bin, ['-i', work, '-r', '-e', electron, '-o', report, '-v', 'false'], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(run.stdout, run.stderr);
    throw new Error(`electronegativity exited with ${run.status}`);
  }
  const findings = readFileSync(report, 'utf8').trim().split('\n').slice(1).filter(Boolean);
  if (findings.length) {
    console.error(`Electronegativity: ${findings.length} finding(s) to fix, or to explain with an eng-disable comment on the line:`);
    for (const line of findings) console.error(`  ${line}`);
    process.exitCode = 1;
  } else {
    console.log(`Electronegativity (Electron ${electron}): no findings in electron/ and index.html`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
