// Page side of the search, claim chart and bundle benchmarks (see bench/run.ts).
import Fuse from 'fuse.js';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { buildClaimChart } from '../shared/claims/claim-chart';
import type { ClaimsState } from '../shared/claims/case-edit';
import { targetCatalog } from '../shared/claims/targets';
import type { EvidenceLink, OutputPair } from '../shared/model/records';
import { seededRandom } from '../shared/random';
import { CaseSearch, type SearchItem } from '../shared/search/case-search';
import { CaseActionsContext } from '../renderer/features/cases/case-actions';
import { ClaimCard } from '../renderer/features/claims/ClaimCard';
import { randomText } from './generated-pairs';
import '../renderer/styles.css';

const KINDS: SearchItem['kind'][] = ['clause', 'pair', 'annotation', 'link', 'element', 'finding'];

/** 100,000 items of generated text, titles of 6–12 words and texts of 20–80, in all kinds. */
function items(count: number, random: () => number): SearchItem[] {
  return Array.from({ length: count }, (_, i) => ({
    kind: KINDS[i % KINDS.length]!,
    id: String(i),
    title: randomText(random, 6 + Math.floor(random() * 7)),
    text: randomText(random, 20 + Math.floor(random() * 61)),
    place: { kind: 'claim' as const, claimId: String(i) },
  }));
}

/** Queries a user types: one or two words, a prefix being typed, a typo. */
function queries(pool: SearchItem[], count: number, random: () => number): string[] {
  const word = () => {
    const item = pool[Math.floor(random() * pool.length)]!;
    const words = item.text.split(/\s+/).filter((w) => w.length >= 4);
    return words[Math.floor(random() * words.length)] ?? item.title.split(' ')[0]!;
  };
  return Array.from({ length: count }, (_, i) => {
    const w = word();
    if (i % 4 === 0) return `${w} ${word()}`;
    if (i % 4 === 1) return w.slice(0, Math.max(3, w.length - 2));
    if (i % 4 === 2 && w.length > 5) return `${w.slice(0, 2)}${w[3]}${w[2]}${w.slice(4)}`;
    return w;
  });
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((values.length * p) / 100))]!;

function searchBench(count: number): { buildMs: number; p50: number; p95: number; queries: number; fuseAloneMs: number; fuseQueries: number } {
  const random = seededRandom(5);
  const pool = items(count, random);
  let t = performance.now();
  const search = new CaseSearch(pool);
  const buildMs = performance.now() - t;
  const asked = queries(pool, 200, random);
  const times = asked.map((q) => {
    const start = performance.now();
    search.search(q);
    return performance.now() - start;
  });
  // The baseline: Fuse alone over every item, with the same keys, a few queries.
  const fuse = new Fuse(pool, { keys: [{ name: 'title', weight: 2 }, { name: 'text', weight: 1 }], ignoreLocation: true, threshold: 0.35 });
  const sample = asked.slice(0, 5);
  t = performance.now();
  for (const q of sample) fuse.search(q, { limit: 50 });
  return { buildMs, p50: percentile(times, 50), p95: percentile(times, 95), queries: asked.length, fuseAloneMs: (performance.now() - t) / sample.length, fuseQueries: sample.length };
}

/** A case of `claims` claims of 4 elements and `links` links spread over them, to output pairs. */
function chartCase(claims: number, links: number): { state: ClaimsState; catalog: ReturnType<typeof targetCatalog> } {
  const caseId = 'bench';
  const random = seededRandom(9);
  const pairs: OutputPair[] = Array.from({ length: 2000 }, (_, i) => {
    const text = randomText(random, 60);
    return { id: `p${i}`, caseId, promptId: `prompt-${i}`, prompt: randomText(random, 12), original: { model: 'a', text, ref: { sourceId: 's', line: i + 1 } }, suspect: { model: 'b', text, ref: { sourceId: 's', line: i + 1 } }, others: [] };
  });
  const claimRows = Array.from({ length: claims }, (_, i) => ({ id: `c${i}`, caseId, order: i, theory: 'Breach of contract (Terms of Service)', title: `Claim ${i + 1}`, description: randomText(random, 20) }));
  const elements = claimRows.flatMap((c) => Array.from({ length: 4 }, (_, j) => ({ id: `${c.id}e${j}`, caseId, claimId: c.id, order: j, text: randomText(random, 18) })));
  const linkRows: EvidenceLink[] = Array.from({ length: links }, (_, i) => ({
    id: `l${i}`,
    caseId,
    elementId: elements[Math.floor(random() * elements.length)]!.id,
    target: { kind: 'outputPair', id: `p${i % pairs.length}`, field: 'suspect', span: { start: 0, end: 40 } },
    note: randomText(random, 14),
    stance: random() < 0.85 ? 'supports' : 'undermines',
    createdAt: new Date(Date.UTC(2026, 2, 1) + i * 60_000).toISOString(),
    createdBy: 'counsel',
  }));
  const state: ClaimsState = { caseId, claims: claimRows, elements, links: linkRows, annotations: [], annotationLabels: [], markers: [] };
  return { state, catalog: targetCatalog({ sources: [{ id: 's', caseId, kind: 'pairs', fileName: 'pairs.jsonl', size: 1, sha256: '0'.repeat(64), importedAt: '2026-03-01T00:00:00.000Z', importedBy: 'x', recordCount: 1, rejectedCount: 0, rejectedRows: [], lineCheckpoints: [], settings: {} }], outputPairs: pairs, tosClauses: [], tosVersions: [], tosDocuments: [], findings: [], annotations: [] }) };
}

/** Opening the chart: the chart computed, every claim card rendered by React, and laid out. */
function chartBench(claims: number, links: number): { ms: number; chartMs: number; baselineMs: number } {
  const { state, catalog } = chartCase(claims, links);
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const actions = { caseId: 'bench', actor: 'bench', openPlace: () => undefined, linkToClaim: () => undefined, annotate: () => undefined };
  const confirm = () => Promise.resolve(false);
  let t = performance.now();
  const chart = buildClaimChart(state, catalog);
  const chartMs = performance.now() - t;
  flushSync(() =>
    root.render(
      <CaseActionsContext.Provider value={actions}>
        {chart.claims.map((c) => (
          <ClaimCard key={c.claim.id} chartClaim={c} state={state} confirm={confirm} onEditClaim={() => undefined} onAddEvidence={() => undefined} commit={() => Promise.resolve(true)} />
        ))}
      </CaseActionsContext.Provider>,
    ),
  );
  void host.offsetHeight;
  const ms = performance.now() - t;
  root.unmount();
  // The baseline: the same number of rows as plain divs with their text, no chart and no React.
  t = performance.now();
  for (const l of state.links) {
    const div = document.createElement('div');
    div.textContent = `${l.note} ${l.target.id}`;
    host.append(div);
  }
  void host.offsetHeight;
  const baselineMs = performance.now() - t;
  host.remove();
  return { ms, chartMs, baselineMs };
}

/** The bundle writer in a worker, as the app runs it. */
function bundleBench(): Promise<{ ms: number; pages: number; megabytes: number }> {
  const worker = new Worker(new URL('./bundle-bench-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (e) => {
      worker.terminate();
      resolve(e.data as { ms: number; pages: number; megabytes: number });
    };
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage('start');
  });
}

Object.assign(window, { searchBench, chartBench, bundleBench });
