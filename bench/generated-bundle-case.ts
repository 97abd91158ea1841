// A case of 1,000 exhibits for the bundle benchmarks (Node and Chromium):
// log rows, output pairs with a control, ToS clauses and findings, every one
// linked to an element of one of 25 claims. Seeded, so both runs lay out the
// same bundle.
import { makeFinding } from '../shared/analysis/findings';
import { rowKey, type BundleCase } from '../shared/bundle/bundle-plan';
import { claimsStateOf, editChange, type CaseEdit } from '../shared/claims/case-edit';
import { addClaim } from '../shared/claims/claim-edits';
import { addLink } from '../shared/claims/evidence-edits';
import { runImport, termsVersion, type ImportRequest } from '../shared/import/run-import';
import type { Target } from '../shared/model/records';
import { seededRandom } from '../shared/random';
import { logText } from './generated-log';
import { randomText, rewordText } from './generated-pairs';
import { applyChange } from '../shared/model/case-change';
import { importChange } from '../shared/import/source-record';
import { createCaseData } from '../shared/new-case';

export async function bundleBenchCase(): Promise<{ data: BundleCase; characters: number }> {
  const EXHIBITS = { logRows: 380, pairs: 300, clauses: 220, findings: 100 };
  const ROWS_PER_EXHIBIT = 110;

  const encode = (text: string) => new TextEncoder().encode(text);
  const random = seededRandom(42);
  const data = createCaseData({ title: 'Bundle benchmark', batesPrefix: 'BENCH' }, 'bench');
  const importFile = async (request: ImportRequest) => applyChange(data, importChange((await runImport({ caseId: data.case.id, sources: data.sources, tosDocuments: data.tosDocuments, tosVersions: data.tosVersions }, request, 'bench')).records));
  await importFile({ kind: 'log', file: { name: 'gateway.jsonl', bytes: encode(logText(0, EXHIBITS.logRows * ROWS_PER_EXHIBIT)) } });
  await importFile({
    kind: 'pairs',
    file: {
      name: 'pairs.jsonl',
      bytes: encode(
        Array.from({ length: EXHIBITS.pairs }, (_, i) => {
          const original = randomText(random, 900);
          return JSON.stringify({ prompt_id: `p${i}`, prompt: `Question ${i}: ${randomText(random, 12)}`, original_model: 'atlas-2', original, suspect_model: 'lumen-1', suspect: rewordText(random, original), control_model: 'open-13b', control: randomText(random, 700) });
        }).join('\n'),
      ),
    },
  });
  await importFile({ kind: 'tos', title: 'Terms', versions: [termsVersion({ name: 'terms-v1.txt', bytes: encode(Array.from({ length: EXHIBITS.clauses }, (_, i) => `${i + 1}. ${randomText(random, 80)}`).join('\n\n')) }, '2025-01-01')] });
  await importFile({ kind: 'tos', title: 'Terms', versions: [termsVersion({ name: 'terms-v2.txt', bytes: encode(Array.from({ length: EXHIBITS.clauses }, (_, i) => `${i + 1}. ${rewordText(random, randomText(random, 80))}`).join('\n\n')) }, '2025-06-01')] });
  const log = data.sources[0]!;
  for (let i = 0; i < EXHIBITS.findings; i++) {
    data.findings.push(makeFinding({ caseId: data.case.id, kind: 'campaign-cluster', title: `Cluster ${i}`, actor: 'bench', settings: { linkBy: ['apiKey', 'ip24'] }, figures: { accounts: Array.from({ length: 20 }, (_, k) => `acct_${i}_${k}`), daily: Array.from({ length: 60 }, (_, d) => ({ date: `2026-01-${String((d % 28) + 1).padStart(2, '0')}`, requests: Math.round(random() * 400) })) }, rows: [{ sourceId: log.id, line: i + 1 }] }));
  }

  const edit = (made: CaseEdit) => applyChange(data, editChange(made));
  for (let c = 0; c < 25; c++) edit(addClaim(claimsStateOf(data), 'unauthorised-access', 'bench').edit);
  const targets: Target[] = [
    ...Array.from({ length: EXHIBITS.logRows }, (_, i) => ({ kind: 'logRows' as const, id: log.id, rows: Array.from({ length: ROWS_PER_EXHIBIT }, (_, k) => ({ sourceId: log.id, line: i * ROWS_PER_EXHIBIT + k + 1 })) })),
    ...data.outputPairs.map((p) => ({ kind: 'outputPair' as const, id: p.id })),
    ...data.tosClauses.filter((c) => c.versionId === data.tosVersions[1]!.id).slice(0, EXHIBITS.clauses).map((c) => ({ kind: 'tosClause' as const, id: c.id })),
    ...data.findings.map((f) => ({ kind: 'finding' as const, id: f.id })),
  ];
  const state = claimsStateOf(data);
  const links = targets.map((target, i) => addLink(state, { elementId: data.elements[i % data.elements.length]!.id, target, note: `Exhibit note ${i}: ${randomText(random, 10)}`, stance: 'supports' }, 'bench').link);
  data.links.push(...links);

  const { logEntries, ...rest } = data;
  const characters = logEntries.reduce((n, e) => n + e.raw.length, 0) + data.outputPairs.reduce((n, p) => n + p.original.text.length * 2 + p.suspect.text.length + p.others.reduce((m, o) => m + o.text.length, 0), 0) + data.tosClauses.reduce((n, c) => n + c.text.length, 0);
  return { data: { ...rest, rows: new Map(logEntries.map((e) => [rowKey(e.sourceId, e.line), e])) }, characters };
}
