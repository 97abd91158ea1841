// npm run bench: speed figures measured in Chromium, each beside a baseline
// measured in the same run. A benchmark, not a test: it passes or fails nothing.
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startBridge } from '../tests/bridge/bridge-server';
import { PROMPTS, logText } from './generated-log';
import { termsBench } from './terms-bench';
import { DuckDBInstance } from '@duckdb/node-api';
import { DEFAULT_CAMPAIGN_SETTINGS } from '../shared/analysis/campaign';
import { casePrompts, harvestQueries } from '../shared/warehouse/harvest-sql';

const ROWS = Number(process.env.BENCH_ROWS ?? 1_000_000);
/** Which parts to run: import, analysis, matching, claims, bundle, terms, cli (all by default). */
const PARTS = (process.env.BENCH_PARTS ?? 'import,engine,analysis,matching,claims,bundle,terms,cli').split(',');
const ENGINE_IMPORT_ROWS = Number(process.env.BENCH_ENGINE_IMPORT_ROWS ?? 1_000_000);
const ENGINE_CASE_ROWS = Number(process.env.BENCH_ENGINE_CASE_ROWS ?? 10_000_000);
/** Rows of the log the CLI imports and analyses. */
const CLI_ROWS = Number(process.env.BENCH_CLI_ROWS ?? 10_000_000);

/** Chromium's name for a process: renderer, utility (storage, network), gpu, or the browser itself. */
function processKind(pid: number): string {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    const type = args.find((a) => a.startsWith('--type='))?.slice(7) ?? 'browser';
    const sub = args.find((a) => a.startsWith('--utility-sub-type='))?.split('.').pop();
    return sub ? `${type} (${sub})` : type;
  } catch {
    return 'gone';
  }
}

/** Resident memory (MB), or CPU time used so far (seconds), of a process and its children, summed by kind, and in all. */
function usageByKind(rootPid: number, what: 'memory' | 'cpu' = 'memory'): Map<string, number> {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      children.set(Number(fields[1]), [...(children.get(Number(fields[1])) ?? []), pid]);
      // utime and stime are in clock ticks of 1/100 s; rss in pages of 4 KB.
      rss.set(pid, what === 'cpu' ? (Number(fields[11]) + Number(fields[12])) / 100 : (Number(fields[21]) * 4096) / 1024 / 1024);
    } catch {
      // The process ended while we looked.
    }
  }
  const byKind = new Map<string, number>([['all', 0]]);
  const visit = (pid: number) => {
    const mb = rss.get(pid) ?? 0;
    const kind = processKind(pid);
    byKind.set(kind, (byKind.get(kind) ?? 0) + mb);
    byKind.set('all', byKind.get('all')! + mb);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(rootPid);
  return byKind;
}

/** Runs `work` while sampling memory; returns its result, the peak memory of each kind and the CPU seconds each used. */
async function measure<T>(rootPid: number, work: () => Promise<T>): Promise<{ result: T; peak: Map<string, number>; cpu: Map<string, number> }> {
  const peak = new Map<string, number>();
  const cpuBefore = usageByKind(rootPid, 'cpu');
  const timer = setInterval(() => {
    for (const [kind, mb] of usageByKind(rootPid)) peak.set(kind, Math.max(peak.get(kind) ?? 0, mb));
  }, 200);
  try {
    const result = await work();
    const cpu = new Map([...usageByKind(rootPid, 'cpu')].map(([kind, seconds]) => [kind, seconds - (cpuBefore.get(kind) ?? 0)]));
    return { result, peak, cpu };
  } finally {
    clearInterval(timer);
  }
}

