import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { cli } from '../run-cli';

const DEMO = 'fixtures/demo';
let file: string;

before(async () => {
  file = join(await mkdtemp(join(tmpdir(), 'cli-analyze-')), 'case.evcase');
  await cli('init', file, '--title', 'Northwind v. Lumen');
  for (const args of [
    [`${DEMO}/api-gateway-2026Q1.jsonl`, '--kind', 'log'],
    [`${DEMO}/output-pairs.jsonl`, '--kind', 'pairs'],
    [`${DEMO}/tos-2025-01-15.md`, '--kind', 'tos', '--effective', '2025-01-15', '--title', 'API Terms'],
    [`${DEMO}/tos-2025-06-01.html`, '--kind', 'tos', '--effective', '2025-06-01', '--title', 'API Terms'],
    [`${DEMO}/tos-2026-01-10.txt`, '--kind', 'tos', '--effective', '2026-01-10', '--title', 'API Terms'],
  ]) {
    const result = await cli('import', file, ...args);
    assert.equal(result.code, 0, result.err);
  }
});

test('analyze --json gives one entry per metric with the paired comparison against the control', async () => {
  const result = await cli('analyze', file, '--json');
  assert.equal(result.code, 0, result.err);
  const analysis = JSON.parse(result.out);
  assert.equal(analysis.pairs.metrics.length, 6);
  for (const m of analysis.pairs.metrics) {
    for (const key of ['metric', 'pairs', 'meanSuspect', 'meanControl', 'difference', 'ci95', 'pValue', 'z']) assert.ok(key in m, `${m.metric} has ${key}`);
    assert.ok(m.meanSuspect >= 0 && m.meanSuspect <= 1 && m.meanControl >= 0 && m.meanControl <= 1);
    assert.equal(m.pairs, 10);
    assert.ok(m.ci95[0] <= m.difference && m.difference <= m.ci95[1]);
  }
  assert.ok(analysis.pairs.settings.caseFold === true && typeof analysis.softwareVersion === 'string');
  // A new case looks for the default markers: the demo's refusals share the English and the Chinese template.
  const refusal = analysis.pairs.markers.find((m: { label: string }) => m.label === 'I can’t help with…');
  assert.deepEqual([refusal.original, refusal.suspect, refusal.control, refusal.originalAndSuspect], [1, 1, 0, 1]);
  assert.equal(analysis.pairs.settings.markers.length, analysis.pairs.markers.length);
  assert.deepEqual(analysis.campaign.clusters.map((c: { accounts: string[] }) => c.accounts.length), [14, 11, 9]);
  assert.deepEqual(analysis.tos.documents[0].versions.map((v: { effectiveDate: string }) => v.effectiveDate), ['2025-01-15', '2025-06-01', '2026-01-10']);
  const campaignAccount = analysis.campaign.clusters[0].accounts[0];
  assert.deepEqual(analysis.tos.accounts.find((a: { account: string }) => a.account === campaignAccount).inForce, [{ title: 'API Terms', versions: ['2025-06-01', '2026-01-10'] }]);

  const text = await cli('analyze', file);
  assert.match(text.out, /Output pairs: 10 \(10 with a control output\)/);
  assert.match(text.out, /Cluster 1: 14 accounts/);
});

test('redline --json between the versions in force on two dates', async () => {
  const v1v2 = JSON.parse((await cli('redline', file, '--title', 'api terms', '--from', '2025-03-01', '--to', '2025-07-01', '--json')).out);
  assert.deepEqual([v1v2.from.effectiveDate, v1v2.to.effectiveDate], ['2025-01-15', '2025-06-01']);
  const added = v1v2.clauses.find((c: { status: string; to: { number: string } | null }) => c.status === 'added' && c.to?.number === '3.4');
  assert.match(added.to.text, /develop models that compete with Northwind AI/);
  assert.equal(added.from, null);

  const v2v3 = JSON.parse((await cli('redline', file, '--title', 'API Terms', '--from', '2025-07-01', '--to', '2026-02-01', '--json')).out);
  const renumbered = v2v3.clauses.filter((c: { status: string }) => c.status === 'renumbered').map((c: { from: { number: string }; to: { number: string } }) => `${c.from.number}>${c.to.number}`);
  assert.deepEqual(renumbered, ['2.2>2.3', '2.3>2.4']);
  assert.deepEqual([v2v3.summary.renumbered, v2v3.summary.added, v2v3.summary.splitWarning], [2, 1, null]);
  assert.ok(v2v3.clauses.every((c: { from: { citation: string } | null; to: { citation: string } | null }) => (c.to ?? c.from)!.citation), 'every clause carries its citation');
  assert.ok(v2v3.clauses.every((c: { status: string }) => ['unchanged', 'formatting', 'renumbered', 'changed', 'added', 'removed'].includes(c.status)));

  const text = await cli('redline', file, '--title', 'API Terms', '--from', '2025-07-01', '--to', '2026-02-01');
  assert.match(text.out, /3\.4 CHANGED\n .*\[\+, whether directly or through a third party\+\]/);
});

test('redline refuses what it cannot answer, and says why', async () => {
  assert.equal((await cli('redline', file, '--title', 'API Terms', '--from', '2025-03-01')).code, 2);
  assert.equal((await cli('redline', file, '--title', 'API Terms', '--from', '2025-02-30', '--to', '2025-07-01')).code, 2);
  const unknown = await cli('redline', file, '--title', 'Privacy Policy', '--from', '2025-03-01', '--to', '2025-07-01');
  assert.deepEqual([unknown.code, /it has “API Terms”/.test(unknown.err)], [1, true]);
  const early = await cli('redline', file, '--title', 'API Terms', '--from', '2024-01-01', '--to', '2025-07-01');
  assert.deepEqual([early.code, /No version of “API Terms” was in force on 2024-01-01; the first took effect on 2025-01-15/.test(early.err)], [1, true]);
});
