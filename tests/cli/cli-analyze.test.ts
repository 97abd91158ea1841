import assert from 'node:assert/strict';
import { undefinedTerms } from '../glossary-check';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { cli } from '../run-cli';
import { replaced, tamperLog } from '../archive-tamper';

const DEMO = 'fixtures/demo';
let file: string;

before(async () => {
  file = join(await mkdtemp(join(tmpdir(), 'cli-analyze-')), 'case.evcase');
  await cli('init', file, '--title', 'Northwind v. Lumen');
  for (const args of [
    [`${DEMO}/api-gateway-2026Q1.jsonl`, '--kind', 'log'],
    [`${DEMO}/output-pairs.jsonl`, '--kind', 'pairs'],
    [`${DEMO}/tos-2025-01-15.md`, '--kind', 'tos', '--effective', '2025-01-15', '--title', 'API Terms'],
    [`${DEMO}/tos-2025-06-01.html`, '--kind', 'tos', '--effective', '2025-06-01', '--title', 'API Terms'],
    [`${DEMO}/tos-2026-01-10.txt`, '--kind', 'tos', '--effective', '2026-01-10', '--title', 'API Terms'],
  ]) {
    const result = await cli('import', file, ...args);
    assert.equal(result.code, 0, result.err);
  }
});

test('analyze --json gives one entry per metric with the paired comparison against the control', async () => {
  const result = await cli('analyze', file, '--json');
  assert.equal(result.code, 0, result.err);
  const analysis = JSON.parse(result.out);
  assert.equal(analysis.pairs.metrics.length, 6);
  for (const m of analysis.pairs.metrics) {
    for (const key of ['metric', 'pairs', 'meanSuspect', 'meanControl', 'difference', 'ci95', 'pValue', 'z']) assert.ok(key in m, `${m.metric} has ${key}`);
    assert.ok(m.meanSuspect >= 0 && m.meanSuspect <= 1 && m.meanControl >= 0 && m.meanControl <= 1);
    assert.equal(m.pairs, 10);
    assert.ok(m.ci95[0] <= m.difference && m.difference <= m.ci95[1]);
  }
  assert.ok(analysis.pairs.settings.caseFold === true && typeof analysis.softwareVersion === 'string');
  // A new case looks for the default markers: the demo's refusals share the English and the Chinese template.
  const refusal = analysis.pairs.markers.find((m: { label: string }) => m.label === 'I can’t help with…');
  assert.deepEqual([refusal.original, refusal.suspect, refusal.control, refusal.originalAndSuspect], [1, 1, 0, 1]);
  assert.equal(analysis.pairs.settings.markers.length, analysis.pairs.markers.length);
  assert.deepEqual(analysis.campaign.clusters.map((c: { accounts: string[] }) => c.accounts.length), [14, 11, 9]);
  assert.deepEqual(analysis.tos.documents[0].versions.map((v: { effectiveDate: string }) => v.effectiveDate), ['2025-01-15', '2025-06-01', '2026-01-10']);
  const campaignAccount = analysis.campaign.clusters[0].accounts[0];
  assert.deepEqual(analysis.tos.accounts.find((a: { account: string }) => a.account === campaignAccount).inForce, [{ title: 'API Terms', versions: ['2025-06-01', '2026-01-10'] }]);

  const text = await cli('analyze', file);
  assert.match(text.out, /Output pairs: 10 \(10 with an output of open-llm-13b\)/);
  assert.match(text.out, /Conclusion: Panel too small; nothing concluded\.\n {2}In the exact words the decision rule allows: The panel has 1 reference model, fewer than the 5 the plan requires/);
  assert.match(text.out, /Cluster 1: 14 accounts/);
});

