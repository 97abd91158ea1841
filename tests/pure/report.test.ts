import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeAttribution } from '../../shared/analysis/attribution';
import { attributionReport } from '../../shared/analysis/attribution-report';
import { effectivePlan } from '../../shared/analysis/attribution-plan';
import { CONCLUSION_LABELS } from '../../shared/analysis/attribution-rule';
import { defaultMarkers } from '../../shared/analysis/markers';
import { joinAnswers, parseAnswers, type AnswerFile, type PairRole } from '../../shared/import/pairs-import';
import { blockText, reportText } from '../../shared/report/report-document';
import { GLOSSARY } from '../../shared/report/glossary';
import { undefinedTerms } from '../glossary-check';

const CASE = 'case0000001';
const MODELS: [PairRole, string][] = [['original', 'atlas-2-large'], ['suspect', 'lumen-7b-instruct'], ...['open-llm-13b', 'orca-lite-7b', 'sparrow-chat-20b', 'kestrel-instruct-34b', 'meridian-8b'].map((m): [PairRole, string] => ['reference', m]), ['related', 'atlas-2-small']];
const files: AnswerFile[] = MODELS.map(([role, model], i) => ({ role, sourceId: `source${String(i).padStart(6, '0')}`, fileName: `answers-${model}.json`, answers: parseAnswers(readFileSync(`fixtures/demo/answers-${model}.json`, 'utf8')).answers }));
const pairs = joinAnswers(CASE, files, 'id').pairs;
const roles = [{ model: 'atlas-2-large', role: 'original' as const, released: '2025-04-08' }, { model: 'lumen-7b-instruct', role: 'suspect' as const, released: '2026-01-15' }, ...MODELS.slice(2).map(([role, model]) => ({ model, role: role === 'related' ? ('related' as const) : ('reference' as const) }))];
const result = analyzeAttribution(pairs, { plan: effectivePlan(undefined, roles), status: { status: 'pre-registered', sentence: 'Plan v1 recorded before the import.' }, markers: defaultMarkers(CASE) })!;
const report = attributionReport(result, { alpha: 0.05, derangements: 20, wordNgram: 8 });
const body = reportText(report);

test('the report opens with a summary for counsel: the gate’s exact wording, what was compared, found, how sure, and what it does not show', () => {
  assert.equal(report.conclusion.label, CONCLUSION_LABELS[result.conclusion]);
  assert.equal(report.conclusion.wording, result.conclusionSentence, 'the conclusion in the rule’s own words, not a paraphrase');
  const questions = report.summary.blocks.filter((b) => b.kind === 'paragraph' && b.strong).map((b) => blockText(b));
  assert.deepEqual(questions, ['What was compared', 'What the analysis found', 'How sure', 'What it does not show']);
  const summary = report.summary.blocks.map(blockText).join('\n');
  assert.match(summary, /lumen-7b-instruct \(the suspect\) and of atlas-2-large \(the original\) to the same \d+ prompts, set beside the answers of 5 reference models/);
  assert.match(summary, /4 of the rule’s 4 checks hold; all must hold for a conclusion/);
  assert.match(summary, /a p-value is the chance of such figures for an unrelated model, not the chance that the suspect is unrelated/);
  assert.ok(!report.summary.blocks.some((b) => b.kind === 'table'), 'no table on the counsel page');
  assert.ok(report.sections.length >= 6 && new Set(report.sections.map((s) => s.id)).size === report.sections.length, 'each expert section has its own anchor');
});

test('every statistical term the report uses is in its glossary, defined once; a term left out is caught', () => {
  assert.deepEqual(undefinedTerms(body, report.glossary.map((e) => e.term)), []);
  assert.equal(new Set(report.glossary.map((e) => e.term)).size, report.glossary.length);
  for (const term of ['p-value', 'Holm adjustment', 'Prediction test (t, degrees of freedom)', 'Exact interval (Clopper–Pearson)', 'Chance similarity (derangements)', 'Excess', 'Empirical p', 'ROUGE-L F1']) assert.ok(report.glossary.some((e) => e.term === term), term);
  // The check itself: without Holm's entry, every "Holm" of the report is named.
  const withoutHolm = report.glossary.map((e) => e.term).filter((t) => t !== 'Holm adjustment');
  assert.ok(undefinedTerms(body, withoutHolm).some((m) => m.startsWith('Holm')));
  assert.deepEqual(undefinedTerms('Its median was significant (odds ratio 3).', GLOSSARY.map((e) => e.term)).map((m) => m.split(' (')[0]), ['significan', 'median', 'odds']);
});
