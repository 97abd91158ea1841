import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Dexie from 'dexie';
import { newId } from '../../shared/ids';
import { EvidenceDatabase } from '../../renderer/db/database';
import { MIGRATIONS } from '../../renderer/db/migrations';
import { defaultMarkers } from '../../shared/analysis/markers';
import { caseLogAnalyses, caseLogEntries, logRows } from '../../renderer/db/log-store';
import { analyzeCampaign, DEFAULT_CAMPAIGN_SETTINGS } from '../../shared/analysis/campaign';
import { chunksOfRows } from '../../shared/log-store/log-chunks';
import { BLOCK_ROWS } from '../../shared/log-store/log-blocks';
import { MOVE_PHASE, moveBlockStoreLogs } from '../../renderer/db/block-store-move';
import { checkStoredCase } from '../../renderer/db/case-store';
import { logRowsHasher } from '../../shared/model/log-row-text';
import type { LogEntry } from '../../shared/model/records';
import { makeCaseData } from '../builders';
import { connectTestLogEngine } from '../log-engine-api';

connectTestLogEngine();

async function logRowsDigest(rows: readonly LogEntry[]): Promise<string> {
  const hasher = logRowsHasher();
  await hasher.add(rows);
  return hasher.hex();
}

/** A database as the app of version `at` left it: the production migrations up to that version, upgrades included, nothing later. */
function databaseAt(name: string, at: number): Dexie {
  const db = new Dexie(name);
  for (const migration of MIGRATIONS.filter((m) => m.version <= at)) {
    const version = db.version(migration.version).stores(migration.stores);
    if (migration.upgrade) version.upgrade(migration.upgrade);
  }
  return db;
}

test('a version 6 database (one record per log row) upgrades to blocks, and its rows move into the log engine on opening, every row kept', async () => {
  const name = `migration-${newId()}`;
  const v6 = databaseAt(name, 6);
  const data = makeCaseData();
  const source = data.sources[0]!;
  const caseId = data.case.id;
  // 2,500 rows (many blocks), out of time order, over a few accounts and networks.
  data.logEntries = Array.from({ length: 2500 }, (_, i) => ({ caseId, sourceId: source.id, line: i + 2, ts: Date.UTC(2026, 0, 1) + ((i * 7919) % 2500) * 1000, tsText: '', account: `acct_${i % 9}`, ip: `203.0.${i % 3}.${i % 200}`, raw: `{"row":${i}}` }));
  source.recordCount = 2500;
  source.rowsSha256 = await logRowsDigest(data.logEntries);
  await v6.table('cases').add(data.case);
  await v6.table('sources').bulkAdd(data.sources);
  await v6.table('logEntries').bulkAdd(data.logEntries);
  v6.close();

  const db = new EvidenceDatabase(name);
  await db.open();
  assert.equal(db.verno, MIGRATIONS.at(-1)!.version);
  assert.deepEqual(db.tables.map((t) => t.name).filter((n) => n.startsWith('log')).sort(), ['logBlocks', 'logIndexes'], 'rows per record, postings and chunks are gone; blocks wait for the move');
  assert.equal(await db.logBlocks.count(), Math.ceil(2500 / BLOCK_ROWS));

  const phases = new Set<string>();
  assert.equal(await moveBlockStoreLogs(db, caseId, { progress: (phase) => phases.add(phase) }), 2500);
  assert.deepEqual([...phases], [MOVE_PHASE]);
  assert.deepEqual([await db.logBlocks.count(), await db.logIndexes.count()], [0, 0], 'the blocks go once their rows are in the engine and checked');
  assert.equal(await moveBlockStoreLogs(db, caseId), 0, 'a second opening moves nothing');
  assert.deepEqual(await caseLogEntries(db, caseId), data.logEntries);
  assert.deepEqual(await logRows(caseId, source.id, { account: 'acct_4' }).window(0, 1000), data.logEntries.filter((e) => e.account === 'acct_4'));
  assert.equal(await logRows(caseId, source.id, { ip: '203.0.1.0/24' }).count(), data.logEntries.filter((e) => e.ip!.startsWith('203.0.1.')).length);
  const from = Date.UTC(2026, 0, 1) + 100_000;
  assert.deepEqual(await logRows(caseId, source.id, { from, to: from + 60_000 }).window(0, 1000), data.logEntries.filter((e) => e.ts! >= from && e.ts! <= from + 60_000));
  // The analyses read the engine's chunks: the same campaign as from the rows in memory.
  const settings = { ...DEFAULT_CAMPAIGN_SETTINGS, linkBy: ['ip24' as const] };
  const fromStore = await analyzeCampaign(caseLogAnalyses(db, caseId).chunks, settings);
  assert.equal(fromStore.requests, 2500);
  assert.equal(fromStore.clusters.length, 3, 'the accounts of each of the three networks are linked');
  assert.deepEqual(fromStore, await analyzeCampaign(chunksOfRows(data.logEntries), settings));
  assert.equal((await checkStoredCase(db, caseId)).problems.length, 0);
  db.close();
});

