import { UnusableFileError } from '../../shared/errors';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runImport } from '../../shared/import/run-import';
import { readTerms, readTermsFile } from '../../shared/tos/read-terms';

// Each kind of input the audit found accepted as garbage or crashing an importer, with the message a user now gets.
const CASE = { caseId: 'case0000000000000000', sources: [], tosDocuments: [], tosVersions: [] };
const enc = new TextEncoder();
const importLog = (name: string, text: string) => runImport(CASE, { kind: 'log', file: { name, bytes: enc.encode(text) } }, 'counsel');
const row = (fields: string) => `{"timestamp":"2026-01-05T01:00:20Z","account_id":"acct_1",${fields}"status":200}`;

test('log rows with a key twice, a __proto__ key, deep nesting or impossible numbers are rejected by line, naming the fault', async () => {
  const result = await importLog('gateway.jsonl', [
    row('"usage":{"prompt_tokens":32},'),
    '{"timestamp":"2026-01-05T01:00:21Z","account_id":"acct_1","account_id":"acct_innocent","status":200}',
    row('"__proto__":{"account_id":"acct_x"},'),
    row(`"deep":${'['.repeat(100)}${']'.repeat(100)},`),
    row('"usage":{"prompt_tokens":1e20},'),
    row('"usage":{"prompt_tokens":3.5},'),
    '{"timestamp":"2026-01-05T01:00:22Z","account_id":"acct_1","status":99999}',
    '{"timestamp":"0050-06-01T00:00:00Z","account_id":"acct_1","status":200}',
  ].join('\n'));
  assert.deepEqual(result.records.logEntries.map((e) => e.line), [1]);
  assert.deepEqual(result.rejections.map((r) => [r.line, r.reason]), [
    [2, 'has the key “account_id” twice in one object; which value is meant cannot be told'],
    [3, 'has a key “__proto__”, which names object structure in JavaScript and cannot be kept as a field'],
    [4, 'nests deeper than 64 levels, which no record does'],
    [5, 'usage.prompt_tokens “1e20” is not a token count (a whole number from 0 to 100,000,000)'],
    [6, 'usage.prompt_tokens “3.5” is not a token count (a whole number from 0 to 100,000,000)'],
    [7, 'status “99999” is a number but no HTTP status code (100 to 599)'],
    [8, 'timestamp “0050-06-01T00:00:00Z” is outside the years 1990 to 2100 that this log\'s times are taken to lie in (change them at import if it truly goes beyond)'],
  ]);
});

test('a CSV whose quote is left open rejects the lines it swallowed, by line, instead of reading them as one field', async () => {
  const csv = 'timestamp,account,prompt,status\n2026-01-05T01:00:00Z,acct_1,"What is the capital of France?,200\n2026-01-05T01:00:01Z,acct_2,What is 2+2?,200\n2026-01-05T01:00:02Z,acct_3,"Name a colour",200\n2026-01-05T01:00:03Z,acct_4,Hello,200\n';
  const result = await importLog('gateway.csv', csv);
  assert.deepEqual(result.records.logEntries.map((e) => [e.line, e.account]), [[5, 'acct_4']]);
  assert.deepEqual(result.rejections.map((r) => [r.line, r.reason]), [[2, 'lines 2–4: a quoted field opened on line 2 closes on line 4 with text after its closing quote: the quoting is broken']]);
});

test('a log with 10,000 columns or a column named __proto__ is refused, naming the file', async () => {
  const wide = `timestamp,account,${Array.from({ length: 9_998 }, (_, i) => `c${i}`).join(',')}\n2026-01-05T01:00:00Z,acct_1${',x'.repeat(9_998)}\n`;
  await assert.rejects(importLog('wide.csv', wide), { name: 'UnusableFileError', message: 'wide.csv has 10,000 columns; no API log export has more than 1,000, so it is refused rather than read as one' });
  await assert.rejects(importLog('proto.csv', 'timestamp,account,__proto__\n2026-01-05T01:00:00Z,acct_1,x\n'), /proto\.csv has a column named “__proto__”/);
});

