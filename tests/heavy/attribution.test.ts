import { CancellationError } from '../../shared/errors';
import { chunksOfRows } from '../../shared/log-store/log-chunks';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { analyzeAttribution } from '../../shared/analysis/attribution';
import { analyzeCase } from '../../shared/analysis/case-analysis';
import { DEFAULT_PLAN, effectivePlan, modelFamily, modelsInCase, planStatus, proposeRoles, recordPlan, type PlanInput } from '../../shared/analysis/attribution-plan';
import { DEFAULT_CLASSIFIER_SETTINGS, textFeatures, trainClassifier } from '../../shared/analysis/classifier';
import { defaultMarkers } from '../../shared/analysis/markers';
import { scriptOf } from '../../shared/analysis/scripts';
import { joinAnswers, parseAnswers, type AnswerFile, type PairRole } from '../../shared/import/pairs-import';
import type { ModelRole, OutputPair, SourceRecord } from '../../shared/model/records';
import { attributionRunsChange } from '../../shared/analysis/attribution-runs';
import { applyChange } from '../../shared/model/case-change';
import { planDisagreement, proposeImportRoles } from '../../shared/analysis/import-roles';

const REFERENCES = ['open-llm-13b', 'orca-lite-7b', 'sparrow-chat-20b', 'kestrel-instruct-34b', 'meridian-8b'];
const CASE = 'case0000001';

/** The demo panel's answers joined into pairs, one source per model. */
function demoPairs(models: [PairRole, string][]): OutputPair[] {
  const files: AnswerFile[] = models.map(([role, model], i) => ({ role, sourceId: `source${String(i).padStart(6, '0')}`, fileName: `answers-${model}.json`, answers: parseAnswers(readFileSync(`fixtures/demo/answers-${model}.json`, 'utf8')).answers }));
  return joinAnswers(CASE, files, 'id').pairs;
}

const PAIRS = demoPairs([['original', 'atlas-2-large'], ['suspect', 'lumen-7b-instruct'], ...REFERENCES.map((m): [PairRole, string] => ['reference', m]), ['related', 'atlas-2-small'], ['reference', 'atlas-distill-1b']]);

const DATED = { 'atlas-2-large': '2025-04-08', 'lumen-7b-instruct': '2026-01-15' } as Record<string, string>;

function roles(suspect: string, references: string[], extra: { model: string; role: ModelRole }[] = [], dates: Record<string, string> = DATED): PlanInput['roles'] {
  const dated = (model: string) => (dates[model] ? { released: dates[model] } : {});
  return [{ model: 'atlas-2-large', role: 'original', ...dated('atlas-2-large') }, { model: suspect, role: 'suspect', ...dated(suspect) }, ...references.map((model) => ({ model, role: 'reference' as const })), ...extra];
}

const run = (plan: PlanInput, pairs = PAIRS, status: 'pre-registered' | 'post-hoc' | 'exploratory' = 'pre-registered') =>
  analyzeAttribution(pairs, { plan, status: { status, sentence: '' }, markers: defaultMarkers(CASE) })!;

