import { ArchiveError } from '../../shared/errors';
import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { strToU8 } from 'fflate';
import { archiveOfBytes } from '../../shared/archive/archive-format';
import { openCaseArchive } from '../../shared/archive/archive-reader';
import { writeCaseArchive } from '../../shared/archive/archive-writer';
import { newId } from '../../shared/ids';
import { runImport } from '../../shared/import/run-import';
import type { CaseData } from '../../shared/model/case-data';
import { caseArchiveContents, caseFromArchive, caseFromData, storeCase } from '../../renderer/db/archive-store';
import { loadCaseData } from '../../renderer/db/case-store';
import { EvidenceDatabase } from '../../renderer/db/database';
import { logRows, logRowsWindow } from '../../renderer/db/log-store';
import { logText } from '../../bench/generated-log';
import { makeCaseData } from '../builders';
import { cli } from '../run-cli';
import { applyChange } from '../../shared/model/case-change';
import { importChange } from '../../shared/import/source-record';
import { connectTestLogEngine } from '../log-engine-api';
import { replaced, tamperLog } from '../archive-tamper';
import { execFileSync } from 'node:child_process';

/** pyarrow, an outside reader: the archive's format, how its log entries are compressed, and the rows of its one log. */
const PYARROW_ROWS = [
  'import io, json, sys, zipfile, pyarrow.parquet as pq',
  'z = zipfile.ZipFile(sys.argv[1])',
  'logs = [i for i in z.infolist() if i.filename.startswith("records/logEntries/")]',
  'largest = max(json.loads(z.read("case.json"))["logs"], key=lambda log: log["rows"])',
  'rows = pq.read_table(io.BytesIO(z.read(largest["path"]))).to_pylist()',
  'print(json.dumps({"format": json.loads(z.read("case.json"))["formatVersion"], "compression": [i.compress_type for i in logs], "rows": rows}))',
].join('\n');

connectTestLogEngine();

const freshDb = () => new EvidenceDatabase(`test-${newId()}`);

/** The builders' case and a generated log of `rows` rows, imported as the CLI imports it: more rows than one read of blocks. */
async function largeCase(rows = 12_000): Promise<CaseData> {
  const data = makeCaseData();
  const file = { name: 'gateway-large.jsonl', bytes: strToU8(logText(0, rows)) };
  applyChange(data, importChange((await runImport({ ...data, caseId: data.case.id }, { kind: 'log', file }, 'counsel')).records));
  return data;
}

/** An archive written from the store, as the app saves one. */
async function archiveFromStore(db: EvidenceDatabase, caseId: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await writeCaseArchive(new WritableStream({ write: (chunk) => void parts.push(chunk.slice()) }), await caseArchiveContents(db, caseId));
  return new Uint8Array(Buffer.concat(parts));
}

const storeArchive = async (db: EvidenceDatabase, bytes: Uint8Array, options: { replace: boolean; signal?: AbortSignal } = { replace: false }) => {
  const archive = await openCaseArchive(archiveOfBytes(bytes, 'case.evcase'));
  try {
    await storeCase(db, caseFromArchive(archive), options);
  } finally {
    await archive.close();
  }
};

/** Nothing of a case in the store, and, given the case, none of its log rows in the engine. */
async function assertEmpty(db: EvidenceDatabase, data?: CaseData): Promise<void> {
  for (const table of db.tables) assert.equal(await table.count(), 0, `${table.name} should be empty`);
  for (const source of data?.sources.filter((s) => s.kind === 'log') ?? []) assert.equal(await logRows(data!.case.id, source.id, {}).count(), 0, `the rows of ${source.fileName} should be gone`);
}

test('a case saved from the store and opened into another store comes back equal, every row and original byte', async () => {
  const data = await largeCase();
  const first = freshDb();
  await storeCase(first, caseFromData(data), { replace: false });
  const archive = await archiveFromStore(first, data.case.id);
  // Another computer: its own database and log engine.
  connectTestLogEngine();
  const second = freshDb();
  await storeArchive(second, archive);
  const back = await loadCaseData(second, data.case.id);
  // Sources come back in the store's key order; each source's rows in line order.
  const bySource = (rows: CaseData['logEntries']) => [...rows].sort((a, b) => a.sourceId.localeCompare(b.sourceId) || a.line - b.line);
  assert.equal(back.logEntries.length, data.logEntries.length);
  assert.deepEqual(bySource(back.logEntries), bySource(data.logEntries));
  assert.deepEqual(back.originals, data.originals);
  assert.deepEqual(back.audit, data.audit);
  assert.deepEqual(back.claims, data.claims);
});

