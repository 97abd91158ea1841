import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { LogParser, checkLogSettings, detectLogSettings, type LogImportSettings, type ParsedRows } from '../../shared/import/log-import';
import { IDS, parseAll } from '../log-parsing';
import { parseJsonRecord } from '../../shared/import/json-record';
import { parseTimestamp } from '../../shared/import/timestamps';
import { autoMapFields } from '../../shared/import/log-fields';

const demoJsonl = readFileSync('fixtures/demo/api-gateway-2026Q1.jsonl', 'utf8');

test('fields are mapped by their names, whatever their spelling', () => {
  assert.deepEqual(autoMapFields(['Created At', 'Org', 'X-API-Key', 'remote_addr', 'UA', 'path', 'usage.prompt_tokens', 'usage.completion_tokens', 'requestId', 'status_code']), {
    timestamp: 'Created At',
    account: 'Org',
    ip: 'remote_addr',
    userAgent: 'UA',
    endpoint: 'path',
    tokensIn: 'usage.prompt_tokens',
    tokensOut: 'usage.completion_tokens',
    requestId: 'requestId',
    status: 'status_code',
  });
});

test('the demo gateway export imports every row with its line, original text and UTC time', () => {
  const settings = detectLogSettings(demoJsonl);
  assert.equal(settings.format, 'jsonl');
  assert.equal(settings.mapping.apiKey, 'api_key_id');
  assert.equal(settings.mapping.tokensOut, 'usage.completion_tokens');
  const { entries, rejections } = parseAll(demoJsonl);
  const lines = demoJsonl.trimEnd().split('\n');
  assert.equal(rejections.length, 0);
  assert.equal(entries.length, lines.length);
  const first = entries[0]!;
  assert.equal(first.line, 1);
  assert.equal(first.raw, lines[0]);
  assert.equal(first.tsText, '2026-01-05T01:00:20.186-05:00');
  assert.equal(first.ts, Date.parse('2026-01-05T06:00:20.186Z'));
  assert.equal(first.ip, '192.0.2.70');
  assert.equal(typeof first.tokensOut, 'number');
  assert.equal(entries[999]!.line, 1000);
});

test('a file read in pieces of any size gives exactly the entries of a single read', () => {
  const csv = readFileSync('fixtures/demo/warehouse-sample.csv', 'utf8');
  const whole = parseAll(csv);
  for (const pieces of [[1, 7, 13, 4096], [100, 100, 100, 100, 100], [csv.indexOf('Context: see') - 3, 10]]) {
    assert.deepEqual(parseAll(csv, pieces), whole);
  }
});

test('a CSV prompt with a line break keeps the row on its first line and later rows on theirs', () => {
  const csv = readFileSync('fixtures/demo/warehouse-sample.csv', 'utf8');
  const { entries, rejections } = parseAll(csv);
  assert.equal(rejections.length, 0);
  assert.equal(entries.length, 400);
  const multi = entries.find((e) => e.prompt?.includes('\nContext: see attached file.'))!;
  assert.equal(multi.line, 9);
  assert.equal(entries[8]!.line, 11, 'the row after the two-line record starts on line 11');
  assert.equal(entries[0]!.ts, Number(entries[0]!.tsText), 'epoch milliseconds are kept as given');
});

test('bad rows are each listed with their line number and reason, good rows kept', () => {
  const { entries, rejections } = parseAll(readFileSync('fixtures/bad/log-with-bad-rows.jsonl', 'utf8'));
  assert.deepEqual(entries.map((e) => [e.line, e.account]), [[1, 'acct_good1'], [6, 'acct_good4']]);
  assert.deepEqual(
    rejections.map((r) => [r.line, r.reason.replace(/\(.*\)/, '(…)')]),
    [
      [2, 'not valid JSON (…)'],
      [3, 'timestamp “yesterday” is not an ISO 8601 time or epoch seconds/milliseconds'],
      [4, 'is not a JSON object'],
      [5, 'usage.prompt_tokens “many” is not a token count (…)'],
    ],
  );
});

test('headerless CSV and TSV are read with numbered columns and content-sniffed fields', () => {
  const tsv = '2026-02-01T00:00:00Z\tacct_a\t10.0.0.1\n2026-02-01T00:00:01Z\tacct_b\t10.0.0.2\n';
  const settings = detectLogSettings(tsv);
  assert.deepEqual([settings.format, settings.hasHeader, settings.mapping], ['tsv', false, { timestamp: 'column 1', ip: 'column 3' }]);
  const { entries } = parseAll(tsv);
  assert.deepEqual(entries.map((e) => [e.line, e.ip, e.extra]), [[1, '10.0.0.1', { 'column 2': 'acct_a' }], [2, '10.0.0.2', { 'column 2': 'acct_b' }]]);
});

