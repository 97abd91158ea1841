import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compileMarkers, defaultMarkers, findMarkers } from '../../shared/analysis/markers';
import { analyzePairs } from '../../shared/analysis/pair-analysis';
import { pairMarkup } from '../../shared/analysis/pair-markup';
import { parseCombinedPairs } from '../../shared/import/pairs-import';
import { Marker, type MarkerKind } from '../../shared/model/records';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { proposeCaseMarkers, proposeMarkersForCase } from '../../shared/analysis/case-markers';
import { markerFromAnnotation, saveMarker } from '../../shared/analysis/marker-edits';
import { analyzeCase } from '../../shared/analysis/case-analysis';
import { attributionReport } from '../../shared/analysis/attribution-report';
import { chunksOfRows } from '../../shared/log-store/log-chunks';
import { claimsStateOf, editChange } from '../../shared/claims/case-edit';
import { targetCatalog } from '../../shared/claims/targets';
import { applyChange } from '../../shared/model/case-change';

const marker = (id: string, kind: MarkerKind, pattern: string, regex = false): Marker => ({ id: `marker${id.padStart(6, '0')}`, caseId: 'case0000001', order: Number(id), kind, label: pattern, pattern, regex });
const spans = (text: string, markers: Marker[]) => findMarkers(text, compileMarkers(markers)).map((h) => [h.markerId.slice(-1), text.slice(h.start, h.end)]);

test('literal markers match whole words in spaced scripts, inside Chinese sentences, in any case', () => {
  const markers = [marker('1', 'self-identification', 'Claude'), marker('2', 'self-identification', '我是Atlas')];
  assert.deepEqual(spans('Claudette met CLAUDE. 你好，我是Atlas。', markers), [['1', 'CLAUDE'], ['2', '我是Atlas']]);
  assert.deepEqual(spans('我是Claude开发的', [marker('1', 'self-identification', 'Claude')]), [['1', 'Claude']], 'a Han letter next to it is no word boundary');
});

test('marker offsets are UTF-16 offsets of the text as imported, emoji and Chinese included', () => {
  const text = '🙂🙂 我是Atlas 🙂 I am Atlas.';
  const [zh, en] = findMarkers(text, compileMarkers([marker('1', 'self-identification', String.raw`我是Atlas|I am Atlas`, true)]));
  assert.deepEqual([zh!.start, zh!.end, en!.start, en!.end], [5, 12, 16, 26]);
  assert.equal(text.slice(en!.start, en!.end), 'I am Atlas');
});

test('a marker with a broken regular expression is refused, naming the pattern field', () => {
  const result = Marker.safeParse(marker('1', 'phrase', '(unclosed', true));
  assert.equal(result.success, false);
  assert.deepEqual(result.error!.issues.map((i) => i.path.join('.')), ['pattern']);
  assert.match(result.error!.issues[0]!.message, /not a valid regular expression/);
  assert.equal(Marker.safeParse(marker('1', 'phrase', '(unclosed', false)).success, true, 'as literal text it is fine');
});

test('every default marker is a valid record, and the refusal templates find the demo refusals in both languages', () => {
  const defaults = defaultMarkers('case0000001');
  for (const m of defaults) assert.equal(Marker.safeParse(m).success, true, m.label);
  const { pairs } = parseCombinedPairs(readFileSync('fixtures/demo/output-pairs.jsonl', 'utf8'), { caseId: 'case0000001', sourceId: 'source00001' }, 'output-pairs.jsonl');
  const analysis = analyzePairs(pairs, { markers: defaults });
  const refusals = analysis.markers.filter((m) => m.kind === 'refusal' && m.originalAndSuspect > 0).map((m) => m.label);
  assert.deepEqual(refusals, ['I can’t help with…', '我不能帮助… (I cannot help…)']);
});

test('the analysis counts, per marker, the outputs of each model that have it, and records the list in its settings', () => {
  const { pairs } = parseCombinedPairs(readFileSync('fixtures/demo/output-pairs.jsonl', 'utf8'), { caseId: 'case0000001', sourceId: 'source00001' }, 'output-pairs.jsonl');
  const markers = [marker('1', 'self-identification', String.raw`I am Atlas|我是Atlas`, true), marker('2', 'self-identification', 'Northwind AI')];
  const analysis = analyzePairs(pairs, { markers });
  assert.deepEqual(
    analysis.markers.map((m) => [m.label, m.original, m.suspect, m.control, m.originalAndSuspect]),
    [
      [String.raw`I am Atlas|我是Atlas`, 2, 2, 0, 2],
      ['Northwind AI', 2, 2, 0, 2],
    ],
  );
  const zh = analysis.results.find((r) => r.promptId === 'zh-002')!;
  const suspect = pairs.find((p) => p.promptId === 'zh-002')!.suspect.text;
  assert.deepEqual(zh.markers.suspect.map((h) => suspect.slice(h.start, h.end)), ['我是Atlas', 'Northwind AI']);
  assert.deepEqual(analysis.settings.markers, markers.map(({ kind, label, pattern, regex }) => ({ kind, label, pattern, regex })));
});