test('a block-store log whose rows are not those its import recorded is not moved: it stays where it was, named, and nothing reaches the engine', async () => {
  const name = `migration-${newId()}`;
  const v6 = databaseAt(name, 6);
  const data = makeCaseData();
  const source = data.sources[0]!;
  const caseId = data.case.id;
  data.logEntries = Array.from({ length: 1500 }, (_, i) => ({ caseId, sourceId: source.id, line: i + 1, ts: Date.UTC(2026, 0, 1) + i * 1000, tsText: '', account: `acct_${i % 5}`, raw: `{"row":${i}}` }));
  source.recordCount = 1500;
  source.rowsSha256 = await logRowsDigest(data.logEntries);
  await v6.table('cases').add(data.case);
  await v6.table('sources').bulkAdd(data.sources);
  await v6.table('logEntries').bulkAdd(data.logEntries.map((e, i) => (i === 700 ? { ...e, account: 'acct_innocent' } : e)));
  v6.close();

  const db = new EvidenceDatabase(name);
  await assert.rejects(moveBlockStoreLogs(db, caseId), new RegExp(`The rows of ${source.fileName} kept on this computer \\(1,500 of 1,500, SHA-256 [0-9a-f]{16}…\\) are not the rows its import recorded; they were left where they were`));
  assert.equal(await db.logBlocks.count(), Math.ceil(1500 / BLOCK_ROWS));
  assert.equal(await logRows(caseId, source.id, {}).count(), 0);
  db.close();
});

test('a version 1 database (before pending imports existed) upgrades through every version with nothing lost', async () => {
  const name = `migration-${newId()}`;
  const v1 = databaseAt(name, 1);
  const data = makeCaseData();
  await v1.table('cases').add(data.case);
  await v1.table('sources').bulkAdd(data.sources);
  await v1.table('auditEvents').bulkAdd(data.audit);
  await v1.table('logEntries').bulkAdd(data.logEntries);
  v1.close();
  const current = new EvidenceDatabase(name);
  await current.open();
  assert.equal(current.verno, MIGRATIONS.at(-1)!.version);
  assert.deepEqual(await current.auditEvents.toArray(), data.audit);
  await moveBlockStoreLogs(current, data.case.id);
  assert.deepEqual(await caseLogEntries(current, data.case.id), data.logEntries);
  assert.equal(await current.pendingImports.count(), 0);
  current.close();
});

test('a version 2 database (before marker lists existed) upgrades to version 3, each case getting the markers version 3 shipped, not today\'s', async () => {
  const name = `migration-${newId()}`;
  const v2 = databaseAt(name, 2);
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
    assert.equal(markers.length, 13);
    assert.deepEqual(markers.slice(0, 2).map((m) => [m.kind, m.label]), [['self-identification', 'Claims to be Claude'], ['self-identification', 'Names Anthropic']]);
    assert.notDeepEqual(markers.map((m) => m.label), defaultMarkers(data.case.id).map((m) => m.label), 'today\'s default list has changed since; the upgrade does not follow it');
    assert.deepEqual(await current.auditEvents.where('caseId').equals(data.case.id).toArray(), data.audit, 'the history is not touched');
  }
  current.close();
});

test('a version 3 database (before annotation label lists existed) upgrades to version 4, each case getting the labels version 4 shipped', async () => {
  const name = `migration-${newId()}`;
  const v3 = databaseAt(name, 3);
  const data = makeCaseData();
  await v3.table('cases').add(data.case);
  await v3.table('annotations').bulkAdd(data.annotations);
  v3.close();
  const v4 = new EvidenceDatabase(name);
  await v4.open();
  assert.ok(v4.verno >= 4);
  const labels = await v4.annotationLabels.where('caseId').equals(data.case.id).sortBy('order');
  assert.deepEqual(labels.map((l) => l.name), ['verbatim run', 'same structure', 'same refusal template', 'self-identification', 'characteristic phrase', 'other']);
  assert.deepEqual(await v4.annotations.toArray(), data.annotations, 'annotations keep their labels');
  v4.close();
});

test('a version 4 database (clauses split before citations) upgrades to version 5, each clause cited as it was shown', async () => {
  const name = `migration-${newId()}`;
  const v4 = databaseAt(name, 4);
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
  const v5 = databaseAt(name, 5);
  const output = (model: string, line: number) => ({ model, text: `${model} answer`, ref: { sourceId: 'source000001', line } });
  const pair = { id: 'pair00000001', caseId: 'case0000001', promptId: 'p1', prompt: 'q', original: output('a', 1), suspect: output('b', 2) };
  await v5.table('outputPairs').bulkAdd([{ ...pair, control: output('c', 3) }, { ...pair, id: 'pair00000002' }]);
  v5.close();
  const v6 = new EvidenceDatabase(name);
  await v6.open();
  assert.equal(v6.verno, MIGRATIONS.at(-1)!.version);
  const pairs = await v6.outputPairs.orderBy('id').toArray();
  assert.deepEqual(pairs.map((p) => [p.id, p.others.map((o) => o.model), 'control' in p]), [['pair00000001', ['c'], false], ['pair00000002', [], false]]);
  assert.equal(await v6.analysisPlans.count(), 0);
  v6.close();
});
