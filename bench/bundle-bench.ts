// The bundle benchmark, run in its own Node process by bench/run.ts so that
// its peak memory is its own: a case of 1,000 exhibits laid out, written and
// signed by the code the CLI runs (the app runs the same writer in a worker
// and the same signer in its main process).
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { makeFinding } from '../shared/analysis/findings';
import { applyEdit, claimsStateOf } from '../shared/claims/case-edit';
import { addClaim } from '../shared/claims/claim-edits';
import { addLink } from '../shared/claims/evidence-edits';
import { planBundle, rowKey } from '../shared/bundle/bundle-plan';
import { writeBundle } from '../shared/bundle/write-bundle';
import { applyImport, runImport, type ImportRequest } from '../shared/import/run-import';
import { createCaseData } from '../shared/model/case-data';
import type { Target } from '../shared/model/records';
import { seededRandom } from '../shared/random';
import { readBundleFonts } from '../electron/bundle-fonts';
import { createIdentity, signPdf } from '../electron/signing';
import { logText } from './generated-log';
import { randomText, rewordText } from './generated-pairs';

const EXHIBITS = { logRows: 380, pairs: 300, clauses: 220, findings: 100 };
const ROWS_PER_EXHIBIT = 110;

const encode = (text: string) => new TextEncoder().encode(text);
const random = seededRandom(42);
const data = createCaseData({ title: 'Bundle benchmark', batesPrefix: 'BENCH' }, 'bench');
const importFile = (request: ImportRequest) => applyImport(data, runImport({ caseId: data.case.id, sources: data.sources, tosDocuments: data.tosDocuments, tosVersions: data.tosVersions }, request, 'bench'));
importFile({ kind: 'log', file: { name: 'gateway.jsonl', bytes: encode(logText(0, EXHIBITS.logRows * ROWS_PER_EXHIBIT)) } });
importFile({
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
importFile({ kind: 'tos', effectiveDate: '2025-01-01', title: 'Terms', file: { name: 'terms-v1.txt', bytes: encode(Array.from({ length: EXHIBITS.clauses }, (_, i) => `${i + 1}. ${randomText(random, 80)}`).join('\n\n')) } });
importFile({ kind: 'tos', effectiveDate: '2025-06-01', title: 'Terms', file: { name: 'terms-v2.txt', bytes: encode(Array.from({ length: EXHIBITS.clauses }, (_, i) => `${i + 1}. ${rewordText(random, randomText(random, 80))}`).join('\n\n')) } });
const log = data.sources[0]!;
for (let i = 0; i < EXHIBITS.findings; i++) {
  data.findings.push(makeFinding({ caseId: data.case.id, kind: 'campaign-cluster', title: `Cluster ${i}`, actor: 'bench', settings: { linkBy: ['apiKey', 'ip24'] }, figures: { accounts: Array.from({ length: 20 }, (_, k) => `acct_${i}_${k}`), daily: Array.from({ length: 60 }, (_, d) => ({ date: `2026-01-${String((d % 28) + 1).padStart(2, '0')}`, requests: Math.round(random() * 400) })) }, rows: [{ sourceId: log.id, line: i + 1 }] }));
}

const edit = (make: Parameters<typeof applyEdit>[1]) => applyEdit(data, make);
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

const identity = createIdentity({ name: 'Bench Signer', organisation: 'Bench' }, 'bench passphrase');
const fonts = await readBundleFonts();
const { logEntries, ...rest } = data;
const bundleCase = { ...rest, rows: new Map(logEntries.map((e) => [rowKey(e.sourceId, e.line), e])) };

let t = performance.now();
const plan = planBundle(bundleCase);
const written = await writeBundle(bundleCase, plan, { fonts, preparer: 'bench', signer: { name: 'Bench Signer', organisation: 'Bench', email: '' }, now: new Date() });
const layoutMs = performance.now() - t;
t = performance.now();
const signed = await signPdf(written.bytes, identity.p12, 'bench passphrase');
const signMs = performance.now() - t;
const peakMb = process.resourceUsage().maxRSS / 1024;

// The baseline: pdf-lib alone drawing the same amount of text, in lines of a fixed length, onto as many pages, in a standard font: no fonts to embed, no wrapping, no layout.
const characters = logEntries.slice(0, EXHIBITS.logRows * ROWS_PER_EXHIBIT).reduce((n, e) => n + e.raw.length, 0) + data.outputPairs.reduce((n, p) => n + p.original.text.length * 2 + p.suspect.text.length + (p.control?.text.length ?? 0), 0) + data.tosClauses.reduce((n, c) => n + c.text.length, 0);
t = performance.now();
const baseline = await PDFDocument.create();
const helvetica = await baseline.embedFont(StandardFonts.Helvetica);
const perPage = Math.ceil(characters / written.pages / 100);
const line = 'x'.repeat(100);
for (let p = 0; p < written.pages; p++) {
  const page = baseline.addPage([612, 792]);
  for (let l = 0; l < perPage; l++) page.drawText(line, { x: 40, y: 760 - (l % 70) * 10.5, size: 7, font: helvetica });
}
const baselineBytes = await baseline.save({ useObjectStreams: false });
const baselineMs = performance.now() - t;

console.log(JSON.stringify({ exhibits: plan.exhibits.length, pages: written.pages, megabytes: signed.length / 1e6, layoutMs, signMs, peakMb, baselineMs, baselineMegabytes: baselineBytes.length / 1e6, characters }));
