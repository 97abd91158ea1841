// The decision rule of the attribution analysis on real public answers
// (../shared/data/model-outputs, 805 AlpacaEval prompts): the documented
// positives must come out consistent with derivation, and a model released
// before the original, against a panel of other pre-release models, must
// come out not distinguishable. Figures seen when this was written
// (ROUGE-L F1 means over 804–805 prompts):
//   alpaca-7b → text_davinci_003, panel of 9: 0.293 against at most 0.236
//     (oasst-sft-llama-33b); rank 1; consistent. Leave-one-out flags
//     oasst-sft-llama-33b (1 of 9 known-unrelated). Classifier: 38.6% of
//     alpaca's answers attributed to davinci-003, rank 1 of 10, held-out
//     accuracy 0.879.
//   aligner-2b → claude-3-opus, panel of 9 (no Anthropic model): 0.348
//     against at most 0.291 (tulu-2-dpo-70b); rank 1; consistent, though
//     its closer-rate against gpt-3.5-turbo-0613 is 0.46 (it copies some
//     answers and rewrites others). Leave-one-out flags none of 9. The
//     classifier does not see it: 2.2%, rank 2 of 10.
//   Qwen1.5-72B-Chat → claude-3-opus, pre-release panel of 8: 0.283, rank
//     3 of 9 (tulu 0.291, gpt-3.5 0.284); not distinguishable; flags 0 of
//     8 known-unrelated and 1 of 1 known-derived (aligner).
//   gpt-3.5-turbo-0613 → claude-3-opus, pre-release panel of 8: 0.284,
//     rank 2 of 9 (tulu 0.291); not distinguishable; leave-one-out flags
//     tulu-2-dpo-70b (1 of 8) and the aligner (1 of 1).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeAttribution } from '../../shared/analysis/attribution';
import { effectivePlan } from '../../shared/analysis/attribution-plan';
import { defaultMarkers } from '../../shared/analysis/markers';
import { joinAnswers, parseAnswers, type AnswerFile, type PairRole } from '../../shared/import/pairs-import';
import type { ModelRole } from '../../shared/model/records';

const DATA = '../shared/data/model-outputs';
const present = existsSync(DATA);
if (!present && process.env.CI) throw new Error(`${DATA} is missing: CI always has the shared data, so the real-data tier cannot pass without it`);
const skip = present ? false : `${DATA} is not beside this repository; the real-data tier needs it`;

const answersOf = new Map<string, AnswerFile['answers']>();
const answers = (model: string) => {
  if (!answersOf.has(model)) answersOf.set(model, parseAnswers(readFileSync(`${DATA}/${model}.json`, 'utf8')).answers);
  return answersOf.get(model)!;
};

/** The full rule, as the app and the CLI run it, for one original and suspect against a panel. */
function attribute(original: string, suspect: string, references: string[], knownDerived: string[] = []) {
  const others = [...references, ...knownDerived];
  const files: AnswerFile[] = [
    ['original', original],
    ['suspect', suspect],
    ...others.map((m): [PairRole, string] => ['reference', m]),
  ].map(([role, model], i) => ({ role: role as PairRole, sourceId: `source${String(i).padStart(6, '0')}`, fileName: `${model}.json`, answers: answers(model!) }));
  const { pairs } = joinAnswers('case0000001', files, 'prompt');
  const roles = [
    { model: original, role: 'original' as ModelRole },
    { model: suspect, role: 'suspect' as ModelRole },
    ...references.map((model) => ({ model, role: 'reference' as ModelRole })),
    ...knownDerived.map((model) => ({ model, role: 'known-derived' as ModelRole })),
  ];
  const result = analyzeAttribution(pairs, { plan: effectivePlan(undefined, roles), status: { status: 'pre-registered', sentence: '' }, markers: defaultMarkers('case0000001') });
  assert.ok(result);
  return result;
}

const PRE_OPUS = ['gpt-3.5-turbo-0613', 'llama-2-70b-chat-hf', 'Yi-34B-Chat', 'gemini-pro', 'Mistral-7B-Instruct-v0.2', 'Mixtral-8x7B-Instruct-v0.1', 'tulu-2-dpo-70b', 'zephyr-7b-beta', 'Qwen1.5-72B-Chat'];
const OPUS = 'claude-3-opus-20240229';
const ALIGNER = 'aligner-2b_claude-3-opus-20240229';

test('known positive: alpaca-7b, trained on text-davinci-003 answers, is consistent with derivation against nine unrelated models', { skip }, () => {
  const panel = ['oasst-sft-llama-33b', 'guanaco-33b', 'llama-2-70b-chat-hf', 'Yi-34B-Chat', 'gemini-pro', 'Mistral-7B-Instruct-v0.2', 'Mixtral-8x7B-Instruct-v0.1', 'Qwen1.5-72B-Chat', OPUS];
  const a = attribute('text_davinci_003', 'alpaca-7b', panel);
  assert.equal(a.conclusion, 'consistent-with-derivation', a.conclusionSentence);
  assert.equal(a.primary.rank, 1);
  assert.ok(Math.abs(a.primary.suspect - 0.293) < 0.005, `alpaca-7b mean ROUGE-L ${a.primary.suspect}`);
  assert.ok(a.primary.difference.ci95[0] > 0, 'the lead over the panel mean is above zero');
  assert.ok(a.models.every((m) => m.excess > 0), 'every model is closer on its own prompt than by chance');
});

test('known positive: aligner-2b, which rewrites claude-3-opus answers, is consistent with derivation against nine non-Anthropic models', { skip }, () => {
  const a = attribute(OPUS, ALIGNER, PRE_OPUS);
  assert.equal(a.conclusion, 'consistent-with-derivation', a.conclusionSentence);
  assert.ok(Math.abs(a.primary.suspect - 0.348) < 0.005, `aligner mean ROUGE-L ${a.primary.suspect}`);
  assert.ok(a.closerRates.find((c) => c.model === 'gpt-3.5-turbo-0613')!.rate < 0.5, 'closer on fewer than half the prompts than gpt-3.5: why the rule tests the mean lead');
});

test('known negatives: models released before claude-3-opus are not distinguishable from a pre-release panel, and the rule still flags the known-derived model', { skip }, () => {
  for (const suspect of ['Qwen1.5-72B-Chat', 'gpt-3.5-turbo-0613']) {
    const a = attribute(OPUS, suspect, PRE_OPUS.filter((m) => m !== suspect), [ALIGNER]);
    assert.equal(a.conclusion, 'not-distinguishable', `${suspect}: ${a.conclusionSentence}`);
    assert.ok(a.primary.rank > 1, `${suspect} ranks ${a.primary.rank}`);
    assert.deepEqual(a.calibration.derived.map((d) => [d.model, d.flagged]), [[ALIGNER, true]]);
    assert.ok(a.calibration.unrelated.filter((u) => u.flagged).length <= 1, 'the rule flags at most one of the eight known-unrelated models');
    assert.ok(a.primary.pValue >= 2 / 9);
  }
});
