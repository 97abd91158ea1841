import { chunksOfRows } from '../../shared/log-store/log-chunks';
import assert from 'node:assert/strict';
import { sha256Hex } from '../../shared/hash';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, decodePDFRawStream, type PDFRawStream } from 'pdf-lib';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { analyzeCase } from '../../shared/analysis/case-analysis';
import { harvestFinding, naturalExperimentFinding, timelineFinding } from '../../shared/analysis/findings';
import { harvestTimeline } from '../../shared/analysis/harvest-timeline';
import { MATCH_METHODS } from '../../shared/analysis/prompt-matching';
import { claimsStateOf } from '../../shared/claims/case-edit';
import { resolveTarget, targetCatalog } from '../../shared/claims/targets';
import { addLink } from '../../shared/claims/evidence-edits';
import { runImport } from '../../shared/import/run-import';
import { arrangeExhibits, planBundle, rowKey, type BundleCase } from '../../shared/bundle/bundle-plan';
import { Typesetter, type FontFiles } from '../../shared/bundle/typesetter';
import { CONTENT_WIDTH } from '../../shared/bundle/page-layout';
import { verifyBundle } from '../../shared/bundle/verify-bundle';
import { writeBundle } from '../../shared/bundle/write-bundle';
import { readBundleFonts } from '../../node/bundle-fonts';
import { applyChange } from '../../shared/model/case-change';
import { importChange } from '../../shared/import/source-record';
import { makeCaseData } from '../builders';
import { AUDIT_ACTIONS } from '../../shared/audit/audit-actions';
import { GLOSSARY } from '../../shared/report/glossary';
import { undefinedTerms } from '../glossary-check';

let fonts: FontFiles;
let demo: BundleCase;
before(async () => {
  fonts = await readBundleFonts();
  const { logEntries, ...rest } = (await readCaseArchive(new Uint8Array(readFileSync('fixtures/demo.evcase'))));
  demo = { ...rest, rows: new Map(logEntries.map((e) => [rowKey(e.sourceId, e.line), e])) };
});

test('wrapping keeps every character, in order, within the width: at spaces, between CJK characters, inside a word only when it must', async () => {
  const ts = await Typesetter.embed(await PDFDocument.create(), fonts);
  const text = 'I am Atlas, an AI assistant developed by Northwind AI.\n我是Atlas，一个由Northwind AI开发的人工智能助手。我能够帮助你写作、分析、编程和回答问题。 🌏\n' + 'x'.repeat(120);
  const width = 160;
  const lines = ts.wrapRanges(text, 'sans', 10, width);
  for (const line of lines) assert.ok(ts.width(text.slice(line.start, line.end), 'sans', 10) <= width + 0.01, `“${text.slice(line.start, line.end)}” is too wide`);
  // Put back together, the lines are the text less the spaces a break swallowed.
  const squeeze = (s: string) => s.replace(/\s+/g, '');
  assert.equal(squeeze(lines.map((l) => text.slice(l.start, l.end)).join('')), squeeze(text));
  const words = ts.wrap('I am Atlas, an AI assistant developed by Northwind AI.', 'sans', 10, width);
  assert.ok(words.length > 1 && words.every((l) => !l.startsWith(' ') && !l.endsWith(' ')), 'spaces at a break are dropped');
  assert.ok(words.every((l) => l.split(' ').every((w) => 'I am Atlas, an AI assistant developed by Northwind AI.'.split(' ').includes(w))), 'English breaks only at spaces');
  assert.ok(lines.some((l) => /^[\u4e00-\u9fff]/.test(text.slice(l.start, l.end)) && text[l.start - 1] !== '\n'), 'a line may start inside a Chinese sentence');
  assert.ok(lines.filter((l) => /^x+$/.test(text.slice(l.start, l.end))).length >= 2, 'an overlong word is cut');
  const runs = ts.runs('Atlas 我是 x', 'sans', 10);
  assert.deepEqual(runs.map((r) => r.text), ['Atlas ', '我是', ' x'], 'Chinese falls back to the CJK font');
});

