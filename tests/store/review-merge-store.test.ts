import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { verifyAuditChain } from '../../shared/audit/audit-chain';
import { mergeCases, type MergeSide } from '../../shared/audit/merge';
import { markReview, reviewCounts, reviewItems } from '../../shared/audit/review';
import { claimsStateOf, editChange } from '../../shared/claims/case-edit';
import { addClaim } from '../../shared/claims/claim-edits';
import { saveMarker } from '../../shared/analysis/marker-edits';
import { newId } from '../../shared/ids';
import { applyChange } from '../../shared/model/case-change';
import { checkCaseBinding, type CaseData } from '../../shared/model/case-data';
import { caseFromData, storeCase, storeMerge } from '../../renderer/db/archive-store';
import { commitChange, loadCaseData } from '../../renderer/db/case-store';
import { EvidenceDatabase } from '../../renderer/db/database';
import { enterReview, leaveReview } from '../../renderer/db/review-modes';
import { setWorkingIdentity } from '../../renderer/db/working-as';
import { makeCaseData } from '../builders';
import { connectTestLogEngine } from '../log-engine-api';

connectTestLogEngine();

test('a case open for review refuses every edit in the store and keeps nothing of it; marks go through; leaving review mode allows edits again', async () => {
  const memory = makeCaseData({}, 5);
  const db = new EvidenceDatabase(`review-${newId()}`);
  await storeCase(db, caseFromData(structuredClone(memory)), { replace: false });
  const caseId = memory.case.id;
  await enterReview(db, caseId, 'reviewer');
  const before = await loadCaseData(db, caseId);
  await assert.rejects(commitChange(db, caseId, () => editChange(addClaim(claimsStateOf(before), 'unauthorised-access', 'counsel').edit)), /This case is open for review/);
  assert.deepEqual(await loadCaseData(db, caseId), before, 'nothing stored');
  await commitChange(db, caseId, () => markReview(before, { table: 'sources', id: before.sources[0]!.id }, 'approved', '', 'reviewer'));
  assert.equal(reviewCounts(reviewItems(await loadCaseData(db, caseId))).approved, 1);
  await leaveReview(db, caseId);
  // Working with a signing identity: each change records its fingerprint beside the name.
  const fingerprint = 'AB:'.repeat(31) + 'AB';
  setWorkingIdentity(fingerprint);
  await commitChange(db, caseId, () => markReview(before, { table: 'sources', id: before.sources[0]!.id }, 'reviewed', '', 'reviewer'));
  setWorkingIdentity(null);
  assert.equal((await loadCaseData(db, caseId)).audit.at(-1)!.actorFingerprint, fingerprint);
  await commitChange(db, caseId, () => editChange(addClaim(claimsStateOf(before), 'unauthorised-access', 'counsel').edit));
  assert.equal((await loadCaseData(db, caseId)).claims.length, before.claims.length + 1);
});

const side = (data: Omit<CaseData, 'originals'>, name: string): MergeSide => {
  const { audit, logEntries: _rows, ...records } = data;
  return { name, audit, records };
};

test('a merge stored over the case here holds both copies’ work, with the log rows and originals of both, and binds', async () => {
  const demo = await readCaseArchive(new Uint8Array(readFileSync('fixtures/demo.evcase')));
  const db = new EvidenceDatabase(`merge-${newId()}`);
  await storeCase(db, caseFromData(structuredClone(demo)), { replace: false });
  const caseId = demo.case.id;
  const stored0 = await loadCaseData(db, caseId);
  await commitChange(db, caseId, () => editChange(addClaim(claimsStateOf(stored0), 'unauthorised-access', 'counsel').edit));
  const other = structuredClone(demo);
  applyChange(other, editChange(saveMarker(claimsStateOf(other), { kind: 'phrase', label: 'Partner phrase', pattern: 'happy to help', regex: false }, 'partner')));

  const here = await loadCaseData(db, caseId);
  const merged = mergeCases(side(here, 'here'), side(other, 'partner.evcase'), new Map(), 'reviewer');
  await storeMerge(db, caseFromData(other), merged);
  const stored = await loadCaseData(db, caseId);
  assert.equal(stored.claims.length, here.claims.length);
  assert.ok(stored.markers.some((m) => m.label === 'Partner phrase'));
  assert.equal(stored.logEntries.length, demo.logEntries.length, 'the log rows stay, once');
  assert.ok(verifyAuditChain(stored.audit).verified);
  assert.deepEqual(checkCaseBinding(stored).problems, []);
  assert.equal(stored.audit.at(-1)!.action, 'case.merged');
});
