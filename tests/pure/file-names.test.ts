import assert from 'node:assert/strict';
import { test } from 'node:test';
import { safeFileName } from '../../shared/file-names';

test('names from archives, imports and titles are made safe to write: no separators, controls, direction marks, dots at the ends or device names; length bounded, extension kept', () => {
  assert.equal(safeFileName('/../../x.jsonl', 'original'), '_.._.._x.jsonl');
  assert.equal(safeFileName('..', 'original'), 'original');
  assert.equal(safeFileName('.hidden', 'original'), 'hidden');
  assert.equal(safeFileName('C:\\Windows\\evil.exe', 'original'), 'C__Windows_evil.exe');
  assert.equal(safeFileName('report\u202egpj.exe', 'original'), 'reportgpj.exe', 'a right-to-left override could make .exe read as .jpg');
  assert.equal(safeFileName('a\nb\u0000c\u0085.txt', 'original'), 'abc.txt');
  assert.equal(safeFileName('NUL.txt', 'original'), '_NUL.txt');
  const long = safeFileName(`${'x'.repeat(300)}.parquet`, 'original', 120);
  assert.equal(long.length, 120);
  assert.ok(long.endsWith('.parquet'));
  assert.equal(safeFileName('Northwind AI v. Lumen Labs', 'case'), 'Northwind AI v. Lumen Labs');
  assert.equal(safeFileName('王小明 — 案件', 'case'), '王小明 — 案件');
});
