import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Dexie from 'dexie';
import { newId } from '../../shared/ids';
import { EvidenceDatabase, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6 } from '../../renderer/db/database';
import { caseLogChunks, caseLogEntries, logRows } from '../../renderer/db/log-store';
import { analyzeCampaign, DEFAULT_CAMPAIGN_SETTINGS } from '../../shared/analysis/campaign';
import { chunksOfRows } from '../../shared/log-store/log-chunks';
import { BLOCK_ROWS } from '../../shared/log-store/log-blocks';
import { makeCaseData } from '../builders';

/** A database as versions 1 to 6 of the app left it: every schema of those versions, nothing later. */
function version6(name: string): Dexie {
  const db = new Dexie(name);
  [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6].forEach((schema, i) => db.version(i + 1).stores(schema));
  return db;
}

test('a version 6 database (one record per log row) upgrades to blocks and postings with every row kept', async () => {
  const name = `migration-${newId()}`;
  const v6 = version6(name);
  const data = makeCaseData();
  const source = data.sources[0]!;
  // 2,500 rows (many blocks), out of time order, over a few accounts and networks.
  data.logEntries = Array.from({ length: 2500 }, (_, i) => ({ caseId: data.case.id, sourceId: source.id, line: i + 2, ts: Date.UTC(2026, 0, 1) + ((i * 7919) % 2500) * 1000, tsText: '', account: `acct_${i % 9}`, ip: `203.0.${i % 3}.${i % 200}`, raw: `{"row":${i}}` }));
  await v6.table('cases').add(data.case);
  await v6.table('sources').bulkAdd(data.sources);
  await v6.table('logEntries').bulkAdd(data.logEntries);
  v6.close();

  const db = new EvidenceDatabase(name);
  await db.open();
  assert.equal(db.verno, 9);
  assert.ok(!db.tables.some((t) => t.name === 'logEntries'), 'the one-record-per-row table is dropped');
  assert.equal(await db.logBlocks.count(), Math.ceil(2500 / BLOCK_ROWS));
  const rows = await caseLogEntries(db, data.case.id);
  assert.deepEqual(rows, data.logEntries);
  assert.deepEqual(await logRows(db, source.id, { account: 'acct_4' }).window(0, 1000), data.logEntries.filter((e) => e.account === 'acct_4'));
  assert.equal(await logRows(db, source.id, { ip: '203.0.1.0/24' }).count(), data.logEntries.filter((e) => e.ip!.startsWith('203.0.1.')).length);
  const from = Date.UTC(2026, 0, 1) + 100_000;
  assert.deepEqual(await logRows(db, source.id, { from, to: from + 60_000 }).window(0, 1000), data.logEntries.filter((e) => e.ts! >= from && e.ts! <= from + 60_000));
  // Version 9 made the column chunks from the blocks: the analyses read the same rows from them.
  assert.equal(await db.logChunks.count(), 1);
  const settings = { ...DEFAULT_CAMPAIGN_SETTINGS, linkBy: ['ip24' as const] };
  const fromStore = await analyzeCampaign(caseLogChunks(db, data.case.id), settings);
  assert.equal(fromStore.requests, 2500);
  assert.equal(fromStore.clusters.length, 3, 'the accounts of each of the three networks are linked');
  assert.deepEqual(fromStore, await analyzeCampaign(chunksOfRows(data.logEntries), settings));
  db.close();
});

test('a version 1 database (before pending imports existed) upgrades to version 2 with nothing lost', async () => {
  const name = `migration-${newId()}`;
  const v1 = new Dexie(name);
  v1.version(1).stores(SCHEMA_V1);
  const data = makeCaseData();
  await v1.table('cases').add(data.case);
  await v1.table('auditEvents').bulkAdd(data.audit);
  await v1.table('logEntries').bulkAdd(data.logEntries);
  v1.close();
  const v2 = new Dexie(name);
  v2.version(1).stores(SCHEMA_V1);
  v2.version(2).stores(SCHEMA_V2);
  await v2.open();
  assert.equal(v2.verno, 2);
  assert.deepEqual(await v2.table('auditEvents').toArray(), data.audit);
  assert.deepEqual(await v2.table('logEntries').toArray(), data.logEntries);
  assert.equal(await v2.table('pendingImports').count(), 0);
  v2.close();
});

