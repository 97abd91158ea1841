import assert from 'node:assert/strict';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { LogEngine } from '../../node/log-engine';
import { DEFAULT_CAMPAIGN_SETTINGS, analyzeCampaign, analyzeCampaignWith, type CampaignAnalysis, type CampaignSettings } from '../../shared/analysis/campaign';
import { LogParser, detectLogSettings } from '../../shared/import/log-import';
import { logText } from '../../bench/generated-log';
import { engineAnalyses } from '../../shared/analysis/engine-analyses';
import { generatedHarvestRows, generatedPanel } from '../../bench/generated-pairs';
import { MATCH_METHODS, matchPrompts, matchPromptsWith, pagedPromptQueries } from '../../shared/analysis/prompt-matching';
import { CHUNK_ROWS, chunksOfRows, type LogChunk } from '../../shared/log-store/log-chunks';
import { logRowsHasher } from '../../shared/model/log-row-text';
import type { LogEntry } from '../../shared/model/records';

const caseId = 'case00000001';
const sourceId = 'source000001';

/** Rows over 4 accounts and 2 networks, some without a time, one with unmapped columns and tokens. */
function rows(count: number, source = sourceId): LogEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    caseId,
    sourceId: source,
    line: 2 * i + 2,
    ts: i % 10 === 3 ? null : Date.UTC(2026, 0, 1) + i * 1000,
    tsText: i % 10 === 3 ? '' : new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString(),
    account: `acct_${i % 4}`,
    ip: i % 2 ? `198.51.100.${i % 7}` : `203.0.113.${i % 5}`,
    ...(i % 3 === 0 && { tokensIn: i, extra: { org_id: `org-${i % 2}`, 'payment fp': 'fp 1', '$.device': `d${i % 5}`, '/"card"': 'c' } }),
    prompt: `Prompt ${i % 11}`,
    raw: `{"row":${i},"Note":"Mixed CASE ${i}"}`,
  }));
}

async function engineWith(entries: LogEntry[]) {
  const engine = new LogEngine(await mkdtemp(join(tmpdir(), 'log-engine-')));
  for (let from = 0; from < entries.length; from += 7_000) await engine.append(caseId, entries[0]!.sourceId, entries.slice(from, from + 7_000));
  await engine.finish(caseId, entries[0]!.sourceId);
  return engine;
}

test('rows come back exactly as appended, in file order, at any window, however they were batched', async () => {
  const all = rows(20_000);
  const engine = await engineWith(all);
  assert.deepEqual(await engine.window(caseId, sourceId, {}, 0, 20_000), all);
  for (const start of [0, 6_999, 7_000, 19_995]) assert.deepEqual(await engine.window(caseId, sourceId, {}, start, 10), all.slice(start, start + 10));
  assert.deepEqual([...(await engine.sources(caseId))], [[sourceId, 20_000]]);
  const hasher = logRowsHasher();
  await hasher.add(all);
  assert.equal(await engine.rowsSha256(caseId, sourceId), await hasher.hex(), 'the digest the history binds, taken where the rows are');
  await engine.close();
});

test('every filter, alone and together, finds the rows a plain reading of the rows finds', async () => {
  const all = rows(5_000);
  const engine = await engineWith(all);
  const from = Date.UTC(2026, 0, 1) + 1_000_000;
  const to = from + 600_000;
  const cases: [Parameters<LogEngine['window']>[2], (e: LogEntry) => boolean][] = [
    [{ account: 'acct_2' }, (e) => e.account === 'acct_2'],
    [{ ip: '198.51.100.0/24' }, (e) => e.ip!.startsWith('198.51.100.')],
    [{ ip: '203.0.113.4' }, (e) => e.ip === '203.0.113.4'],
    [{ from, to }, (e) => e.ts !== null && e.ts >= from && e.ts <= to],
    [{ text: 'mixed case 12' }, (e) => e.raw.toLowerCase().includes('mixed case 12')],
    [{ identifier: { column: 'payment fp', value: 'fp 1' } }, (e) => e.extra?.['payment fp'] === 'fp 1'],
    [{ identifier: { column: '$.device', value: 'd2' } }, (e) => e.extra?.['$.device'] === 'd2'],
    [{ identifier: { column: '/"card"', value: 'c' } }, (e) => e.extra?.['/"card"'] === 'c'],
    [{ account: 'acct_1', ip: '198.51.100.0/24', from, text: '"row":1' }, (e) => e.account === 'acct_1' && e.ip!.startsWith('198.51.100.') && e.ts !== null && e.ts >= from && e.raw.includes('"row":1')],
  ];
  for (const [filter, keep] of cases) {
    const expected = all.filter(keep);
    assert.ok(expected.length > 0, JSON.stringify(filter));
    assert.equal(await engine.count(caseId, sourceId, filter), expected.length, JSON.stringify(filter));
    assert.deepEqual(await engine.window(caseId, sourceId, filter, 0, 100_000), expected, JSON.stringify(filter));
    assert.deepEqual(await engine.window(caseId, sourceId, filter, 3, 5), expected.slice(3, 8), JSON.stringify(filter));
  }
  assert.equal(await engine.count(caseId, sourceId, { ip: '10.0.0.0/8' }), 0, 'a network holding none of the addresses');
  await assert.rejects(engine.count(caseId, sourceId, { ip: '203.0.113.0/40' }), /prefix length/);
  await engine.close();
});

