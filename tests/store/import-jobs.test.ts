import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { verifyAuditChain } from '../../shared/audit/audit-chain';
import { sha256Hex } from '../../shared/hash';
import { newId } from '../../shared/ids';
import { detectLogSettings } from '../../shared/import/log-import';
import { auditEventsOf, createCase, loadCaseData } from '../../renderer/db/case-store';
import { EvidenceDatabase } from '../../renderer/db/database';
import { caseLogEntries, logRows, logRowsWindow } from '../../renderer/db/log-store';
import { discardAllPendingImports } from '../../renderer/db/pending-writes';
import { runImportJob, type ImportControl, type NamedBlob } from '../../renderer/features/evidence/import/import-jobs';
import { CancellationError } from '../../shared/errors';
import { chunkedFile } from '../chunked-file';
import { connectTestLogEngine } from '../log-engine-api';

const engine = connectTestLogEngine();

const demoLog = new Uint8Array(readFileSync('fixtures/demo/api-gateway-2026Q1.jsonl'));
const settingsOf = (bytes: Uint8Array) => detectLogSettings(new TextDecoder().decode(bytes.subarray(0, 65536)));

async function setup() {
  const db = new EvidenceDatabase(`jobs-${newId()}`);
  const record = await createCase(db, { title: 'Northwind v. Lumen' }, 'counsel');
  return { db, caseId: record.id };
}

function control(options: { cancelWhen?: (done: number, total: number) => boolean; accept?: boolean } = {}): ImportControl & { reviews: number; cleanUp(): Promise<void> } {
  const cancel = new AbortController();
  const after: (() => Promise<void>)[] = [];
  const c = {
    reviews: 0,
    signal: cancel.signal,
    afterwards: (work: () => Promise<void>) => void after.push(work),
    cleanUp: async () => {
      for (const work of after) await work();
    },
    progress: (_phase: string, done: number, total: number) => {
      if (options.cancelWhen?.(done, total)) cancel.abort();
    },
    ask: async () => {
      c.reviews++;
      return options.accept ?? true;
    },
  };
  return c;
}

/** How many records each table holds, and how many log rows the engine holds for each source. */
async function snapshot(db: EvidenceDatabase) {
  const tables = Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.count()] as const)));
  const cases = await db.cases.toCollection().primaryKeys();
  const rows = await Promise.all(cases.map(async (caseId) => [...(await engine.sources(caseId))]));
  return { ...tables, logRows: rows.flat() };
}

test('a log file streams in with its original bytes, a source record and an audit event', async () => {
  const { db, caseId } = await setup();
  const file = chunkedFile(demoLog, 'api-gateway-2026Q1.jsonl');
  const outcome = await runImportJob(db, { kind: 'log', caseId, actor: 'counsel', file, settings: settingsOf(demoLog) }, control());
  assert.equal(outcome.status, 'imported');
  const data = await loadCaseData(db, caseId);
  assert.equal(data.logEntries.length, 5357);
  const [source] = data.sources;
  assert.deepEqual([source!.sha256, source!.size, source!.recordCount, source!.rejectedCount], [sha256Hex(demoLog), demoLog.length, 5357, 0]);
  assert.deepEqual(data.originals.get(source!.id), demoLog);
  const events = await auditEventsOf(db, caseId);
  assert.equal(events.at(-1)!.action, 'source.imported');
  assert.equal(events.at(-1)!.details.sha256, sha256Hex(demoLog));
  assert.equal(verifyAuditChain(events).verified, true);
  assert.equal(await db.pendingImports.count(), 0);

  const again = await runImportJob(db, { kind: 'log', caseId, actor: 'counsel', file, settings: settingsOf(demoLog) }, control());
  assert.equal(again.status, 'already-imported');
  assert.equal((await caseLogEntries(db, caseId)).length, 5357);
  assert.deepEqual([...(await engine.sources(caseId))], [[source!.id, 5357]], 'the second import wrote nothing that stayed');
});

