import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { verifyAuditChain } from '../../shared/audit/audit-chain';
import { checkCaseBinding, RECORD_TABLE_NAMES, editCaseDetails, type CaseData } from '../../shared/model/case-data';
import { nextRedo, nextUndo, undoChange } from '../../shared/audit/undo';
import { applyChange, type CaseChange } from '../../shared/model/case-change';
import { canonicalJson, type Json } from '../../shared/canonical-json';
import { claimsStateOf, editChange, type CaseEdit, type ClaimsState } from '../../shared/claims/case-edit';
import { addClaim, deleteClaim, updateClaim } from '../../shared/claims/claim-edits';
import { addAnnotation, addLink, removeLink } from '../../shared/claims/evidence-edits';
import { saveMarker } from '../../shared/analysis/marker-edits';
import { DEFAULT_PLAN, recordPlan } from '../../shared/analysis/attribution-plan';
import { findingSaved, makeFinding } from '../../shared/analysis/findings';
import { runImport } from '../../shared/import/run-import';
import { importChange } from '../../shared/import/source-record';

const demoCase = readCaseArchive(new Uint8Array(readFileSync('fixtures/demo.evcase')));
const demo = async () => structuredClone(await demoCase);

/** Every table's records (sorted by id) and the case's own record, as canonical JSON: "the case as it was", byte for byte. */
function snapshot(data: CaseData): Record<string, string> {
  const { updatedAt: _moves, ...record } = data.case;
  const tables: Record<string, string> = { case: canonicalJson(JSON.parse(JSON.stringify(record)) as Json), originals: [...data.originals.keys()].sort().join() };
  // Log rows change only with their file: counted by file, the rest of each table compared byte for byte.
  const perFile = new Map<string, number>();
  for (const row of data.logEntries) perFile.set(row.sourceId, (perFile.get(row.sourceId) ?? 0) + 1);
  tables.logEntries = JSON.stringify([...perFile].sort());
  for (const table of RECORD_TABLE_NAMES.filter((t) => t !== 'logEntries')) {
    const rows = [...(data[table] as { id?: string; sourceId?: string; line?: number }[])].sort((a, b) => (a.id ?? `${a.sourceId}:${a.line}`).localeCompare(b.id ?? `${b.sourceId}:${b.line}`));
    tables[table] = canonicalJson(JSON.parse(JSON.stringify(rows)) as Json);
  }
  return tables;
}

const edit = (build: (state: ClaimsState, data: CaseData) => CaseEdit) => (data: CaseData): CaseChange => editChange(build(claimsStateOf(data), data));

/** The change, then its undo, then the undo's undo (a redo): each leaves the case as it was, table by table, with the history grown. */
async function roundTrip(name: string, make: (data: CaseData) => CaseChange | Promise<CaseChange>, redo = true) {
  const data = await demo();
  const before = snapshot(data);
  applyChange(data, await make(data));
  const after = snapshot(data);
  assert.notDeepEqual(after, before, `${name} changes something`);
  const changed = data.audit.at(-1)!.seq;
  applyChange(data, undoChange(data, changed, 'reviewer'));
  assert.deepEqual(snapshot(data), before, `${name}, undone`);
  assert.equal(data.audit.at(-1)!.action, 'change.undone');
  assert.match(data.audit.at(-1)!.subject, new RegExp(`^Undo of event #${changed}: `));
  if (!redo) {
    // Undoing an import removes the file, its bytes and rows: they are not kept to bring back.
    assert.throws(() => undoChange(data, data.audit.at(-1)!.seq, 'reviewer'), /would bring back a file whose original bytes and log rows are not kept once it is removed; import the file again instead$/);
    return;
  }
  applyChange(data, undoChange(data, data.audit.at(-1)!.seq, 'reviewer'));
  assert.deepEqual(snapshot(data), after, `${name}, redone`);
  assert.equal(data.audit.at(-1)!.seq, changed + 2, 'nothing in the history is removed');
  assert.ok(verifyAuditChain(data.audit).verified);
  assert.deepEqual(checkCaseBinding(data).problems, [], `${name}: the records are those the history accounts for`);
}

