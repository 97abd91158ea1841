import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { caseArchiveBytes } from '../../shared/archive/archive-writer';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { verifyAuditChain } from '../../shared/audit/audit-chain';
import { editChange, claimsStateOf, type CaseEdit } from '../../shared/claims/case-edit';
import { buildClaimChart } from '../../shared/claims/claim-chart';
import { addClaim, addElement, claimImpact, deleteClaim, deleteElement, moveClaim, moveElement, updateClaim } from '../../shared/claims/claim-edits';
import { addAnnotation, addLabel, addLink, removeAnnotation, removeLabel, renameLabel, updateLink } from '../../shared/claims/evidence-edits';
import { resolveTarget, sourceDependents, targetCatalog } from '../../shared/claims/targets';
import { newId } from '../../shared/ids';
import type { CaseData } from '../../shared/model/case-data';
import { bindRecords } from '../../shared/audit/record-binding';
import type { OutputPair, Target } from '../../shared/model/records';
import { EvidenceDatabase } from '../../renderer/db/database';
import { caseFromData, storeCase } from '../../renderer/db/archive-store';
import { loadCaseData, auditEventsOf } from '../../renderer/db/case-store';
import { commitEdit } from '../../renderer/features/claims/claims-store';
import { makeCaseData } from '../builders';
import { applyChange } from '../../shared/model/case-change';
import { connectTestLogEngine } from '../log-engine-api';

connectTestLogEngine();

const apply = (data: CaseData, make: (state: ReturnType<typeof claimsStateOf>) => CaseEdit) => applyChange(data, editChange(make(claimsStateOf(data))));
const catalogOf = (data: CaseData) => targetCatalog(data);

/** The builder's case plus an output pair whose texts mix Chinese, emoji and English. */
function caseWithPair(): { data: CaseData; pair: OutputPair } {
  const data = makeCaseData();
  const sourceId = data.sources[0]!.id;
  const pair: OutputPair = {
    id: newId(),
    caseId: data.case.id,
    promptId: 'p-7',
    prompt: '你是谁？',
    original: { model: 'atlas-2', text: '你好🌏！我是Atlas，由Northwind AI开发。', ref: { sourceId, line: 1 } },
    suspect: { model: 'lumen-1', text: '你好🌏🌏！我是Atlas，一个由Northwind AI训练的助手。', ref: { sourceId, line: 1 } },
    others: [],
  };
  // Made by hand, for the UTF-16 offsets it holds: recorded as the import of a file would record it.
  applyChange(data, { put: { outputPairs: [pair] }, audit: [{ actor: 'counsel', action: 'source.imported', subject: 'pairs.jsonl', records: bindRecords({ put: { outputPairs: [pair] } }) }] });
  return { data, pair };
}

test('a claim made from a template has its elements written out, and the change is an audit event', () => {
  const data = makeCaseData();
  const before = data.audit.length;
  let claimId = '';
  apply(data, (s) => {
    const made = addClaim(s, 'unauthorised-access', 'counsel');
    claimId = made.claim.id;
    return made.edit;
  });
  const elements = data.elements.filter((e) => e.claimId === claimId).sort((a, b) => a.order - b.order);
  assert.equal(elements.length, 4);
  assert.match(elements[1]!.text, /circumvented.*fraudulent accounts.*spoofed/);
  assert.equal(data.claims.find((c) => c.id === claimId)!.order, 1, 'a new claim goes last');
  assert.equal(data.audit.length, before + 1);
  assert.equal(data.audit.at(-1)!.action, 'claim.created');
  assert.ok(verifyAuditChain(data.audit).verified);

  apply(data, (s) => addClaim(s, 'custom', 'counsel').edit);
  assert.equal(data.elements.filter((e) => e.claimId === data.claims.at(-1)!.id).length, 0, 'a custom claim starts blank');
});

