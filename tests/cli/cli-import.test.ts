import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { sha256Hex } from '../../shared/hash';
import { cli } from '../run-cli';

const DEMO = 'fixtures/demo';

async function newCase(): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'cli-import-')), 'case.evcase');
  assert.equal((await cli('init', file, '--title', 'Northwind v. Lumen', '--actor', 'counsel')).code, 0);
  return file;
}

async function counts(file: string) {
  const info = await cli('info', file, '--json');
  assert.equal(info.code, 0, info.err);
  return JSON.parse(info.out) as { counts: Record<string, number>; audit: { events: number; verified: boolean } };
}

test('each kind imports through the CLI, and info counts what was added', async () => {
  const file = await newCase();
  const log = await cli('import', file, `${DEMO}/api-gateway-2026Q1.jsonl`, '--kind', 'log');
  assert.equal(log.code, 0, log.err);
  assert.match(log.out, /Added 5357 log entries; 0 rejected\./);
  assert.equal((await cli('import', file, `${DEMO}/output-pairs.jsonl`, '--kind', 'pairs')).code, 0);
  for (const [name, date] of [['tos-2025-01-15.md', '2025-01-15'], ['tos-2025-06-01.html', '2025-06-01'], ['tos-2026-01-10.txt', '2026-01-10']]) {
    const tos = await cli('import', file, `${DEMO}/${name}`, '--kind', 'tos', '--effective', date!, '--title', 'API Terms of Service');
    assert.equal(tos.code, 0, tos.err);
  }
  const summary = await counts(file);
  assert.deepEqual(summary.counts, { sources: 5, logEntries: 5357, outputPairs: 10, tosVersions: 3, claims: 0, links: 0, annotations: 0 });
  assert.deepEqual(summary.audit, { ...summary.audit, events: 6, verified: true });

  const data = (await readCaseArchive(new Uint8Array(await readFile(file))));
  const original = new Uint8Array(await readFile(`${DEMO}/api-gateway-2026Q1.jsonl`));
  const source = data.sources.find((s) => s.fileName === 'api-gateway-2026Q1.jsonl')!;
  assert.equal(source.sha256, sha256Hex(original));
  assert.deepEqual(data.originals.get(source.id), original);
  assert.equal(data.tosDocuments.length, 1, 'the three versions are one document');
  const imported = data.audit.filter((e) => e.action === 'source.imported');
  assert.deepEqual(imported.map((e) => e.details.sha256), data.sources.map((s) => s.sha256));
});

test('the same bytes imported twice say "already imported" and add nothing', async () => {
  const file = await newCase();
  await cli('import', file, `${DEMO}/output-pairs.jsonl`, '--kind', 'pairs');
  const before = await readFile(file);
  const again = await cli('import', file, `${DEMO}/output-pairs.jsonl`, '--kind', 'pairs');
  assert.equal(again.code, 0);
  assert.match(again.out, /output-pairs\.jsonl is already imported .*nothing added/);
  assert.deepEqual(await readFile(file), before);
});

test('a file with bad rows is refused with each row listed, unless --accept-partial', async () => {
  const file = await newCase();
  const before = await readFile(file);
  const refused = await cli('import', file, 'fixtures/bad/log-with-bad-rows.jsonl', '--kind', 'log');
  assert.equal(refused.code, 1);
  for (const line of [2, 3, 4, 5]) assert.match(refused.out, new RegExp(`rejected: log-with-bad-rows\\.jsonl line ${line}: `));
  assert.match(refused.err, /Refused: 4 rows could not be read \(listed above\); nothing was imported\. Use --accept-partial to import the 2 good ones\./);
  assert.deepEqual(await readFile(file), before, 'a refused import leaves the case file as it was');
  assert.deepEqual((await readdir(dirname(file))).filter((name) => name !== 'case.evcase'), [], 'and no part-written file beside it');

  const partial = await cli('import', file, 'fixtures/bad/log-with-bad-rows.jsonl', '--kind', 'log', '--accept-partial');
  assert.equal(partial.code, 0, partial.err);
  assert.match(partial.out, /line 3: timestamp “yesterday”/);
  assert.match(partial.out, /Added 2 log entries; 4 rejected\./);
  assert.equal((await counts(file)).counts.logEntries, 2);
  const [source] = (await readCaseArchive(new Uint8Array(await readFile(file)))).sources;
  assert.deepEqual(source!.rejectedRows.map((r) => r.line), [2, 3, 4, 5], 'the rejected rows stay on record with the source');
});

