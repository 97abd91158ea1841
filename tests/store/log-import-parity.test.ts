import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { logRowsSha256Of } from '../../shared/model/log-row-text';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { newId } from '../../shared/ids';
import { detectLogSettings, parquetSettings } from '../../shared/import/log-import';
import { isParquet, openParquet } from '../../shared/import/parquet-rows';
import { logSample } from '../../shared/import/log-stream';
import type { CaseData } from '../../shared/model/case-data';
import { createCase, loadCaseData } from '../../renderer/db/case-store';
import { EvidenceDatabase } from '../../renderer/db/database';
import { runImportJob } from '../../renderer/features/evidence/import/import-jobs';
import { chunkedFile } from '../chunked-file';
import { parquetLog } from '../parquet-log';
import { parquetMetadata } from 'hyparquet';
import { cli } from '../run-cli';
import { connectTestLogEngine } from '../log-engine-api';

connectTestLogEngine();

const demoLog = new Uint8Array(await readFile('fixtures/demo/api-gateway-2026Q1.jsonl'));
// Times without a zone (read as UTC and said so), a row that cannot be read, CRLF line ends.
const zonelessCsv = new TextEncoder().encode(['timestamp,account,ip,prompt', '2026-03-01 10:00:00,acct_a,203.0.113.5,"hello, world"', '2026-03-01 10:00:05,acct_b,203.0.113.6,second', 'not a time,acct_c,203.0.113.7,third', '2026-03-01T10:00:09Z,acct_a,203.0.113.5,"multi', 'line"'].join('\r\n'));

/** The file imported as the app does: settings detected from the sample the dialog reads, then the import worker's job. */
async function throughApp(bytes: Uint8Array, name: string) {
  const db = new EvidenceDatabase(`parity-${newId()}`);
  const record = await createCase(db, { title: 'Parity' }, 'counsel');
  const file = chunkedFile(bytes, name);
  const settings = isParquet(bytes) ? parquetSettings((await openParquet({ size: bytes.length, slice: async (s, e) => bytes.subarray(s, e) }, name)).columns) : detectLogSettings(await logSample(file.stream(), name));
  const outcome = await runImportJob(db, { kind: 'log', caseId: record.id, actor: 'counsel', file, settings }, { signal: new AbortController().signal, afterwards: () => undefined, progress: () => undefined, ask: async () => true });
  assert.equal(outcome.status, 'imported');
  return { data: await loadCaseData(db, record.id), notes: outcome.status === 'imported' ? outcome.notes : [] };
}

/** The same file through the CLI, from disk. */
async function throughCli(bytes: Uint8Array, name: string) {
  const folder = await mkdtemp(join(tmpdir(), 'parity-'));
  const casePath = join(folder, 'case.evcase');
  await writeFile(join(folder, name), bytes);
  assert.equal((await cli('init', casePath, '--title', 'Parity', '--actor', 'counsel')).code, 0);
  const run = await cli('import', casePath, join(folder, name), '--kind', 'log', '--accept-partial', '--actor', 'counsel');
  assert.equal(run.code, 0, run.err);
  const notes = run.out.split('\n').filter((l) => l.startsWith('  note: ')).map((l) => l.slice('  note: '.length));
  return { data: (await readCaseArchive(new Uint8Array(await readFile(casePath)))), notes };
}

/** What an import stored, without what differs by nature (ids, the time of import, the hash of rows that hold the ids: each is checked against its own rows). */
function stored(data: CaseData) {
  const [source] = data.sources;
  const { id, caseId, importedAt, rowsSha256, ...rest } = source!;
  void [caseId, importedAt];
  assert.equal(rowsSha256, logRowsSha256Of(data.logEntries).get(id), 'the hash of the rows is of the rows stored');
  return {
    source: rest,
    original: data.originals.get(source!.id),
    entries: data.logEntries.map(({ caseId: _c, sourceId: _s, ...entry }) => entry).sort((a, b) => a.line - b.line),
    audit: data.audit.filter((e) => e.action === 'source.imported').map((e) => ({ ...e.details, sourceId: undefined })),
  };
}

// A warehouse export: times in microseconds (TIMESTAMP, MICROS), token counts as INT64, three row groups, one row without a time.
const parquetBytes = parquetLog(
  [
    { micros: 1767592840359123n, account: 'acct_1', ip: '203.0.113.5', prompt: 'Explain gradient descent', tokens: 10n },
    { micros: 1767592841000001n, account: 'acct_2', ip: '203.0.113.6', prompt: 'Summarise this email', tokens: 20n },
    { micros: null, account: 'acct_1', ip: '203.0.113.5', prompt: 'Explain gradient descent', tokens: 30n },
    { micros: 1767592843000000n, account: 'acct_3', ip: '198.51.100.1', prompt: '请解释光合作用', tokens: 40n },
    { micros: 1767592844500000n, account: 'acct_1', ip: '203.0.113.5', prompt: 'Explain gradient descent', tokens: 50n },
  ],
  2,
);