test('claims and elements are renamed, reordered and refused when a field is wrong', () => {
  const data = makeCaseData();
  const first = data.claims[0]!;
  apply(data, (s) => addClaim(s, 'misappropriation', 'counsel').edit);
  apply(data, (s) => moveClaim(s, data.claims[1]!.id, -1, 'counsel'));
  assert.deepEqual([...data.claims].sort((a, b) => a.order - b.order).map((c) => c.theory), ['Unfair competition / misappropriation', 'Breach of contract (Terms of Service)']);
  const events = data.audit.length;
  apply(data, (s) => moveClaim(s, data.claims.find((c) => c.order === 0)!.id, -1, 'counsel'));
  assert.equal(data.audit.length, events, 'moving the first claim up changes nothing');

  apply(data, (s) => updateClaim(s, first.id, { theory: first.theory, title: 'Breach of the API Terms', description: 'v2 and v3' }, 'counsel'));
  assert.equal(data.claims.find((c) => c.id === first.id)!.title, 'Breach of the API Terms');
  assert.deepEqual(data.audit.at(-1)!.details.title, { from: 'Breach of the Terms of Service', to: 'Breach of the API Terms' });
  assert.throws(() => updateClaim(claimsStateOf(data), first.id, { theory: first.theory, title: '  ', description: '' }, 'counsel'), /^Refusal: Claim: title: Title is required$/);

  apply(data, (s) => addElement(s, first.id, 'The defendant knew of the terms.', 'counsel'));
  const added = data.elements.find((e) => e.text === 'The defendant knew of the terms.')!;
  assert.equal(added.order, 4);
  apply(data, (s) => moveElement(s, added.id, -1, 'counsel'));
  assert.equal(data.elements.find((e) => e.id === added.id)!.order, 3);
  assert.throws(() => addElement(claimsStateOf(data), first.id, '', 'counsel'), /Element: text: Element text is required/);
});

test('deleting a claim or an element says what it unlinks, removes exactly that, and records it', () => {
  const data = makeCaseData();
  const claim = data.claims[0]!;
  const impact = claimImpact(claimsStateOf(data), claim.id);
  assert.equal(impact.elements.length, 4);
  assert.deepEqual(impact.links.map((l) => l.note), ['Account acct-1 sent the prompt']);

  const other = structuredClone(data);
  const linked = other.links[0]!;
  apply(other, (s) => deleteElement(s, linked.elementId, 'counsel'));
  assert.equal(other.links.length, 0);
  assert.deepEqual(other.elements.filter((e) => e.claimId === claim.id).map((e) => e.order).sort(), [0, 1, 2], 'the rest are renumbered');

  apply(data, (s) => deleteClaim(s, claim.id, 'counsel'));
  assert.deepEqual([data.claims.length, data.elements.length, data.links.length], [0, 0, 0]);
  assert.equal(data.annotations.length, 1, 'annotations belong to the evidence, not the claim');
  const event = data.audit.at(-1)!;
  assert.equal(event.action, 'claim.deleted');
  assert.deepEqual((event.details.unlinked as { note: string }[]).map((u) => u.note), ['Account acct-1 sent the prompt']);
});

test('links carry a note and a stance; removing an annotation unlinks the links to it', () => {
  const data = makeCaseData();
  const element = data.elements[0]!;
  const annotation = data.annotations[0]!;
  const target: Target = { kind: 'annotation', id: annotation.id };
  apply(data, (s) => addLink(s, { elementId: element.id, target, note: 'The expert marked it', stance: 'supports' }, 'counsel').edit);
  const link = data.links.at(-1)!;
  apply(data, (s) => updateLink(s, link.id, { note: 'Only weakly shows it', stance: 'undermines' }, 'counsel'));
  assert.equal(data.links.at(-1)!.stance, 'undermines');
  assert.throws(() => addLink(claimsStateOf(data), { elementId: 'gone', target, note: '', stance: 'supports' }, 'counsel'), /This element no longer exists/);
  assert.throws(() => addLink(claimsStateOf(data), { elementId: '', target, note: '', stance: 'supports' }, 'counsel'), /^Refusal: Link: element: choose the element this evidence goes to$/);
  assert.throws(() => addLink(claimsStateOf(data), { elementId: element.id, target, note: 'x'.repeat(2001), stance: 'supports' }, 'counsel'), /Link: note: Note must be at most 2,000 characters/);

  apply(data, (s) => removeAnnotation(s, annotation.id, 'expert'));
  assert.equal(data.links.some((l) => l.target.kind === 'annotation'), false);
  assert.equal(data.links.length, 1, 'other links stay');
  assert.equal(data.audit.at(-1)!.action, 'annotation.removed');
});