test('the app writes each log as a stored Parquet entry that pyarrow reads as the case\'s rows', async () => {
  const data = await largeCase(3_000);
  const db = freshDb();
  await storeCase(db, caseFromData(data), { replace: false });
  const bytes = await archiveFromStore(db, data.case.id);
  const dir = await mkdtemp(join(tmpdir(), 'pyarrow-'));
  await writeFile(join(dir, 'case.evcase'), bytes);
  const read = JSON.parse(
    execFileSync('python3', ['-c', PYARROW_ROWS, join(dir, 'case.evcase')], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }),
  ) as { format: number; compression: number[]; rows: Record<string, unknown>[] };
  assert.equal(read.format, 3);
  // Stored (method 0): Parquet compresses its own columns, and the rows are read where they lie.
  assert.deepEqual(read.compression, [0, 0]);
  const generated = data.sources.find((s) => s.fileName === 'gateway-large.jsonl')!.id;
  const expected = data.logEntries.filter((row) => row.sourceId === generated).sort((a, b) => a.line - b.line);
  assert.equal(read.rows.length, expected.length);
  for (const [i, row] of read.rows.entries()) {
    const want = expected[i]!;
    assert.equal(row.line, want.line);
    assert.equal(row.ts, want.ts);
    assert.equal(row.account ?? undefined, want.account);
    assert.equal(row.ip ?? undefined, want.ip);
    assert.equal(row.raw, want.raw);
  }
});

test('log rows changed in an archive, its manifest made to match, are refused by the history that bound them; nothing is stored', async () => {
  const data = await largeCase();
  const db = freshDb();
  await storeCase(db, caseFromData(data), { replace: false });
  const bad = await tamperLog(await archiveFromStore(db, data.case.id), replaced(9_001, 'account', "'acct-innocent'"), { digest: true });
  connectTestLogEngine();
  const elsewhere = freshDb();
  await assert.rejects(storeArchive(elsewhere, bad), (error: Error) => error instanceof ArchiveError && /the log rows of gateway-large\.jsonl differ from the rows recorded when it was imported by event #\d+/.test(error.message));
  await assertEmpty(elsewhere, data);
});

test('an archive with a row its columns cannot hold is refused naming the entry, the row and the value; nothing is stored', async () => {
  const data = await largeCase();
  const db = freshDb();
  await storeCase(db, caseFromData(data), { replace: false });
  const bad = await tamperLog(await archiveFromStore(db, data.case.id), replaced(9_001, 'line', "'nine thousand'"), { digest: true });
  connectTestLogEngine();
  const elsewhere = freshDb();
  await assert.rejects(storeArchive(elsewhere, bad), (error: Error) => error instanceof ArchiveError && /^case\.evcase: records\/logEntries\/\w+\.parquet: row 9001: line “nine thousand” is not a number \(INTEGER\)$/.test(error.message));
  await assertEmpty(elsewhere, data);
});

test('replacing a case with a damaged copy of it leaves the copy here as it was', async () => {
  const data = await largeCase();
  const db = freshDb();
  await storeCase(db, caseFromData(data), { replace: false });
  const before = await loadCaseData(db, data.case.id);
  const bad = await tamperLog(await archiveFromStore(db, data.case.id), replaced(11_999, 'ts', "'noon'"), { digest: false });
  await assert.rejects(storeArchive(db, bad, { replace: true }), /records\/logEntries\/\w+\.parquet was changed after the archive was written/);
  assert.deepEqual(await loadCaseData(db, data.case.id), before);
  assert.equal(await db.pendingImports.count(), 0);
});

test('opening an archive cancelled part-way stores nothing and leaves no pending rows', async () => {
  const data = await largeCase();
  const db = freshDb();
  await storeCase(db, caseFromData(data), { replace: false });
  const bytes = await archiveFromStore(db, data.case.id);
  const elsewhere = freshDb();
  const controller = new AbortController();
  const archive = await openCaseArchive(archiveOfBytes(bytes, 'case.evcase'));
  await assert.rejects(
    storeCase(elsewhere, caseFromArchive(archive), {
      replace: false,
      signal: controller.signal,
      progress: (phase, done) => phase.startsWith('Checking the log rows') && done > 0 && controller.abort(),
    }),
  );
  await assertEmpty(elsewhere);
});

test('a log imported by the CLI with --identifier is filtered by that column once its case file is opened in the app', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'identifier-'));
  const caseFile = join(dir, 'case.evcase');
  const log = join(dir, 'orgs.csv');
  await writeFile(log, ['timestamp,account_id,org_id', ...Array.from({ length: 500 }, (_, i) => `2026-01-05T00:00:${String(i % 60).padStart(2, '0')}Z,acct_${i % 9},org-${i % 5}`)].join('\n'));
  assert.equal((await cli('init', caseFile, '--title', 'Orgs')).code, 0);
  const refused = await cli('import', caseFile, log, '--kind', 'log', '--identifier', 'organisation');
  assert.equal(refused.code, 1);
  assert.match(refused.err, /orgs\.csv has no column named “organisation” to mark as an identifier/);
  const imported = await cli('import', caseFile, log, '--kind', 'log', '--identifier', 'org_id');
  assert.equal(imported.code, 0, imported.err);

  const db = freshDb();
  await storeArchive(db, new Uint8Array(await readFile(caseFile)));
  const [source] = await db.sources.toArray();
  const rows = await logRowsWindow(source!.caseId, source!.id, { identifier: { column: 'org_id', value: 'org-2' } }, 0, 1000);
  assert.equal(rows.length, 100);
  assert.ok(rows.every((row) => row.extra?.org_id === 'org-2'));
});
