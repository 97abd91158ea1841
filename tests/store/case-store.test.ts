import { CaseExistsError } from '../../shared/errors';
import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { verifyAuditChain } from '../../shared/audit/audit-chain';
import { newId } from '../../shared/ids';
import { EvidenceDatabase } from '../../renderer/db/database';
import { caseFromData, storeCase } from '../../renderer/db/archive-store';
import { auditEventsOf, createCase, deleteCase, loadCaseData, updateCase } from '../../renderer/db/case-store';
import { caseLogEntries } from '../../renderer/db/log-store';
import { makeCaseData } from '../builders';
import type { CaseData } from '../../shared/model/case-data';
import { batesNumber } from '../../shared/bundle/bundle-manifest';
import { CaseFields, CaseRecord } from '../../shared/model/records';
import { connectTestLogEngine } from '../log-engine-api';

connectTestLogEngine();

const freshDb = () => new EvidenceDatabase(`test-${newId()}`);

test('creating and renaming a case records both in a verified audit chain', async () => {
  const db = freshDb();
  const record = await createCase(db, { title: 'Northwind v. Lumen' }, 'counsel');
  assert.equal(record.privilegeLegend, 'PRIVILEGED & CONFIDENTIAL — ATTORNEY WORK PRODUCT');
  await updateCase(db, record.id, { ...record, title: 'Northwind v. Lumen Labs' }, 'partner');
  await updateCase(db, record.id, { ...record, title: 'Northwind v. Lumen Labs' }, 'partner');
  const events = await auditEventsOf(db, record.id);
  assert.deepEqual(events.map((e) => [e.action, e.actor]), [['case.created', 'counsel'], ['case.renamed', 'partner']]);
  const { prior, ...details } = events[1]!.details;
  assert.deepEqual(details, { title: { from: 'Northwind v. Lumen', to: 'Northwind v. Lumen Labs' } });
  // The case's record as it was before, kept in the event for an undo (its updatedAt, which every event moves, left out).
  const { updatedAt: _moves, ...earlier } = record;
  assert.deepEqual(prior, { case: { [record.id]: earlier } });
  assert.equal(verifyAuditChain(events).verified, true);
  assert.equal((await db.cases.get(record.id))!.updatedAt, events[1]!.at);
});

test('an invalid edit is refused naming the field and changes nothing', async () => {
  const db = freshDb();
  const record = await createCase(db, { title: 'A case' }, 'counsel');
  await assert.rejects(updateCase(db, record.id, { ...record, batesPrefix: 'bad prefix' }, 'counsel'), /Bates prefix must be/);
  assert.equal((await db.cases.get(record.id))!.batesPrefix, 'EV');
  assert.equal((await auditEventsOf(db, record.id)).length, 1);
});

test('a Bates prefix ending in a hyphen is refused as typed; one a case already stores prints with a single hyphen', () => {
  for (const prefix of ['ANT-', 'ANT--X', '-ANT', 'ant']) assert.equal(CaseFields.safeParse({ title: 'A', batesPrefix: prefix }).success, false, prefix);
  assert.equal(CaseFields.parse({ title: 'A', batesPrefix: 'NW-AI' }).batesPrefix, 'NW-AI');
  const stored = CaseRecord.parse({ title: 'A', matterNumber: '', parties: '', privilegeLegend: 'P', batesPrefix: 'ANT-', id: 'case0000000000000000', createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'counsel', updatedAt: '2026-01-01T00:00:00.000Z' });
  assert.equal(batesNumber(stored.batesPrefix, 1), 'ANT-000001');
  assert.equal(batesNumber('NW-AI', 12), 'NW-AI-000012');
});

test('a case stored from an archive loads back equal, originals included', async () => {
  const db = freshDb();
  const data = makeCaseData();
  await storeCase(db, caseFromData(data), { replace: false });
  const loaded = await loadCaseData(db, data.case.id);
  assert.deepEqual(loaded.case, data.case);
  assert.deepEqual(loaded.audit, data.audit);
  assert.deepEqual(loaded.logEntries, data.logEntries);
  assert.deepEqual(loaded.originals, data.originals);
});

test('storing a case that is already here is refused unless replacing, and replacing is whole', async () => {
  const db = freshDb();
  const data = makeCaseData();
  await storeCase(db, caseFromData(data), { replace: false });
  await assert.rejects(storeCase(db, caseFromData(data), { replace: false }), CaseExistsError);
  await storeCase(db, caseFromData(data), { replace: true });
  assert.equal((await caseLogEntries(db, data.case.id)).length, 1);
  assert.equal(await db.auditEvents.count(), data.audit.length);
});

test('a store that fails half-way leaves the database as it was', async () => {
  const db = freshDb();
  const data = makeCaseData();
  data.links.push({ ...data.links[0]! }); // the same id: bulkAdd fails after earlier tables were written
  await assert.rejects(storeCase(db, caseFromData(data), { replace: false }));
  for (const table of db.tables) assert.equal(await table.count(), 0, `${table.name} should be empty`);
});

test('deleting a case removes every record of it and leaves other cases alone', async () => {
  const db = freshDb();
  const doomed = makeCaseData();
  const kept = makeCaseData({ title: 'Other case' });
  await storeCase(db, caseFromData(doomed), { replace: false });
  await storeCase(db, caseFromData(kept), { replace: false });
  await deleteCase(db, doomed.case.id);
  for (const table of db.tables) {
    const left = table.name === 'cases' ? await table.where('id').equals(doomed.case.id).count() : await table.where('caseId').equals(doomed.case.id).count();
    assert.equal(left, 0, `${table.name} still holds rows of the deleted case`);
  }
  // The store returns records in key order; lists keep their order in a field of their own.
  const byId = (data: CaseData) => Object.fromEntries(Object.entries(data).map(([key, value]) => [key, Array.isArray(value) && value[0]?.id ? [...value].sort((a, b) => a.id.localeCompare(b.id)) : value]));
  assert.deepEqual(byId(await loadCaseData(db, kept.case.id)), byId(kept));
});
