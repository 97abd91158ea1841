// A bundle with a 100,000-row log selection against the same bundle without it, in Node (the CLI's
// code path): the time the selection adds (its exhibit and its attached CSV and JSON Lines) and the
// exhibit's pages. Run in its own process by bench/run.ts.
import { readFileSync } from 'node:fs';
import { readCaseArchive } from '../shared/archive/archive-reader';
import { planBundle, rowKey, type BundleCase } from '../shared/bundle/bundle-plan';
import { writeBundle } from '../shared/bundle/write-bundle';
import { claimsStateOf } from '../shared/claims/case-edit';
import { addLink } from '../shared/claims/evidence-edits';
import { runImport } from '../shared/import/run-import';
import { importChange } from '../shared/import/source-record';
import { applyChange } from '../shared/model/case-change';
import { readBundleFonts } from '../node/bundle-fonts';
import { logText } from './generated-log';

const ROWS = Number(process.argv[2] ?? 100_000);
const data = await readCaseArchive(new Uint8Array(readFileSync('fixtures/demo.evcase')));
const now = new Date('2026-03-03T09:00:00Z');
const file = { name: 'selection.jsonl', bytes: new TextEncoder().encode(logText(0, ROWS)) };
applyChange(data, importChange((await runImport({ caseId: data.case.id, sources: data.sources, tosDocuments: data.tosDocuments, tosVersions: data.tosVersions }, { kind: 'log', file }, 'counsel', now)).records), now);
const fonts = await readBundleFonts();
const bundleOf = () => {
  const { logEntries, ...rest } = data;
  return { ...rest, rows: new Map(logEntries.map((e) => [rowKey(e.sourceId, e.line), e])) } satisfies BundleCase;
};
const timed = async (bundle: BundleCase) => {
  const t = performance.now();
  const written = await writeBundle(bundle, planBundle(bundle), { fonts, preparer: 'bench', signer: null, now });
  return { ms: performance.now() - t, written };
};
const without = await timed(bundleOf());
const source = data.sources.find((s) => s.fileName === file.name)!;
const rows = data.logEntries.filter((e) => e.sourceId === source.id).map((e) => ({ sourceId: e.sourceId, line: e.line }));
data.links.push(addLink(claimsStateOf(data), { elementId: data.elements[0]!.id, target: { kind: 'logRows', id: source.id, rows }, note: 'The selection', stance: 'supports' }, 'counsel', now).link);
const withSelection = await timed(bundleOf());
const exhibit = withSelection.written.manifest.exhibits.find((e) => e.files?.some((f) => f.rows === ROWS))!;
const pages = Number(exhibit.batesLast.slice(-6)) - Number(exhibit.batesFirst.slice(-6)) + 1;
console.log(JSON.stringify({ rows: ROWS, withoutMs: without.ms, withMs: withSelection.ms, pages, megabytes: exhibit.files!.reduce((n, f) => n + f.size, 0) / 1e6 }));
