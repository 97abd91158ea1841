// The attribution's decision rule on real public answers (../shared/data/model-outputs:
// 18 models, 805 AlpacaEval prompts). The grid: every documented derivation, every pair
// whose suspect was released before its original, and every later model of an unrelated
// family, each with the panel of every model related to neither, decided by the rule the
// app runs, from one table of similarities computed once.
//
// Reproduced first, and kept: the rule of version 1 (rank 1 and every paired z-test over
// prompts significant after Holm) flags suspects released before their original. On this
// data it flagged 13 of 146 such pairs with their full panels and about 14% of random
// five-model panels (the issue measured 5 of 26 and 13.8% on its own grid), e.g.
// Qwen1.5-72B-Chat as the original with gpt-3.5-turbo-0613, released eight months
// before it, as the suspect.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeAttribution } from '../../shared/analysis/attribution';
import { attributionReport } from '../../shared/analysis/attribution-report';
import { reportText } from '../../shared/report/report-document';
import { undefinedTerms } from '../glossary-check';
import { effectivePlan } from '../../shared/analysis/attribution-plan';
import { ATTRIBUTION_METHOD_VERSION } from '../../shared/analysis/attribution-rule';
import { defaultMarkers } from '../../shared/analysis/markers';
import { METHOD_VALIDATION } from '../../shared/analysis/method-validation';
import type { SimilarityTable } from '../../shared/analysis/similarity-table';
import { holm, normalUpperTail } from '../../shared/analysis/statistics';
import type { GridCase, GridOutcome, ModelCard } from '../../shared/analysis/validation-grid';
import { joinAnswers, parseAnswers, type AnswerFile, type PairRole } from '../../shared/import/pairs-import';
import type { ModelRole } from '../../shared/model/records';
import { computeValidation, DATA, modelCards, validationTable } from '../../scripts/attribution-validation';

const present = existsSync(DATA);
if (!present && process.env.CI) throw new Error(`${DATA} is missing: CI always has the shared data, so the real-data tier cannot pass without it`);
const skip = present ? false : `${DATA} is not beside this repository; the real-data tier needs it`;

let computed: { cards: ModelCard[]; table: SimilarityTable; outcomes: GridOutcome[] } | undefined;
/** The table of every pair of the 18 models and the grid's outcomes, computed once for every test here. */
function grid() {
  if (!computed) {
    const cards = modelCards();
    const table = validationTable(cards);
    computed = { cards, table, outcomes: computeValidation(cards, table).outcomes };
  }
  return computed;
}

/** The rule of version 1, kept here only to show its failure: rank 1 and every paired z-test over prompts significant after Holm. */
function versionOneFlags(table: SimilarityTable, c: Pick<GridCase, 'original' | 'suspect' | 'references'>): boolean {
  const s = table.values('raw', c.original, c.suspect);
  const mean = (m: string) => table.mean('raw', c.original, m);
  if (!c.references.every((r) => mean(c.suspect) > mean(r))) return false;
  const ps = c.references.map((r) => {
    const v = table.values('raw', c.original, r);
    const d = Array.from(s, (x, i) => x - v[i]!);
    const m = d.reduce((a, b) => a + b, 0) / d.length;
    const sd = Math.sqrt(d.reduce((a, b) => a + (b - m) ** 2, 0) / (d.length - 1));
    return normalUpperTail(m / (sd / Math.sqrt(d.length)));
  });
  return holm(ps).every((p) => p < 0.05);
}

test('reproduced: the rule of version 1 flags suspects released before their original; none of them is concluded consistent with derivation now', { skip }, () => {
  const { table, outcomes } = grid();
  const predating = outcomes.filter((o) => o.kind === 'suspect-predates-original');
  const oldFlags = predating.filter((o) => versionOneFlags(table, o));
  assert.ok(oldFlags.length >= 10, `version 1 flagged ${oldFlags.length} of ${predating.length}`);
  assert.ok(oldFlags.some((o) => o.original === 'Qwen1.5-72B-Chat' && o.suspect === 'gpt-3.5-turbo-0613'));
  for (const o of oldFlags) assert.notEqual(o.conclusion, 'consistent-with-derivation', `${o.suspect} → ${o.original}`);
  // Blind to the dates, the new criterion alone is met by fewer of them: the panel's spread, length, leave-one-out and the suspect's side each take some away.
  const stillMet = predating.filter((o) => o.ruleMet);
  assert.ok(stillMet.length < oldFlags.length / 2, `criterion alone met by ${stillMet.length}, version 1 by ${oldFlags.length}`);
  console.log(`  version 1 flagged ${oldFlags.length} of ${predating.length} suspects predating their original; the criterion of version ${ATTRIBUTION_METHOD_VERSION} alone, dates withheld, ${stillMet.length}; concluded consistent now: 0`);
});