for (const [name, bytes] of [
  ['harvest-export.parquet', parquetBytes],
  ['api-gateway-2026Q1.jsonl', demoLog],
  ['zoneless.csv', zonelessCsv],
  ['api-gateway-2026Q1.jsonl.gz', new Uint8Array(gzipSync(demoLog))],
] as const) {
  test(`${name}: the app and the CLI store the same records, notes, settings, rejections and hashes`, async () => {
    const [app, command] = await Promise.all([throughApp(bytes, name), throughCli(bytes, name)]);
    assert.deepEqual(stored(app.data), stored(command.data));
    assert.deepEqual(app.notes, command.notes);
    if (name === 'harvest-export.parquet') {
      // The exact time the column stored is kept as text, the time index to the millisecond; the row without a time is refused by row number.
      const first = app.data.logEntries.find((e) => e.line === 1)!;
      assert.deepEqual([first.tsText, first.ts, first.account, first.ip, first.tokensIn], ['2026-01-05T06:00:40.359123Z', Date.UTC(2026, 0, 5, 6, 0, 40, 359), 'acct_1', '203.0.113.5', 10]);
      assert.deepEqual(app.data.logEntries.map((e) => e.line), [1, 2, 4, 5]);
      assert.deepEqual(app.data.sources[0]!.rejectedRows, [{ line: 3, reason: 'has no event_time' }]);
      assert.equal(app.data.sources[0]!.settings.format, 'parquet');
    }
    if (name === 'zoneless.csv') {
      assert.deepEqual(app.notes, ['zoneless.csv: 2 timestamps named no time zone and were read as UTC']);
      assert.equal(app.data.sources[0]!.settings.zonelessTimesReadAsUtc, 2);
      assert.deepEqual(app.data.sources[0]!.rejectedRows, [{ line: 4, reason: 'timestamp “not a time” is not an ISO 8601 time or epoch seconds/milliseconds' }]);
      assert.equal(app.data.logEntries.find((e) => e.line === 5)!.prompt, 'multi\r\nline');
    }
  });
}

test('a gzip file cut short is refused by name, by the app and the CLI, and the case is left as it was', async () => {
  const whole = new Uint8Array(gzipSync(demoLog));
  const cut = whole.subarray(0, Math.floor(whole.length * 0.6));

  const db = new EvidenceDatabase(`parity-${newId()}`);
  const record = await createCase(db, { title: 'Parity' }, 'counsel');
  const before = await Promise.all(db.tables.map((t) => t.count()));
  const settings = detectLogSettings(await logSample(chunkedFile(cut, 'cut.jsonl.gz').stream(), 'cut.jsonl.gz'));
  await assert.rejects(
    runImportJob(db, { kind: 'log', caseId: record.id, actor: 'counsel', file: chunkedFile(cut, 'cut.jsonl.gz'), settings }, { signal: new AbortController().signal, afterwards: () => undefined, progress: () => undefined, ask: async () => true }),
    /cut\.jsonl\.gz is not a whole gzip file/,
  );
  assert.deepEqual(await Promise.all(db.tables.map((t) => t.count())), before);

  const folder = await mkdtemp(join(tmpdir(), 'parity-'));
  const casePath = join(folder, 'case.evcase');
  await writeFile(join(folder, 'cut.jsonl.gz'), cut);
  assert.equal((await cli('init', casePath, '--title', 'Parity', '--actor', 'counsel')).code, 0);
  const archive = await readFile(casePath);
  const run = await cli('import', casePath, join(folder, 'cut.jsonl.gz'), '--kind', 'log');
  assert.equal(run.code, 1);
  assert.match(run.err, /Refused: cut\.jsonl\.gz is not a whole gzip file.*Nothing was imported/s);
  assert.deepEqual(await readFile(casePath), archive);
});

test('a damaged Parquet file is refused by name and row group, and the case is left as it was', async () => {
  // A byte flipped in every page of the second row group's data: its pages no longer decode.
  const damaged = parquetBytes.slice();
  const metadata = parquetMetadata(parquetBytes);
  for (const column of metadata.row_groups[1]!.columns) {
    const start = Number(column.meta_data!.data_page_offset);
    for (let k = 2; k < Number(column.meta_data!.total_compressed_size); k++) damaged[start + k] = damaged[start + k]! ^ 0x5a;
  }
  const folder = await mkdtemp(join(tmpdir(), 'parity-'));
  const casePath = join(folder, 'case.evcase');
  await writeFile(join(folder, 'damaged.parquet'), damaged);
  assert.equal((await cli('init', casePath, '--title', 'Parity', '--actor', 'counsel')).code, 0);
  const archive = await readFile(casePath);
  const run = await cli('import', casePath, join(folder, 'damaged.parquet'), '--kind', 'log');
  assert.equal(run.code, 1);
  assert.match(run.err, /Refused: damaged\.parquet: row group 2 \(rows 3–4\) cannot be read: .+Nothing was imported/s);
  assert.deepEqual(await readFile(casePath), archive);
});