test('the bundle plan numbers each distinct piece of evidence once, in chart order, and lists the files it comes from', () => {
  const plan = planBundle(demo);
  assert.equal(plan.exhibits.length, 20, 'the cluster finding is cited three times but is one exhibit');
  const cluster = plan.exhibits.find((e) => e.title.startsWith('Cluster of 14 linked accounts'))!;
  const cited = plan.claims.flatMap((c) => c.elements.flatMap((e) => e.links)).filter((l) => l.exhibit === cluster.number);
  assert.equal(cited.length, 3);
  assert.deepEqual(plan.exhibits.map((e) => e.number), Array.from({ length: 20 }, (_, i) => i + 1));
  assert.deepEqual(plan.originals.map((s) => s.fileName).sort(), demo.sources.map((s) => s.fileName).sort());
  const only = planBundle(demo, [demo.claims.find((c) => c.order === 1)!.id]);
  assert.deepEqual(only.claims.map((c) => c.claim.order), [1]);
  assert.ok(only.exhibits.length < plan.exhibits.length);
  assert.throws(() => planBundle(demo, ['nope']), /No claim with the id nope in this case/);
});

test('a bundle is the same bytes every time it is made from the same case at the same moment', async () => {
  const make = (now: Date) => writeBundle(demo, planBundle(demo), { fonts, preparer: 'counsel', signer: null, now });
  const at = new Date('2026-03-03T10:00:00Z');
  const [first, second] = [await make(at), await make(at)];
  assert.equal(sha256Hex(first.bytes), sha256Hex(second.bytes), 'byte for byte');
  assert.notEqual(sha256Hex((await make(new Date('2026-03-04T10:00:00Z'))).bytes), sha256Hex(first.bytes), 'the date it shows is part of it');
});

test('verify names an attached original that no longer matches the manifest', async () => {
  const written = await writeBundle(demo, planBundle(demo), { fonts, preparer: 'counsel', signer: null, now: new Date('2026-03-03T10:00:00Z') });
  const doc = await PDFDocument.load(written.bytes);
  const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  const spec = names.lookup(1, PDFDict);
  const ef = spec.lookup(PDFName.of('EF'), PDFDict);
  ef.set(PDFName.of('F'), doc.context.register(doc.context.flateStream('{"forged": true}\n')));
  const report = await verifyBundle(await doc.save(), 'altered.pdf');
  const originals = report.checks.find((c) => c.name === 'Originals')!;
  assert.equal(originals.ok, false);
  assert.match(originals.detail, /^api-gateway-2026Q1\.jsonl does not match its SHA-256 \(manifest f0a62391a21b…, attached [0-9a-f]{12}…\)$/);
});

test('the harvest findings (pairs a cluster sent, the natural experiment, the timeline) are laid out as tables and a chart', async () => {
  const data = (await readCaseArchive(new Uint8Array(readFileSync('fixtures/demo.evcase'))));
  const now = new Date('2026-03-03T09:00:00Z');
  applyChange(data, importChange((await runImport({ caseId: data.case.id, sources: data.sources, tosDocuments: data.tosDocuments, tosVersions: data.tosVersions }, { kind: 'log', file: { name: 'harvest-2025Q4.jsonl', bytes: new Uint8Array(readFileSync('fixtures/demo/harvest-2025Q4.jsonl')) } }, 'counsel', now)).records), now);
  const analysis = (await analyzeCase({ ...data, logChunks: chunksOfRows(data.logEntries) }));
  const harvest = analysis.harvest!;
  const ring = analysis.campaign.clusters.find((c) => c.accounts.some((a) => a.startsWith('acct_h')))!;
  const findings = [
    harvestFinding(data.case.id, 'expert', { cluster: ring.id, accounts: ring.accounts, matches: harvest.matches, methods: [...MATCH_METHODS], pairs: data.outputPairs.length }),
    naturalExperimentFinding(data.case.id, 'expert', { result: harvest.naturalExperiment!, suspect: 'lumen-7b-instruct', original: 'atlas-2-large', measure: 'ROUGE-L F1', methods: [...MATCH_METHODS] }),
    timelineFinding(data.case.id, 'expert', harvestTimeline(harvest.matches, [{ model: 'lumen-7b-instruct', role: 'suspect', released: '2026-01-15', source: 'Lumen Labs launch post' }], analysis.tos.documents), []),
  ];
  data.findings.push(...findings);
  const element = data.elements[0]!;
  for (const f of findings) data.links.push(addLink(claimsStateOf(data), { elementId: element.id, target: { kind: 'finding', id: f.id }, note: f.title, stance: 'supports' }, 'counsel', now).link);
  const { logEntries, ...rest } = data;
  const bundle: BundleCase = { ...rest, rows: new Map(logEntries.map((e) => [rowKey(e.sourceId, e.line), e])) };
  const written = await writeBundle(bundle, planBundle(bundle), { fonts, preparer: 'counsel', signer: null, now });
  const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: written.bytes, maxBuffer: 64 << 20 }).toString();
  assert.match(text, /Pairs whose prompts the cluster sent/);
  assert.match(text, /Difference in differences/);
  assert.match(text, /the\s+suspect\s+is\s+closer\s+to\s+the\s+original\s+where\s+the\s+original.s\s+answers\s+were\s+taken/);
  assert.match(text, /Requests for the pairs. prompts per day \(UTC\)/);
  const harvestSource = data.sources.find((x) => x.fileName === 'harvest-2025Q4.jsonl')!;
  assert.ok(findings[0]!.rows.length > 0 && findings[0]!.rows.every((r) => r.sourceId === harvestSource.id), 'only the ring’s own requests, though the main campaign also sent some of these prompts');
  assert.match(text, /2026-01-15\s+lumen-7b-instruct \(suspect\) released or observed\s+Lumen Labs launch post/);
  assert.doesNotMatch(text, /"difference"|"days"/, 'no raw values');
});