test('undo and redo of every kind of change leave the case as it was, table by table and byte for byte, the history grown', async () => {
  await roundTrip('a claim added from a template', edit((s) => addClaim(s, 'unauthorised-access', 'counsel').edit));
  await roundTrip('a claim retitled', edit((s) => updateClaim(s, s.claims[0]!.id, { theory: s.claims[0]!.theory, title: 'Breach of the API Terms', description: '' }, 'counsel')));
  await roundTrip('a claim deleted with its elements and links', edit((s) => deleteClaim(s, s.claims[0]!.id, 'counsel')));
  await roundTrip('a link removed', edit((s) => removeLink(s, s.links[0]!.id, 'counsel')));
  await roundTrip('a link added', edit((s, d) => addLink(s, { elementId: s.elements[0]!.id, target: { kind: 'source', id: d.sources[0]!.id }, note: 'the log', stance: 'supports' }, 'counsel').edit));
  await roundTrip('an annotation added', edit((s, d) => addAnnotation(s, { target: { kind: 'outputPair', id: d.outputPairs[0]!.id }, label: 'verbatim run', comment: '' }, 'expert').edit));
  await roundTrip('a marker changed', edit((s) => saveMarker(s, { kind: 'phrase', label: 'Great question!', pattern: 'Great question', regex: false }, 'expert', s.markers.find((m) => m.label === 'Great question')!.id)));
  await roundTrip('a plan recorded', (d) => recordPlan(d.case.id, 'expert', { ...DEFAULT_PLAN, roles: d.analysisPlans[0]!.roles, alpha: 0.01 }, d.analysisPlans, d.markers).change);
  await roundTrip('a finding saved', (d) => findingSaved(makeFinding({ caseId: d.case.id, kind: 'note', title: 'A note', actor: 'expert', settings: {}, figures: { n: 1 }, rows: [] })));
  await roundTrip('the case details changed', (d) => editCaseDetails(d.case, { title: d.case.title, matterNumber: 'NW-2026-0143', parties: d.case.parties, privilegeLegend: d.case.privilegeLegend, batesPrefix: d.case.batesPrefix }, 'partner')!);
  await roundTrip('a log imported', async (d) => importChange((await runImport({ caseId: d.case.id, sources: d.sources, tosDocuments: d.tosDocuments, tosVersions: d.tosVersions }, { kind: 'log', file: { name: 'more.jsonl', bytes: new TextEncoder().encode('{"timestamp":"2026-03-01T00:00:00Z","account_id":"acct_1","prompt":"hi"}\n') } }, 'counsel')).records), false);
});

test('an undo that would break what came later, or that the history cannot support, is refused with the reason and changes nothing', async () => {
  const data = await demo();
  let claimId = '';
  applyChange(data, edit((s) => {
    const made = addClaim(s, 'unauthorised-access', 'counsel');
    claimId = made.claim.id;
    return made.edit;
  })(data));
  const created = data.audit.at(-1)!.seq;
  const element = data.elements.find((e) => e.claimId === claimId)!;
  applyChange(data, edit((s, d) => addLink(s, { elementId: element.id, target: { kind: 'source', id: d.sources[0]!.id }, note: 'The gateway log', stance: 'supports' }, 'counsel').edit)(data));
  const before = snapshot(data);
  assert.throws(() => undoChange(data, created, 'reviewer'), /^Refusal: event #\d+ \(Claim added: .*\) cannot be undone: the link “The gateway log” would be on an element that is gone; undo or remove that first$/);
  applyChange(data, edit((s) => updateClaim(s, claimId, { theory: 'x', title: 'Renamed', description: '' }, 'counsel'))(data));
  assert.throws(() => undoChange(data, created, 'reviewer'), /event #\d+ \(Claim changed: .*\) changed the same records since; undo it first/);
  assert.throws(() => undoChange(data, 1, 'reviewer'), /nothing to undo|earlier version of the app|changed the same records/);
  assert.throws(() => undoChange(data, 99_999, 'reviewer'), /The history has no event #99999/);
  assert.notDeepEqual(snapshot(data), before, 'the rename went through');
});

test('Undo goes one change further back at each press and Redo brings them back in turn, until a new change is made', async () => {
  const data = await demo();
  applyChange(data, edit((s) => addClaim(s, 'unauthorised-access', 'counsel').edit)(data));
  const a = data.audit.at(-1)!.seq;
  applyChange(data, edit((s) => saveMarker(s, { kind: 'phrase', label: 'House phrase', pattern: 'as a helpful assistant', regex: false }, 'expert'))(data));
  const b = data.audit.at(-1)!.seq;
  const press = (which: typeof nextUndo) => {
    const event = which(data.audit)!;
    applyChange(data, undoChange(data, event.seq, 'counsel'));
    return data.audit.at(-1)!.subject;
  };
  assert.equal(nextRedo(data.audit), null, 'nothing to redo yet');
  assert.match(press(nextUndo), new RegExp(`^Undo of event #${b}: Marker added`));
  assert.match(press(nextUndo), new RegExp(`^Undo of event #${a}: Claim added`));
  assert.match(press(nextRedo), new RegExp(`^Redo of event #${a}: Claim added`));
  assert.match(press(nextRedo), new RegExp(`^Redo of event #${b}: Marker added`));
  assert.equal(nextRedo(data.audit), null, 'all redone');
  assert.match(press(nextUndo), new RegExp(`^Undo of event #${b}: Marker added`), 'undoing again takes back the latest redo');
  applyChange(data, edit((s) => updateClaim(s, s.claims[0]!.id, { theory: s.claims[0]!.theory, title: 'Renamed', description: '' }, 'counsel'))(data));
  assert.equal(nextRedo(data.audit), null, 'a new change ends what can be redone');
  assert.deepEqual(checkCaseBinding(data).problems, []);
});
