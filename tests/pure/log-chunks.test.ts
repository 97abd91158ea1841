import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHUNK_ROWS, LogChunkWriter, chunkRows, chunksOfRows, decodeChunk, encodeChunk, textAt, type LogChunk } from '../../shared/log-store/log-chunks';
import type { LogRow } from '../../shared/model/records';

/** Rows with every kind of field, some missing, some empty, some unmapped columns. */
function row(i: number, sourceId = 'source000001'): LogRow {
  return {
    caseId: 'case0000001',
    sourceId,
    line: i + 2,
    ts: i % 13 === 0 ? null : Date.UTC(2026, 0, 1) + i * 1000,
    tsText: 'not read by the analyses',
    ...(i % 7 !== 0 && { account: `acct_${i % 97}` }),
    ...(i % 5 !== 0 && { apiKey: `key_${i % 31}` }),
    ip: `203.0.${i % 4}.${i % 250}`,
    ...(i % 3 === 0 && { userAgent: i % 6 === 0 ? '' : 'python-httpx/0.27' }),
    prompt: `Question ${i % 50}: explain step by step`,
    ...(i % 2 === 0 && { promptHash: `h${i % 9}`, tokensIn: i % 400, tokensOut: 0 }),
    ...(i % 11 === 0 && { extra: { device_id: `dev_${i % 3}`, ...(i % 22 === 0 && { card_bin: '411111' }) } }),
  };
}

/** What the analyses read of a row. */
const analysed = ({ caseId: _c, tsText: _t, endpoint: _e, model: _m, requestId: _r, status: _s, ...fields }: LogRow) => fields;

test('rows in chunks read back as the fields the analyses use, whatever the batch sizes, across chunk boundaries', () => {
  const rows = Array.from({ length: CHUNK_ROWS + 1000 }, (_, i) => row(i));
  const writer = new LogChunkWriter('case0000001', 'source000001');
  const chunks = [...writer.add(rows.slice(0, 10)), ...writer.add(rows.slice(10, CHUNK_ROWS + 3)), ...writer.add(rows.slice(CHUNK_ROWS + 3)), ...writer.finish()];
  assert.deepEqual(chunks.map((c) => [c.chunk, c.rows]), [[0, CHUNK_ROWS], [1, 1000]]);
  assert.deepEqual(chunks.flatMap(chunkRows), rows.map(analysed));
  // Text is coded against each chunk's distinct values: 97 accounts, not 65,536 strings.
  assert.equal(chunks[0]!.text.account.values.length, 97);
  assert.equal(textAt(chunks[1]!.text.account, 0), rows[CHUNK_ROWS]!.account);
  assert.equal(textAt(chunks[0]!.text.account, 0), undefined, 'row 0 has no account');
  assert.ok(Number.isNaN(chunks[0]!.numbers.ts[0]!), 'a row with no time has NaN');
});

test('rows in memory from several sources are chunked by source, each in the order given, and read afresh on every pass', () => {
  const rows = Array.from({ length: 300 }, (_, i) => row(i, i % 2 ? 'source000002' : 'source000001'));
  const chunks = chunksOfRows(rows);
  const first = [...(chunks() as Iterable<LogChunk>)];
  assert.deepEqual(first.map((c) => [c.sourceId, c.rows]), [['source000001', 150], ['source000002', 150]]);
  assert.deepEqual(first.flatMap(chunkRows), [...rows.filter((r) => r.sourceId === 'source000001'), ...rows.filter((r) => r.sourceId === 'source000002')].map(analysed));
  let made = 0;
  const passes = chunksOfRows(() => {
    made++;
    return rows;
  });
  assert.equal([...(passes() as Iterable<unknown>)].length, 2);
  assert.equal([...(passes() as Iterable<unknown>)].length, 2);
  assert.equal(made, 2, 'rows made on the fly are made again for each pass, not kept');
});

test('a chunk kept as bytes comes back as the chunk it was: numbers (NaN for none), codes, every text and extra column', () => {
  const rows: LogRow[] = Array.from({ length: 1000 }, (_, i) => ({
    caseId: 'case0000001',
    sourceId: 'source000001',
    line: i + 1,
    ts: i % 9 === 0 ? null : 1767225600000 + i,
    tsText: '',
    account: `acct_${i % 13}${i === 5 ? '\ud800' : ''}`,
    ...(i % 2 === 0 && { ip: `203.0.113.${i % 256}`, tokensIn: i }),
    ...(i % 3 === 0 && { extra: { 'org id': `org-${i % 4}`, ...(i % 6 === 0 && { 'payment "fp"': 'fp 1' }) } }),
  }));
  for (const [chunk] of [chunksOfRows(rows.slice(0, 1)), chunksOfRows(rows)].map((c) => [...(c() as Iterable<LogChunk>)])) {
    const back = decodeChunk(encodeChunk(chunk!));
    assert.deepEqual(back, chunk);
    assert.deepEqual(chunkRows(back), chunkRows(chunk!));
  }
});
