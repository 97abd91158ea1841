import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { createClient, type ClickHouseClient } from '@clickhouse/client';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { DEFAULT_CAMPAIGN_SETTINGS, analyzeCampaign, type CampaignAnalysis } from '../../shared/analysis/campaign';
import { matchPrompts, normalisePrompt, type PromptMatching } from '../../shared/analysis/prompt-matching';
import { sha256Hex } from '../../shared/hash';
import { LogParser, detectLogSettings } from '../../shared/import/log-import';
import { parseCombinedPairs } from '../../shared/import/pairs-import';
import { chunksOfRows } from '../../shared/log-store/log-chunks';
import type { LogEntry } from '../../shared/model/records';
import { casePrompts, clustersOfLinks, harvestQueries, logRowColumns, type Dialect, type HarvestQueryName } from '../../shared/warehouse/harvest-sql';
import { queryPack } from '../../shared/warehouse/query-pack';
import { startClickHouse } from '../clickhouse-server';
import { appendRecords, logRowsColumns } from '../duckdb-rows';
import { cli } from '../run-cli';
import { withCaseFile } from '../../cli/case-file';
import { queryProvenanceOf } from '../../shared/import/query-provenance';

// The warehouse SQL the app writes, run on engines we did not write (DuckDB embedded, Debian's ClickHouse
// 18.16 over HTTP with the official client) over the demo case's logs, and compared with what the app's own
// analyses find in the same rows.

const CASE = 'case0000001';
const logOf = (path: string, sourceId: string): LogEntry[] => {
  const text = readFileSync(path, 'utf8');
  const parser = new LogParser(detectLogSettings(text), { caseId: CASE, sourceId });
  return [...parser.push(text).entries, ...parser.end().entries];
};
const pairs = parseCombinedPairs(readFileSync('fixtures/demo/output-pairs.jsonl', 'utf8'), { caseId: CASE, sourceId: 'pairs000001' }, 'output-pairs.jsonl').pairs;

// Rows that keep a prompt's hash instead of its text, as some gateways log: upper case and padded, of the exact and of the normalised prompt.
const hashed: LogEntry[] = pairs.slice(0, 6).map((pair, i) => ({
  caseId: CASE,
  sourceId: 'hashed00001',
  line: i + 1,
  ts: Date.UTC(2026, 2, 1, 12, i),
  tsText: '',
  raw: '',
  account: `acct_hash_${i % 2}`,
  promptHash: i % 2 ? ` ${sha256Hex(pair.prompt).toUpperCase()} ` : sha256Hex(normalisePrompt(pair.prompt)),
}));
const rows = [...logOf('fixtures/demo/api-gateway-2026Q1.jsonl', 'gateway0001'), ...logOf('fixtures/demo/harvest-2025Q4.jsonl', 'harvest0001'), ...hashed];

type Row = Record<string, unknown>;
interface Engine {
  dialect: Dialect;
  run(sql: string): Promise<Row[]>;
}

let campaign: CampaignAnalysis;
let matching: PromptMatching;
let duck: DuckDBConnection;
let clickhouse: { url: string; stop: () => Promise<void> };
let client: ClickHouseClient;
const engines: Engine[] = [];

const COLUMNS = logRowsColumns();
const PROMPT_COLUMNS = 'pair_id VARCHAR, prompt_id VARCHAR, prompt VARCHAR, sha256 VARCHAR, sha256_normalised VARCHAR';
const clickhouseTypes = (columns: string) => columns.replaceAll('VARCHAR', 'Nullable(String)').replaceAll('BIGINT', 'Nullable(Int64)');

