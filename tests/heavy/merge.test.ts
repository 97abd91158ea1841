import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { verifyAuditChain } from '../../shared/audit/audit-chain';
import { mergeCases, planMerge, type MergeSide, type MergedCase } from '../../shared/audit/merge';
import { checkRecordBinding } from '../../shared/audit/record-binding';
import { nextUndo, undoChange } from '../../shared/audit/undo';
import { applyChange, type CaseChange } from '../../shared/model/case-change';
import type { CaseData } from '../../shared/model/case-data';
import { claimsStateOf, editChange, type CaseEdit, type ClaimsState } from '../../shared/claims/case-edit';
import { addClaim, updateClaim } from '../../shared/claims/claim-edits';
import { addAnnotation } from '../../shared/claims/evidence-edits';
import { saveMarker } from '../../shared/analysis/marker-edits';

const demoCase = readCaseArchive(new Uint8Array(readFileSync('fixtures/demo.evcase')));
const demo = async () => structuredClone(await demoCase);
const edit = (build: (state: ClaimsState, data: CaseData) => CaseEdit) => (data: CaseData): CaseChange => editChange(build(claimsStateOf(data), data));
const at = (minute: number) => new Date(Date.UTC(2026, 11, 8, 9, minute));

const side = (data: CaseData, name: string): MergeSide => {
  const { audit, originals: _bytes, logEntries: _rows, ...records } = data;
  return { name, audit, records };
};
const asSide = (merged: MergedCase, name: string): MergeSide => ({ name, audit: merged.audit, records: merged.records });

/** The demo case in two copies: a claim added in one, an annotation and a marker in the other, minutes apart. */
async function twoCopies() {
  const a = await demo();
  const b = await demo();
  applyChange(a, edit((s) => addClaim(s, 'unauthorised-access', 'counsel').edit)(a), at(1));
  applyChange(b, edit((s, d) => addAnnotation(s, { target: { kind: 'outputPair', id: d.outputPairs[0]!.id }, label: 'verbatim run', comment: 'same wording' }, 'expert').edit)(b), at(2));
  applyChange(b, edit((s) => saveMarker(s, { kind: 'phrase', label: 'House phrase', pattern: 'as a helpful assistant', regex: false }, 'expert'))(b), at(3));
  return { a, b };
}

test('two copies that each gained work merge into one case that has both, whose history verifies and binds; merging again changes nothing', async () => {
  const { a, b } = await twoCopies();
  const demoEvents = (await demoCase).audit.length;
  const plan = planMerge(side(a, 'a.evcase'), side(b, 'b.evcase'));
  assert.equal(plan.kind, 'merge');
  assert.deepEqual(plan.kind === 'merge' && [plan.base.seq, plan.fromA, plan.fromB, plan.conflicts.length], [demoEvents, 1, 2, 0]);

  const merged = mergeCases(side(a, 'a.evcase'), side(b, 'b.evcase'), new Map(), 'reviewer', at(10));
  assert.equal(merged.records.claims.length, a.claims.length, 'the claim added in a');
  assert.equal(merged.records.annotations.length, b.annotations.length, 'the annotation added in b');
  assert.equal(merged.records.markers.length, b.markers.length, 'the marker added in b');
  assert.deepEqual(merged.audit.slice(demoEvents).map((e) => [e.action, e.actor]), [['claim.created', 'counsel'], ['annotation.added', 'expert'], ['marker.added', 'expert'], ['case.merged', 'reviewer']], 'replayed in time order, then the merge');
  const last = merged.audit.at(-1)!;
  assert.deepEqual(last.details.heads, { a: a.audit.at(-1)!.hash, b: b.audit.at(-1)!.hash }, 'the merge names both heads');
  assert.ok(verifyAuditChain(merged.audit).verified);
  assert.deepEqual(checkRecordBinding(merged.audit, merged.records).problems, []);

  const c = asSide(merged, 'c.evcase');
  assert.deepEqual(planMerge(c, side(a, 'a.evcase')), { kind: 'take', side: 'a' }, 'c already holds all of a');
  assert.deepEqual(planMerge(side(b, 'b.evcase'), c), { kind: 'take', side: 'b' }, 'c already holds all of b');
  assert.deepEqual(planMerge(c, c), { kind: 'same' });
  assert.throws(() => mergeCases(c, side(a, 'a.evcase'), new Map(), 'reviewer'), /c\.evcase already holds every change of the other: use it as it is/);
  const again = mergeCases(side(a, 'a.evcase'), side(b, 'b.evcase'), new Map(), 'reviewer', at(10));
  assert.deepEqual(again, merged, 'the same merge made twice gives the same case, byte for byte');
});

