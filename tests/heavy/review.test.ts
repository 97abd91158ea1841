import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { checkReviewOnly, checkSignOffs, markReview, reviewCounts, reviewItems, signOffChange, signOffStatement } from '../../shared/audit/review';
import { undoChange } from '../../shared/audit/undo';
import { DEFAULT_PLAN, recordPlan } from '../../shared/analysis/attribution-plan';
import { findingSaved, makeFinding } from '../../shared/analysis/findings';
import { saveMarker } from '../../shared/analysis/marker-edits';
import { claimsStateOf, editChange, type CaseEdit, type ClaimsState } from '../../shared/claims/case-edit';
import { addClaim, updateClaim } from '../../shared/claims/claim-edits';
import { addAnnotation, addLink, removeLink } from '../../shared/claims/evidence-edits';
import { applyChange, type CaseChange } from '../../shared/model/case-change';
import { checkCaseBinding, editCaseDetails, type CaseData } from '../../shared/model/case-data';
import { sourceDependents, targetCatalog } from '../../shared/claims/targets';
import { sourceRemoval } from '../../shared/import/source-removal';

const demoCase = readCaseArchive(new Uint8Array(readFileSync('fixtures/demo.evcase')));
const demo = async () => structuredClone(await demoCase);
const edit = (build: (state: ClaimsState, data: CaseData) => CaseEdit) => (data: CaseData): CaseChange => editChange(build(claimsStateOf(data), data));

test('review mode refuses every kind of edit, and takes marks and sign-offs', async () => {
  const data = await demo();
  const edits: [string, CaseChange][] = [
    ['a claim added', edit((s) => addClaim(s, 'unauthorised-access', 'counsel').edit)(data)],
    ['a claim retitled', edit((s) => updateClaim(s, s.claims[0]!.id, { theory: s.claims[0]!.theory, title: 'x', description: '' }, 'counsel'))(data)],
    ['a link added', edit((s, d) => addLink(s, { elementId: s.elements[0]!.id, target: { kind: 'source', id: d.sources[0]!.id }, note: 'n', stance: 'supports' }, 'counsel').edit)(data)],
    ['a link removed', edit((s) => removeLink(s, s.links[0]!.id, 'counsel'))(data)],
    ['an annotation added', edit((s, d) => addAnnotation(s, { target: { kind: 'outputPair', id: d.outputPairs[0]!.id }, label: 'verbatim run', comment: '' }, 'expert').edit)(data)],
    ['a marker added', edit((s) => saveMarker(s, { kind: 'phrase', label: 'p', pattern: 'p', regex: false }, 'expert'))(data)],
    ['a plan recorded', recordPlan(data.case.id, 'expert', { ...DEFAULT_PLAN, roles: data.analysisPlans[0]!.roles, alpha: 0.01 }, data.analysisPlans, data.markers).change],
    ['a finding saved', findingSaved(makeFinding({ caseId: data.case.id, kind: 'note', title: 'A note', actor: 'expert', settings: {}, figures: { n: 1 }, rows: [] }))],
    ['case details', editCaseDetails(data.case, { ...data.case, matterNumber: 'NW-1' }, 'partner')!],
    ['a file removed', sourceRemoval(data, data.sources[0]!, sourceDependents(data.sources[0]!.id, targetCatalog(data), data.links), 'counsel')],
    ['an undo', undoChange(data, [...data.audit].reverse().find((e) => e.action === 'link.added')!.seq, 'counsel')],
    ['a bare event', { audit: [{ actor: 'x', action: 'analysis.run', subject: 'ran' }] }],
  ];
  for (const [name, change] of edits) assert.throws(() => checkReviewOnly(change), /open for review: it can be marked and signed off, but nothing in it can be edited/, name);
  const mark = markReview(data, { table: 'claims', id: data.claims[0]!.id }, 'approved', '', 'reviewer');
  checkReviewOnly(mark);
  checkReviewOnly(signOffChange(signOffStatement(data, 'reviewer', null), null));
});

test('a mark binds the record as it was read: changed after, it is unreviewed again; a question needs a note', async () => {
  const data = await demo();
  const total = reviewItems(data).length;
  assert.deepEqual(reviewCounts(reviewItems(data)), { approved: 0, reviewed: 0, questioned: 0, unreviewed: total });
  const claim = data.claims[0]!;
  const link = data.links[0]!;
  assert.throws(() => markReview(data, { table: 'links', id: link.id }, 'questioned', '  ', 'reviewer'), /A question needs a note saying what is in doubt/);
  assert.throws(() => markReview(data, { table: 'markers', id: 'x' }, 'approved', '', 'reviewer'), /Only exhibit, claim, claim element, link, finding are marked in review, not “markers”/);
  assert.throws(() => markReview(data, { table: 'claims', id: 'nosuchclaim' }, 'approved', '', 'reviewer'), /The case has no claim nosuchclaim/);
  applyChange(data, markReview(data, { table: 'claims', id: claim.id }, 'approved', '', 'reviewer'));
  applyChange(data, markReview(data, { table: 'links', id: link.id }, 'questioned', 'Which rows show the key was spoofed?', 'reviewer'));
  const items = reviewItems(data);
  assert.deepEqual(reviewCounts(items), { approved: 1, reviewed: 0, questioned: 1, unreviewed: total - 2 });
  assert.equal(items.find((i) => i.id === link.id)!.mark!.note, 'Which rows show the key was spoofed?');
  assert.deepEqual(checkCaseBinding(data).problems, [], 'marks change no record');

  applyChange(data, edit((s) => updateClaim(s, claim.id, { theory: claim.theory, title: 'Retitled after review', description: claim.description }, 'counsel'))(data));
  const after = reviewItems(data).find((i) => i.id === claim.id)!;
  assert.deepEqual([after.state, after.changedSince], ['unreviewed', true]);
});

test('an unsigned sign-off names the reviewer but says nothing proves it; one naming another history does not hold', async () => {
  const data = await demo();
  applyChange(data, signOffChange(signOffStatement(data, 'reviewer', null), null));
  const [check] = await checkSignOffs(data.audit);
  assert.equal(check!.ok, true);
  assert.match(check!.detail, /recorded without a signature: it names the reviewer but nothing proves who made it/);
  assert.equal(check!.changesSince, 0);
  applyChange(data, edit((s) => addClaim(s, 'unauthorised-access', 'counsel').edit)(data));
  assert.equal((await checkSignOffs(data.audit))[0]!.changesSince, 1, 'a change after the sign-off is counted');
  const forged = signOffStatement(data, 'reviewer', null);
  applyChange(data, signOffChange({ ...forged, head: 'f'.repeat(64) }, null));
  assert.match((await checkSignOffs(data.audit))[1]!.detail, /the history it names is not this case’s/);
  assert.throws(() => signOffStatement(data, 'reviewer', 'nosuch.pdf'), /The case has no bundle nosuch\.pdf/);
});