const answers = (model: string) => `${DEMO}/answers-${model}.json`;

test('separate answer files are joined into pairs, every --control and --related kept, each file its own source', async () => {
  const file = await newCase();
  const controls = ['open-llm-13b', 'orca-lite-7b', 'sparrow-chat-20b'].flatMap((m) => ['--control', answers(m)]);
  const result = await cli('import', file, '--kind', 'pairs', '--original', answers('atlas-2-large'), '--suspect', answers('lumen-7b-instruct'), ...controls, '--related', answers('atlas-2-small'));
  assert.equal(result.code, 0, result.err);
  assert.match(result.out, /answers-atlas-2-large\.json \(original\): 1 prompt with no suspect answer, left unpaired/);
  assert.deepEqual((await counts(file)).counts, { sources: 6, logEntries: 0, outputPairs: 219, tosVersions: 0, claims: 0, links: 0, annotations: 0 });
  const data = (await readCaseArchive(new Uint8Array(await readFile(file))));
  assert.deepEqual(data.outputPairs[0]!.others.map((o) => o.model), ['open-llm-13b', 'orca-lite-7b', 'sparrow-chat-20b', 'atlas-2-small'], 'every other model, none dropped');
  assert.deepEqual(data.sources.map((s) => s.settings.role), ['original', 'suspect', 'reference', 'reference', 'reference', 'related']);
});

test('unusable files and wrong kinds are refused with the file and reason named', async () => {
  const file = await newCase();
  const cases: [string[], RegExp][] = [
    [['fixtures/bad/binary.jsonl', '--kind', 'log'], /binary\.jsonl is not a text file/],
    [['fixtures/bad/latin1.csv', '--kind', 'log'], /latin1\.csv is not valid UTF-8 text/],
    [['fixtures/bad/empty.jsonl', '--kind', 'log'], /empty\.jsonl is empty/],
    [[`${DEMO}/tos-2025-01-15.md`, '--kind', 'log'], /tos-2025-01-15\.md does not look like an API log excerpt/],
    [[`${DEMO}/api-gateway-2026Q1.jsonl`, '--kind', 'pairs'], /api-gateway-2026Q1\.jsonl is not a file of output pairs/],
    [[`${DEMO}/output-pairs.jsonl`, '--kind', 'tos', '--effective', '2025-01-01'], /output-pairs\.jsonl is JSON data, not terms of service text/],
    [[`${DEMO}/tos-2025-01-15.md`, '--kind', 'tos', '--effective', '2025-02-30'], /effective date “2025-02-30” is not a date/],
    [[`${DEMO}/api-gateway-2026Q1.jsonl`, '--kind', 'log', '--map', 'account=nope'], /No column named “nope”/],
  ];
  for (const [args, message] of cases) {
    const result = await cli('import', file, ...args);
    assert.equal(result.code, 1, args.join(' '));
    assert.match(result.err, message);
  }
  assert.equal((await counts(file)).counts.sources, 0);
  assert.equal((await cli('import', file, `${DEMO}/tos-2025-01-15.md`, '--kind', 'tos')).code, 2, 'no --effective is a usage error');
  assert.equal((await cli('import', file, 'x', '--kind', 'logs')).code, 2);
  assert.equal((await cli('import', file, 'x', '--kind', 'log', '--map', 'colour=x')).code, 2);
});

test('--map corrects the automatic mapping', async () => {
  const file = await newCase();
  const result = await cli('import', file, `${DEMO}/api-gateway-2026Q1.jsonl`, '--kind', 'log', '--map', 'account=api_key_id', '--map', 'api_key=account_id');
  assert.equal(result.code, 0, result.err);
  const data = (await readCaseArchive(new Uint8Array(await readFile(file))));
  assert.match(data.logEntries[0]!.account!, /^key_/);
  assert.match(data.logEntries[0]!.apiKey!, /^acct_/);
});