test('redline --json between the versions in force on two dates', async () => {
  const v1v2 = JSON.parse((await cli('redline', file, '--title', 'api terms', '--from', '2025-03-01', '--to', '2025-07-01', '--json')).out);
  assert.deepEqual([v1v2.from.effectiveDate, v1v2.to.effectiveDate], ['2025-01-15', '2025-06-01']);
  const added = v1v2.clauses.find((c: { status: string; to: { number: string } | null }) => c.status === 'added' && c.to?.number === '3.4');
  assert.match(added.to.text, /develop models that compete with Northwind AI/);
  assert.equal(added.from, null);

  const v2v3 = JSON.parse((await cli('redline', file, '--title', 'API Terms', '--from', '2025-07-01', '--to', '2026-02-01', '--json')).out);
  const renumbered = v2v3.clauses.filter((c: { status: string }) => c.status === 'renumbered').map((c: { from: { number: string }; to: { number: string } }) => `${c.from.number}>${c.to.number}`);
  assert.deepEqual(renumbered, ['2.2>2.3', '2.3>2.4']);
  assert.deepEqual([v2v3.summary.renumbered, v2v3.summary.added, v2v3.summary.splitWarning], [2, 1, null]);
  assert.ok(v2v3.clauses.every((c: { from: { citation: string } | null; to: { citation: string } | null }) => (c.to ?? c.from)!.citation), 'every clause carries its citation');
  assert.ok(v2v3.clauses.every((c: { status: string }) => ['unchanged', 'formatting', 'renumbered', 'changed', 'added', 'removed'].includes(c.status)));

  const text = await cli('redline', file, '--title', 'API Terms', '--from', '2025-07-01', '--to', '2026-02-01');
  assert.match(text.out, /3\.4 CHANGED\n .*\[\+, whether directly or through a third party\+\]/);
});

test('redline refuses what it cannot answer, and says why', async () => {
  assert.equal((await cli('redline', file, '--title', 'API Terms', '--from', '2025-03-01')).code, 2);
  assert.equal((await cli('redline', file, '--title', 'API Terms', '--from', '2025-02-30', '--to', '2025-07-01')).code, 2);
  const unknown = await cli('redline', file, '--title', 'Privacy Policy', '--from', '2025-03-01', '--to', '2025-07-01');
  assert.deepEqual([unknown.code, /it has “API Terms”/.test(unknown.err)], [1, true]);
  const early = await cli('redline', file, '--title', 'API Terms', '--from', '2024-01-01', '--to', '2025-07-01');
  assert.deepEqual([early.code, /No version of “API Terms” was in force on 2024-01-01; the first took effect on 2025-01-15/.test(early.err)], [1, true]);
});

const answers = (model: string) => `${DEMO}/answers-${model}.json`;
const REFERENCES = ['open-llm-13b', 'orca-lite-7b', 'sparrow-chat-20b', 'kestrel-instruct-34b', 'meridian-8b'];

const DATES = ['--released', 'atlas-2-large=2025-04-08', '--date-source', 'atlas-2-large=Northwind AI release notes', '--released', 'lumen-7b-instruct=2026-01-15'];

/** A case with the demo panel: a plan (with both release dates) recorded first (unless `planAfter`), then every model's answers imported. */
async function panelCase(options: { planAfter?: boolean; references?: string[] } = {}) {
  const path = join(await mkdtemp(join(tmpdir(), 'cli-attribution-')), 'case.evcase');
  await cli('init', path, '--title', 'Panel');
  const references = options.references ?? REFERENCES;
  const plan = ['plan', path, '--original', 'atlas-2-large', '--suspect', 'lumen-7b-instruct', ...references.flatMap((m) => ['--reference', m]), '--related', 'atlas-2-small', '--known-derived', 'atlas-distill-1b', ...DATES];
  if (!options.planAfter) assert.equal((await cli(...plan)).code, 0);
  const imported = await cli('import', path, '--kind', 'pairs', '--original', answers('atlas-2-large'), '--suspect', answers('lumen-7b-instruct'), ...references.flatMap((m) => ['--control', answers(m)]), '--related', answers('atlas-2-small'), '--known-derived', answers('atlas-distill-1b'));
  assert.equal(imported.code, 0, imported.err);
  if (options.planAfter) assert.equal((await cli(...plan)).code, 0);
  return path;
}

