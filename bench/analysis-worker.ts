/// <reference lib="webworker" />
// Analysis benchmarks in a worker, as the app runs them, each with the simplest baseline.
import { analyzeCampaign } from '../shared/analysis/campaign';
import { chunksOfRows } from '../shared/log-store/log-chunks';
import { analyzeAttribution } from '../shared/analysis/attribution';
import { effectivePlan } from '../shared/analysis/attribution-plan';
import { analyzePairs } from '../shared/analysis/pair-analysis';
import { LogParser, detectLogSettings } from '../shared/import/log-import';
import { logText } from './generated-log';
import { MATCH_METHODS, matchPrompts } from '../shared/analysis/prompt-matching';
import { generatedHarvestRows, generatedPairs, generatedPanel } from './generated-pairs';

function wordSetJaccard(a: string, b: string): number {
  const x = new Set(a.split(' '));
  const y = new Set(b.split(' '));
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / (x.size + y.size - shared);
}

onmessage = async (event: MessageEvent<{ task: 'pairs'; count: number; words: number } | { task: 'attribution'; prompts: number; references: number; words: number } | { task: 'matching'; prompts: number; rows: number } | { task: 'campaign'; rows: number }>) => {
  const job = event.data;
  if (job.task === 'matching') {
    const pairs = generatedPanel(job.prompts, 0, 20).map((p, i) => ({ ...p, prompt: `${p.prompt} (${i})` }));
    const time = async (methods: readonly (typeof MATCH_METHODS)[number][]) => {
      const t = performance.now();
      const result = await matchPrompts(pairs, chunksOfRows(() => generatedHarvestRows(job.rows, pairs)), { methods, nearThreshold: 0.7, templateMinWords: 5 });
      return { ms: performance.now() - t, matched: result.matchedPairs };
    };
    const all = await time(MATCH_METHODS);
    const exact = await time(['exact']);
    postMessage({ ms: all.ms, matched: all.matched, exactMs: exact.ms, exactMatched: exact.matched });
  } else if (job.task === 'attribution') {
    const pairs = generatedPanel(job.prompts, job.references, job.words);
    const roles = [{ model: 'original', role: 'original' as const }, { model: 'suspect', role: 'suspect' as const }, ...pairs[0]!.others.map((o) => ({ model: o.model, role: 'reference' as const }))];
    let t = performance.now();
    const result = analyzeAttribution(pairs, { plan: effectivePlan(undefined, roles), status: { status: 'exploratory', sentence: '' }, markers: [] })!;
    const ms = performance.now() - t;
    t = performance.now();
    analyzePairs(pairs, { control: 'reference-1' });
    const baselineMs = performance.now() - t;
    postMessage({ ms, baselineMs, conclusion: result.conclusion });
  } else if (job.task === 'pairs') {
    const pairs = generatedPairs(job.count, job.words);
    let t = performance.now();
    const analysis = analyzePairs(pairs);
    const ms = performance.now() - t;
    t = performance.now();
    let sink = 0;
    for (const p of pairs) sink += wordSetJaccard(p.original.text, p.suspect.text) + wordSetJaccard(p.original.text, p.others[0]!.text);
    const baselineMs = performance.now() - t;
    postMessage({ ms, baselineMs, check: analysis.metrics[0]!.meanSuspect + sink * 0 });
  } else {
    const parser = new LogParser(detectLogSettings(logText(0, 100)), { caseId: 'benchcase0001', sourceId: 'benchsource01' });
    const entries = [];
    for (let from = 0; from < job.rows; from += 50_000) entries.push(...parser.push(logText(from, Math.min(job.rows, from + 50_000))).entries);
    let t = performance.now();
    const analysis = await analyzeCampaign(chunksOfRows(entries));
    const ms = performance.now() - t;
    t = performance.now();
    const perAccount = new Map<string, number>();
    const perNetwork = new Map<string, number>();
    for (const e of entries) {
      perAccount.set(e.account!, (perAccount.get(e.account!) ?? 0) + 1);
      const net = e.ip!.slice(0, e.ip!.lastIndexOf('.'));
      perNetwork.set(net, (perNetwork.get(net) ?? 0) + 1);
    }
    const baselineMs = performance.now() - t;
    postMessage({ ms, baselineMs, clusters: analysis.clusters.length, accounts: analysis.accounts });
  }
};