test('cancelling half-way through a large file leaves the database exactly as before', async () => {
  const { db, caseId } = await setup();
  const large = new Uint8Array(Buffer.concat(Array.from({ length: 12 }, () => demoLog)));
  const before = await snapshot(db);
  let seenShare = 0;
  const job = control({
    cancelWhen: (done, total) => {
      seenShare = done / total;
      return seenShare > 0.5;
    },
  });
  await assert.rejects(runImportJob(db, { kind: 'log', caseId, actor: 'counsel', file: chunkedFile(large, 'big.jsonl'), settings: settingsOf(large) }, job), (error: Error) => error instanceof CancellationError && /Nothing from this file was kept/.test(error.message));
  assert.ok(seenShare > 0.5 && seenShare < 1, `cancelled at ${Math.round(seenShare * 100)}% of the bytes, half-way`);
  assert.notDeepEqual(await snapshot(db), before, 'rows read before the cancel were written, to be removed after');
  // The cancel is answered before the rows read so far are removed; once the clean-up is over, nothing is left of them.
  await job.cleanUp();
  assert.deepEqual(await snapshot(db), before);
});

test('a file that fails part-way leaves the database as before and says why', async () => {
  const { db, caseId } = await setup();
  const before = await snapshot(db);
  const whole = chunkedFile(new Uint8Array(Buffer.concat([demoLog, demoLog, demoLog, demoLog, demoLog])), 'flaky.jsonl');
  const failing: NamedBlob = {
    ...whole,
    stream: () => {
      const reader = whole.stream().getReader();
      let pieces = 0;
      return new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (pieces++ > 150) return controller.error(new Error('the disk went away'));
          const { value } = await reader.read();
          controller.enqueue(value!);
        },
      });
    },
  };
  await assert.rejects(runImportJob(db, { kind: 'log', caseId, actor: 'counsel', file: failing, settings: settingsOf(demoLog) }, control()), /the disk went away/);
  assert.equal((await engine.sources(caseId)).size, 0, 'more than one batch had been written before the failure, and all are gone');
  assert.deepEqual(await snapshot(db), before);
});

test('with bad rows the user chooses: none leaves nothing, the good rows imports them', async () => {
  const { db, caseId } = await setup();
  const bad = new Uint8Array(readFileSync('fixtures/bad/log-with-bad-rows.jsonl'));
  const job = { kind: 'log' as const, caseId, actor: 'counsel', file: new File([bad], 'log-with-bad-rows.jsonl'), settings: settingsOf(bad) };
  const before = await snapshot(db);
  const none = control({ accept: false });
  assert.equal((await runImportJob(db, job, none)).status, 'declined');
  assert.equal(none.reviews, 1);
  assert.deepEqual(await snapshot(db), before);
  const outcome = await runImportJob(db, job, control({ accept: true }));
  assert.deepEqual(outcome.status === 'imported' && [outcome.records, outcome.rejected], [2, 4]);
  assert.deepEqual((await caseLogEntries(db, caseId)).map((e) => e.line), [1, 6]);
  assert.deepEqual((await db.sources.toArray())[0]!.rejectedRows.map((r) => r.line), [2, 3, 4, 5]);
});

test('rows left by an import cut short (the window closed) are removed at the next start', async () => {
  const { db, caseId } = await setup();
  await db.pendingImports.add({ sourceId: 'orphan000001', caseId, startedAt: new Date().toISOString() });
  await engine.append(caseId, 'orphan000001', [{ caseId, sourceId: 'orphan000001', line: 1, ts: 0, tsText: '0', raw: '{}' }]);
  await engine.finish(caseId, 'orphan000001');
  assert.equal(await discardAllPendingImports(db), 1);
  assert.deepEqual([(await engine.sources(caseId)).size, await db.pendingImports.count()], [0, 0]);
});

