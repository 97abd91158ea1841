import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { nextAuditEvent } from '../../shared/audit/audit-chain';
import { bindAsFound, bindRecords, checkRecordBinding, describeBinding } from '../../shared/audit/record-binding';
import { sha256Hex } from '../../shared/hash';
import { editChange, claimsStateOf } from '../../shared/claims/case-edit';
import { removeLink } from '../../shared/claims/evidence-edits';
import { checkCaseBinding } from '../../shared/model/case-data';
import { logRowLine, logRowsHasher, logRowsSha256Of } from '../../shared/model/log-row-text';
import { madeBeforeBinding, makeCaseData } from '../builders';
import { applyChange } from '../../shared/model/case-change';

test('a case built through the shared changes holds exactly the records its history binds, log rows included', () => {
  const data = makeCaseData();
  const check = checkCaseBinding(data);
  assert.deepEqual(check.problems, []);
  assert.equal(check.bound, true);
  assert.equal(check.since, 1);
  assert.ok(check.records >= 10, `${check.records} records checked`);
  assert.match(describeBinding(check), /^\d+ records, each as its history recorded it \(bound since event #1, when the case was created\)$/);
});

test('a record edited, added, brought back or lost outside the app is named with its table and the event that recorded it', () => {
  const data = makeCaseData();
  const claim = data.claims[0]!;
  const claimEvent = data.audit.find((e) => e.records?.claims?.[claim.id])!;

  const edited = structuredClone(data);
  edited.claims[0] = { ...claim, title: 'A milder claim' };
  assert.deepEqual(
    checkCaseBinding(edited).problems.map((p) => [p.table, p.id, p.event?.seq]),
    [['claims', claim.id, claimEvent.seq]],
  );
  assert.match(checkCaseBinding(edited).problems[0]!.message, new RegExp(`^claims record ${claim.id} \\(“A milder claim”\\) differs from what event #${claimEvent.seq} \\(${claimEvent.action}\\) recorded$`));

  const emptied = structuredClone(data);
  const linkEvent = data.audit.find((e) => e.records?.links)!;
  emptied.links = [];
  assert.deepEqual(checkCaseBinding(emptied).problems.map((p) => p.message), [`links record ${data.links[0]!.id}, recorded by event #${linkEvent.seq} (${linkEvent.action}), is missing`]);

  const added = structuredClone(data);
  added.links.push({ ...data.links[0]!, id: 'forgedlink0000000000' });
  assert.deepEqual(checkCaseBinding(added).problems.map((p) => p.message), ['links record forgedlink0000000000 is not in the case’s history: no event made it']);

  const brought = structuredClone(data);
  applyChange(brought, editChange(removeLink(claimsStateOf(brought), brought.links[0]!.id, 'counsel')));
  brought.links.push(data.links[0]!);
  const removal = brought.audit.at(-1)!;
  assert.deepEqual(checkCaseBinding(brought).problems.map((p) => p.message), [`links record ${data.links[0]!.id} is present, but event #${removal.seq} (${removal.action}) removed it`]);

  const details = structuredClone(data);
  details.case = { ...details.case, batesPrefix: 'XYZ', updatedAt: new Date().toISOString() };
  assert.deepEqual(checkCaseBinding(details).problems.map((p) => [p.table, p.event?.action]), [['case', 'case.created']]);
});

test('a log row changed outside the app (an account renamed) is refused against the rows its source recorded at import', () => {
  const data = makeCaseData();
  const source = data.sources[0]!;
  const changed = structuredClone(data);
  changed.logEntries[0] = { ...changed.logEntries[0]!, account: 'acct_innocent' };
  const [problem, ...rest] = checkCaseBinding(changed).problems;
  assert.deepEqual(rest, []);
  assert.equal(problem!.table, 'logEntries');
  assert.equal(problem!.id, source.id);
  assert.match(problem!.message, new RegExp(`^the log rows of ${source.fileName} differ from the rows recorded when it was imported by event #\\d+ \\(source\\.imported\\): SHA-256 [0-9a-f]{64}, recorded ${source.rowsSha256}$`));
  // Raising the recorded hash to match means changing the source record, which its import event binds.
  changed.sources[0] = { ...source, rowsSha256: logRowsSha256Of(changed.logEntries).get(source.id)! };
  assert.deepEqual(checkCaseBinding(changed).problems.map((p) => p.table), ['sources']);
});

test('the digest of a log’s rows is the same taken natively as they stream in or at once in memory, and any change to a row changes it', async () => {
  const data = makeCaseData({}, 1);
  const first = data.logEntries[0]!;
  const rows = Array.from({ length: 2_500 }, (_, i) => ({ ...first, line: i + 1, account: `acct-${i % 7}` }));
  const streamed = logRowsHasher();
  for (let i = 0; i < rows.length; i += 333) await streamed.add(rows.slice(i, i + 333));
  const digest = await streamed.hex();
  assert.equal(digest, logRowsSha256Of([...rows].reverse()).get(first.sourceId), 'batches of any size, rows in any order in memory');
  const moved = rows.map((row, i) => (i === 1_500 ? { ...row, line: 2_501 } : row));
  const renamed = rows.map((row, i) => (i === 2_400 ? { ...row, account: 'acct_innocent' } : row));
  for (const changed of [moved, renamed, rows.slice(1)]) assert.notEqual(logRowsSha256Of(changed).get(first.sourceId), digest);
});

test('a log row is the same text however its fields were ordered, and the text is what the archive stores', async () => {
  const row = makeCaseData().logEntries[0]!;
  const reordered = Object.fromEntries(Object.entries({ ...row, extra: { b: '2', a: '1' } }).reverse()) as unknown as typeof row;
  assert.equal(logRowLine(reordered), logRowLine({ ...row, extra: { a: '1', b: '2' } }));
  assert.ok(logRowLine(row).startsWith('{"caseId":'));
});

test('a case whose history began before binding says so, and binding it as found checks every change after', () => {
  const legacy = madeBeforeBinding(makeCaseData());
  const check = checkCaseBinding(legacy);
  assert.deepEqual([check.bound, check.problems], [false, []]);
  assert.equal(describeBinding(check), 'records not bound: the case’s history began before records were bound to it');

  const { audit, originals: _o, logEntries: _l, ...records } = legacy;
  applyChange(legacy, bindAsFound(audit, records, 'counsel'));
  const bound = checkCaseBinding(legacy);
  assert.deepEqual([bound.bound, bound.since, bound.problems], [true, legacy.audit.length, []]);
  assert.equal(legacy.audit.at(-1)!.action, 'records.bound');

  assert.match(describeBinding(bound), new RegExp(`\\(records bound as found at event #${legacy.audit.length}, not from import\\)$`));
  assert.throws(() => bindAsFound(legacy.audit, records, 'counsel'), /already bound, since event #\d+ \(records\.bound\): a history is bound once/);

  legacy.claims[0] = { ...legacy.claims[0]!, title: 'A milder claim' };
  assert.deepEqual(checkCaseBinding(legacy).problems.map((p) => [p.table, p.event?.action]), [['claims', 'records.bound']]);
});

/** What a forger does: change records, then append one event, correctly chained, that binds the case as it now is. */
function rebase(data: ReturnType<typeof makeCaseData>, action: string): void {
  const { audit: _a, originals: _o, logEntries: _l, case: record, ...tables } = data;
  const hashes = bindRecords({ case: record, put: tables });
  data.audit.push(nextAuditEvent(data.case.id, data.audit.at(-1), { actor: 'M. Alvarez', action, subject: 'records bound as found', records: hashes }));
}

test('a history cannot be re-based: a claim, a log row or an original changed, then one binding event appended, is refused', () => {
  const claim = makeCaseData();
  claim.claims[0] = { ...claim.claims[0]!, title: 'A milder claim' };
  rebase(claim, 'records.bound');
  assert.match(describeBinding(checkCaseBinding(claim)), /binds the records again as found, but they are bound since event #1 \(case\.created\): a history is bound once/);

  const rows = makeCaseData();
  const log = rows.sources.find((s) => s.kind === 'log')!;
  rows.logEntries[0] = { ...rows.logEntries[0]!, account: 'someone-else' };
  rows.sources = rows.sources.map((s) => (s.id === log.id ? { ...s, rowsSha256: logRowsSha256Of(rows.logEntries).get(log.id)! } : s));
  rebase(rows, 'records.bound');
  const rowsCheck = checkCaseBinding(rows);
  assert.ok(rowsCheck.problems.some((p) => /binds the records again/.test(p.message)));
  assert.ok(rowsCheck.problems.some((p) => new RegExp(`records source ${log.id} anew`).test(p.message)), 'the source re-hashed is named');

  // The same with an ordinary-looking event: the source's digest may not change, whatever the event calls itself.
  const original = makeCaseData();
  const source = original.sources[0]!;
  original.originals.set(source.id, new TextEncoder().encode('another file'));
  original.sources = original.sources.map((s) => (s.id === source.id ? { ...s, sha256: sha256Hex(original.originals.get(source.id)!) } : s));
  rebase(original, 'case.updated');
  assert.deepEqual(checkCaseBinding(original).problems.map((p) => p.table), ['sources']);
});

test('the demo case, built through the app’s own imports, edits, plan, findings and bundle record, is bound throughout', async () => {
  const demo = await readCaseArchive(new Uint8Array(readFileSync('fixtures/demo.evcase')), 'demo.evcase');
  const check = checkCaseBinding(demo);
  assert.deepEqual(check.problems, []);
  assert.equal(check.since, 1);
  const bound = new Set(demo.audit.filter((e) => e.records).map((e) => e.action));
  for (const action of ['case.created', 'source.imported', 'claim.created', 'plan.recorded', 'finding.saved']) assert.ok(bound.has(action), `${action} binds its records`);
  assert.equal(checkRecordBinding(demo.audit, { ...demo, tosClauses: demo.tosClauses.slice(1) }).problems.length, 1, 'a clause lost is found');
});