test('the demo suspect is beyond the panel’s spread on every check, and is called consistent with derivation only with its dates, a prior plan and its calibration', () => {
  const a = run(effectivePlan(undefined, roles('lumen-7b-instruct', REFERENCES, [{ model: 'atlas-distill-1b', role: 'known-derived' }, { model: 'atlas-2-small', role: 'related' }])));
  assert.equal(a.conclusion, 'consistent-with-derivation', a.conclusionSentence);
  assert.equal(a.prompts, 219);
  assert.equal(a.primary.rank, 1);
  assert.deepEqual(a.primary.nullValues.map((n) => n.model), REFERENCES);
  assert.deepEqual(a.decision.checks.failed, []);
  assert.equal(a.decision.checks.raw.df, 4);
  assert.ok(a.decision.checks.raw.pValue < 0.001 && a.decision.checks.raw.pValue > 0, 'a p-value, never 0');
  assert.ok(a.closerRates.every((c) => c.differenceAdjustedP < 0.05 && c.rate > 0.5));
  assert.deepEqual(a.decision.calibration.knownDerived, [{ model: 'atlas-distill-1b', met: true }]);
  assert.deepEqual(a.decision.calibration.falsePositives, []);
  assert.deepEqual(a.decision.dates, { original: '2025-04-08', suspect: '2026-01-15', order: 'original-first' });
  assert.match(a.conclusionSentence, /consistent with derivation/);
  assert.equal(a.method.version, 2);
  assert.match(a.method.validation, /^Validation of this rule \(version 2\) on public answers of 18 models/);
  // Every figure again by script: the demo's Chinese prompts are a stratum of their own, with their own lead.
  assert.deepEqual(a.strata.map((x) => [x.script, x.prompts]), [['Latin', 215], ['Chinese, Japanese or Korean', 4]]);
  const latin = a.strata[0]!;
  assert.ok(latin.lead > 0.1 && latin.leadP < 1e-6 && latin.closerThanPanel > 0.5 && latin.classifierSuspect! > latin.classifierPanel!, JSON.stringify(latin));
  assert.equal(a.strata.reduce((t, x) => t + x.prompts, 0), a.prompts);
  // Asked which model wrote each of the suspect's held-out answers, the classifier names the original most often.
  const named = a.classifier!.suspectNamedAs;
  assert.ok(Math.abs(named.reduce((t, x) => t + x.share, 0) - 1) < 1e-9);
  assert.equal([...named].sort((x, y) => y.share - x.share)[0]!.model, 'atlas-2-large');
  // Related models are shown, never part of the null.
  assert.ok(a.models.some((m) => m.model === 'atlas-2-small' && m.role === 'related'));
  assert.ok(!a.primary.nullValues.some((n) => n.model === 'atlas-2-small'));

  // The same figures without the dates: the rule is met, nothing is concluded, and the label says no more than the sentence.
  const undated = run(effectivePlan(undefined, roles('lumen-7b-instruct', REFERENCES, [], {})));
  assert.equal(undated.conclusion, 'criterion-met-exploratory');
  assert.doesNotMatch(undated.conclusionSentence, /consistent with derivation/i);
  assert.match(undated.conclusionSentence, /Nothing is concluded on derivation, because the plan does not give the release dates of both atlas-2-large and lumen-7b-instruct/);
  // And with the suspect dated before the original, never flagged.
  const earlier = run(effectivePlan(undefined, roles('lumen-7b-instruct', REFERENCES, [], { 'atlas-2-large': '2026-02', 'lumen-7b-instruct': '2026-01-15' })));
  assert.equal(earlier.conclusion, 'suspect-predates-original');
});

test('a reference model tested as the suspect is not distinguishable from the rest of the panel, and a panel too small concludes nothing', () => {
  const [pseudo, ...rest] = REFERENCES;
  const a = run(effectivePlan(undefined, roles(pseudo!, rest, [{ model: 'lumen-7b-instruct', role: 'excluded' }], {})), PAIRS);
  assert.equal(a.conclusion, 'insufficient-panel', 'four references, the plan asks five');
  const relaxed = run({ ...effectivePlan(undefined, roles(pseudo!, rest, [], {})), minPanel: 4 });
  assert.equal(relaxed.conclusion, 'not-distinguishable');
  assert.ok(relaxed.primary.rank > 1);
  assert.match(relaxed.conclusionSentence, /not distinguishable from the unrelated reference models/);
});

test('the same pairs in another order give the same figures; a cancel stops the analysis', () => {
  const plan = effectivePlan(undefined, roles('lumen-7b-instruct', REFERENCES));
  const once = run(plan);
  const shuffled = [...PAIRS].reverse().map((p, i) => ({ ...p, id: `other${String(i).padStart(7, '0')}` }));
  const again = run(plan, shuffled);
  assert.deepEqual([again.primary, again.decision, again.conclusion, again.closerRates, again.classifier, again.models], [once.primary, once.decision, once.conclusion, once.closerRates, once.classifier, once.models]);
  let asked = 0;
  const signal = { get aborted() { return ++asked > 20; } } as AbortSignal;
  assert.throws(() => analyzeAttribution(PAIRS, { plan, status: { status: 'exploratory', sentence: '' }, markers: [] }, { signal }), (error: Error) => error instanceof CancellationError);
  assert.equal(asked, 21, 'it stopped at the first check after the cancel');
});