test('a version 2 database (before marker lists existed) upgrades to version 3, each case getting the default markers', async () => {
  const name = `migration-${newId()}`;
  const v2 = new Dexie(name);
  v2.version(1).stores(SCHEMA_V1);
  v2.version(2).stores(SCHEMA_V2);
  const cases = [makeCaseData(), makeCaseData({ title: 'Second case' })];
  for (const data of cases) {
    await v2.table('cases').add(data.case);
    await v2.table('auditEvents').bulkAdd(data.audit);
  }
  v2.close();
  const current = new EvidenceDatabase(name);
  await current.open();
  for (const data of cases) {
    const markers = await current.markers.where('caseId').equals(data.case.id).sortBy('order');
    assert.deepEqual(markers.map((m) => m.label), data.markers.map((m) => m.label));
    assert.deepEqual(await current.auditEvents.where('caseId').equals(data.case.id).toArray(), data.audit, 'the history is not touched');
  }
  current.close();
});

test('a version 3 database (before annotation label lists existed) upgrades to version 4, each case getting the default labels', async () => {
  const name = `migration-${newId()}`;
  const v3 = new Dexie(name);
  v3.version(1).stores(SCHEMA_V1);
  v3.version(2).stores(SCHEMA_V2);
  v3.version(3).stores(SCHEMA_V3);
  const data = makeCaseData();
  await v3.table('cases').add(data.case);
  await v3.table('annotations').bulkAdd(data.annotations);
  v3.close();
  const v4 = new EvidenceDatabase(name);
  await v4.open();
  assert.ok(v4.verno >= 4);
  const labels = await v4.annotationLabels.where('caseId').equals(data.case.id).sortBy('order');
  assert.deepEqual(labels.map((l) => l.name), data.annotationLabels.map((l) => l.name));
  assert.deepEqual(await v4.annotations.toArray(), data.annotations, 'annotations keep their labels');
  v4.close();
});

test('a version 4 database (clauses split before citations) upgrades to version 5, each clause cited as it was shown', async () => {
  const name = `migration-${newId()}`;
  const v4 = new Dexie(name);
  v4.version(1).stores(SCHEMA_V1);
  v4.version(2).stores(SCHEMA_V2);
  v4.version(3).stores(SCHEMA_V3);
  v4.version(4).stores(SCHEMA_V4);
  const clause = { caseId: 'case0000001', versionId: 'version00001', headingPath: ['Terms'], text: 'x', start: 0, end: 1, line: 1 };
  await v4.table('tosClauses').bulkAdd([
    { ...clause, id: 'clause000001', order: 0, number: '' },
    { ...clause, id: 'clause000002', order: 1, number: '3.4' },
  ]);
  v4.close();
  const v5 = new EvidenceDatabase(name);
  await v5.open();
  assert.ok(v5.verno >= 5);
  const clauses = await v5.tosClauses.orderBy('id').toArray();
  assert.deepEqual(clauses.map((c) => [c.id, c.number, c.citation]), [['clause000001', '', '¶1'], ['clause000002', '3.4', '3.4']], 'the ids links point to are kept');
  v5.close();
});

test('a version 5 database (pairs with one control) upgrades to version 6: the control becomes the first other model, and plans can be kept', async () => {
  const name = `migration-${newId()}`;
  const v5 = new Dexie(name);
  v5.version(1).stores(SCHEMA_V1);
  v5.version(2).stores(SCHEMA_V2);
  v5.version(3).stores(SCHEMA_V3);
  v5.version(4).stores(SCHEMA_V4);
  v5.version(5).stores(SCHEMA_V5);
  const output = (model: string, line: number) => ({ model, text: `${model} answer`, ref: { sourceId: 'source000001', line } });
  const pair = { id: 'pair00000001', caseId: 'case0000001', promptId: 'p1', prompt: 'q', original: output('a', 1), suspect: output('b', 2) };
  await v5.table('outputPairs').bulkAdd([{ ...pair, control: output('c', 3) }, { ...pair, id: 'pair00000002' }]);
  v5.close();
  const v6 = new EvidenceDatabase(name);
  await v6.open();
  assert.equal(v6.verno, 9);
  const pairs = await v6.outputPairs.orderBy('id').toArray();
  assert.deepEqual(pairs.map((p) => [p.id, p.others.map((o) => o.model), 'control' in p]), [['pair00000001', ['c'], false], ['pair00000002', [], false]]);
  assert.equal(await v6.analysisPlans.count(), 0);
  v6.close();
});