before(async () => {
  campaign = await analyzeCampaign(chunksOfRows(rows));
  matching = await matchPrompts(pairs, chunksOfRows(rows), { methods: ['exact', 'hash'], nearThreshold: 0.7, templateMinWords: 5 });

  duck = await (await DuckDBInstance.create(':memory:')).connect();
  await duck.run(`CREATE TABLE log_rows (${COLUMNS})`);
  await duck.run(`CREATE TABLE case_prompts (${PROMPT_COLUMNS})`);
  await appendRecords(duck, 'log_rows', rows.map(logRowColumns));
  await appendRecords(duck, 'case_prompts', casePrompts(pairs));
  engines.push({ dialect: 'duckdb', run: async (sql) => (await duck.runAndReadAll(sql)).getRowObjectsJson() as Row[] });

  clickhouse = await startClickHouse();
  client = createClient({ url: clickhouse.url });
  await client.command({ query: `CREATE TABLE log_rows (${clickhouseTypes(COLUMNS)}) ENGINE = Memory` });
  await client.command({ query: `CREATE TABLE case_prompts (${clickhouseTypes(PROMPT_COLUMNS)}) ENGINE = Memory` });
  await client.insert({ table: 'log_rows', values: rows.map(logRowColumns), format: 'JSONEachRow' });
  await client.insert({ table: 'case_prompts', values: casePrompts(pairs), format: 'JSONEachRow' });
  engines.push({ dialect: 'clickhouse', run: async (sql) => (await (await client.query({ query: sql, format: 'JSONEachRow' })).json()) as Row[] });
});

after(async () => {
  await client?.close();
  await clickhouse?.stop();
  duck?.closeSync();
});

const queryOf = (dialect: Dialect, name: HarvestQueryName) => harvestQueries(dialect, DEFAULT_CAMPAIGN_SETTINGS).find((q) => q.name === name)!.sql;
const num = (value: unknown) => (value === null ? null : Number(value));

test('the shared keys and networks each engine finds are those the app finds, and join into the same clusters', async () => {
  assert.ok(campaign.clusters.length >= 3, 'the demo holds three planted campaigns');
  const appShared = campaign.clusters.flatMap((c) => c.sharedBy.map((s) => `${s.attribute} ${s.value} ${s.accounts}`)).sort();
  for (const engine of engines) {
    const links = (await engine.run(queryOf(engine.dialect, 'shared_values'))).map((r) => ({ attribute: String(r.attribute), value: String(r.value), account: String(r.account), requests: num(r.requests)! }));
    const byValue = new Map<string, number>();
    for (const l of links) byValue.set(`${l.attribute} ${l.value}`, (byValue.get(`${l.attribute} ${l.value}`) ?? 0) + 1);
    assert.deepEqual([...byValue].map(([key, n]) => `${key} ${n}`).sort(), appShared, engine.dialect);
    assert.deepEqual(clustersOfLinks(links), campaign.clusters.map((c) => c.accounts), engine.dialect);
  }
});

test('each clustered account’s in-session intervals, mean and spread are the app’s', async () => {
  const timing = campaign.clusters.flatMap((c) => c.timing).filter((t) => t.intervals > 0);
  assert.ok(timing.length >= 30);
  for (const engine of engines) {
    const found = new Map((await engine.run(queryOf(engine.dialect, 'account_timing'))).map((r) => [String(r.account), r]));
    for (const t of timing) {
      const r = found.get(t.account);
      assert.ok(r, `${engine.dialect}: ${t.account} has no timing`);
      assert.equal(num(r.intervals), t.intervals, `${engine.dialect} ${t.account}`);
      assert.ok(Math.abs(num(r.mean_interval_seconds)! - t.meanIntervalSeconds!) < 1e-9 * t.meanIntervalSeconds!, `${engine.dialect} ${t.account} mean`);
      assert.ok(Math.abs(num(r.sd_interval_seconds)! / num(r.mean_interval_seconds)! - t.cv!) < 1e-9, `${engine.dialect} ${t.account} cv`);
    }
  }
});