test('chance, length and prompt echo are taken out beside the raw figure', () => {
  const a = run(effectivePlan(undefined, roles('lumen-7b-instruct', REFERENCES)));
  for (const m of a.models) {
    assert.ok(m.chance < m.mean, `${m.model}: another prompt's answer is less alike than the same prompt's`);
    assert.ok(Math.abs(m.excess - (m.mean - m.chance)) < 1e-12);
  }
  const suspect = a.models.find((m) => m.model === 'lumen-7b-instruct')!;
  assert.equal(suspect.equalLength, a.decision.checks.equalLength.value, 'the table and the rule read the same equal-length figure');

  // A suspect that only repeats the prompt is flagged as prompt echo, and its echo-free similarity falls away.
  const echo = PAIRS.map((p) => ({ ...p, suspect: { ...p.suspect, text: `${p.prompt} ${p.prompt}` } }));
  const e = run(effectivePlan(undefined, roles('lumen-7b-instruct', REFERENCES)), echo);
  assert.equal(e.flagged.promptEcho, e.prompts);
  const echoed = e.models.find((m) => m.model === 'lumen-7b-instruct')!;
  assert.ok(echoed.echoFree < 0.05, `echo-free ${echoed.echoFree}`);
});

test('markers count answers per model, with self-identification a class of its own', () => {
  const pairs = PAIRS.slice(0, 40).map((p, i) => (i < 12 ? { ...p, suspect: { ...p.suspect, text: `I'm an AI assistant created by Anthropic. ${p.suspect.text}` } } : p));
  const a = run(effectivePlan(undefined, roles('lumen-7b-instruct', REFERENCES)), pairs);
  const selfId = a.markers.find((m) => m.label === 'Says Anthropic made it')!;
  const mention = a.markers.find((m) => m.label === 'Names Anthropic')!;
  assert.deepEqual([selfId.kind, selfId.suspect, selfId.panel, selfId.panelAnswers], ['self-identification', 12, 0, 200]);
  assert.equal(mention.kind, 'mention');
  assert.ok(selfId.pValue < 1e-6 && selfId.adjustedP >= selfId.pValue);
});

test('the classifier tells two writers apart on held-out texts', () => {
  const features = (texts: string[]) => texts.map((t) => textFeatures(t, DEFAULT_CLASSIFIER_SETTINGS.buckets));
  const a = features(Array.from({ length: 60 }, (_, i) => `Certainly, here is a thorough overview of item ${i}; it leverages crucial structure.`));
  const b = features(Array.from({ length: 60 }, (_, i) => `ok so basically thing ${i} is kinda simple lol`));
  const classifier = trainClassifier(a.slice(0, 40), b.slice(0, 40), DEFAULT_CLASSIFIER_SETTINGS, 1);
  assert.ok(a.slice(40).every((t) => classifier.probability(t) > 0.5));
  assert.ok(b.slice(40).every((t) => classifier.probability(t) < 0.5));
});

test('a plan is hashed over its content, and its status depends on when the suspect was imported', () => {
  const input: PlanInput = { ...DEFAULT_PLAN, roles: roles('lumen-7b-instruct', REFERENCES) };
  const markers = defaultMarkers(CASE);
  const first = recordPlan(CASE, 'expert', input, [], markers, new Date('2026-03-01T10:00:00Z'));
  const same = recordPlan(CASE, 'someone else', input, [first.plan], markers, new Date('2026-03-05T10:00:00Z'));
  assert.equal(same.plan.sha256, first.plan.sha256, 'the hash is of the content, not of who or when');
  assert.equal(same.plan.version, 2);
  assert.notEqual(recordPlan(CASE, 'expert', { ...input, alpha: 0.01 }, [], markers).plan.sha256, first.plan.sha256);
  assert.deepEqual([first.change.audit[0]!.action, first.change.audit[0]!.details?.sha256], ['plan.recorded', first.plan.sha256]);
  assert.throws(() => recordPlan(CASE, 'expert', { ...input, roles: input.roles.filter((r) => r.role !== 'original') }, [], markers), /exactly one original/);
  const undated = { ...input, roles: input.roles.map((r) => (r.role === 'suspect' ? { ...r, released: 'Jan 2026', source: 'blog' } : r)) };
  assert.throws(() => recordPlan(CASE, 'expert', undated, [], markers), /lumen-7b-instruct: the release or observation date “Jan 2026” is not a date in the form YYYY-MM or YYYY-MM-DD/);

  const source = (id: string, importedAt: string) => ({ id, importedAt }) as SourceRecord;
  const sources = [source('source000000', '2026-03-01T09:00:00.000Z'), source('source000001', '2026-03-02T09:00:00.000Z')];
  assert.equal(planStatus(first.plan, PAIRS, sources).status, 'pre-registered');
  assert.equal(planStatus(same.plan, PAIRS, sources).status, 'post-hoc');
  assert.equal(planStatus(undefined, PAIRS, sources).status, 'exploratory');
});