test('pairs and ToS versions import through the shared runImport in one transaction', async () => {
  const { db, caseId } = await setup();
  const blob = (path: string) => new File([readFileSync(path)], path.split('/').pop()!);
  const answers = (model: string) => blob(`fixtures/demo/answers-${model}.json`);
  const files = [
    { file: answers('atlas-2-large'), role: 'original' as const },
    { file: answers('lumen-7b-instruct'), role: 'suspect' as const },
    { file: answers('open-llm-13b'), role: 'reference' as const },
  ];
  const pairs = await runImportJob(db, { kind: 'pairs-joined', caseId, actor: 'expert', files }, control());
  assert.equal(pairs.status, 'imported');
  assert.deepEqual(pairs.status === 'imported' && pairs.notes.length, 2);
  const tos = await runImportJob(db, { kind: 'tos', caseId, actor: 'counsel', versions: [{ file: blob('fixtures/demo/tos-2025-06-01.html'), effectiveDate: '2025-06-01' }] }, control());
  assert.equal(tos.status, 'imported');
  const data = await loadCaseData(db, caseId);
  assert.deepEqual([data.sources.length, data.outputPairs.length, data.tosVersions.length, data.tosDocuments[0]!.title], [4, 219, 1, 'Northwind AI API Terms of Service']);
  assert.ok(data.tosClauses.some((c) => c.number === '3.4'));
  assert.equal((await auditEventsOf(db, caseId)).filter((e) => e.action === 'source.imported').length, 4);
});

test('rows deep in a source are found from line checkpoints, exactly as counting from the start finds them', async () => {
  const { db, caseId } = await setup();
  // 2,600 lines, every 97th unreadable: the row at a position is not the line of that number.
  const lines = Array.from({ length: 2600 }, (_, i) => (i % 97 === 5 ? 'not json' : JSON.stringify({ timestamp: 1767225600 + i, account_id: `acct_${i % 13}` })));
  const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
  const outcome = await runImportJob(db, { kind: 'log', caseId, actor: 'counsel', file: chunkedFile(bytes, 'gaps.jsonl'), settings: settingsOf(bytes) }, control({ accept: true }));
  assert.equal(outcome.status, 'imported');
  const source = (await db.sources.toArray())[0]!;
  assert.equal(source.lineCheckpoints.length, Math.ceil(source.recordCount / 1000));
  const all = (await caseLogEntries(db, caseId)).sort((a, b) => a.line - b.line);
  assert.equal(all.length, source.recordCount);
  for (const start of [0, 999, 1000, 1001, 1023, 1024, 1730, 2048, source.recordCount - 5]) {
    assert.deepEqual(await logRowsWindow(caseId, source.id, {}, start, 20), all.slice(start, start + 20), `rows from position ${start}`);
  }
  // A time range and an account are answered from the time order and the postings, in file order.
  const from = 1767225600_000 + 1000_000;
  const to = 1767225600_000 + 1500_000;
  assert.deepEqual(await logRowsWindow(caseId, source.id, { from, to }, 0, 10_000), all.filter((e) => e.ts! >= from && e.ts! <= to));
  assert.deepEqual(await logRowsWindow(caseId, source.id, { account: 'acct_7', from }, 0, 10_000), all.filter((e) => e.account === 'acct_7' && e.ts! >= from));
  assert.deepEqual(await logRowsWindow(caseId, source.id, { account: 'acct_7', text: '"timestamp":176722620' }, 0, 10_000), all.filter((e) => e.account === 'acct_7' && e.raw.includes('"timestamp":176722620')));
  assert.equal(await logRows(caseId, source.id, { account: 'acct_7' }).count(), all.filter((e) => e.account === 'acct_7').length);
});

