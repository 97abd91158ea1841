import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BLOCK_ROWS, LogBlockWriter, blockFields, blockRows } from '../../shared/log-store/log-blocks';
import type { LogEntry } from '../../shared/model/records';

const row = (i: number, ts: number | null, account?: string): LogEntry => ({ caseId: 'case0000001', sourceId: 'source000001', line: 3 * i + 1, ts, tsText: '', raw: `r${i}`, ...(account && { account }) });

// The store of versions 7–9: written by the upgrade from version 6, read by the move into the log engine.
test('rows become blocks in file order, whatever the batch sizes, and read back as they were', () => {
  const rows = Array.from({ length: 2 * BLOCK_ROWS + 5 }, (_, i) => row(i, i % 50 === 7 ? null : ((i * 37) % 1000) * 1000, `acct_${i % 11}`));
  const writer = new LogBlockWriter('case0000001', 'source000001');
  const written = [...writer.add(rows.slice(0, 3)), ...writer.add(rows.slice(3, 1500)), ...writer.add(rows.slice(1500))];
  const { blocks, index } = writer.finish();
  const all = [...written, ...blocks];
  assert.deepEqual(all.map((b) => b.block), [0, 1, 2]);
  assert.deepEqual(all.flatMap(blockRows), rows);
  // What the analysis reads: the same rows without their original text.
  assert.deepEqual(all.flatMap(blockFields), rows.map(({ raw: _raw, ...row }) => row));
  assert.equal(index.rows, rows.length);
});