test('roles are proposed from model names and the plan, never from the order files came in', () => {
  const sources = [{ id: 'source000005', settings: { role: 'related' } }] as unknown as SourceRecord[];
  const models = modelsInCase(PAIRS, sources);
  assert.deepEqual(models.slice(0, 2).map((m) => [m.model, m.importedAs]), [['atlas-2-large', 'original'], ['lumen-7b-instruct', 'suspect']]);
  assert.deepEqual(models.slice(2).map((m) => m.model), [...models.slice(2).map((m) => m.model)].sort(), 'the others by name');
  const proposed = proposeRoles(models);
  assert.equal(proposed.find((r) => r.model === 'atlas-2-small')!.role, 'related', 'the original’s family is proposed as related');
  assert.equal(modelFamily('claude-3-sonnet-20240229'), modelFamily('claude-3-opus-20240229'));
  const planned = proposeRoles(models, { roles: [{ model: 'orca-lite-7b', role: 'excluded' }] });
  assert.equal(planned.find((r) => r.model === 'orca-lite-7b')!.role, 'excluded', 'the plan wins');
});

test('the script of a text is the one most of its letters are written in', () => {
  assert.equal(scriptOf('Explain binary search trees.'), 'Latin');
  assert.equal(scriptOf('请一步一步解释光合作用。'), 'Chinese, Japanese or Korean');
  assert.equal(scriptOf('สวัสดีครับ ขอบคุณ'), 'Thai, Lao, Khmer or Myanmar');
  assert.equal(scriptOf('12345 !!'), 'Other');
});

test('the markers counted are the plan’s; one added after the plan is named as post hoc and left out', async () => {
  const data = (await readCaseArchive(new Uint8Array(readFileSync('fixtures/demo.evcase'))));
  const before = (await analyzeCase({ ...data, logChunks: chunksOfRows(data.logEntries) })).attribution!;
  assert.deepEqual(before.markers.map((m) => m.label), data.analysisPlans[0]!.markers.map((m) => m.label));
  assert.ok(!before.limitations.some((l) => /post hoc and left out/.test(l)));
  data.markers.push({ id: 'marker000099', caseId: data.case.id, order: 99, kind: 'self-identification', label: 'Says it is Atlas', pattern: 'I am Atlas', regex: false });
  const after = (await analyzeCase({ ...data, logChunks: chunksOfRows(data.logEntries) })).attribution!;
  assert.ok(!after.markers.some((m) => m.label === 'Says it is Atlas'));
  assert.ok(after.limitations.some((l) => /The markers counted are the \d+ declared in plan v1; 1 added or changed since \(Says it is Atlas\) are post hoc and left out\./.test(l)), after.limitations.join('\n'));
  // What the demo cannot show is said: similarity is symmetric and measures style, and the panel's spread is itself uncertain.
  assert.match(after.limitations[0]!, /Similarity is symmetric and measures style as well as copying/);
  assert.match(after.limitations[1]!, /treats the 5 reference models as a sample of unrelated models .* 4 degrees of freedom/);
});