test('an IP filter takes an address or a network in CIDR notation, and refuses anything else with the reason', async () => {
  const { db, caseId } = await setup();
  // Addresses in 47.245.60.0/23 (two /24s), one just outside it, and an IPv6 network.
  const ips = ['47.245.61.7', '47.245.61.200', '47.245.60.3', '47.245.62.1', '47.24.61.7', '2001:db8::1', '2001:db8:0:1::9', '2001:db9::1'];
  const lines = ips.map((ip, i) => JSON.stringify({ timestamp: 1767225600 + i, account_id: `acct_${i}`, ip }));
  const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
  assert.equal((await runImportJob(db, { kind: 'log', caseId, actor: 'counsel', file: chunkedFile(bytes, 'nets.jsonl'), settings: settingsOf(bytes) }, control())).status, 'imported');
  const source = (await db.sources.toArray())[0]!;
  const found = async (ip: string) => (await logRowsWindow(caseId, source.id, { ip }, 0, 100)).map((e) => e.ip).sort();
  assert.deepEqual(await found('47.245.61.0/24'), ['47.245.61.200', '47.245.61.7']);
  assert.deepEqual(await found('47.245.60.0/23'), ['47.245.60.3', '47.245.61.200', '47.245.61.7']);
  assert.deepEqual(await found('47.0.0.0/8'), ['47.24.61.7', '47.245.60.3', '47.245.61.200', '47.245.61.7', '47.245.62.1']);
  assert.deepEqual(await found('2001:db8::/32'), ['2001:db8:0:1::9', '2001:db8::1']);
  assert.deepEqual(await found('47.245.61.7'), ['47.245.61.7']);
  assert.deepEqual(await found('0.0.0.0/0'), ['47.24.61.7', '47.245.60.3', '47.245.61.200', '47.245.61.7', '47.245.62.1']);
  await assert.rejects(logRowsWindow(caseId, source.id, { ip: '47.245.61.0/33' }, 0, 10), /prefix length from 0 to 32/);
  await assert.rejects(logRowsWindow(caseId, source.id, { ip: 'acct_1/24' }, 0, 10), /neither an IP address nor a network/);
});

/** A CSV export with two columns no field maps: an organisation and a payment fingerprint. */
function orgsLog(rows = 3000): Uint8Array {
  const lines = ['timestamp,account_id,org_id,payment_fp'];
  for (let i = 0; i < rows; i++) lines.push(`2026-01-05T00:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z,acct_${i % 40},org-${i % 7},fp-${i % 3}`);
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

test('a column marked as an identifier at import is posted: filtering on it finds exactly its rows, alone or with an account', async () => {
  const { db, caseId } = await setup();
  const bytes = orgsLog();
  const settings = { ...settingsOf(bytes), identifiers: ['org_id'] };
  assert.equal((await runImportJob(db, { kind: 'log', caseId, actor: 'counsel', file: chunkedFile(bytes, 'orgs.csv'), settings }, control())).status, 'imported');
  const source = (await db.sources.toArray())[0]!;
  assert.deepEqual(source.settings.identifiers, ['org_id']);
  const all = await caseLogEntries(db, caseId);
  const lines = async (filter: Parameters<typeof logRows>[2]) => (await logRowsWindow(caseId, source.id, filter, 0, 10_000)).map((e) => e.line);
  const naive = (keep: (e: (typeof all)[number]) => boolean) => all.filter(keep).map((e) => e.line);
  assert.deepEqual(await lines({ identifier: { column: 'org_id', value: 'org-3' } }), naive((e) => e.extra?.org_id === 'org-3'));
  assert.equal(await logRows(caseId, source.id, { identifier: { column: 'org_id', value: 'org-3' } }).count(), 429, 'rows 3, 10, 17 … of 3,000');
  assert.deepEqual(await lines({ identifier: { column: 'org_id', value: 'org-3' }, account: 'acct_10' }), naive((e) => e.extra?.org_id === 'org-3' && e.account === 'acct_10'));
  assert.deepEqual(await lines({ identifier: { column: 'org_id', value: 'org-none' } }), []);
  // The engine answers any unmapped column; marking one says which the campaign links accounts by.
  assert.deepEqual(await lines({ identifier: { column: 'payment_fp', value: 'fp-1' } }), naive((e) => e.extra?.payment_fp === 'fp-1'));
});

test('an identifier column that the file lacks, or that is mapped to a field, is refused naming it, and nothing is stored', async () => {
  const { db, caseId } = await setup();
  const bytes = orgsLog(10);
  const before = await snapshot(db);
  for (const [identifiers, message] of [[['org'], /orgs\.csv has no column named “org” to mark as an identifier/], [['account_id'], /“account_id” is mapped to the account field/]] as const) {
    await assert.rejects(runImportJob(db, { kind: 'log', caseId, actor: 'counsel', file: chunkedFile(bytes, 'orgs.csv'), settings: { ...settingsOf(bytes), identifiers: [...identifiers] } }, control()), message);
  }
  assert.deepEqual(await snapshot(db), before);
});