test('answers of the wrong type are rejected by line, naming the field and what it holds', async () => {
  const text = ['{"prompt":"Q1","original":"A","suspect":"B"}', '{"prompt":"Q2","original":"A","suspect":42}', '{"prompt":["Q3"],"original":"A","suspect":"B"}', '{"prompt":"Q4","original":"A","original":"planted","suspect":"B"}', '{"prompt":"Q5","original":true,"suspect":"B","suspect_model":{"name":"x"}}'].join('\n');
  const result = await runImport(CASE, { kind: 'pairs', file: { name: 'pairs.jsonl', bytes: enc.encode(text) } }, 'counsel');
  assert.deepEqual(result.records.outputPairs.map((p) => p.prompt), ['Q1']);
  assert.deepEqual(result.rejections.map((r) => [r.line, r.reason]).sort((a, b) => Number(a[0]) - Number(b[0])), [
    [2, 'the suspect output is a number, not text'],
    [3, 'the prompt is a list, not text'],
    [4, 'has the key “original” twice in one object; which value is meant cannot be told'],
    [5, 'the original output is true, not text; the suspect model is an object, not text'],
  ]);
});

test('terms that are binary data, nested past any page, or built to exhaust the Markdown reader are refused, naming the file', () => {
  // What random bytes behind a UTF-16 byte-order mark decode to: private-use and unassigned code points, control characters.
  const units = Uint16Array.from({ length: 1_000 }, (_, i) => [0xe000 + i, 0x0001, 0xfdd0 + (i % 32), 0x4e00 + i][i % 4]!);
  const random = new Uint8Array([0xff, 0xfe, ...new Uint8Array(units.buffer)]);
  assert.throws(() => readTerms('terms.txt', random), (e: unknown) => e instanceof UnusableFileError && /^terms\.txt is not text: [\d,]+ of its [\d,]+ characters are control characters or code points no script uses/.test(e.message));
  assert.throws(() => readTerms('deep.html', enc.encode(`<html><body>${'<div>'.repeat(300)}x</body></html>`)), /deep\.html nests its elements more than 256 levels deep/);
  assert.throws(() => readTerms('lists.md', enc.encode(Array.from({ length: 100 }, (_, k) => `${'  '.repeat(k)}- item`).join('\n'))), /lists\.md indents a list item 198 columns deep/);
  assert.throws(() => readTerms('quotes.md', enc.encode(`${'>'.repeat(5_000)} deep`)), /quotes\.md nests 5000 quotations in one another/);
  // 50,000 list markers on one line nest 50,000 lists: it hung the import for minutes; it is refused at once.
  assert.throws(() => readTerms('markers.md', enc.encode(`# Terms\n\n${'- '.repeat(50_000)}x\n`)), /markers\.md indents a list item 99998 columns deep/);
  // An HTML block inside Markdown is read by the HTML reader's inline walk, which 2,000 unclosed tags once overflowed (in CI).
  const unclosed = readTerms('unclosed.md', enc.encode(`# Terms\n\n${'<div><ul><li>'.repeat(50_000)}deep`));
  assert.match(unclosed.text, /deep/, 'the text inside 150,000 unclosed tags is read');
});

test('an empty string is kept as empty, not stored as absent; an empty count or status is none', async () => {
  const result = await importLog('gateway.jsonl', '{"timestamp":"2026-01-05T01:00:21Z","account_id":"","status":"","note":""}');
  const [entry] = result.records.logEntries;
  assert.equal(entry!.account, '');
  assert.equal(entry!.status, undefined);
  assert.deepEqual(entry!.extra, { note: '' });
});

test('a PDF whose page cannot be read is refused, naming the file and the page, not with pdf.js’s stack', async () => {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    `<< /Length 42 /Filter /FlateDecode >>\nstream\nx\u009c${'\u0000garbage'.repeat(5)}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((object, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  await assert.rejects(readTermsFile('damaged.pdf', Uint8Array.from(pdf, (ch) => ch.charCodeAt(0))), (e: unknown) => e instanceof UnusableFileError && /^damaged\.pdf cannot be read as a PDF: page 1 is damaged \(/.test(e.message));
});