test('a file given under two roles is refused by name, and nothing is imported', async () => {
  const file = await newCase();
  const before = await readFile(file);
  const result = await cli('import', file, '--kind', 'pairs', '--original', answers('atlas-2-large'), '--suspect', answers('lumen-7b-instruct'), '--control', answers('open-llm-13b'), '--control', answers('atlas-2-large'));
  assert.equal(result.code, 2);
  assert.match(result.err, /fixtures\/demo\/answers-atlas-2-large\.json is given twice/);
  assert.deepEqual(await readFile(file), before, 'nothing was imported');
});

test('--years widens or narrows the years a log’s times may lie in; a malformed or reversed range is refused', async () => {
  const file = await newCase();
  const dir = dirname(file);
  const log = join(dir, 'old.jsonl');
  await writeFile(log, '{"timestamp":"1985-03-01T00:00:00Z","account_id":"a"}\n{"timestamp":"2026-03-01T00:00:00Z","account_id":"b"}\n');
  const strict = await cli('import', file, log, '--kind', 'log');
  assert.equal(strict.code, 1);
  assert.match(strict.out, /rejected: old\.jsonl line 1: timestamp “1985-03-01T00:00:00Z” is outside the years 1990 to 2100/);
  assert.equal((await cli('import', file, log, '--kind', 'log', '--years', 'recent')).code, 2);
  const reversed = await cli('import', file, log, '--kind', 'log', '--years', '2100-1980');
  assert.equal(reversed.code, 1);
  assert.match(reversed.err, /not 2100 to 1980/);
  const wide = await cli('import', file, log, '--kind', 'log', '--years', '1980-2100');
  assert.equal(wide.code, 0, wide.err);
  assert.match(wide.out, /Added 2 log entries; 0 rejected\./);
});

test('a CSV whose header names a column twice is refused naming it, and nothing is imported', async () => {
  const file = await newCase();
  const before = await readFile(file);
  const log = join(dirname(file), 'twice.csv');
  await writeFile(log, 'timestamp,account_id,account_id\n2026-03-01T00:00:00Z,acct_a,acct_b\n');
  const refused = await cli('import', file, log, '--kind', 'log');
  assert.equal(refused.code, 1);
  assert.match(refused.err, /twice\.csv has two columns named “account_id”; rename one in the export, since only the first could ever be read/);
  assert.deepEqual(await readFile(file), before);
});

test('--no-header reads the header as the first data row: the columns are numbered, mapped by number, and the header row is rejected as data', async () => {
  const file = await newCase();
  const csv = join(dirname(file), 'gateway.csv');
  await writeFile(csv, 'ts,account,prompt\n2026-01-05T01:00:00Z,acct_1,hello\n2026-01-05T01:00:01Z,acct_2,again\n');
  const byName = await cli('import', file, csv, '--kind', 'log', '--no-header', '--map', 'timestamp=ts');
  assert.equal(byName.code, 1);
  assert.match(byName.err, /No column named “ts”; the columns are “column 1”, “column 2”, “column 3”/);
  const run = await cli('import', file, csv, '--kind', 'log', '--no-header', '--map', 'timestamp=column 1', '--map', 'account=column 2', '--accept-partial');
  assert.equal(run.code, 0, run.err);
  assert.match(run.out, /Added 2 log entries; 1 rejected/);
  const data = await readCaseArchive(new Uint8Array(await readFile(file)));
  assert.deepEqual(data.sources[0]!.settings.columns, ['column 1', 'column 2', 'column 3']);
  assert.deepEqual(data.sources[0]!.rejectedRows.map((r) => r.line), [1]);
  assert.deepEqual(data.logEntries.map((e) => [e.line, e.account, e.extra?.['column 3']]), [[2, 'acct_1', 'hello'], [3, 'acct_2', 'again']]);
});