test('analyze --json: the suspect against a pre-registered panel of five, with its null, closer-rates, classifier and error rates', async () => {
  const path = await panelCase();
  const { attribution: a } = JSON.parse((await cli('analyze', path, '--json')).out);
  assert.equal(a.conclusion, 'consistent-with-derivation');
  assert.equal(a.plan.status, 'pre-registered');
  assert.deepEqual(a.references.map((r: { model: string; role: string }) => `${r.model}:${r.role}`), [...REFERENCES.map((m) => `${m}:reference`), 'atlas-2-small:related', 'atlas-distill-1b:known-derived']);
  assert.equal(a.primary.measure, 'rougeL');
  assert.deepEqual(a.primary.nullValues.map((n: { model: string }) => n.model), REFERENCES);
  assert.ok(a.primary.nullValues.every((n: { value: number }) => n.value < a.primary.suspect), 'closer than every reference');
  assert.equal(a.primary.rank, 1);
  assert.deepEqual(a.decision.checks.failed, []);
  assert.equal(a.decision.checks.raw.df, 4);
  assert.deepEqual(a.decision.dates, { original: '2025-04-08', suspect: '2026-01-15', order: 'original-first' });
  assert.equal(a.closerRates.length, 5);
  for (const c of a.closerRates) {
    assert.ok(c.ci95[0] > 0.5 && c.ci95[0] <= c.rate && c.rate <= c.ci95[1], `${c.model}: ${JSON.stringify(c)}`);
    assert.ok(c.pValue > 0 && c.differenceP > 0 && c.differenceAdjustedP < 0.05, 'p-values are never 0');
  }
  assert.ok(a.classifier.heldOutAccuracy > 0.8 && a.classifier.suspectAsOriginal > Math.max(...a.classifier.nullAsOriginal.map((n: { share: number }) => n.share)));
  assert.deepEqual([a.decision.calibration.ran, a.decision.calibration.knownDerived.map((d: { met: boolean }) => d.met), a.decision.calibration.falsePositives], [true, [true], []]);
  assert.equal(a.run.number, 1);
  assert.ok(a.models.every((m: { chance: number; mean: number }) => m.chance < m.mean), 'every model is closer on its own prompt than on another');
  assert.equal(a.perPrompt.length, a.prompts);

  const text = (await cli('analyze', path)).out;
  // The summary for counsel first, with the rule's own wording; then the expert's sections; then the glossary.
  assert.match(text, /Summary for counsel:\n {2}Conclusion: Consistent with derivation\.\n {2}In the exact words the decision rule allows: lumen-7b-instruct's answers are consistent with derivation from atlas-2-large's/);
  assert.match(text, /before the suspect's answers were imported \(2026-\d\d-\d\d \d\d:\d\d:\d\d UTC\): the primary result is confirmatory/);
  assert.match(text, /^ {2}Beyond the spread of the reference models \(prediction test\) +0\.\d+ against the panel's .*yes$/m);
  assert.match(text, /Release or first-observation dates in the plan: atlas-2-large 2025-04-08; lumen-7b-instruct 2026-01-15/);
  // Each run is in the history: the second run says it is the second, with the same panel.
  assert.match(text, /Run 2 of 2 of this attribution on this case; every earlier run used the same panel\./);
  assert.match(text, /Before this case: Validation of this rule \(version 2\)/);
  const [output, glossary] = text.split('Glossary (every statistical term and measure used above):');
  assert.ok(glossary, 'the output ends with its glossary');
  assert.deepEqual(undefinedTerms(output!, glossary!.split('\n').filter((l) => /^ {2}\S/.test(l)).map((l) => l.trim())), []);
  assert.doesNotMatch(output!, /ip24|apiKey|tokens in 0, out 0/);
});

test('a plan recorded after the suspect was imported makes every figure post hoc, and the report never says "consistent with derivation"', async () => {
  const path = await panelCase({ planAfter: true });
  const { attribution: a } = JSON.parse((await cli('analyze', path, '--json')).out);
  assert.equal(a.plan.status, 'post-hoc');
  assert.equal(a.decision.checks.met, true, 'the rule is met');
  assert.equal(a.conclusion, 'criterion-met-exploratory');
  assert.doesNotMatch(a.conclusionSentence, /consistent with derivation/);
  assert.match(a.conclusionSentence, /meets the rule's criterion.*Nothing is concluded on derivation, because the plan was recorded after the suspect's answers were imported/);
});

test('time’s direction from the command line: a suspect dated before the original is never flagged; a style-alike named as a known negative withholds the conclusion', async () => {
  const path = await panelCase();
  const earlier = await cli('plan', path, '--original', 'atlas-2-large', '--suspect', 'lumen-7b-instruct', ...REFERENCES.flatMap((m) => ['--reference', m]), '--released', 'atlas-2-large=2025-04-08', '--released', 'lumen-7b-instruct=2025-02');
  assert.equal(earlier.code, 0, earlier.err);
  const dated = JSON.parse((await cli('analyze', path, '--json')).out).attribution;
  assert.equal(dated.conclusion, 'suspect-predates-original');
  assert.match(dated.conclusionSentence, /lumen-7b-instruct \(released or first seen 2025-02\) predates atlas-2-large \(2025-04-08\)/);
  // The lab's own distillation wrongly named a known negative: the rule flags it, so the case's rule cannot be trusted to separate them.
  assert.equal((await cli('plan', path, '--original', 'atlas-2-large', '--suspect', 'lumen-7b-instruct', ...REFERENCES.flatMap((m) => ['--reference', m]), '--known-negative', 'atlas-distill-1b', ...DATES)).code, 0);
  const negative = JSON.parse((await cli('analyze', path, '--json')).out).attribution;
  assert.equal(negative.conclusion, 'criterion-met-exploratory');
  assert.deepEqual(negative.decision.calibration.falsePositives, ['atlas-distill-1b']);
  assert.equal(negative.run.number, 2, 'the run before it is counted');
  assert.deepEqual(negative.run.otherPanels, [], 'the same five references each time');
  for (const [args, message] of [
    [['--released', 'lumen-7b-instruct'], /--released takes <model>=<value>/],
    [['--released', 'nobody=2025-01-01'], /nobody is given a date but no role/],
    [['--date-source', 'lumen-7b-instruct=blog'], /--date-source lumen-7b-instruct=… needs --released lumen-7b-instruct=<date>/],
  ] as const) {
    const bad = await cli('plan', path, '--original', 'atlas-2-large', '--suspect', 'lumen-7b-instruct', ...args);
    assert.equal(bad.code, 2);
    assert.match(bad.err, message);
  }
  const badDate = await cli('plan', path, '--original', 'atlas-2-large', '--suspect', 'lumen-7b-instruct', '--released', 'lumen-7b-instruct=15/01/2026');
  assert.equal(badDate.code, 1);
  assert.match(badDate.err, /lumen-7b-instruct: the release or observation date “15\/01\/2026” is not a date in the form YYYY-MM or YYYY-MM-DD/);
});

test('roles change without a re-import: a new plan version with a smaller panel concludes nothing', async () => {
  const path = await panelCase();
  const smaller = await cli('plan', path, '--original', 'atlas-2-large', '--suspect', 'lumen-7b-instruct', '--reference', 'open-llm-13b', '--reference', 'orca-lite-7b', '--excluded', 'sparrow-chat-20b');
  assert.equal(smaller.code, 0, smaller.err);
  assert.match(smaller.out, /Recorded analysis plan v2/);
  const { attribution: a } = JSON.parse((await cli('analyze', path, '--json')).out);
  assert.equal(a.conclusion, 'insufficient-panel');
  assert.deepEqual(a.primary.nullValues.map((n: { model: string }) => n.model), ['open-llm-13b', 'orca-lite-7b']);
  assert.equal(a.plan.version, 2);
  const refused = await cli('plan', path, '--suspect', 'lumen-7b-instruct');
  assert.equal(refused.code, 1);
  assert.match(refused.err, /A plan names exactly one original model; this one names 0/);
});

test('a plan with two suspects gives one attribution each, the other suspect shown but never a reference', async () => {
  const path = await panelCase();
  const two = await cli('plan', path, '--original', 'atlas-2-large', '--suspect', 'lumen-7b-instruct', '--suspect', 'atlas-distill-1b', ...REFERENCES.flatMap((m) => ['--reference', m]), '--related', 'atlas-2-small', ...DATES, '--released', 'atlas-distill-1b=2025-09');
  assert.equal(two.code, 0, two.err);
  const analysis = JSON.parse((await cli('analyze', path, '--json')).out);
  assert.deepEqual([analysis.attribution.suspect, ...analysis.furtherSuspects.map((a: { suspect: string }) => a.suspect)], ['lumen-7b-instruct', 'atlas-distill-1b']);
  const second = analysis.furtherSuspects[0];
  assert.equal(second.decision.checks.met, true);
  assert.equal(second.conclusion, 'criterion-met-exploratory', 'this plan was recorded after the answers were imported');
  assert.match(second.conclusionSentence, /because the plan was recorded after the suspect's answers were imported/);
  assert.ok(second.models.some((m: { model: string; role: string }) => m.model === 'lumen-7b-instruct' && m.role === 'suspect'), 'shown as the other suspect');
  assert.deepEqual(second.primary.nullValues.map((n: { model: string }) => n.model), REFERENCES);
  assert.match((await cli('analyze', path)).out, /Attribution: lumen-7b-instruct against atlas-2-large[\s\S]*Attribution: atlas-distill-1b against atlas-2-large/);
});

test('match-prompts finds the harvested prompts in the logs by every method, and analyze runs the natural experiment on them', async () => {
  const path = await panelCase();
  assert.equal((await cli('import', path, `${DEMO}/harvest-2025Q4.jsonl`, '--kind', 'log')).code, 0);
  const matching = JSON.parse((await cli('match-prompts', path, '--json')).out);
  assert.deepEqual([matching.matchedPairs + matching.unmatchedPairs, Object.keys(matching.byMethod)], [219, ['exact', 'normalised', 'hash', 'template', 'near']]);
  assert.ok(matching.byMethod.hash >= 40 && matching.byMethod.template >= 20 && matching.byMethod.near >= 20, JSON.stringify(matching.byMethod));
  const first = matching.matches.find((m: { promptId: string }) => m.promptId === 'en-001');
  assert.deepEqual([first.methods, first.accounts.length, first.rows.length], [['exact'], 1, 1]);
  const exactOnly = JSON.parse((await cli('match-prompts', path, '--json', '--methods', 'exact')).out);
  assert.equal(exactOnly.matchedPairs, exactOnly.byMethod.exact);
  assert.equal((await cli('match-prompts', path, '--methods', 'exact,fuzzy')).code, 2);

  const { harvest } = JSON.parse((await cli('analyze', path, '--json')).out);
  assert.equal(harvest.matchedPairs, matching.matchedPairs);
  assert.deepEqual(harvest.byCluster, [{ cluster: 1, pairs: matching.matchedPairs }]);
  const n = harvest.naturalExperiment;
  assert.deepEqual([n.harvested, n.harvested + n.notHarvested], [harvest.matchedPairs, 219]);
  assert.ok(n.difference > 0.1 && n.ci95[0] > 0 && n.pValue > 0 && n.pValue < 0.01, JSON.stringify(n));
  // The same on the classifier's held-out probabilities: the suspect reads more like the original where the answers were taken.
  assert.ok(harvest.classifierExperiment.difference > 0 && harvest.classifierExperiment.ci95[0] > 0, JSON.stringify(harvest.classifierExperiment));
  assert.match((await cli('analyze', path)).out, /the suspect is closer to the original where the original's answers were taken/);
});

test('analyze reads each log from the case file into a log engine of its own and refuses rows changed after import, naming the event that bound them', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cli-tampered-'));
  const tampered = join(dir, 'tampered.evcase');
  // The rows of the demo log's 3rd row given to another account, the manifest's digest made to match.
  await writeFile(tampered, await tamperLog(new Uint8Array(await readFile(file)), replaced(3, 'account', "'acct-innocent'"), { digest: true }));
  const refused = await cli('analyze', tampered);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /tampered\.evcase: the log rows of api-gateway-2026Q1\.jsonl differ from the rows recorded when it was imported by event #\d+ \(source\.imported\)/);
  const listed = await cli('match-prompts', tampered);
  assert.equal(listed.code, 1);
  assert.match(listed.err, /differ from the rows recorded when it was imported/);
});