test('work done after a merge merges on: only what the other copy lacks is replayed', async () => {
  const { a, b } = await twoCopies();
  const merged = mergeCases(side(a, 'a.evcase'), side(b, 'b.evcase'), new Map(), 'reviewer', at(10));
  applyChange(a, edit((s) => saveMarker(s, { kind: 'phrase', label: 'Second phrase', pattern: 'happy to help', regex: false }, 'expert'))(a), at(20));
  const plan = planMerge(asSide(merged, 'c.evcase'), side(a, 'a.evcase'));
  assert.deepEqual(plan.kind === 'merge' && [plan.fromA, plan.fromB, plan.conflicts.length], [3, 1, 0], 'c brings b’s two changes and its merge; a brings its new marker');
  const d = mergeCases(asSide(merged, 'c.evcase'), side(a, 'a.evcase'), new Map(), 'reviewer', at(30));
  assert.ok(d.records.markers.some((m) => m.label === 'Second phrase'));
  assert.equal(d.audit.filter((e) => e.action === 'claim.created').length, (await demoCase).audit.filter((e) => e.action === 'claim.created').length + 1, 'a’s claim is in the history once');
  assert.deepEqual(checkRecordBinding(d.audit, d.records).problems, []);
});

test('a claim changed differently in both copies is a conflict, shown with both versions and resolved only by an explicit choice', async () => {
  const a = await demo();
  const b = await demo();
  const claim = a.claims[0]!;
  applyChange(a, edit((s) => updateClaim(s, claim.id, { theory: claim.theory, title: 'Breach of the API Terms', description: '' }, 'counsel'))(a), at(1));
  applyChange(b, edit((s) => updateClaim(s, claim.id, { theory: claim.theory, title: 'Unauthorised harvesting', description: '' }, 'partner'))(b), at(2));
  const plan = planMerge(side(a, 'a.evcase'), side(b, 'b.evcase'));
  assert.ok(plan.kind === 'merge');
  assert.equal(plan.conflicts.length, 1);
  const conflict = plan.conflicts[0]!;
  assert.equal(conflict.key, `claims/${claim.id}`);
  assert.deepEqual(conflict.fields.find((f) => f.field === 'title'), { field: 'title', a: 'Breach of the API Terms', b: 'Unauthorised harvesting' });
  assert.deepEqual([conflict.a.by.actor, conflict.b.by.actor], ['counsel', 'partner']);

  assert.throws(() => mergeCases(side(a, 'a.evcase'), side(b, 'b.evcase'), new Map(), 'reviewer'), new RegExp(`1 record\\(s\\) were changed differently in a\\.evcase and b\\.evcase, and each needs a choice: claims/${claim.id}`));
  for (const [choice, title] of [['a', 'Breach of the API Terms'], ['b', 'Unauthorised harvesting']] as const) {
    const merged = mergeCases(side(a, 'a.evcase'), side(b, 'b.evcase'), new Map([[conflict.key, choice]]), 'reviewer', at(10));
    assert.equal(merged.records.claims.find((c) => c.id === claim.id)!.title, title);
    const last = merged.audit.at(-1)!;
    assert.deepEqual(last.details.choices, { [conflict.key]: choice });
    assert.deepEqual(checkRecordBinding(merged.audit, merged.records).problems, [], `taking ${choice}: the merge event binds the record chosen`);
    const data = { ...merged.records, audit: merged.audit } as unknown as CaseData;
    assert.throws(() => undoChange(data, last.seq, 'reviewer'), /is a merge: .* cannot be undone/);
    assert.notEqual(nextUndo(merged.audit)?.action, 'case.merged', 'Undo passes over a merge');
  }
});

test('an undo made in one copy still names the change it undid once replayed', async () => {
  const a = await demo();
  const b = await demo();
  applyChange(b, edit((s) => saveMarker(s, { kind: 'phrase', label: 'House phrase', pattern: 'as a helpful assistant', regex: false }, 'expert'))(b), at(1));
  applyChange(a, edit((s) => addClaim(s, 'unauthorised-access', 'counsel').edit)(a), at(2));
  applyChange(a, undoChange(a, a.audit.at(-1)!.seq, 'counsel'), at(3));
  const merged = mergeCases(side(a, 'a.evcase'), side(b, 'b.evcase'), new Map(), 'reviewer', at(10));
  const undo = merged.audit.find((e) => e.action === 'change.undone')!;
  const undone = merged.audit.find((e) => e.seq === undo.details.event)!;
  assert.equal(undone.action, 'claim.created');
  assert.equal(undo.details.eventHash, undone.hash);
  assert.equal(merged.records.claims.length, b.claims.length, 'the claim stays undone');
});

test('copies of different cases, or with no common history, are refused with the reason', async () => {
  const a = await demo();
  const other = await demo();
  other.case = { ...other.case, id: 'othercase0001' };
  assert.throws(() => planMerge(side(a, 'a.evcase'), side(other, 'x.evcase')), /a\.evcase and x\.evcase are different cases .*only copies of one case merge/);
  const tampered = await demo();
  tampered.audit[2] = { ...tampered.audit[2]!, subject: 'rewritten' };
  assert.throws(() => planMerge(side(a, 'a.evcase'), side(tampered, 't.evcase')), /t\.evcase: its history does not verify/);
});
