import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BLOCK_ROWS, LogBlockWriter, blockFields, blockOfLine, blockRows, bucketOf, positionsInTime, postedPositions } from '../../shared/log-store/log-blocks';
import type { LogEntry } from '../../shared/model/records';

const row = (i: number, ts: number | null, account?: string): LogEntry => ({ caseId: 'case0000001', sourceId: 'source000001', line: 3 * i + 1, ts, tsText: '', raw: `r${i}`, ...(account && { account }) });

test('rows become blocks in file order, postings by value and a time order, whatever the batch sizes', () => {
  const rows = Array.from({ length: 2 * BLOCK_ROWS + 5 }, (_, i) => row(i, i % 50 === 7 ? null : ((i * 37) % 1000) * 1000, `acct_${i % 11}`));
  const writer = new LogBlockWriter('case0000001', 'source000001');
  const written = [...writer.add(rows.slice(0, 3)), ...writer.add(rows.slice(3, 1500)), ...writer.add(rows.slice(1500))];
  const { blocks, postings, index } = writer.finish();
  const all = [...written, ...blocks];
  assert.deepEqual(all.map((b) => b.block), [0, 1, 2]);
  assert.deepEqual(all.flatMap(blockRows), rows);
  // What the analysis reads: the same rows without their original text.
  assert.deepEqual(all.flatMap(blockFields), rows.map(({ raw: _raw, ...row }) => row));
  assert.deepEqual(index.firstLines, [1, 3 * BLOCK_ROWS + 1, 6 * BLOCK_ROWS + 1]);
  assert.equal(blockOfLine(index, 3 * BLOCK_ROWS), 0);
  assert.equal(blockOfLine(index, 3 * BLOCK_ROWS + 1), 1);

  // Postings: each account's positions, ascending; a value in no row has none.
  const account = (value: string) => Array.from(postedPositions(postings.find((p) => p.field === 'account' && p.bucket === bucketOf(value)), value));
  assert.deepEqual(account('acct_3'), rows.flatMap((r, i) => (r.account === 'acct_3' ? [i] : [])));
  assert.deepEqual(account('acct_99'), []);

  // The time order: rows without a time left out, ties in file order.
  const expected = rows.map((r, i) => [r.ts, i] as const).filter(([ts]) => ts !== null && ts >= 200_000 && ts <= 300_000).sort((a, b) => a[0]! - b[0]! || a[1] - b[1]).map(([, i]) => i);
  assert.deepEqual(Array.from(positionsInTime(index, 200_000, 300_000)), expected);
  assert.equal(positionsInTime(index).length, rows.filter((r) => r.ts !== null).length);
});