/** Writes `rows` generated log rows to a file on disk. */
async function writeLog(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  for (let from = 0; from < rows; from += 10_000) {
    if (!out.write(logText(from, Math.min(rows, from + 10_000)))) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

const workDir = mkdtempSync(join(tmpdir(), 'evidence-bench-'));

execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.config.ts'], { stdio: 'inherit' });
// The desktop API as the end-to-end tests serve it (tests/bridge): the log engine runs in this process, reached over HTTP, which is slower than Electron's IPC.
const bridge = await startBridge({ rendererRoot: 'dist/bench', identityFolder: join(workDir, 'identities'), logFolder: join(workDir, 'logs') });
// A persistent profile on disk, as the app has: an off-the-record context keeps
// IndexedDB in memory with a small quota, which a million rows overflow.
const profile = join(workDir, 'profile');
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
const browserPid = Number(execFileSync('pgrep', ['-o', '-f', `user-data-dir=${profile}`]).toString().trim().split('\n')[0]);
const page = browser.pages()[0] ?? (await browser.newPage());
// What goes wrong on the page is printed, not lost: a benchmark that waits forever says nothing.
page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
page.on('console', (message) => message.type() === 'error' && console.error(`page console: ${message.text()}`));
await page.goto(`${bridge.url}index.html`);
await page.waitForFunction(() => 'importRows' in window);

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (ms: number, baseline: number) => `${(ms / baseline).toFixed(1)}x the baseline`;
type BenchWindow = {
  pairsBench(count: number, words: number): Promise<{ ms: number; baselineMs: number }>;
  attributionBench(prompts: number, references: number, words: number): Promise<{ ms: number; baselineMs: number; conclusion: string }>;
  matchingBench(prompts: number, rows: number): Promise<{ ms: number; matched: number; exactMs: number; exactMatched: number }>;
  campaignBench(rows: number): Promise<{ ms: number; baselineMs: number; clusters: number; accounts: number }>;
  diffView(words: number): { ms: number; baselineMs: number; exact: boolean };
  searchBench(items: number): { buildMs: number; p50: number; p95: number; queries: number; fuseAloneMs: number; fuseQueries: number };
  chartBench(claims: number, links: number): { ms: number; chartMs: number; baselineMs: number };
  bundleBench(): Promise<{ ms: number; pages: number; megabytes: number }>;
};

if (PARTS.includes('import')) {
  const mb = (n: number) => `${Math.round(n)} MB`;
  const smallFile = join(workDir, `log-${ROWS / 4}.jsonl`);
  const largeFile = join(workDir, `log-${ROWS}.jsonl`);
  await writeLog(smallFile, ROWS / 4);
  await writeLog(largeFile, ROWS);
  console.log(`\nImport of generated API log rows (JSON Lines) into the log engine (DuckDB), in Chromium, through the app's import worker and the desktop API (served over HTTP here)`);
  await page.setInputFiles('#file', smallFile);
  const small = await measure(browserPid, () => page.evaluate((n) => (window as unknown as { importRows(n: number): Promise<{ importMs: number; bytes: number; windowMs: Record<string, number>; caseId: string }> }).importRows(n), ROWS / 4));
  await page.setInputFiles('#file', largeFile);
  const large = await measure(browserPid, () => page.evaluate((n) => (window as unknown as { importRows(n: number): Promise<{ importMs: number; bytes: number; windowMs: Record<string, number>; caseId: string }> }).importRows(n), ROWS));
  const fromStore = await measure(browserPid, () => page.evaluate((caseId) => (window as unknown as { campaignFromStore(caseId: string): Promise<{ ms: number; rows: number; clusters: number }> }).campaignFromStore(caseId), large.result.caseId));
  type ArchiveWindow = { saveArchive(caseId: string): Promise<{ ms: number; bytes: number }>; openArchive(): Promise<{ ms: number; rows: number }> };
  const saved = await measure(browserPid, () => page.evaluate((caseId) => (window as unknown as ArchiveWindow).saveArchive(caseId), large.result.caseId));
  const opened = await measure(browserPid, () => page.evaluate(() => (window as unknown as ArchiveWindow).openArchive()));
  const cancel = await page.evaluate(() => (window as unknown as { cancelLatency(share: number): Promise<{ progress: string; answeredMs: number }> }).cancelLatency(0.25));
  const ceiling = await page.evaluate(() => (window as unknown as { parseOnly(): Promise<{ ms: number; rows: number }> }).parseOnly());

  const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en-US');
  const memory = (peak: Map<string, number>) => `renderer (page and import worker) ${mb(peak.get('renderer') ?? 0)}, browser process ${mb(peak.get('browser') ?? 0)}, all ${mb(peak.get('all') ?? 0)}; the log engine runs in this benchmark's process`;
  for (const [rows, run] of [[ROWS / 4, small], [ROWS, large]] as const) {
    console.log(`  ${rows.toLocaleString('en-US')} rows (${mb(run.result.bytes / 1048576)}): ${(run.result.importMs / 1000).toFixed(1)} s, ${rate(rows, run.result.importMs)} rows/s; peak memory: ${memory(run.peak)}`);
  }
  const cpu = [...large.cpu].filter(([, seconds]) => seconds >= 0.1).sort((x, y) => y[1] - x[1]);
  console.log(`  CPU time during the ${ROWS.toLocaleString('en-US')}-row import (${(large.result.importMs / 1000).toFixed(1)} s of wall time, 2 cores), by Chromium process: ${cpu.map(([kind, seconds]) => `${kind} ${seconds.toFixed(1)} s`).join(', ')}`);
  console.log(`  Cancel pressed a quarter into the import of the ${ROWS.toLocaleString('en-US')}-row file (${cancel.progress}): answered in ${Math.round(cancel.answeredMs)} ms (the rows read so far are removed after)`);
  console.log(`  ceiling, the same file read, hashed and parsed with nothing stored (the import's own streamLog, in a worker): ${(ceiling.ms / 1000).toFixed(1)} s, ${rate(ceiling.rows, ceiling.ms)} rows/s; the import reaches ${(ceiling.ms / large.result.importMs).toFixed(2)}x of it`);
  console.log(`  fetching the 100 rows on screen in the ${ROWS.toLocaleString('en-US')}-row source: ${Object.entries(large.result.windowMs).map(([at, ms]) => `${at}: ${Math.round(ms)} ms`).join(', ')}`);
  console.log(`  campaign analysis of the ${fromStore.result.rows.toLocaleString('en-US')}-row case from the store, in a worker as the app runs it (the links, then the clusters' sums and timing, asked of the log engine in SQL; templates here): ${seconds(fromStore.result.ms)} (${fromStore.result.clusters} clusters); peak renderer memory ${mb(fromStore.peak.get('renderer') ?? 0)}`);
  console.log(`  case archive of the ${ROWS.toLocaleString('en-US')}-row case, on the page as the app does it: saved (each log written out by the log engine as Parquet and read by the page in pieces, originals from their chunks, compressed) in ${seconds(saved.result.ms)}, ${mb(saved.result.bytes / 1048576)}; peak renderer memory ${mb(saved.peak.get('renderer') ?? 0)} (the archive itself is held in memory here, by the benchmark); opened into an empty database (each log's Parquet handed to the log engine, which checks every row and its digest; originals checked) in ${seconds(opened.result.ms)} for ${opened.result.rows.toLocaleString('en-US')} rows; peak renderer memory ${mb(opened.peak.get('renderer') ?? 0)}`);
  console.log(`  renderer memory with 4x the rows: ${((large.peak.get('renderer') ?? 0) / (small.peak.get('renderer') ?? 1)).toFixed(2)}x`);
}

if (PARTS.includes('analysis')) {
  console.log('\nAnalysis, in Chromium');
  const pairs = await page.evaluate(() => (window as unknown as BenchWindow).pairsBench(10_000, 300));
  console.log(`  all pair metrics for 10,000 pairs of 300 words (suspect and control each against the original, corpus index included), one worker: ${seconds(pairs.ms)}; baseline, a word-set Jaccard of the same texts: ${seconds(pairs.baselineMs)} (${ratio(pairs.ms, pairs.baselineMs)})`);
  const panel = await measure(browserPid, () => page.evaluate(() => (window as unknown as BenchWindow).attributionBench(5_000, 5, 250)));
  console.log(`  attribution of a suspect against a panel of 5 for 5,000 prompts × 7 models of 250 words (primary measure raw, at equal length, without prompt words and against 3 derangements; closer-rates; leave-one-out null; classifier cross-fitted 2×2 with each reference left out in turn), one worker: ${seconds(panel.result.ms)}, peak memory of the renderer ${Math.round(panel.peak.get('renderer') ?? 0)} MB; the seven-metric suspect-against-control analysis of the same prompts in the same run: ${seconds(panel.result.baselineMs)} (${ratio(panel.result.ms, panel.result.baselineMs)})`);
  const capped = JSON.parse(execFileSync(process.execPath, ['--max-old-space-size=400', '--import', 'tsx', 'bench/attribution-node.ts'], { encoding: 'utf8' }).trim().split('\n').pop()!) as { ms: number; peakMb: number };
  console.log(`  the same attribution in Node with the V8 heap capped at 400 MB (what the analysis keeps alive, not what a roomy heap lets pile up): ${seconds(capped.ms)}, peak resident memory ${Math.round(capped.peakMb)} MB`);
  const diff = await page.evaluate(() => (window as unknown as BenchWindow).diffView(10_000));
  console.log(`  side-by-side view of a 10,000-word pair, marked and laid out: ${Math.round(diff.ms)} ms${diff.exact ? '' : ' (beyond the edit bound)'}; baseline, jsdiff diffWords rendered the same way: ${Math.round(diff.baselineMs)} ms (${ratio(diff.ms, diff.baselineMs)})`);
  const campaign = await page.evaluate((rows) => (window as unknown as BenchWindow).campaignBench(rows), ROWS);
  console.log(`  clusters, templates and timing over ${ROWS.toLocaleString('en-US')} log rows (${campaign.accounts} accounts, ${campaign.clusters} clusters): ${seconds(campaign.ms)}; baseline, one pass counting requests per account and per /24: ${seconds(campaign.baselineMs)} (${ratio(campaign.ms, campaign.baselineMs)})`);
}

if (PARTS.includes('matching')) {
  console.log('\nPrompt matching, in Chromium');
  const smallMatch = await measure(browserPid, () => page.evaluate((rows) => (window as unknown as BenchWindow).matchingBench(10_000, rows), ROWS / 4));
  const matching = await measure(browserPid, () => page.evaluate((rows) => (window as unknown as BenchWindow).matchingBench(10_000, rows), ROWS));
  console.log(`  10,000 pair prompts found in ${ROWS.toLocaleString('en-US')} log rows made on the fly (a quarter of them sending a pair's prompt verbatim, re-cased, hashed, templated or with a typo), all five methods, one worker: ${seconds(matching.result.ms)} (${matching.result.matched} pairs found); exact text alone over the same rows: ${seconds(matching.result.exactMs)} (${ratio(matching.result.ms, matching.result.exactMs)}); peak renderer memory ${Math.round(matching.peak.get('renderer') ?? 0)} MB, and ${Math.round(smallMatch.peak.get('renderer') ?? 0)} MB with a quarter of the rows`);
}

if (PARTS.includes('claims')) {
  console.log('\nSearch and claim chart, in Chromium');
  const search = await page.evaluate(() => (window as unknown as BenchWindow).searchBench(100_000));
  console.log(`  search over 100,000 items: index built once in ${Math.round(search.buildMs)} ms; ${search.queries} queries: median ${search.p50.toFixed(1)} ms, 95th percentile ${search.p95.toFixed(1)} ms; baseline, Fuse alone over every item: ${Math.round(search.fuseAloneMs)} ms per query (${search.fuseQueries} queries; the 95th percentile is ${Math.round(search.fuseAloneMs / search.p95)}x faster)`);
  const chart = await page.evaluate(() => (window as unknown as BenchWindow).chartBench(50, 5_000));
  console.log(`  opening the claim chart of 50 claims (200 elements) and 5,000 links, computed, rendered by React and laid out: ${Math.round(chart.ms)} ms (the chart itself ${Math.round(chart.chartMs)} ms); baseline, 5,000 plain divs of the same notes: ${Math.round(chart.baselineMs)} ms (${ratio(chart.ms, chart.baselineMs)})`);
}

if (PARTS.includes('bundle')) {
  console.log('\nEvidence bundle, in Node (the CLI’s code path and the app’s signer) and in Chromium (the app’s writer)');
  // Its own process, so the peak memory is the bundle's alone.
  const b = JSON.parse(execFileSync('npx', ['tsx', 'bench/bundle-bench.ts'], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop()!) as { exhibits: number; pages: number; megabytes: number; layoutMs: number; signMs: number; peakMb: number; baselineMs: number; baselineMegabytes: number; characters: number };
  console.log(`  ${b.exhibits.toLocaleString('en-US')} exhibits, ${b.pages.toLocaleString('en-US')} pages, ${b.megabytes.toFixed(1)} MB: laid out and written in ${seconds(b.layoutMs)}, signed in ${seconds(b.signMs)}, ${seconds(b.layoutMs + b.signMs)} in all; peak memory ${Math.round(b.peakMb)} MB`);
  console.log(`  baseline, pdf-lib drawing the same ${(b.characters / 1e6).toFixed(1)} million characters onto as many pages in a standard font with no layout: ${seconds(b.baselineMs)} (${ratio(b.layoutMs + b.signMs, b.baselineMs)})`);
  const selection = JSON.parse(execFileSync('npx', ['tsx', 'bench/selection-bench.ts', '100000'], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').pop()!) as { rows: number; withoutMs: number; withMs: number; pages: number; megabytes: number };
  console.log(`  the demo case's bundle with a linked selection of ${selection.rows.toLocaleString('en-US')} log rows against the same bundle without it: ${seconds(selection.withMs)} against ${seconds(selection.withoutMs)}, ${seconds(selection.withMs - selection.withoutMs)} more; the selection's exhibit ${selection.pages} pages, its CSV and JSON Lines ${selection.megabytes.toFixed(1)} MB`);
  const inApp = await measure(browserPid, () => page.evaluate(() => (window as unknown as BenchWindow).bundleBench()));
  console.log(`  the same bundle laid out and written in Chromium, in a worker as the app does: ${seconds(inApp.result.ms)} for ${inApp.result.pages.toLocaleString('en-US')} pages; peak memory of the renderer (the worker's process) ${Math.round(inApp.peak.get('renderer') ?? 0)} MB, of Chromium in all ${Math.round(inApp.peak.get('all') ?? 0)} MB; signing, in the main process, as measured in Node above`);
}

if (PARTS.includes('engine')) {
  console.log(`\nThe log engine (DuckDB) in Node, as the main process runs it: no page, no transport`);
  // Its own process, so its memory is its own.
  execFileSync(process.execPath, ['--import', 'tsx', 'bench/log-engine-bench.ts', String(ENGINE_IMPORT_ROWS), String(ENGINE_CASE_ROWS)], { stdio: 'inherit' });
}

if (PARTS.includes('terms')) {
  console.log('\nTerms of Service, read and redlined in Node (the CLI’s code path; the app runs the same functions in its import worker)');
  for (const line of termsBench()) console.log(line);
}

if (PARTS.includes('cli')) {
  console.log(`\nThe CLI on a log of ${CLI_ROWS.toLocaleString('en-US')} generated rows, in Node, each command its own process`);
  const logFile = join(workDir, `cli-${CLI_ROWS}.jsonl`);
  const caseFile = join(workDir, 'cli.evcase');
  await writeLog(logFile, CLI_ROWS);
  const cli = async (nodeOptions: string[], ...args: string[]) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', 'cli/main.ts', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const { peak } = await measure(child.pid!, () => new Promise<void>((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`cli ${args[0]} exited with ${code}: ${output}`))))));
    return { ms: performance.now() - started, peakMb: peak.get('all') ?? 0, output };
  };
  await cli([], 'init', caseFile, '--title', 'Bench');
  const imported = await cli([], 'import', caseFile, logFile, '--kind', 'log');
  const logMb = statSync(logFile).size / 1e6;
  console.log(`  import of ${CLI_ROWS.toLocaleString('en-US')} rows (${Math.round(logMb).toLocaleString('en-US')} MB of JSON Lines) into a new case file (${Math.round(statSync(caseFile).size / 1e6).toLocaleString('en-US')} MB written): ${seconds(imported.ms)} (${Math.round(CLI_ROWS / (imported.ms / 1000)).toLocaleString('en-US')} rows/s); peak memory ${Math.round(imported.peakMb)} MB`);
  // Capped, as the attribution above: what the analysis keeps alive, not what a roomy heap lets pile up (uncapped, V8 let it reach 1.2 GB at 10M rows).
  const analysed = await cli(['--max-old-space-size=512'], 'analyze', caseFile, '--json');
  console.log(`  analyze of the same case (every row streamed from the case file, twice for the campaign), V8 heap capped at 512 MB: ${seconds(analysed.ms)}; peak memory ${Math.round(analysed.peakMb)} MB`);
  const planned = await cli([], 'plan', caseFile, '--original', 'a', '--suspect', 'b');
  console.log(`  a command that changes the case but not its rows (plan), the logs and originals copied compressed: ${seconds(planned.ms)}; peak memory ${Math.round(planned.peakMb)} MB`);
  // Two copies that each gained work, merged into a third file; then the import undone in one: both copy or drop the rows' entries whole.
  const [copyA, copyB, merged] = ['a', 'b', 'merged'].map((name) => join(workDir, `cli-${name}.evcase`)) as [string, string, string];
  copyFileSync(caseFile, copyA);
  copyFileSync(caseFile, copyB);
  await cli([], 'markers', copyA, '--add', '--kind', 'phrase', '--label', 'House phrase', '--pattern', 'as a helpful assistant');
  await cli([], 'edit', copyB, '--title', 'Bench, second copy');
  const merging = await cli([], 'merge', copyA, copyB, '--out', merged);
  console.log(`  merge of two copies of that case (${CLI_ROWS.toLocaleString('en-US')} rows each) into a third file, the rows copied once, compressed as they are: ${seconds(merging.ms)}; peak memory ${Math.round(merging.peakMb)} MB`);
  const undone = await cli([], 'undo', copyA, '--event', '2');
  console.log(`  undo of the import of those ${CLI_ROWS.toLocaleString('en-US')} rows (the file, its original and its rows dropped from the case file, as a new event): ${seconds(undone.ms)}; peak memory ${Math.round(undone.peakMb)} MB`);

  // The ceiling: DuckDB's own read of the same file, every column parsed into a typed table, in this process.
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  // This process's own resident memory (DuckDB runs in it); its process tree would count Chromium too.
  let peakRss = process.memoryUsage.rss();
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 100);
  const started = performance.now();
  await duck.run(`CREATE TABLE parsed AS SELECT * FROM read_json('${logFile}', format = 'newline_delimited')`);
  const bareRead = { result: performance.now() - started };
  clearInterval(sampler);
  console.log(`  ceiling, DuckDB ${(await duck.runAndReadAll('SELECT version() AS v')).getRowObjectsJson()[0]!.v} reading the same file into a typed table (every column parsed, nothing hashed or kept as text): ${seconds(bareRead.result)} (${Math.round(CLI_ROWS / (bareRead.result / 1000)).toLocaleString('en-US')} rows/s); the CLI import takes ${(imported.ms / bareRead.result).toFixed(1)}x as long`);
  await duck.run(`CREATE VIEW log_rows AS SELECT 'bench' AS source, 0 AS line, epoch_ms(CAST("timestamp" AS TIMESTAMPTZ)) AS ts, account_id AS account, api_key_id AS api_key, client_ip AS ip, user_agent, prompt, CAST(NULL AS VARCHAR) AS prompt_hash, usage.prompt_tokens AS tokens_in, usage.completion_tokens AS tokens_out FROM parsed`);
  // The case's prompts: the generated log's own, so the matching and excerpt queries find rows.
  await duck.run('CREATE TABLE case_prompts (pair_id VARCHAR, prompt_id VARCHAR, prompt VARCHAR, sha256 VARCHAR, sha256_normalised VARCHAR)');
  for (const p of casePrompts(PROMPTS.map((prompt, i) => ({ id: `pair${i}`, promptId: `p${i}`, prompt })))) await duck.run(`INSERT INTO case_prompts VALUES ('${p.pair_id}', '${p.prompt_id}', '${p.prompt.replaceAll("'", "''")}', '${p.sha256}', '${p.sha256_normalised}')`);
  const timings: string[] = [];
  for (const query of harvestQueries('duckdb', DEFAULT_CAMPAIGN_SETTINGS)) {
    const started = performance.now();
    await duck.runAndReadAll(query.sql);
    timings.push(`${query.name} ${seconds(performance.now() - started)}`);
  }
  console.log(`  the warehouse SQL of the query pack on those ${CLI_ROWS.toLocaleString('en-US')} rows in DuckDB (what the analyze above does in TypeScript): ${timings.join(', ')}; peak resident memory of this process (DuckDB in it) while reading ${Math.round(peakRss / 1048576)} MB`);
  duck.closeSync();
}

await browser.close();
await bridge.close();
rmSync(workDir, { recursive: true, force: true });
