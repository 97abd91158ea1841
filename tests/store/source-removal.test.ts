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
import { makeCaseData } from '../builders';
import { applyChange } from '../../shared/model/case-change';
import { importChange } from '../../shared/import/source-record';
import { connectTestLogEngine } from '../log-engine-api';
import { keepOnlyCaseLogs } from '../../renderer/db/log-store';

const engine = connectTestLogEngine();

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
  await removeSource(db, linked!, dependents, 'counsel');
  assert.deepEqual([...(await engine.sources(data.case.id)).keys()], [second!.id], 'the log engine keeps only the other file’s rows');

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

test('rows of a removed log that the engine still holds (the app closed before they went) are removed when the case is next opened, and no other', async () => {
  const { db, data } = await storedCase();
  const [linked, second] = data.sources;
  const rows = await engine.window(data.case.id, linked!.id, {}, 0, 1000);
  await removeSource(db, linked!, sourceDependents(linked!.id, targetCatalog(data), data.links), 'counsel');
  // As if the window had closed between the records' transaction and the engine's delete.
  await engine.append(data.case.id, linked!.id, rows);
  await engine.finish(data.case.id, linked!.id);
  assert.equal(await keepOnlyCaseLogs(db, data.case.id), rows.length);
  assert.deepEqual([...(await engine.sources(data.case.id))], [[second!.id, 45_000]]);
});
