import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { decodeText } from '../../shared/text/decode-text';
import { parseTimestamp } from '../../shared/import/timestamps';
import { readTerms } from '../../shared/tos/read-terms';

const bytes = (path: string) => new Uint8Array(readFileSync(path));

test('UTF-8 with and without BOM, and UTF-16 with BOM, are read exactly', () => {
  assert.deepEqual(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0xa9]), 'a.txt'), { text: 'aé', encoding: 'utf-8-bom' });
  assert.deepEqual(decodeText(new TextEncoder().encode('你好 🌏'), 'a.txt'), { text: '你好 🌏', encoding: 'utf-8' });
  const utf16 = decodeText(bytes('fixtures/bad/utf16-bom.csv'), 'utf16-bom.csv');
  assert.equal(utf16.encoding, 'utf-16le');
  assert.match(utf16.text, /acct_été/);
});

test('unusable files are refused with the file named and the reason', () => {
  assert.throws(() => decodeText(bytes('fixtures/bad/empty.jsonl'), 'empty.jsonl'), /^UnusableFileError: empty\.jsonl is empty$/);
  assert.throws(() => decodeText(bytes('fixtures/bad/binary.jsonl'), 'binary.jsonl'), /binary\.jsonl is not a text file: it contains a NUL byte at offset 0/);
  assert.throws(() => decodeText(bytes('fixtures/bad/latin1.csv'), 'latin1.csv'), /latin1\.csv is not valid UTF-8 text; save it as UTF-8/);
  assert.throws(() => decodeText(new TextEncoder().encode(' \n\t'), 'blank.csv'), /blank\.csv holds only white space/);
});

test('timestamps: ISO 8601 with offsets, Z or none, and epoch seconds, milliseconds, microseconds', () => {
  const at = Date.UTC(2026, 2, 1, 15, 30, 0);
  assert.deepEqual(parseTimestamp('2026-03-01T10:30:00-05:00'), { ms: at, zoneless: false });
  assert.deepEqual(parseTimestamp('2026-03-01T21:00:00+0530'), { ms: at, zoneless: false });
  assert.deepEqual(parseTimestamp('2026-03-01T15:30:00Z'), { ms: at, zoneless: false });
  assert.deepEqual(parseTimestamp('2026-03-01 15:30:00.250'), { ms: at + 250, zoneless: true });
  assert.deepEqual(parseTimestamp(at / 1000), { ms: at, zoneless: false });
  assert.deepEqual(parseTimestamp(String(at)), { ms: at, zoneless: false });
  assert.deepEqual(parseTimestamp(`${at}000`), { ms: at, zoneless: false });
  assert.deepEqual(parseTimestamp('1772379000.5'), { ms: at + 500, zoneless: false });
  for (const bad of ['2026-02-30T00:00:00Z', '2026-13-01', 'yesterday', '2026-03-01T25:00:00Z', '']) assert.equal(parseTimestamp(bad), null, bad);
});

test('a terms page built to make a trimming pattern backtrack reads in one pass: a million line breaks in one paragraph', { timeout: 60_000 }, () => {
  // /[ \n]+$/ retried from every position of the run: 80,000 <br> took 2.8 s, a million would take minutes. Now each end is trimmed once.
  const reading = readTerms('terms.html', new TextEncoder().encode(`<html><body><h1>Terms</h1><p>1. Use${'<br>'.repeat(1_000_000)}x</p></body></html>`));
  assert.ok(reading.clauses.some((c) => c.number === '1' && c.text.startsWith('1. Use\n') && c.text.endsWith('\nx')));
});
