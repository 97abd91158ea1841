import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAll } from '../log-parsing';

// Rows of tens of megabytes, read in pieces: slow by design, so out of the seconds loop.
test('a row past 16 MB is refused at its line as it streams and passed over to its end; rows after it keep their lines', () => {
  const header = 'timestamp,account_id,prompt\n2026-01-05T00:00:00Z,acct-1,hello\n';
  // 20 MB of a quoted field holding line breaks and doubled quotes, as the audit's 20 MB field was.
  const long = `2026-01-05T00:00:01Z,acct-2,"${'abc ""d""\n'.repeat(2_000_000)}"\n`;
  const csv = `${header}${long}2026-01-05T00:00:02Z,acct-3,after\n`;
  const pieces = Array.from({ length: Math.ceil(csv.length / 65_536) }, () => 65_536);
  const { entries, rejections } = parseAll(csv, pieces);
  assert.deepEqual(rejections.map((r) => [r.line, r.reason]), [[3, 'is longer than 16 MB, which no log row is; it was passed over to its end']]);
  assert.deepEqual(entries.map((e) => [e.line, e.account]), [[2, 'acct-1'], [2_000_004, 'acct-3']]);

  const jsonl = `{"timestamp":"2026-01-05T00:00:00Z","account_id":"a"}\n{"prompt":"${'x'.repeat(17 * 1024 * 1024)}"}\n{"timestamp":"2026-01-05T00:00:02Z","account_id":"b"}\n`;
  const json = parseAll(jsonl, Array.from({ length: Math.ceil(jsonl.length / 1_000_000) }, () => 1_000_000));
  assert.deepEqual(json.rejections.map((r) => [r.line, r.raw.length]), [[2, 1000]], 'the refused row is shown by its start, not held whole');
  assert.deepEqual(json.entries.map((e) => [e.line, e.account]), [[1, 'a'], [3, 'b']]);
});

test('a long quoted CSV field under the limit, read in small pieces, is one row with its whole text, and the rows after keep their lines', () => {
  const field = 'abc ""d""\n'.repeat(1_000_000);
  const csv = `timestamp,account_id,prompt\n2026-01-05T00:00:01Z,acct-2,"${field}"\n2026-01-05T00:00:02Z,acct-3,after\n`;
  const { entries, rejections } = parseAll(csv, Array.from({ length: Math.ceil(csv.length / 65_536) }, () => 65_536));
  assert.deepEqual(rejections, []);
  assert.deepEqual(entries.map((e) => [e.line, e.account]), [[2, 'acct-2'], [1_000_003, 'acct-3']]);
  assert.equal(entries[0]!.prompt, field.replaceAll('""', '"'));
});