test('a time in the years 0 to 99 is read as that year, not as 1900 to 1999', () => {
  const year50 = parseTimestamp('0050-06-01T12:00:00Z')!;
  assert.equal(new Date(year50.ms).toISOString(), '0050-06-01T12:00:00.000Z');
  assert.equal(new Date(parseTimestamp('0004-02-29')!.ms).toISOString(), '0004-02-29T00:00:00.000Z', 'year 4 was a leap year');
  assert.equal(parseTimestamp('0001-02-29'), null, 'year 1 was not');
});

/** Every row of `text`, read with the given settings. */
function parseWith(text: string, settings: LogImportSettings): ParsedRows {
  const parser = new LogParser(settings, IDS);
  const first = parser.push(`${text}\n`);
  const last = parser.end();
  return { entries: [...first.entries, ...last.entries], rejections: [...first.rejections, ...last.rejections], zonelessTimes: 0 };
}

test('a time outside the years a log may cover is rejected with its line; the years can be widened at import', () => {
  const text = ['{"timestamp":"2026-01-05T10:00:00Z","account_id":"a"}', '{"timestamp":"0050-06-01T00:00:00Z","account_id":"b"}', '{"timestamp":100000000000000000000,"account_id":"c"}', '{"timestamp":"1970-01-01T00:00:05Z","account_id":"d"}'].join('\n');
  const settings = detectLogSettings(text);
  const strict = parseWith(text, settings);
  assert.deepEqual(strict.entries.map((e) => e.account), ['a']);
  assert.deepEqual(strict.rejections.map((r) => [r.line, r.reason]), [
    [2, 'timestamp “0050-06-01T00:00:00Z” is outside the years 1990 to 2100 that this log\'s times are taken to lie in (change them at import if it truly goes beyond)'],
    [3, 'timestamp “100000000000000000000” is outside the years 1990 to 2100 that this log\'s times are taken to lie in (change them at import if it truly goes beyond)'],
    [4, 'timestamp “1970-01-01T00:00:05Z” is outside the years 1990 to 2100 that this log\'s times are taken to lie in (change them at import if it truly goes beyond)'],
  ]);
  const wide = parseWith(text, { ...settings, years: { from: 1, to: 2100 } });
  assert.deepEqual(wide.entries.map((e) => [e.account, new Date(e.ts!).toISOString().slice(0, 10)]), [['a', '2026-01-05'], ['b', '0050-06-01'], ['d', '1970-01-01']]);
  assert.deepEqual(wide.rejections.map((r) => r.line), [3], 'an epoch of 10^20 is the year 5138');
  assert.throws(() => checkLogSettings({ ...settings, years: { from: 2100, to: 1990 } }, 'x.jsonl'), /must be whole years from 1 to 9999, the first no later than the last; not 2100 to 1990/);
});

test('a time is kept or refused, never changed: impossible offsets and 60th seconds are refused, a real leap second is read', () => {
  for (const text of ['2026-03-01T10:00:00+24:00', '2026-03-01T10:00:00+99:99', '2026-03-01T10:00:00-00:60', '2026-03-01T10:00:00+15:00', '2026-03-01T10:00:00+14:01', '2026-03-01T12:34:60Z', '2016-12-31T23:59:60+01:00']) {
    assert.equal(parseTimestamp(text), null, text);
  }
  assert.equal(parseTimestamp('2026-03-01T10:00:00+14:00')!.ms, Date.UTC(2026, 1, 28, 20));
  assert.equal(parseTimestamp('2026-03-01T10:00:00-12:00')!.ms, Date.UTC(2026, 2, 1, 22));
  assert.equal(parseTimestamp('2016-12-31T23:59:60Z')!.ms, Date.UTC(2017, 0, 1), 'the leap second of 2016, read as POSIX time reads it');
  assert.equal(parseTimestamp('2017-01-01T00:59:60+01:00')!.ms, Date.UTC(2017, 0, 1), 'the same leap second, written in another zone');
});

test('numbers a double cannot hold as written are kept as their source text; duplicate keys are refused by name', () => {
  const read = (text: string) => (parseJsonRecord(text) as { value: Record<string, unknown> }).value;
  assert.deepEqual(read('{"id":9007199254740993,"big":1e400,"short":1e2,"one":1.0,"ok":42,"neg":-7,"f":0.25}'), { id: '9007199254740993', big: '1e400', short: '1e2', one: '1.0', ok: 42, neg: -7, f: 0.25 });
  assert.deepEqual(read('{"list":[12345678901234567890, 3]}'), { list: ['12345678901234567890', 3] });
  assert.deepEqual(read('{"text":"9007199254740993 stays"}'), { text: '9007199254740993 stays' }, 'digits inside a string are left alone');
  assert.deepEqual(parseJsonRecord('{"account":"a","account":"b"}'), { reason: 'has the key “account” twice in one object; which value is meant cannot be told' });
});