test('a line’s position, rows by reference, and rows in a time span are the rows’ own', async () => {
  const all = rows(3_000);
  const engine = await engineWith(all);
  assert.equal(await engine.linePosition(caseId, sourceId, 2), 0);
  assert.equal(await engine.linePosition(caseId, sourceId, 1001), 500, 'a line between rows: the row after it');
  assert.equal(await engine.linePosition(caseId, sourceId, 1_000_000), 3_000);
  assert.deepEqual(await engine.rowsByRef(caseId, [{ sourceId, line: 2000 }, { sourceId, line: 4 }, { sourceId, line: 5 }]), [all[1], all[999]]);
  const from = Date.UTC(2026, 0, 1) + 100_000;
  assert.equal(await engine.countInTime(caseId, [sourceId, 'other0000001'], from, from + 50_000), all.filter((e) => e.ts !== null && e.ts >= from && e.ts <= from + 50_000).length);
  await engine.close();
});

test('the analyses’ chunks are the chunks made from the same rows in memory, past the first chunk too', async () => {
  const all = rows(CHUNK_ROWS + 1_234);
  const engine = await engineWith(all);
  const expected: LogChunk[] = [];
  for await (const chunk of chunksOfRows(all)()) expected.push(chunk);
  assert.deepEqual([await engine.chunk(caseId, sourceId, 0), await engine.chunk(caseId, sourceId, 1)], expected);
  assert.equal(await engine.chunk(caseId, sourceId, 2), null);
  await engine.close();
});

test('removing a source, keeping only the named ones, and removing a case leave exactly what they say', async () => {
  const engine = await engineWith(rows(100));
  for (const source of ['source000002', 'source000003']) {
    await engine.append(caseId, source, rows(10, source));
    await engine.finish(caseId, source);
  }
  // An import still writing is never taken for a leftover.
  await engine.append(caseId, 'source000004', rows(5, 'source000004'));
  await engine.remove(caseId, 'source000002');
  assert.equal(await engine.keepOnly(caseId, [sourceId]), 10);
  await engine.finish(caseId, 'source000004');
  assert.deepEqual([...(await engine.sources(caseId))].sort(), [[sourceId, 100], ['source000004', 5]]);
  await engine.removeCase(caseId);
  assert.equal((await engine.sources(caseId)).size, 0);
  await engine.close();
});

test('text DuckDB cannot hold as UTF-8 (a lone surrogate a JSON log can give) comes back exactly as it went in', async () => {
  const odd: LogEntry = { caseId, sourceId, line: 1, ts: null, tsText: '', account: 'acct_\ud800', prompt: 'end \udc00 here', extra: { 'k\udc01': 'v\ud801' }, raw: 'nul \u0000 inside' };
  const engine = await engineWith([odd, ...rows(3).map((r) => ({ ...r, line: r.line + 10 }))]);
  const [back] = await engine.window(caseId, sourceId, {}, 0, 1);
  assert.deepEqual(back, odd);
  assert.equal((await engine.chunk(caseId, sourceId, 0))!.text.account.values[0], 'acct_\ud800');
  await engine.close();
});

test('a network filter reads a source’s addresses once, and afresh once its rows change', async () => {
  const at = (ip: string, line: number): LogEntry => ({ caseId, sourceId, line, ts: null, tsText: '', ip, raw: ip });
  const engine = await engineWith([at('192.0.2.1', 1), at('198.51.100.1', 2)]);
  assert.equal(await engine.count(caseId, sourceId, { ip: '192.0.2.0/24' }), 1);
  await engine.remove(caseId, sourceId);
  await engine.append(caseId, sourceId, [at('192.0.2.7', 1), at('192.0.2.8', 2), at('198.51.100.1', 3)]);
  await engine.finish(caseId, sourceId);
  assert.equal(await engine.count(caseId, sourceId, { ip: '192.0.2.0/24' }), 2);
  await engine.close();
});