test('the grid: no suspect predating its original and no later unrelated model is concluded consistent with derivation; the documented derivations found are recorded', { skip }, () => {
  const { outcomes } = grid();
  const negatives = outcomes.filter((o) => o.kind !== 'documented-derivation');
  assert.ok(negatives.length > 200, `${negatives.length} negatives`);
  const convicted = negatives.filter((o) => o.conclusion === 'consistent-with-derivation');
  assert.deepEqual(convicted.map((o) => `${o.suspect} → ${o.original}`), []);
  for (const o of negatives.filter((x) => x.kind === 'suspect-predates-original')) assert.equal(o.conclusion, 'suspect-predates-original');
  const positives = outcomes.filter((o) => o.kind === 'documented-derivation');
  assert.deepEqual(positives.map((o) => `${o.suspect} → ${o.original}`).sort(), ['aligner-2b_claude-3-opus-20240229 → claude-3-opus-20240229', 'alpaca-7b → text_davinci_003']);
  const found = positives.filter((o) => o.conclusion === 'consistent-with-derivation');
  // A rule that never concludes anything would pass the line above: it must still find a documented derivation.
  assert.ok(found.length >= 1, 'the rule finds at least one documented derivation');
  console.log(`  documented derivations concluded consistent: ${found.length} of ${positives.length} (${found.map((o) => o.suspect).join(', ')})`);
});

test('the validation record in the repository is what the rule gives today, for this version of the rule', { skip }, () => {
  const { cards, table } = grid();
  const record = computeValidation(cards, table);
  assert.equal(METHOD_VALIDATION.methodVersion, ATTRIBUTION_METHOD_VERSION, 'the rule changed version: run npm run validate:attribution');
  assert.deepEqual(METHOD_VALIDATION.outcomes, record.outcomes, 'the rule gives other outcomes than the record: run npm run validate:attribution and bump the version if the rule changed');
  assert.deepEqual(METHOD_VALIDATION.summary, record.summary);
  assert.deepEqual(METHOD_VALIDATION.models, record.models);
});

/** The full analysis, as the app and the CLI run it, for one case of the grid, with a plan recorded first and both dates. */
function attribute(original: string, suspect: string, options: { dates: boolean; knownDerived?: string[] } = { dates: true }) {
  const { cards, outcomes } = grid();
  const { references } = outcomes.find((o) => o.original === original && o.suspect === suspect)!;
  const extra = options.knownDerived ?? [];
  const files: AnswerFile[] = [
    ['original', original],
    ['suspect', suspect],
    ...[...references, ...extra].map((m): [PairRole, string] => ['reference', m]),
  ].map(([role, model], i) => ({ role: role as PairRole, sourceId: `source${String(i).padStart(6, '0')}`, fileName: `${model}.json`, answers: parseAnswers(readFileSync(`${DATA}/${model}.json`, 'utf8')).answers }));
  const { pairs } = joinAnswers('case0000001', files, 'prompt');
  const released = (model: string) => (options.dates ? { released: cards.find((c) => c.model === model)!.released } : {});
  const roles = [
    { model: original, role: 'original' as ModelRole, ...released(original) },
    { model: suspect, role: 'suspect' as ModelRole, ...released(suspect) },
    ...references.map((model) => ({ model, role: 'reference' as ModelRole })),
    ...extra.map((model) => ({ model, role: 'known-derived' as ModelRole })),
  ];
  const result = analyzeAttribution(pairs, { plan: effectivePlan(undefined, roles), status: { status: 'pre-registered', sentence: '' }, markers: defaultMarkers('case0000001') });
  assert.ok(result);
  return result;
}

test('the full analysis on real answers: alpaca-7b is consistent with derivation from text-davinci-003, and the figures match the grid’s', { skip }, () => {
  const a = attribute('text_davinci_003', 'alpaca-7b');
  assert.equal(a.conclusion, 'consistent-with-derivation', a.conclusionSentence);
  assert.ok(Math.abs(a.primary.suspect - 0.293) < 0.005, `alpaca-7b mean ROUGE-L ${a.primary.suspect}`);
  const { table } = grid();
  // The case holds the 805 prompts its 10 models answered; the grid the 804 all 18 answered: one prompt apart, the same comparison.
  assert.equal(a.prompts - table.prompts, 1);
  assert.ok(Math.abs(a.decision.checks.raw.value - table.mean('raw', 'text_davinci_003', 'alpaca-7b')) < 0.001, 'the case and the grid compare the same answers alike');
  assert.ok(a.decision.checks.raw.pValue > 0 && a.decision.checks.equalLength.pValue > 0, 'no p-value is 0');
  assert.ok(a.models.every((m) => m.excess > 0), 'every model is closer on its own prompt than by chance');
});

test('the full analysis on real answers: gpt-3.5-turbo-0613 against claude-3-opus, released nine months before it, is never flagged; with the dates withheld it is not distinguishable', { skip }, () => {
  const dated = attribute('claude-3-opus-20240229', 'gpt-3.5-turbo-0613');
  assert.equal(dated.conclusion, 'suspect-predates-original');
  assert.match(dated.conclusionSentence, /gpt-3\.5-turbo-0613 \(released or first seen 2023-06\) predates claude-3-opus-20240229 \(2024-03\)/);
  const blind = attribute('claude-3-opus-20240229', 'gpt-3.5-turbo-0613', { dates: false });
  assert.equal(blind.conclusion, 'not-distinguishable', blind.conclusionSentence);
  // On real answers too, the report counsel reads carries the rule's own words and defines every term it uses.
  for (const result of [dated, blind]) {
    const report = attributionReport(result, { alpha: 0.05 });
    assert.equal(report.conclusion.wording, result.conclusionSentence);
    assert.deepEqual(undefinedTerms(reportText(report), report.glossary.map((e) => e.term)), []);
  }
});