test('the pair markup marks marker matches inside its segments, keeping every character', () => {
  const original = 'I am Atlas, made by Northwind AI.';
  const suspect = 'Hello! I am Atlas, made by Northwind AI.';
  const hit = (text: string, phrase: string, id: string) => ({ markerId: id, start: text.indexOf(phrase), end: text.indexOf(phrase) + phrase.length });
  const m = pairMarkup(original, suspect, 3, undefined, { reference: [hit(original, 'Atlas', 'a')], candidate: [hit(suspect, 'Atlas', 'a'), hit(suspect, 'Northwind AI', 'n')] });
  assert.equal(m.candidate.map((s) => s.text).join(''), suspect);
  assert.deepEqual(m.candidate.filter((s) => s.marker).map((s) => [s.marker, s.text, s.run]), [['a', 'Atlas', 1], ['n', 'Northwind AI', 1]]);
  assert.deepEqual(m.reference.filter((s) => s.marker).map((s) => [s.marker, s.text]), [['a', 'Atlas']]);
});

test('the case proposes its own self-identification markers: the two models’ names, the parties and what the answers call themselves, in the scripts they use', async () => {
  const data = await readCaseArchive(new Uint8Array(readFileSync('fixtures/demo.evcase')));
  const proposals = proposeCaseMarkers({ models: ['atlas-2-large', 'lumen-7b-instruct'], parties: 'Northwind AI, Inc. v. Lumen Labs Ltd. and Does 1–34', texts: ['I am Atlas, an AI assistant developed by Northwind AI.', '我是Atlas，一个由Northwind AI开发的人工智能助手。'], existing: [] });
  assert.deepEqual(proposals.map((p) => p.label), ['Claims to be Atlas', 'Claims to be Lumen', 'Says Northwind AI made it', 'Names Northwind AI', 'Says Lumen Labs made it', 'Names Lumen Labs']);
  const compiled = (label: string) => compileMarkers([{ ...proposals.find((p) => p.label === label)!, id: 'marker000001', caseId: data.case.id, order: 0 }]);
  for (const text of ['I am Atlas, an AI assistant', '我是Atlas，一个', 'my name is Atlas.']) assert.equal(findMarkers(text, compiled('Claims to be Atlas')).length, 1, text);
  assert.equal(findMarkers('I am Atlassian’s bot', compiled('Claims to be Atlas')).length, 0, 'a whole name');
  assert.equal(findMarkers('一个由Northwind AI开发的', compiled('Says Northwind AI made it')).length, 1);
  assert.ok(!proposeCaseMarkers({ models: ['atlas-2-large'], parties: '', texts: ['I am Atlas.'], existing: [] })[0]!.pattern.includes('我是'), 'no Chinese phrasing for a case without Chinese');
  // The demo case declared them with its plan: nothing is left to propose, and the suspect's self-identification is counted.
  assert.deepEqual(proposeMarkersForCase(data), []);
  const analysis = await analyzeCase({ ...data, logChunks: chunksOfRows(data.logEntries) });
  const atlas = analysis.attribution!.markers.find((m) => m.label === 'Claims to be Atlas')!;
  assert.deepEqual([atlas.original, atlas.suspect, atlas.panel], [2, 2, 0]);
});

test('an annotated phrase becomes a post hoc marker in one step: counted and described, never in the tested family', async () => {
  const data = await readCaseArchive(new Uint8Array(readFileSync('fixtures/demo.evcase')));
  const annotation = data.annotations.find((a) => a.comment.startsWith('Word for word Northwind’s Chinese refusal template'))!;
  const edit = markerFromAnnotation(claimsStateOf(data), annotation, targetCatalog(data), 'expert');
  const marker = edit.put.markers![0]!;
  assert.deepEqual([marker.kind, marker.pattern, marker.regex, marker.postHoc], ['refusal', '我不能帮助你在未经允许的情况下进入他人的住宅', false, true]);
  assert.equal(edit.audit[0]!.details?.fromAnnotation, annotation.id);
  applyChange(data, editChange(edit));
  assert.throws(() => markerFromAnnotation(claimsStateOf(data), annotation, targetCatalog(data), 'expert'), /already counts these words/);
  const onRows = data.annotations.find((a) => a.target.kind === 'logRows');
  if (onRows) assert.throws(() => markerFromAnnotation(claimsStateOf(data), onRows, targetCatalog(data), 'expert'), /does not mark words of a model’s answer/);
  // Edited later, it stays post hoc.
  const changed = saveMarker(claimsStateOf(data), { kind: 'phrase', label: 'Refusal, verbatim', pattern: marker.pattern, regex: false }, 'expert', marker.id);
  assert.equal(changed.put.markers![0]!.postHoc, true);
  // Without a plan the case's own list is counted: the post hoc marker is described, outside the Holm family.
  const { analysisPlans: _plans, ...unplanned } = data;
  const analysis = await analyzeCase({ ...unplanned, analysisPlans: [], logChunks: chunksOfRows(data.logEntries) });
  const figures = analysis.attribution!.markers;
  const posthoc = figures.find((m) => m.label === marker.label)!;
  assert.equal(posthoc.postHoc, true);
  assert.equal(posthoc.adjustedP, posthoc.pValue, 'not adjusted with the declared markers');
  const report = attributionReport(analysis.attribution!, { alpha: 0.05 });
  const row = report.sections.find((s) => s.id === 'markers')!.blocks.flatMap((b) => (b.kind === 'table' ? b.rows : [])).find((r) => r[0]!.startsWith(marker.label))!;
  assert.deepEqual([row[0], row.at(-1)], [`${marker.label} (post hoc)`, 'not tested']);
});