test('rows a warehouse query selected say so in their exhibit: the query, its hash, the engine and when it ran', async () => {
  const data = makeCaseData();
  const source = data.sources.find((s) => s.kind === 'log')!;
  const queryText = 'SELECT * FROM log_rows;\n';
  source.settings = {
    ...source.settings,
    fromQuery: { query: 'clickhouse/excerpt.sql', querySha256: sha256Hex(queryText), queryText, case: { id: data.case.id, title: data.case.title, historyHead: 'b'.repeat(64) }, engine: 'ClickHouse', engineVersion: '23.8.2', ranAt: '2026-12-01T09:30:00.000Z', result: source.fileName, resultSha256: source.sha256, rows: 1 },
  };
  const { logEntries, ...rest } = data;
  const bundle: BundleCase = { ...rest, rows: new Map(logEntries.map((e) => [rowKey(e.sourceId, e.line), e])) };
  const written = await writeBundle(bundle, planBundle(bundle), { fonts, preparer: 'counsel', signer: null, now: new Date('2026-12-02T09:00:00Z') });
  const text = execFileSync('pdftotext', ['-', '-'], { input: written.bytes, maxBuffer: 64 << 20 }).toString().replace(/\s+/g, ' ');
  assert.match(text, new RegExp(`Rows of the result of the warehouse query clickhouse/excerpt\\.sql \\(SHA-256 ${sha256Hex(queryText)}\\), which its provenance records as run on ClickHouse 23\\.8\\.2 at 2026-12-01 09:30:00 UTC`));
});

test('the Terms redline exhibit shows the words: each changed clause cited in both versions, insertions and deletions marked so they survive black and white and text extraction', async () => {
  const written = await writeBundle(demo, planBundle(demo), { fonts, preparer: 'counsel', signer: null, now: new Date('2026-03-03T09:00:00Z') });
  const text = execFileSync('pdftotext', ['-', '-'], { input: written.bytes, maxBuffer: 64 << 20 }).toString().replace(/\s+/g, ' ');
  const start = text.indexOf('Earlier version: API Terms of Service, in force from 2025-01-15');
  assert.ok(start >= 0, 'the exhibit names the earlier version and its file');
  const exhibit = text.slice(start, start + 6000);
  assert.match(exhibit, /Later version: API Terms of Service, in force from 2025-06-01, read from tos-2025-06-01\.html · SHA-256 [0-9a-f]{64}/);
  // The anti-distillation wording the June version added, as words, marked inserted.
  assert.match(exhibit, /\[\+[^\]]*distilling another model on Output[^\]]*\+\]/);
  assert.match(exhibit, /Added: not in the earlier version → § 3\.4 of the later version \(line \d+\)/);
  assert.match(exhibit, /Deleted words are struck through and enclosed in \[- … -\]; inserted words are underlined and enclosed in \[\+ … \+\]/);
  assert.doesNotMatch(exhibit, /Clauses by change/, 'words, not a chart of counts');
});

