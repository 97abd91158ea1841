import { sha256Hex } from '../../shared/hash';
import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DEFAULT_PLAN } from '../../shared/analysis/attribution-plan';
import { findingSaved, makeFinding } from '../../shared/analysis/findings';
import { addClaim, updateClaim } from '../../shared/claims/claim-edits';
import { addLink, removeLink } from '../../shared/claims/evidence-edits';
import { sourceDependents, targetCatalog } from '../../shared/claims/targets';
import { newId } from '../../shared/ids';
import { detectLogSettings } from '../../shared/import/log-import';
import { caseFromData, storeCase } from '../../renderer/db/archive-store';
import { bundleRecord } from '../../shared/bundle/bundle-record';
import type { BundleManifest } from '../../shared/bundle/bundle-manifest';
import { bindStoredCase, checkStoredCase, commitChange, createCase, loadCaseData, updateCase } from '../../renderer/db/case-store';
import { commitEdit } from '../../renderer/features/claims/claims-store';
import { EvidenceDatabase } from '../../renderer/db/database';
import { removeMarker, saveMarker } from '../../shared/analysis/marker-edits';
import { savePlan } from '../../renderer/features/analysis/plans-store';
import { removeSource } from '../../renderer/features/evidence/sources-store';
import { runImportJob, type ImportControl } from '../../renderer/features/evidence/import/import-jobs';
import { chunkedFile } from '../chunked-file';
import { madeBeforeBinding, makeCaseData } from '../builders';
import { connectTestLogEngine } from '../log-engine-api';

const engine = connectTestLogEngine();

const file = (path: string) => chunkedFile(new Uint8Array(readFileSync(path)), path.split('/').at(-1)!);
const control = (): ImportControl => ({ signal: new AbortController().signal, afterwards: () => undefined, progress: () => undefined, ask: async () => true });

