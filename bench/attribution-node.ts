// The attribution benchmark in Node with the V8 heap capped, so its peak
// memory is what the analysis keeps alive rather than what a roomy heap
// lets pile up before collecting (bench/run.ts runs it; prints one JSON line).
import { analyzeAttribution } from '../shared/analysis/attribution';
import { effectivePlan } from '../shared/analysis/attribution-plan';
import { generatedPanel } from './generated-pairs';

const pairs = generatedPanel(5000, 5, 250);
const roles = [{ model: 'original', role: 'original' as const }, { model: 'suspect', role: 'suspect' as const }, ...pairs[0]!.others.map((o) => ({ model: o.model, role: 'reference' as const }))];
let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
const started = performance.now();
const result = analyzeAttribution(pairs, { plan: effectivePlan(undefined, roles), status: { status: 'exploratory', sentence: '' }, markers: [] })!;
const ms = performance.now() - started;
clearInterval(timer);
console.log(JSON.stringify({ ms, peakMb: Math.max(peak, process.memoryUsage().rss) / 1048576, conclusion: result.conclusion }));
