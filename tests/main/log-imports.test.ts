import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { LogEngine } from '../../node/log-engine';
import { LogExports } from '../../node/log-exports';
import { LogImports } from '../../node/log-imports';
import { sha256Hex } from '../../shared/hash';
import { LogParser, detectLogSettings, parquetSettings } from '../../shared/import/log-import';
import { openParquet } from '../../shared/import/parquet-rows';
import type { LogImportStatus } from '../../shared/ipc/contract';
import { parquetLog } from '../parquet-log';

const caseId = 'case00000001';
const sourceId = 'source000001';
const demo = new Uint8Array(readFileSync('fixtures/demo/api-gateway-2026Q1.jsonl'));
const settings = detectLogSettings(new TextDecoder().decode(demo.subarray(0, 65536)));

async function setup() {
  const folder = await mkdtemp(join(tmpdir(), 'log-imports-'));
  const engine = new LogEngine(folder);
  return { folder, engine, imports: new LogImports(engine, join(folder, 'incoming')) };
}

async function ended(imports: LogImports, id: string): Promise<Exclude<LogImportStatus, { state: 'running' }>> {
  for (;;) {
    const status = imports.status(id);
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Sends bytes as the page does, in pieces of `piece` bytes. */
async function send(imports: LogImports, id: string, bytes: Uint8Array, piece: number) {
  for (let at = 0; at < bytes.length; at += piece) await imports.bytes(id, bytes.slice(at, at + piece));
  imports.end(id);
}

test('a log sent in pieces is parsed where the engine is: the rows stored are those the parser reads, the digests those of the file and rows', async () => {
  const { folder, engine, imports } = await setup();
  const id = await imports.start(caseId, sourceId, { fileName: 'gateway.jsonl', size: demo.length }, settings);
  await send(imports, id, demo, 100_003);
  const status = await ended(imports, id);
  assert.equal(status.state, 'done');
  const parser = new LogParser(settings, { caseId, sourceId });
  const text = new TextDecoder().decode(demo);
  const expected = [...parser.push(text).entries, ...parser.end().entries];
  assert.deepEqual(await engine.window(caseId, sourceId, {}, 0, 100_000), expected);
  assert.equal(status.state === 'done' && status.result.sha256, sha256Hex(demo));
  assert.equal(status.state === 'done' && status.result.rows, expected.length);
  assert.deepEqual(await readdir(join(folder, 'incoming')), [], 'the bytes kept while reading are gone');
  await engine.close();
});

test('a Parquet log is read from its footer once all of it has arrived', async () => {
  const { engine, imports } = await setup();
  const rows = Array.from({ length: 3000 }, (_, i) => ({ micros: BigInt(Date.UTC(2026, 0, 1) + i * 1000) * 1000n, account: `acct_${i % 7}`, ip: `203.0.113.${i % 9}`, prompt: `p${i}`, tokens: BigInt(i) }));
  const bytes = parquetLog(rows, 1000);
  const parquet = await openParquet({ size: bytes.length, slice: async (s, e) => bytes.subarray(s, e) }, 'export.parquet');
  const id = await imports.start(caseId, sourceId, { fileName: 'export.parquet', size: bytes.length }, parquetSettings(parquet.columns));
  await send(imports, id, bytes, 4096);
  const status = await ended(imports, id);
  assert.equal(status.state === 'done' && status.result.rows, 3000);
  assert.equal(await engine.count(caseId, sourceId, { account: 'acct_3' }), rows.filter((r) => r.account === 'acct_3').length);
  await engine.close();
});

test('a cancel part-way, or a file that is not a log, ends the import with nothing stored and says why', async () => {
  const { engine, imports } = await setup();
  const large = new Uint8Array(Buffer.concat(Array.from({ length: 8 }, () => demo)));
  const id = await imports.start(caseId, sourceId, { fileName: 'big.jsonl', size: large.length }, settings);
  await imports.bytes(id, large.subarray(0, large.length / 2));
  imports.cancel(id);
  await imports.bytes(id, large.subarray(large.length / 2));
  assert.deepEqual(await ended(imports, id), { state: 'cancelled' });
  assert.equal((await engine.sources(caseId)).size, 0);

  const noise = new TextEncoder().encode('this is\nnot a log\n');
  const other = await imports.start(caseId, 'source000002', { fileName: 'notes.txt', size: noise.length }, { format: 'jsonl', hasHeader: false, columns: [], mapping: {} });
  await send(imports, other, noise, 1000);
  const failed = await ended(imports, other);
  assert.equal(failed.state, 'failed');
  assert.match(failed.state === 'failed' ? failed.error.message : '', /notes\.txt does not look like an API log excerpt/);
  assert.equal((await engine.sources(caseId)).size, 0);
  await engine.close();
});

test('a source written out for an archive (Parquet, read in pieces) and taken back elsewhere is the same rows, digest and chunks; a file that is not such rows is refused', async () => {
  const { folder, engine, imports } = await setup();
  const id = await imports.start(caseId, sourceId, { fileName: 'gateway.jsonl', size: demo.length }, settings);
  await send(imports, id, demo, 1 << 20);
  assert.equal((await ended(imports, id)).state, 'done');

  const exports = new LogExports(engine, join(folder, 'outgoing'));
  const written = await exports.start(caseId, sourceId);
  const pieces: Uint8Array[] = [];
  for (let offset = 0; offset < written.size; ) {
    const piece = await exports.bytes(written.export, offset);
    pieces.push(piece);
    offset += piece.length;
  }
  assert.deepEqual(await readdir(join(folder, 'outgoing')), [], 'the file written out goes once read');
  const parquet = new Uint8Array(Buffer.concat(pieces));

  const elsewhere = await setup();
  const back = await elsewhere.imports.restore(caseId, sourceId, parquet.length);
  await send(elsewhere.imports, back, parquet, 1000);
  const restored = await ended(elsewhere.imports, back);
  assert.deepEqual(restored, { state: 'restored', rows: written.rows, rowsSha256: await engine.rowsSha256(caseId, sourceId) });
  assert.deepEqual(await elsewhere.engine.window(caseId, sourceId, {}, 0, 100_000), await engine.window(caseId, sourceId, {}, 0, 100_000));
  assert.deepEqual(await elsewhere.engine.chunk(caseId, sourceId, 0), await engine.chunk(caseId, sourceId, 0));

  const junk = await elsewhere.imports.restore(caseId, 'source000002', demo.length);
  await send(elsewhere.imports, junk, demo, 1 << 20);
  const refused = await ended(elsewhere.imports, junk);
  assert.equal(refused.state, 'failed');
  assert.match(refused.state === 'failed' ? refused.error.message : '', /its rows are not log rows as this app writes them: .*(magic|Parquet)/i);
  assert.equal((await elsewhere.engine.sources(caseId)).get('source000002'), undefined);
  await engine.close();
  await elsewhere.engine.close();
});