test('every run is recorded with its plan, panel and result digest, and a later run names the panels tried before it', async () => {
  const data = await readCaseArchive(new Uint8Array(readFileSync('fixtures/demo.evcase')));
  const analyse = async () => (await analyzeCase({ ...data, logChunks: chunksOfRows(data.logEntries) })).attribution!;
  const first = await analyse();
  assert.equal(first.run.number, 1);
  applyChange(data, attributionRunsChange([first], 'expert'));
  const event = data.audit.at(-1)!;
  assert.equal(event.action, 'analysis.run');
  assert.deepEqual(
    [event.details.run, event.details.suspect, event.details.planSha256, event.details.references, event.details.conclusion],
    [1, 'lumen-7b-instruct', data.analysisPlans[0]!.sha256, REFERENCES, first.conclusion],
  );
  assert.match(String(event.details.resultSha256), /^[0-9a-f]{64}$/);
  // A new plan with a smaller panel: the report says so, and it is not the same panel.
  const plan = data.analysisPlans[0]!;
  applyChange(data, recordPlan(data.case.id, 'expert', { ...effectivePlan(plan, []), roles: plan.roles.map((r) => (r.model === 'meridian-8b' ? { ...r, role: 'excluded' as const } : r)) }, data.analysisPlans, data.markers).change);
  const second = await analyse();
  assert.equal(second.run.number, 2);
  assert.deepEqual(second.run.otherPanels, [{ runs: [1], references: REFERENCES }]);
  assert.match(second.run.sentence, /^Run 2 of 2 of this attribution on this case; run 1 used open-llm-13b, orca-lite-7b, sparrow-chat-20b, kestrel-instruct-34b, meridian-8b\./);
  assert.ok(second.limitations.some((l) => /run on this case with 1 other panel/.test(l)));
});

test('import roles are proposed from the plan, an earlier import or the original’s family, and a choice against the plan is said', () => {
  const plan = { version: 2, roles: [{ model: 'atlas-2-large', role: 'original' as const }, { model: 'lumen-7b-instruct', role: 'suspect' as const }, { model: 'atlas-distill-1b', role: 'known-derived' as const }, { model: 'meridian-8b', role: 'known-negative' as const }] };
  const proposals = proposeImportRoles(['lumen-7b-instruct', 'atlas-distill-1b', 'atlas-2-small', 'open-llm-13b', 'meridian-8b', 'sparrow-chat-20b'], plan, [{ model: 'sparrow-chat-20b', role: 'related' }]);
  const role = (m: string) => [proposals.get(m)!.role, proposals.get(m)!.why];
  assert.deepEqual(role('lumen-7b-instruct'), ['suspect', 'the plan (version 2) names it suspect']);
  assert.deepEqual(role('atlas-distill-1b'), ['known-derived', 'the plan (version 2) names it known derived (calibration)']);
  assert.deepEqual(role('atlas-2-small'), ['related', 'its name shares the original’s family (“atlas”)']);
  assert.deepEqual(role('open-llm-13b'), ['reference', 'the plan does not name it']);
  assert.deepEqual(role('meridian-8b')[0], 'reference', 'a known negative is imported beside the panel; the plan keeps its role');
  assert.deepEqual(role('sparrow-chat-20b'), ['related', 'its answers were imported under this role before']);
  // Without a plan nothing is guessed to be the original or the suspect.
  assert.ok([...proposeImportRoles(['atlas-2-large', 'lumen-7b-instruct'], undefined, []).values()].every((p) => p.role === 'reference'));
  assert.equal(planDisagreement('atlas-distill-1b', 'known-derived', proposals.get('atlas-distill-1b')), null);
  assert.equal(planDisagreement('meridian-8b', 'reference', proposals.get('meridian-8b')), null, 'a known negative imported as reference is what the plan means');
  assert.equal(planDisagreement('lumen-7b-instruct', 'reference', proposals.get('lumen-7b-instruct')), 'lumen-7b-instruct is imported as reference (panel), but the plan names it suspect: the analysis follows the plan until a new version of it is recorded.');
  assert.equal(planDisagreement('open-llm-13b', 'related', proposals.get('open-llm-13b')), null, 'a model the plan does not name cannot disagree with it');
});