test('span offsets are UTF-16 offsets and survive the archive and the database exactly', async () => {
  const { data, pair } = caseWithPair();
  const start = pair.suspect.text.indexOf('Atlas');
  const target: Target = { kind: 'outputPair', id: pair.id, field: 'suspect', span: { start, end: start + 'Atlas'.length } };
  assert.equal(start, 9, 'seven characters before it, two of them emoji of two code units each');
  apply(data, (s) => addAnnotation(s, { target, label: 'self-identification', comment: 'Names the original model' }, 'expert').edit);

  const read = (await readCaseArchive(await caseArchiveBytes(data)));
  const resolved = resolveTarget(read.annotations.at(-1)!.target, catalogOf(read));
  assert.equal(resolved.broken ? null : resolved.quote, 'Atlas');

  const db = new EvidenceDatabase(`test-${newId()}`);
  await storeCase(db, caseFromData(read), { replace: false });
  await commitEdit(db, data.case.id, (s) => addAnnotation(s, { target: { ...target, span: { start: 0, end: 4 } }, label: 'same structure', comment: '' }, 'expert').edit);
  const loaded = await loadCaseData(db, data.case.id);
  const quotes = loaded.annotations.filter((a) => a.target.kind === 'outputPair').map((a) => resolveTarget(a.target, catalogOf(loaded))).map((r) => (r.broken ? null : r.quote));
  assert.deepEqual(quotes.sort(), ['Atlas', '你好🌏'].sort());
  assert.ok(verifyAuditChain(await auditEventsOf(db, data.case.id)).verified);
});

test('a failed edit in the database changes nothing', async () => {
  const data = makeCaseData();
  const db = new EvidenceDatabase(`test-${newId()}`);
  await storeCase(db, caseFromData(data), { replace: false });
  await assert.rejects(commitEdit(db, data.case.id, (s) => addElement(s, 'no-such-claim', 'text', 'counsel')), /This claim no longer exists/);
  const loaded = await loadCaseData(db, data.case.id);
  assert.equal(loaded.elements.length, data.elements.length);
  assert.equal(loaded.audit.length, data.audit.length);
});

test('evidence whose source was removed is shown as broken, and the chart counts it apart', () => {
  const { data, pair } = caseWithPair();
  const [conduct, terms] = [data.elements.find((e) => e.order === 2)!, data.elements.find((e) => e.order === 1)!];
  apply(data, (s) => addLink(s, { elementId: terms.id, target: { kind: 'outputPair', id: pair.id }, note: 'Against: the model answered in its own words', stance: 'undermines' }, 'counsel').edit);

  let chart = buildClaimChart(claimsStateOf(data), catalogOf(data));
  const [, termsRow, conductRow] = chart.claims[0]!.elements;
  assert.deepEqual([conductRow!.supporting, conductRow!.unsupported], [1, false]);
  assert.deepEqual([termsRow!.supporting, termsRow!.undermining, termsRow!.unsupported], [0, 1, true], 'undermining evidence does not support');
  assert.deepEqual(chart.totals, { claims: 1, elements: 4, links: 2, unsupported: 3, broken: 0 });
  assert.equal(conductRow!.element.id, conduct.id);

  const sourceId = data.sources[0]!.id;
  const dependents = sourceDependents(sourceId, catalogOf(data), data.links);
  assert.deepEqual([dependents.pairs, dependents.logRows, dependents.links.length, dependents.annotations.length], [1, 1, 2, 1]);

  // The source goes, with its records; the links and annotations stay.
  data.sources = [];
  data.outputPairs = [];
  chart = buildClaimChart(claimsStateOf(data), catalogOf(data));
  assert.deepEqual(chart.totals, { claims: 1, elements: 4, links: 2, unsupported: 4, broken: 2 });
  const evidence = chart.claims[0]!.elements[2]!.evidence[0]!;
  assert.deepEqual(evidence.resolved, { broken: true, title: '1 row of a removed file, line 1', reason: 'the log file was removed from the case' });
  const annotation = resolveTarget({ kind: 'annotation', id: data.annotations[0]!.id }, catalogOf(data));
  assert.equal(annotation.broken, true);
});

test('annotation labels are an editable list without duplicates; annotations keep the label they were given', () => {
  const data = makeCaseData();
  assert.deepEqual(data.annotationLabels.map((l) => l.name), ['verbatim run', 'same structure', 'same refusal template', 'self-identification', 'characteristic phrase', 'other']);
  apply(data, (s) => addLabel(s, 'translated verbatim', 'expert'));
  assert.throws(() => addLabel(claimsStateOf(data), 'Verbatim Run', 'expert'), /Label: “verbatim run” is already in the list/);
  const phrase = data.annotationLabels.find((l) => l.name === 'characteristic phrase')!;
  apply(data, (s) => renameLabel(s, phrase.id, 'signature phrase', 'expert'));
  assert.equal(data.annotations[0]!.label, 'characteristic phrase');
  apply(data, (s) => removeLabel(s, phrase.id, 'expert'));
  assert.equal(data.annotationLabels.length, 6);
  assert.deepEqual(data.audit.slice(-3).map((e) => e.action), ['label.added', 'label.renamed', 'label.removed']);
});