test('every change the app makes keeps the stored case bound to its history; a change made around the app is named', async () => {
  const db = new EvidenceDatabase(`binding-${newId()}`);
  const record = await createCase(db, { title: 'Northwind v. Lumen' }, 'counsel');
  const caseId = record.id;
  const log = readFileSync('fixtures/demo/api-gateway-2026Q1.jsonl');
  await runImportJob(db, { kind: 'log', caseId, actor: 'counsel', file: file('fixtures/demo/api-gateway-2026Q1.jsonl'), settings: detectLogSettings(log.toString('utf8', 0, 65536)) }, control());
  await runImportJob(db, { kind: 'pairs', caseId, actor: 'counsel', file: file('fixtures/demo/output-pairs.jsonl') }, control());
  await runImportJob(db, { kind: 'tos', caseId, actor: 'counsel', versions: [{ file: file('fixtures/demo/tos-2025-06-01.html'), effectiveDate: '2025-06-01' }, { file: file('fixtures/demo/tos-2026-01-10.txt'), effectiveDate: '2026-01-10' }] }, control());
  await updateCase(db, caseId, { ...record, parties: 'Northwind AI; Lumen Labs' }, 'counsel');

  let claimId = '';
  await commitEdit(db, caseId, (state) => {
    const made = addClaim(state, 'breach-of-contract', 'counsel');
    claimId = made.claim.id;
    return made.edit;
  });
  await commitEdit(db, caseId, (state) => updateClaim(state, claimId, { theory: 'breach-of-contract', title: 'Breach of the API Terms', description: '' }, 'counsel'));
  const data = await loadCaseData(db, caseId);
  const pairsSource = data.sources.find((s) => s.kind === 'pairs')!;
  const element = data.elements.find((e) => e.claimId === claimId)!;
  let linkId = '';
  await commitEdit(db, caseId, (state) => {
    const made = addLink(state, { elementId: element.id, target: { kind: 'outputPair', id: data.outputPairs[0]!.id }, note: 'The same answer', stance: 'supports' }, 'counsel');
    linkId = made.link.id;
    return made.edit;
  });
  await commitEdit(db, caseId, (state) => addLink(state, { elementId: element.id, target: { kind: 'source', id: data.sources[0]!.id }, note: 'The gateway log', stance: 'supports' }, 'counsel').edit);
  await commitEdit(db, caseId, (state) => removeLink(state, linkId, 'counsel'));
  await commitEdit(db, caseId, (state) => saveMarker(state, { kind: 'phrase', label: 'House phrase', pattern: 'as a helpful assistant', regex: false }, 'expert'));
  const marker = (await db.markers.where('caseId').equals(caseId).toArray()).find((m) => m.label === 'House phrase')!;
  await commitEdit(db, caseId, (state) => saveMarker(state, { kind: 'phrase', label: 'House phrase', pattern: 'as a helpful AI assistant', regex: false }, 'expert', marker.id));
  await commitEdit(db, caseId, (state) => removeMarker(state, marker.id, 'expert'));
  await commitChange(db, caseId, () => findingSaved(makeFinding({ caseId, kind: 'note', title: 'A finding', actor: 'expert', settings: {}, figures: { n: 1 }, rows: [] })));
  await savePlan(db, caseId, 'expert', { ...DEFAULT_PLAN, roles: [{ model: 'atlas-2-large', role: 'original' }, { model: 'lumen-7b-instruct', role: 'suspect' }, { model: 'open-llm-13b', role: 'reference' }, { model: 'orca-lite-7b', role: 'reference' }] });
  const manifest = { bates: { pages: 3, first: 'EV-000001', last: 'EV-000003' }, exhibits: [], originals: [] } as unknown as BundleManifest;
  await commitChange(db, caseId, () => bundleRecord({ caseId, fileName: 'bundle.pdf', sha256: sha256Hex(new Uint8Array([1, 2, 3])), manifest, signer: null, actor: 'counsel', now: new Date() }).change);
  const latest = await loadCaseData(db, caseId);
  await removeSource(db, pairsSource, sourceDependents(pairsSource.id, targetCatalog(latest), latest.links), 'counsel');

  const check = await checkStoredCase(db, caseId);
  assert.deepEqual(check.problems, [], 'imports, details, claims, links, markers, findings, plans, bundles and a source removal all bind what they change');
  assert.equal(check.bound, true);

  await db.claims.update(claimId, { title: 'A milder claim' });
  await db.tosClauses.delete((await db.tosClauses.where('caseId').equals(caseId).first())!.id);
  // The log engine's rows of a log replaced by others, each with another account.
  const logSource = (await db.sources.where('caseId').equals(caseId).toArray()).find((s) => s.kind === 'log')!;
  const rows = await engine.window(caseId, logSource.id, {}, 0, 1_000_000);
  await engine.remove(caseId, logSource.id);
  await engine.append(caseId, logSource.id, rows.map((row) => ({ ...row, account: 'acct_innocent' })));
  await engine.finish(caseId, logSource.id);
  const tampered = await checkStoredCase(db, caseId);
  assert.deepEqual(tampered.problems.map((p) => p.table).sort(), ['claims', 'logEntries', 'tosClauses']);
  assert.ok(tampered.problems.every((p) => p.event !== null), 'each names the event that recorded it');
});

test('a stored case from before binding says so; binding it as found hashes its logs and checks every change after', async () => {
  const db = new EvidenceDatabase(`binding-${newId()}`);
  const data = makeCaseData();
  const legacy = madeBeforeBinding(data);
  await storeCase(db, caseFromData(legacy), { replace: false });
  assert.equal((await checkStoredCase(db, data.case.id)).bound, false);

  await bindStoredCase(db, data.case.id, 'counsel');
  const bound = await checkStoredCase(db, data.case.id);
  assert.deepEqual([bound.bound, bound.problems], [true, []]);
  assert.equal((await db.sources.get(data.sources[0]!.id))!.rowsSha256, data.sources[0]!.rowsSha256, 'the log is hashed as the import would have hashed it');
  await db.links.clear();
  assert.deepEqual((await checkStoredCase(db, data.case.id)).problems.map((p) => [p.table, p.event?.action]), [['links', 'records.bound']]);
});