/** An analysis with its interval statistics to 9 significant digits: the engine sums floating point in its own order. */
function rounded(analysis: CampaignAnalysis): CampaignAnalysis {
  const digits = (x: number | null) => (x === null ? null : Number(x.toPrecision(9)));
  return { ...analysis, clusters: analysis.clusters.map((c) => ({ ...c, timing: c.timing.map((t) => ({ ...t, meanIntervalSeconds: digits(t.meanIntervalSeconds), cv: digits(t.cv) })) })) };
}

test('the campaign asked of the engine in SQL is the campaign read from the chunks of the same rows: the demo log, and generated rows linked every way', async () => {
  const demoText = readFileSync('fixtures/demo/api-gateway-2026Q1.jsonl', 'utf8');
  const generated = logText(0, 40_000);
  const cases: [string, CampaignSettings][] = [
    [demoText, DEFAULT_CAMPAIGN_SETTINGS],
    [demoText, { ...DEFAULT_CAMPAIGN_SETTINGS, linkBy: ['apiKey', 'ip', 'ip24', 'userAgent'] }],
    [generated, { ...DEFAULT_CAMPAIGN_SETTINGS, linkBy: ['apiKey', 'ip24'], linkColumns: ['request_id', 'model'], sessionGapSeconds: 4 }],
  ];
  for (const [text, settings] of cases) {
    const parser = new LogParser(detectLogSettings(text.slice(0, 65536)), { caseId, sourceId });
    const entries = [...parser.push(text).entries, ...parser.end().entries];
    const engine = await engineWith(entries);
    const fromChunks = await analyzeCampaign(chunksOfRows(entries), settings);
    assert.ok(fromChunks.clusters.length > 0, 'the rows hold clusters to compare');
    assert.deepEqual(rounded(await analyzeCampaignWith(engineAnalyses(engine, caseId, async () => [sourceId]).campaign, settings)), rounded(fromChunks));
    await engine.close();
  }
});

test('the prompt matching asked of the engine (distinct prompts, then the matched rows) is the matching read from every row: each method, and prompts repeated', async () => {
  const pairs = generatedPanel(60, 0, 20).map((p, i) => ({ ...p, prompt: `${p.prompt} (${i})` }));
  // Every way a prompt is found (exact, case, hash, template, near, none), each row's prompt sent again by other accounts.
  const generated = [...generatedHarvestRows(6_000, pairs)];
  const entries: LogEntry[] = generated.map((row, i) => ({ ...row, caseId, sourceId, line: i + 1, ...(i % 3 === 0 && generated[i % 97]!.prompt !== undefined && { prompt: generated[i % 97]!.prompt }), ...(i % 5 === 0 && { apiKey: `key_${i % 13}`, ip: `203.0.113.${i % 200}` }) }));
  const engine = await engineWith(entries);
  const engineApi = {
    distinctPrompts: () => engine.distinctPrompts(caseId, [sourceId]),
    promptPart: (part: number, parts: number) => engine.promptPart(caseId, [sourceId], part, parts),
    promptRows: (prompts: readonly string[], hashes: readonly string[], start: number, count: number) => engine.promptRows(caseId, [sourceId], prompts, hashes, start, count),
  };
  const fromRows = await matchPrompts(pairs, chunksOfRows(entries));
  for (const method of MATCH_METHODS) assert.ok(fromRows.byMethod[method] > 0, `the rows hold ${method} matches to compare`);
  assert.deepEqual(await matchPromptsWith(pairs, engineAnalyses(engine, caseId, async () => [sourceId]).prompts), fromRows);
  // Read in many small parts and pages, the answer is the same.
  assert.deepEqual(await matchPromptsWith(pairs, pagedPromptQueries(engineApi, { promptsPerPart: 700, rowsPerPage: 250 })), fromRows);
  await engine.close();
});

test('closing waits for the queries running, and a call after it is refused rather than opening the database again', async () => {
  const engine = await engineWith(rows(30_000));
  // Calls made as it closes: each ends, with its answer or refused, and none is left waiting.
  const calls = [0, 1, 2, 5, 20].map(async (ms) => {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return engine.count(caseId, sourceId, { text: 'mixed case' }).catch((error: Error) => error.message);
  });
  await new Promise((resolve) => setTimeout(resolve, 1));
  await engine.close();
  for (const outcome of await Promise.all(calls)) assert.ok(outcome === 30_000 || outcome === 'The log engine is closed', String(outcome));
  await assert.rejects(engine.count(caseId, sourceId, {}), /The log engine is closed/);
  assert.equal((await readdir(engine.folder)).filter((f) => f.endsWith('.duckdb')).length, 1, 'no database opened again');
});