test('a log-row exhibit says what the selection is, sums it up by account, key, network and day, shows its first rows by field and attaches the whole of it as CSV and JSON Lines', async () => {
  const written = await writeBundle(demo, planBundle(demo), { fonts, preparer: 'counsel', signer: null, now: new Date('2026-03-03T09:00:00Z') });
  const text = execFileSync('pdftotext', ['-', '-'], { input: written.bytes, maxBuffer: 64 << 20 }).toString().replace(/\s+/g, ' ');
  assert.doesNotMatch(text, /\{"/, 'no exhibit prints a row as the raw JSON it was logged as');
  const entry = written.manifest.exhibits.find((e) => e.kind === 'logRows' && e.files)!;
  const exhibit = text.slice(text.indexOf(`Exhibit ${entry.number}: ${entry.title}`));
  assert.match(exhibit, /^Exhibit \d+: 25 rows of api-gateway-2026Q1\.jsonl, lines between 37 and 1003 25 requests logged in api-gateway-2026Q1\.jsonl, sent by \d+ accounts? with \d+ API keys? from \d+ networks? \(\/24\), from 2026-\d\d-\d\d \d\d:\d\d:\d\d UTC to 2026-/);
  for (const table of ['By account', 'By API key', 'By /24 network', 'By day (UTC)', 'The 25 rows']) assert.ok(exhibit.includes(table), table);
  // The whole selection, attached, listed in the manifest with its SHA-256, and checked by verify.
  assert.deepEqual(entry.files!.map((f) => [f.attachment, f.rows]), [[`exhibit-${entry.number}-rows.csv`, 25], [`exhibit-${entry.number}-rows.jsonl`, 25]]);
  const doc = await PDFDocument.load(written.bytes);
  const names = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  const attached = new Map<string, Uint8Array>();
  for (let i = 0; i < names.size(); i += 2) {
    const spec = names.lookup(i + 1, PDFDict);
    const stream = spec.lookup(PDFName.of('EF'), PDFDict).lookup(PDFName.of('F')) as PDFRawStream;
    attached.set(spec.lookup(PDFName.of('UF'), PDFHexString).decodeText(), decodePDFRawStream(stream).decode());
  }
  const csv = new TextDecoder().decode(attached.get(entry.files![0]!.attachment));
  assert.equal(sha256Hex(attached.get(entry.files![0]!.attachment)!), entry.files![0]!.sha256);
  const lines = csv.trimEnd().split('\r\n');
  assert.equal(lines.length, 26);
  assert.match(lines[0]!, /^file,line,time_utc,time_as_logged,account,api_key,ip_address,/);
  const jsonl = new TextDecoder().decode(attached.get(entry.files![1]!.attachment)).trimEnd().split('\n').map((l) => JSON.parse(l) as { file: string; line: number; raw: string });
  const rows = planBundle(demo).exhibits.find((e) => e.number === entry.number)!.target.rows!;
  assert.deepEqual(jsonl.map((r) => [r.file, r.line]), rows.map((r) => ['api-gateway-2026Q1.jsonl', r.line]).sort((a, b) => (a[1] as number) - (b[1] as number)));
  assert.equal(jsonl[0]!.raw, demo.rows.get(rowKey(rows[0]!.sourceId, jsonl[0]!.line))!.raw, 'each row as logged, traceable to its file and line');
  const report = await verifyBundle(written.bytes, 'bundle.pdf');
  assert.deepEqual(report.checks.find((c) => c.name === 'Selected log rows'), { name: 'Selected log rows', ok: true, detail: `all ${written.manifest.exhibits.flatMap((e) => e.files ?? []).length} attached files of selected log rows match the manifest’s SHA-256` });

  // A row file altered after signing is named.
  const spec = [...Array(names.size() / 2).keys()].map((i) => names.lookup(i * 2 + 1, PDFDict)).find((s) => s.lookup(PDFName.of('UF'), PDFHexString).decodeText() === entry.files![0]!.attachment)!;
  spec.lookup(PDFName.of('EF'), PDFDict).set(PDFName.of('F'), doc.context.register(doc.context.flateStream('file,line\r\nforged,1\r\n')));
  const altered = await verifyBundle(await doc.save(), 'altered.pdf');
  const check = altered.checks.find((c) => c.name === 'Selected log rows')!;
  assert.equal(check.ok, false);
  assert.match(check.detail, new RegExp(`^exhibit-${entry.number}-rows\\.csv \\(exhibit ${entry.number}\\) does not match its SHA-256`));
});

test('the bundle speaks a reader’s words: no field, action or kind name of the code reaches its pages', async () => {
  const written = await writeBundle(demo, planBundle(demo), { fonts, preparer: 'counsel', signer: null, now: new Date('2026-03-03T09:00:00Z') });
  const text = execFileSync('pdftotext', ['-', '-'], { input: written.bytes, maxBuffer: 64 << 20 }).toString();
  const internal = [...AUDIT_ACTIONS, 'ip24', 'apiKey', 'userAgent', 'tokensIn', 'tokensOut', 'sourceId', 'caseId', 'promptHash', 'logRows', 'outputPair', 'tosClause', 'pair-similarity', 'harvest-cluster', 'natural-experiment', 'harvest-timeline', 'campaign-cluster', 'tos-redline', 'account-timing'];
  const found = internal.filter((name) => new RegExp(`(^|[^\\w.-])${name.replace(/[.-]/g, (c) => `\\${c}`)}($|[^\\w-])`).test(text));
  assert.deepEqual(found, []);
  assert.match(text, /File imported/);
  assert.match(text, /\/24 network/);
});

test('a log-row exhibit counts only the accounts, keys and addresses its rows record, and says how many rows record none', async () => {
  const { logEntries, ...rest } = structuredClone(await readCaseArchive(new Uint8Array(readFileSync('fixtures/demo.evcase'))));
  const rows = new Map(logEntries.map((e) => [rowKey(e.sourceId, e.line), e]));
  const bundle: BundleCase = { ...rest, rows };
  const entry = planBundle(bundle).exhibits.find((e) => e.target.kind === 'logRows')!;
  for (const ref of entry.target.rows!.slice(0, 2)) {
    const { account: _account, ...row } = rows.get(rowKey(ref.sourceId, ref.line))!;
    rows.set(rowKey(ref.sourceId, ref.line), { ...row, ts: null });
  }
  const written = await writeBundle(bundle, planBundle(bundle), { fonts, preparer: 'counsel', signer: null, now: new Date('2026-03-03T09:00:00Z') });
  const text = execFileSync('pdftotext', ['-', '-'], { input: written.bytes, maxBuffer: 64 << 20 }).toString().replace(/\s+/g, ' ');
  assert.match(text, /2 rows record no account; 2 rows record no time\./);
});

test('the bundle defines every statistical term its pages use in a glossary of its own, and lays the attribution report out in two layers', async () => {
  const written = await writeBundle(demo, planBundle(demo), { fonts, preparer: 'counsel', signer: null, now: new Date('2026-03-03T09:00:00Z') });
  const text = execFileSync('pdftotext', ['-', '-'], { input: written.bytes, maxBuffer: 64 << 20 }).toString();
  const [pages, rest] = text.split('Appendix: glossary');
  assert.ok(rest, 'the bundle has a glossary');
  const glossary = rest.split('Appendix: chain of custody')[0]!;
  const defined = GLOSSARY.map((e) => e.term).filter((term) => glossary.includes(term));
  assert.deepEqual(undefinedTerms(pages!, defined), []);
  assert.ok(defined.includes('p-value') && defined.includes('Holm adjustment'), defined.join(', '));
  const flat = pages!.replace(/\s+/g, ' ');
  assert.match(flat, /Summary for counsel Conclusion: Consistent with derivation\. In the exact words the decision rule allows: lumen-7b-instruct's answers are consistent with derivation/);
  assert.match(flat, /What was compared .* What the analysis found .* How sure .* What it does not show .* The expert’s sections 1\. The decision rule \(version 2\) 2\. /);
});

test('the page count the export dialog shows is the layout’s own: laid out without writing its files, the bundle has exactly as many pages', async () => {
  const options = { fonts, preparer: 'counsel', signer: null, now: new Date('2026-03-03T09:00:00Z') };
  const counted = await writeBundle(demo, planBundle(demo), { ...options, layoutOnly: true });
  const written = await writeBundle(demo, planBundle(demo), options);
  assert.equal(counted.pages, written.pages);
  assert.equal(counted.bytes.length, 0, 'nothing is written for a count');
});

test('the claim chart cites every exhibit with its Bates range, the same range its pages carry', async () => {
  const written = await writeBundle(demo, planBundle(demo), { fonts, preparer: 'counsel', signer: null, now: new Date('2026-03-03T09:00:00Z') });
  const text = execFileSync('pdftotext', ['-', '-'], { input: written.bytes, maxBuffer: 64 << 20 }).toString();
  const chart = text.slice(text.indexOf('Claim chart'), text.indexOf('EXHIBIT 1'));
  const cited = new Map([...chart.matchAll(/Exhibit (\d+) \((NWA-\d{6})(?: – (NWA-\d{6}))?\)/g)].map((m) => [Number(m[1]), [m[2], m[3] ?? m[2]]]));
  assert.equal(cited.size, written.manifest.exhibits.length, 'every exhibit the chart cites carries its range');
  for (const e of written.manifest.exhibits) assert.deepEqual(cited.get(e.number), [e.batesFirst, e.batesLast], `exhibit ${e.number}`);
});

test('every exhibit title is one line, in its heading and in the index; a longer one is cut at a word and given whole beneath', async () => {
  const written = await writeBundle(demo, planBundle(demo), { fonts, preparer: 'counsel', signer: null, now: new Date('2026-03-03T09:00:00Z') });
  const lines = execFileSync('pdftotext', ['-', '-'], { input: written.bytes, maxBuffer: 64 << 20 }).toString().split('\n');
  const ts = await Typesetter.embed(await PDFDocument.create(), fonts);
  let cut = 0;
  for (const e of written.manifest.exhibits) {
    const at = lines.findIndex((l) => l.startsWith(`Exhibit ${e.number}: `) && !/\(NWA-/.test(l));
    const heading = lines[at]!;
    assert.ok(ts.width(heading, 'sansBold', 12.5) <= CONTENT_WIDTH + 0.01, heading);
    if (heading === `Exhibit ${e.number}: ${e.title}`) continue;
    cut++;
    assert.ok(heading.endsWith('…') && e.title.startsWith(heading.slice(`Exhibit ${e.number}: `.length, -1)), `${heading} is the start of its title`);
    assert.equal(lines.slice(at + 1, at + 4).join(' ').replace(/\s+/g, ' ').startsWith(e.title.slice(0, 60)), true, 'the whole title follows');
  }
  assert.ok(cut > 0, 'the demo has titles too long for one line');
});

test('exhibits arranged before export: reordered, numbered again from 1, the chart citing the new numbers, titles of counsel’s own', () => {
  const plan = planBundle(demo);
  const [first, second, third] = plan.exhibits;
  const arranged = arrangeExhibits(plan, { order: [third!.key, first!.key], titles: { [first!.key]: '  Terms accepted for the organisation  ', [second!.key]: '   ' } });
  assert.deepEqual(arranged.exhibits.slice(0, 3).map((e) => [e.number, e.key]), [[1, third!.key], [2, first!.key], [3, second!.key]]);
  assert.deepEqual(arranged.exhibits.map((e) => e.number), plan.exhibits.map((_, i) => i + 1));
  assert.equal(arranged.exhibits[1]!.title, 'Terms accepted for the organisation');
  assert.equal(arranged.exhibits[2]!.title, second!.title, 'an empty title keeps the exhibit’s own');
  const cites = (p: typeof plan) => p.claims.flatMap((c) => c.elements.flatMap((e) => e.links.map((l) => (l.exhibit === null ? null : p.exhibits.find((x) => x.number === l.exhibit)!.key))));
  assert.deepEqual(cites(arranged), cites(plan), 'every link still cites the same evidence');
});

test('a selection made in the log browser is named by its filter in its exhibit and in the chart’s evidence', async () => {
  const data = structuredClone(demo);
  const link = data.links.find((l) => l.target.kind === 'logRows' && (l.target.rows?.length ?? 0) > 1)!;
  link.target.selectedBy = { filter: { ip: '81.252.241.0/24', from: Date.parse('2026-01-05T00:00:00Z'), to: Date.parse('2026-03-29T23:59:59Z') }, matched: 60 };
  const resolved = resolveTarget(link.target, targetCatalog(data));
  const sentence = `Selected in the log browser with the filter network 81.252.241.0/24, from 2026-01-05 00:00:00 UTC to 2026-03-29 23:59:59 UTC: ${link.target.rows!.length} of the 60 rows it matched.`;
  assert.equal(!resolved.broken && resolved.quote, sentence);
  const written = await writeBundle(data, planBundle(data), { fonts, preparer: 'counsel', signer: null, now: new Date('2026-03-03T09:00:00Z') });
  const text = execFileSync('pdftotext', ['-', '-'], { input: written.bytes, maxBuffer: 64 << 20 }).toString().replace(/\s+/g, ' ');
  assert.equal(text.split(sentence).length - 1, 1, 'said once, in the exhibit');
});
