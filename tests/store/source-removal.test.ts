import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { verifyAuditChain } from '../../shared/audit/audit-chain';
import { buildClaimChart } from '../../shared/claims/claim-chart';
import { claimsStateOf } from '../../shared/claims/case-edit';
import { sourceDependents, targetCatalog } from '../../shared/claims/targets';
import { newId } from '../../shared/ids';
import { runImport } from '../../shared/import/run-import';
import { EvidenceDatabase } from '../../renderer/db/database';
import { caseFromData, storeCase } from '../../renderer/db/archive-store';
import { loadCaseData } from '../../renderer/db/case-store';
import { removeSource } from '../../renderer/features/evidence/sources-store';
import { CancellationError } from '../../shared/errors';
import { makeCaseData } from '../builders';
import { applyChange } from '../../shared/model/case-change';
import { importChange } from '../../shared/import/source-record';

/** The builder's case plus a second, larger log file, stored in a fresh database. */
async function storedCase() {
  const data = makeCaseData();
  const lines = Array.from({ length: 45_000 }, (_, i) => JSON.stringify({ ts: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(), account: `acct-${i % 7}`, prompt: `p${i}` }));
  const now = new Date('2026-03-03T09:00:00Z');
  applyChange(data, importChange((await runImport({ caseId: data.case.id, sources: data.sources, tosDocuments: data.tosDocuments, tosVersions: data.tosVersions }, { kind: 'log', file: { name: 'second.jsonl', bytes: new TextEncoder().encode(lines.join('\n')) } }, 'counsel', now)).records), now);
  const db = new EvidenceDatabase(`test-${newId()}`);
  await storeCase(db, caseFromData(data), { replace: false });
  return { db, data };
}

test('removing a file removes its rows and original, keeps the links and annotations (now broken), and records it', async () => {
  const { db, data } = await storedCase();
  const [linked, second] = data.sources;
  const dependents = sourceDependents(linked!.id, targetCatalog(data), data.links);
  assert.deepEqual([dependents.logRows, dependents.links.length, dependents.annotations.length], [1, 1, 1]);
  const progress: number[] = [];
  await removeSource(db, linked!, dependents, 'counsel', { progress: (_phase, done) => progress.push(done) });
  assert.deepEqual(progress, [1]);

  const after = await loadCaseData(db, data.case.id);
  assert.deepEqual(after.sources.map((s) => s.fileName), ['second.jsonl']);
  assert.equal(after.logEntries.length, 45_000, 'only the removed file’s rows go');
  assert.equal(after.originals.has(linked!.id), false);
  assert.ok(after.originals.has(second!.id));
  assert.equal(after.links.length, data.links.length, 'links stay');
  assert.equal(after.annotations.length, data.annotations.length, 'annotations stay');
  const chart = buildClaimChart(claimsStateOf(after), targetCatalog(after));
  assert.equal(chart.totals.broken, 1);
  const event = after.audit.at(-1)!;
  assert.equal(event.action, 'source.removed');
  assert.deepEqual(event.details.brokenLinks, [data.links[0]!.id]);
  assert.ok(verifyAuditChain(after.audit).verified);
});

test('a removal cancelled part-way leaves every row, the file and the history as they were', async () => {
  const { db, data } = await storedCase();
  const big = data.sources[1]!;
  const before = await loadCaseData(db, data.case.id);
  let steps = 0;
  const cancel = new AbortController();
  const progress = () => {
    steps++;
    cancel.abort();
  };
  await assert.rejects(
    removeSource(db, big, sourceDependents(big.id, targetCatalog(data), data.links), 'counsel', { signal: cancel.signal, progress }),
    CancellationError,
  );
  assert.equal(steps, 1, 'it had deleted one step of rows before the cancel');
  assert.deepEqual(await loadCaseData(db, data.case.id), before);
});
