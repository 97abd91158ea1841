// Page side of the analysis benchmarks (see bench/run.ts).
import { diffWords } from 'diff';
import { pairMarkup, type Segment } from '../shared/analysis/pair-markup';
import { seededRandom } from '../shared/random';
import { randomText, rewordText } from './generated-pairs';
import { runWorker } from '../renderer/workers/run-worker';
import type { CampaignStoreJob } from './campaign-store-worker';

function inWorker<T>(message: unknown): Promise<T> {
  const worker = new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (e) => {
      worker.terminate();
      resolve(e.data as T);
    };
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage(message);
  });
}

/** Renders spans into a fresh column and forces layout, as the pair view's first paint does. */
function render(parts: { text: string; className?: string }[]): void {
  const column = document.createElement('div');
  column.style.whiteSpace = 'pre-wrap';
  column.style.width = '600px';
  for (const p of parts) {
    const span = document.createElement('span');
    span.textContent = p.text;
    if (p.className) span.className = p.className;
    column.append(span);
  }
  document.body.append(column);
  void column.offsetHeight;
  column.remove();
}

function diffView(words: number): { ms: number; baselineMs: number; exact: boolean } {
  const random = seededRandom(11);
  const original = randomText(random, words);
  const suspect = rewordText(random, original);
  let t = performance.now();
  const markup = pairMarkup(original, suspect, 6);
  const asParts = (segments: Segment[]) => segments.map((s) => ({ text: s.text, className: [s.changed && 'diff', s.run !== null && 'run'].filter(Boolean).join(' ') }));
  render([...asParts(markup.reference), ...asParts(markup.candidate)]);
  const ms = performance.now() - t;
  t = performance.now();
  const changes = diffWords(original, suspect);
  render(changes.map((c) => ({ text: c.value, className: c.added ? 'ins' : c.removed ? 'del' : '' })));
  const baselineMs = performance.now() - t;
  return { ms, baselineMs, exact: markup.exact };
}

Object.assign(window, {
  pairsBench: (count: number, words: number) => inWorker({ task: 'pairs', count, words }),
  attributionBench: (prompts: number, references: number, words: number) => inWorker({ task: 'attribution', prompts, references, words }),
  matchingBench: (prompts: number, rows: number) => inWorker({ task: 'matching', prompts, rows }),
  campaignBench: (rows: number) => inWorker({ task: 'campaign', rows }),
  campaignFromStore: (caseId: string) => runWorker<CampaignStoreJob>(new Worker(new URL('./campaign-store-worker.ts', import.meta.url), { type: 'module' }), { caseId }, { what: 'campaign analysis' }),
  diffView,
});