test('requests, first and last times and tokens of each cluster add up from the accounts’ summaries as the app counts them', async () => {
  for (const engine of engines) {
    const summary = new Map((await engine.run(queryOf(engine.dialect, 'account_summary'))).map((r) => [String(r.account), r]));
    assert.equal(summary.size, campaign.accounts, engine.dialect);
    for (const cluster of campaign.clusters) {
      const of = cluster.accounts.map((a) => summary.get(a)!);
      assert.equal(of.reduce((n, r) => n + num(r.requests)!, 0), cluster.requests, engine.dialect);
      assert.equal(of.reduce((n, r) => n + num(r.tokens_in)!, 0), cluster.tokensIn, engine.dialect);
      assert.equal(of.reduce((n, r) => n + num(r.tokens_out)!, 0), cluster.tokensOut, engine.dialect);
      assert.equal(new Date(Math.min(...of.map((r) => num(r.first_ts)!))).toISOString(), cluster.firstSeen, engine.dialect);
      assert.equal(new Date(Math.max(...of.map((r) => num(r.last_ts)!))).toISOString(), cluster.lastSeen, engine.dialect);
    }
  }
});

test('requests per UTC day are the rows’ days, and a cluster’s days are within them', async () => {
  const perDay = new Map<number, number>();
  for (const r of rows) if (r.ts !== null) perDay.set(Math.floor(r.ts / 86_400_000), (perDay.get(Math.floor(r.ts / 86_400_000)) ?? 0) + 1);
  for (const engine of engines) {
    const days = (await engine.run(queryOf(engine.dialect, 'daily_requests'))).map((r) => [num(r.day)!, num(r.requests)!] as const);
    assert.deepEqual(days, [...perDay].sort((a, b) => a[0] - b[0]), engine.dialect);
  }
});

test('the requests that sent a case prompt, exactly or as its SHA-256, are the ones the app matches', async () => {
  const appRows = matching.matches.flatMap((m) => m.rows.map((r) => `${m.pairId} ${r.method} ${r.ref.sourceId}:${r.ref.line}`)).sort();
  assert.ok(appRows.some((r) => r.includes(' hash hashed00001:')) && appRows.some((r) => r.includes(' exact ')), 'both stages find rows');
  for (const engine of engines) {
    const found = (await engine.run(queryOf(engine.dialect, 'prompt_matches'))).map((r) => `${String(r.pair_id)} ${String(r.method)} ${String(r.source)}:${num(r.line)}`).sort();
    assert.deepEqual(found, appRows, engine.dialect);
  }
});

