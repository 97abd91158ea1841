// The log engine on its own, as the main process runs it, with no page and no transport (run by bench/run.ts, part
// "engine", in its own process): the import of a generated log against DuckDB's own bare read of the same file, then a
// case of many rows filtered, windowed and analysed.
import { DuckDBInstance } from '@duckdb/node-api';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeCampaignWith } from '../shared/analysis/campaign';
import { detectLogSettings } from '../shared/import/log-import';
import { LogEngine } from '../node/log-engine';
import { LogImports } from '../node/log-imports';
import { installNativeSha256 } from '../node/native-hash';
import { logLine, logText } from './generated-log';
import type { LogEntry } from '../shared/model/records';

const [importRows, caseRows] = process.argv.slice(2).map(Number) as [number, number];
const dir = mkdtempSync(join(tmpdir(), 'engine-bench-'));
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const peakMb = () => `${Math.round(peak / 1048576)} MB`;

async function writeLog(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  for (let from = 0; from < rows; from += 10_000) {
    if (!out.write(logText(from, Math.min(rows, from + 10_000)))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

installNativeSha256();
const settings = detectLogSettings(logText(0, 100));

// The import, as the app's main process runs it: bytes in 4 MB pieces, parsed by streamLog, rows appended to the engine.
const importFile = join(dir, 'import.jsonl');
await writeLog(importFile, importRows);
const duck = await (await DuckDBInstance.create(':memory:')).connect();
let started = performance.now();
await duck.run(`CREATE TABLE parsed AS SELECT * FROM read_json('${importFile}', format = 'newline_delimited')`);
const ceilingMs = performance.now() - started;
duck.closeSync();
const engine = new LogEngine(join(dir, 'logs'));
const imports = new LogImports(engine, join(dir, 'logs', 'incoming'));
peak = 0;
started = performance.now();
const id = await imports.start('bench00000001', 'source000001', { fileName: 'import.jsonl', size: statSync(importFile).size }, settings);
const { createReadStream } = await import('node:fs');
for await (const chunk of createReadStream(importFile, { highWaterMark: 4 * 1024 * 1024 })) await imports.bytes(id, new Uint8Array(chunk as Buffer));
imports.end(id);
let status = imports.status(id);
while (status.state === 'running') {
  await new Promise((resolve) => setTimeout(resolve, 20));
  status = imports.status(id);
}
const importMs = performance.now() - started;
if (status.state !== 'done') throw new Error(`the import ended ${JSON.stringify(status)}`);
console.log(`  import of ${importRows.toLocaleString('en-US')} rows (${Math.round(statSync(importFile).size / 1e6)} MB) by the main process's log import (streamLog, every row's raw text, line and the rows' digest kept, appended to DuckDB): ${seconds(importMs)}, ${rate(importRows, importMs)}; peak memory of the process ${peakMb()}`);
console.log(`  ceiling, DuckDB reading the same file into a typed table (every column parsed, nothing hashed or kept as text): ${seconds(ceilingMs)}, ${rate(importRows, ceilingMs)}; the import reaches ${(ceilingMs / importMs).toFixed(3)} of it`);
rmSync(importFile);

// A case of `caseRows` rows, appended to the engine as an import's last step does, each made from the generator's fields (not parsed: a size our parser would take minutes to reach).
const caseId = 'bench00000002';
started = performance.now();
for (let from = 0; from < caseRows; from += 20_000) {
  const batch: LogEntry[] = [];
  for (let i = from; i < Math.min(caseRows, from + 20_000); i++) {
    const raw = logLine(i);
    const row = JSON.parse(raw) as { timestamp: string; request_id: string; account_id: string; api_key_id: string; client_ip: string; user_agent: string; endpoint: string; model: string; prompt: string; usage: { prompt_tokens: number; completion_tokens: number } };
    batch.push({ caseId, sourceId: 'source000002', line: i + 1, ts: Date.parse(row.timestamp), tsText: row.timestamp, account: row.account_id, apiKey: row.api_key_id, ip: row.client_ip, userAgent: row.user_agent, endpoint: row.endpoint, model: row.model, prompt: row.prompt, tokensIn: row.usage.prompt_tokens, tokensOut: row.usage.completion_tokens, requestId: row.request_id, status: '200', raw });
  }
  await engine.append(caseId, 'source000002', batch);
}
await engine.finish(caseId, 'source000002');
await engine.close();
console.log(`  a case of ${caseRows.toLocaleString('en-US')} rows appended to the engine (rows and the analyses' chunks), made from the generator's fields: ${seconds(performance.now() - started)}`);

const timed = async <T>(work: () => Promise<T>) => {
  const t = performance.now();
  const result = await work();
  return { result, ms: performance.now() - t };
};
const reopened = new LogEngine(join(dir, 'logs'));
await reopened.count(caseId, 'source000002', { account: 'acct_00000000' });
const account = 'acct_00000007';
const first = await timed(() => reopened.window(caseId, 'source000002', { account }, 0, 100));
const counted = await timed(() => reopened.count(caseId, 'source000002', { account }));
const deep = await timed(() => reopened.window(caseId, 'source000002', {}, Math.floor(caseRows / 2), 100));
const network = await timed(() => reopened.count(caseId, 'source000002', { ip: '203.0.0.0/24' }));
console.log(`  in the ${caseRows.toLocaleString('en-US')}-row case: the first 100 rows of one account ${Math.round(first.ms)} ms, how many it sent (${counted.result.toLocaleString('en-US')}) ${Math.round(counted.ms)} ms; 100 rows at the middle ${Math.round(deep.ms)} ms; the rows of a /24 network (${network.result.toLocaleString('en-US')}) ${Math.round(network.ms)} ms`);
peak = 0;
const campaign = await timed(() =>
  analyzeCampaignWith({
    links: (attributes) => reopened.campaignLinks(caseId, ['source000002'], attributes),
    clusters: (membership, gap) => reopened.campaignClusters(caseId, ['source000002'], membership, gap),
  }),
);
console.log(`  campaign analysis of the ${caseRows.toLocaleString('en-US')} rows, its questions asked of the engine in SQL as the app asks them: ${seconds(campaign.ms)} (${campaign.result.clusters.length} clusters of ${campaign.result.accounts.toLocaleString('en-US')} accounts); peak memory of the process ${peakMb()}`);
await reopened.close();
clearInterval(sampler);
rmSync(dir, { recursive: true, force: true });
