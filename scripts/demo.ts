// `npm run demo`: the main job without the window, offline, on Node 20 or later. It builds the demo case from
// fixtures/demo, runs the analysis, exports a bundle signed with a throw-away identity and verifies it, printing
// where each file is. The same commands a user runs (cli/), in this one process.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { caseArchiveBytes } from '../shared/archive/archive-writer';
import { runCli } from '../cli/main';
import { buildDemoCase } from '../fixtures/demo-case';

const folder = resolve(process.argv[2] ?? 'demo-output');
const at = (name: string) => join(folder, name);
const shown = (path: string) => (relative(process.cwd(), path).startsWith('..') ? path : relative(process.cwd(), path));

/** Runs one CLI command; its output is kept, and a failure ends the demo with it. */
async function step(title: string, ...argv: string[]): Promise<string[]> {
  const lines: string[] = [];
  const code = await runCli(argv, (line) => lines.push(line), (line) => lines.push(line));
  if (code !== 0) {
    console.error(`${title} failed:\n${lines.join('\n')}`);
    process.exit(1);
  }
  return lines;
}

rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });

console.log('1. Building the demo case from fixtures/demo (logs, model answers, terms, claims)…');
writeFileSync(at('demo.evcase'), await caseArchiveBytes(await buildDemoCase()));
console.log(`   ${shown(at('demo.evcase'))}`);

console.log('2. Running the analysis (attribution, harvesting campaign, terms)…');
const report = await step('The analysis', 'analyze', at('demo.evcase'), '--actor', 'demo');
writeFileSync(at('analysis.txt'), `${report.join('\n')}\n`);
const conclusion = report.find((line) => /consistent with derivation|not distinguishable|not concluded/i.test(line));
if (conclusion) console.log(`   ${conclusion.trim()}`);
console.log(`   ${shown(at('analysis.txt'))} (the whole report)`);

console.log('3. Making a throw-away signing identity…');
const passphrase = randomBytes(18).toString('base64url');
process.env.EVIDENCE_P12_PASSPHRASE = passphrase;
writeFileSync(at('throwaway-passphrase.txt'), `${passphrase}\n`, { mode: 0o600 });
const identity = await step('The identity', 'identity', 'new', '--name', 'Demo Signer', '--org', 'Evidence Desk demo', '--out', at('throwaway.p12'));
const fingerprint = /fingerprint ([0-9A-F:]{95})/.exec(identity.join('\n'))?.[1];
console.log(`   ${shown(at('throwaway.p12'))} (passphrase in ${shown(at('throwaway-passphrase.txt'))}), certificate SHA-256 ${fingerprint}`);

console.log('4. Exporting the evidence bundle, signed…');
const bundle = await step('The bundle', 'bundle', at('demo.evcase'), '--out', at('demo-bundle.pdf'), '--p12', at('throwaway.p12'), '--actor', 'demo');
console.log(`   ${bundle[0]}`);

console.log('5. Verifying the bundle against its signer and the case…');
const verified = await step('The verification', 'verify', at('demo-bundle.pdf'), '--case', at('demo.evcase'), ...(fingerprint ? ['--signer', fingerprint] : []));
for (const line of verified.slice(0, 3)) console.log(`   ${line}`);

console.log(`\nDone. The case, its analysis, the signed bundle and the identity are in ${shown(folder)}/.`);
console.log('Open the bundle in any PDF reader; open the case in the app (Open case archive…) once Electron is installed.');