test('run-query-pack runs the pack’s ClickHouse queries on the server and writes each result with its provenance; an edited query is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pack-run-'));
  for (const file of queryPack({ id: CASE, title: 'Demo', historyHead: 'a'.repeat(64) }, pairs, DEFAULT_CAMPAIGN_SETTINGS, '2026-12-07T00:00:00.000Z')) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
  const run = await cli('run-query-pack', dir, '--clickhouse', clickhouse.url);
  assert.equal(run.code, 0, run.err);
  assert.match(run.out, /^Ran 6 queries on ClickHouse 18\.16\.1:/);
  const results = join(dir, 'results', 'clickhouse');
  const jsonl = readFileSync(join(results, 'shared_values.jsonl'), 'utf8');
  const direct = await engines.find((e) => e.dialect === 'clickhouse')!.run(queryOf('clickhouse', 'shared_values'));
  assert.deepEqual(jsonl.trim().split('\n').map((line) => JSON.parse(line) as Row), direct, 'every row the query gives, as it gives them');
  const provenance = JSON.parse(readFileSync(join(results, 'shared_values.provenance.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(provenance.engineVersion, '18.16.1');
  assert.equal(provenance.querySha256, sha256Hex(readFileSync(join(dir, 'clickhouse', 'shared_values.sql'), 'utf8')));
  assert.equal(provenance.resultSha256, sha256Hex(jsonl));
  assert.equal(provenance.rows, direct.length);
  assert.ok(!JSON.stringify(provenance).includes('password'));

  assert.match((await cli('run-query-pack', dir, '--clickhouse', clickhouse.url)).err, /already holds results/);
  rmSync(results, { recursive: true });
  writeFileSync(join(dir, 'clickhouse', 'daily_requests.sql'), readFileSync(join(dir, 'clickhouse', 'daily_requests.sql'), 'utf8').replace('WHERE ts IS NOT NULL', "WHERE account <> 'acct_innocent'"));
  const edited = await cli('run-query-pack', dir, '--clickhouse', clickhouse.url);
  assert.equal(edited.code, 1);
  assert.match(edited.err, /daily_requests\.sql differs from the SHA-256 pack\.json records for it: it was changed after the pack was made/);
});

test('the excerpt a warehouse returns comes into the case as a log that records its query, engine and result; a changed result or another case’s is refused', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'excerpt-'));
  const kase = join(dir, 'case.evcase');
  assert.equal((await cli('init', kase, '--title', 'Warehouse excerpt')).code, 0);
  const paired = await cli('import', kase, 'fixtures/demo/output-pairs.jsonl', '--kind', 'pairs');
  assert.equal(paired.code, 0, paired.err);
  const pack = join(dir, 'pack');
  assert.equal((await cli('query-pack', kase, '--out', pack)).code, 0);
  const ran = await cli('run-query-pack', pack, '--clickhouse', clickhouse.url);
  assert.equal(ran.code, 0, ran.err);
  const results = join(pack, 'results', 'clickhouse');
  const provenancePath = join(results, 'excerpt.provenance.json');
  const provenance = JSON.parse(readFileSync(provenancePath, 'utf8')) as { rows: number; resultSha256: string };
  const expected = rows.filter((r) => matching.matches.some((m) => m.rows.some((x) => x.ref.sourceId === r.sourceId && x.ref.line === r.line)));
  assert.equal(provenance.rows, expected.length, 'the excerpt holds the requests the app matches, each once');

  // Another case's result is refused, and so is a result changed after the query ran; the case is left as it was.
  const before = readFileSync(kase);
  const other = join(dir, 'other.evcase');
  assert.equal((await cli('init', other, '--title', 'Another')).code, 0);
  const elsewhere = await cli('import', other, join(results, 'excerpt.jsonl'), '--kind', 'log', '--from-query', provenancePath);
  assert.equal(elsewhere.code, 1);
  assert.match(elsewhere.err, /excerpt\.jsonl comes from a query made for another case \(Warehouse excerpt, /);
  const changed = join(dir, 'excerpt.jsonl');
  writeFileSync(changed, readFileSync(join(results, 'excerpt.jsonl'), 'utf8').replace('"acct_', '"acct_x'));
  const refused = await cli('import', kase, changed, '--kind', 'log', '--from-query', provenancePath);
  assert.equal(refused.code, 1);
  assert.match(refused.err, new RegExp(`excerpt\\.jsonl has the SHA-256 [0-9a-f]{64}, not ${provenance.resultSha256}, which ClickHouse returned for clickhouse/excerpt\\.sql: the result was changed after the query ran`));
  assert.deepEqual(readFileSync(kase), before);

  const imported = await cli('import', kase, join(results, 'excerpt.jsonl'), '--kind', 'log', '--from-query', provenancePath);
  assert.equal(imported.code, 0, imported.err);
  await withCaseFile(kase, async (file) => {
    const source = file.data.sources.find((s) => s.kind === 'log')!;
    assert.equal(source.recordCount, expected.length);
    const recorded = queryProvenanceOf(source)!;
    assert.equal(recorded.engine, 'ClickHouse');
    assert.equal(recorded.engineVersion, '18.16.1');
    assert.equal(recorded.query, 'clickhouse/excerpt.sql');
    assert.equal(recorded.resultSha256, source.sha256);
    assert.match(recorded.queryText, /^-- The log excerpt for the case/);
    const accounts = new Set<string>();
    for await (const batch of file.logBatches()) for (const row of batch) if (row.account) accounts.add(row.account);
    assert.deepEqual([...accounts].sort(), [...new Set(expected.flatMap((r) => (r.account ? [r.account] : [])))].sort(), 'the rows came in with their accounts mapped');
  });
});
