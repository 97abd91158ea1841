import { chunksOfRows } from '../../shared/log-store/log-chunks';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { naturalExperiment } from '../../shared/analysis/natural-experiment';
import { MATCH_METHODS, matchPrompts, normalisePrompt, type MatchMethod } from '../../shared/analysis/prompt-matching';
import { sha256Hex } from '../../shared/hash';
import { LogParser, detectLogSettings } from '../../shared/import/log-import';
import { joinAnswers, parseAnswers, type AnswerFile } from '../../shared/import/pairs-import';
import type { LogEntry } from '../../shared/model/records';

const CASE = 'case0000001';
const answers = (role: AnswerFile['role'], model: string, i: number): AnswerFile => ({ role, sourceId: `source${String(i).padStart(6, '0')}`, fileName: model, answers: parseAnswers(readFileSync(`fixtures/demo/answers-${model}.json`, 'utf8')).answers });
const PAIRS = joinAnswers(CASE, [answers('original', 'atlas-2-large', 0), answers('suspect', 'lumen-7b-instruct', 1)], 'id').pairs;

function harvestRows(): LogEntry[] {
  const text = readFileSync('fixtures/demo/harvest-2025Q4.jsonl', 'utf8');
  const parser = new LogParser(detectLogSettings(text), { caseId: CASE, sourceId: 'harvest00001' });
  return [...parser.push(text).entries, ...parser.end().entries];
}
const TRUTH = JSON.parse(readFileSync('fixtures/demo/harvest-truth.json', 'utf8')) as Record<string, string>;
const expected = (planted: string): MatchMethod => (planted === 'hash-normalised' ? 'hash' : (planted as MatchMethod));

test('every planted way of logging a prompt is found by its method, and nothing else is matched', async () => {
  const rows = harvestRows();
  assert.equal(rows.length, 60 + Object.keys(TRUTH).filter((id) => PAIRS.some((p) => p.promptId === id) || id === 'en-005').length);
  const result = await matchPrompts(PAIRS, chunksOfRows(rows));
  const found = new Map(result.matches.map((m) => [m.promptId, m]));
  const planted = Object.entries(TRUTH).filter(([id]) => PAIRS.some((p) => p.promptId === id));
  // Recall, per planted way: every harvested prompt is found, by the method that matches how it was logged.
  const byWay = new Map<string, { found: number; of: number }>();
  for (const [id, way] of planted) {
    const entry = byWay.get(way) ?? { found: 0, of: 0 };
    entry.of++;
    if (found.get(id)?.methods.includes(expected(way))) entry.found++;
    byWay.set(way, entry);
  }
  // Recall seen: 1 for every way (24 templated, 25 of each other); precision 1. The typos are held to 0.9 only:
  // MinHash estimates a similarity near 0.8, and an estimate can fall under the 0.7 threshold.
  for (const [way, { found: hit, of }] of byWay) {
    if (way === 'near') assert.ok(hit / of >= 0.9, `near-duplicates: ${hit} of ${of} found`);
    else assert.equal(hit, of, `${way}: ${hit} of ${of} found`);
  }
  // Precision: every match is a planted prompt, found by the method of its planting.
  for (const m of result.matches) assert.equal(m.methods[0], expected(TRUTH[m.promptId]!), m.promptId);
  assert.ok(result.matches.every((m) => m.methods.length === 1 && m.rows.length === 1));
  assert.equal(result.matchedPairs + result.unmatchedPairs, PAIRS.length);
  assert.deepEqual(Object.keys(result.byMethod), [...MATCH_METHODS]);

  const templated = result.matches.find((m) => m.methods[0] === 'template')!;
  assert.match(templated.rows[0]!.template!, /^you are a helpful expert\. task \d+: <prompt> think step by step/);
  const near = result.matches.find((m) => m.methods[0] === 'near')!;
  assert.ok(near.rows[0]!.similarity! >= 0.7 && near.rows[0]!.similarity! < 1);
  assert.equal(found.get('en-001')!.networks[0], '198.18.7.0/24');
  assert.ok(found.get('en-001')!.accounts[0]!.startsWith('acct_h'));
});

test('only the chosen methods count', async () => {
  const rows = harvestRows();
  const exactOnly = await matchPrompts(PAIRS, chunksOfRows(rows), { methods: ['exact'], nearThreshold: 0.7, templateMinWords: 5 });
  assert.ok(exactOnly.matches.every((m) => m.methods.join() === 'exact'));
  assert.deepEqual([exactOnly.byMethod.normalised, exactOnly.byMethod.hash, exactOnly.byMethod.template, exactOnly.byMethod.near], [0, 0, 0, 0]);
  const all = await matchPrompts(PAIRS, chunksOfRows(rows));
  assert.ok(exactOnly.matchedPairs < all.matchedPairs);
});

test('the near-duplicate similarity estimates the Jaccard similarity of the 4-gram sets, and finds every close edit', async () => {
  const grams = (text: string) => {
    const n = normalisePrompt(text);
    return new Set(Array.from({ length: Math.max(1, n.length - 3) }, (_, i) => n.slice(i, i + 4)));
  };
  const jaccard = (a: Set<string>, b: Set<string>) => {
    let shared = 0;
    for (const g of a) if (b.has(g)) shared++;
    return shared / (a.size + b.size - shared);
  };
  // Edits of growing size to each prompt: a dropped word, two, a clause added, words swapped.
  const edits = [(w: string[]) => w.slice(1), (w: string[]) => w.slice(0, -2), (w: string[]) => [...w, 'please', 'answer', 'briefly'], (w: string[]) => [w[1]!, w[0]!, ...w.slice(2)]];
  const rows: LogEntry[] = [];
  const truth: { pairId: string; exact: number }[] = [];
  for (const pair of PAIRS.filter((p) => p.prompt.split(' ').length >= 8)) {
    for (const edit of edits) {
      const prompt = edit(pair.prompt.split(' ')).join(' ');
      truth.push({ pairId: pair.id, exact: jaccard(grams(pair.prompt), grams(prompt)) });
      rows.push({ caseId: CASE, sourceId: 'edits0000001', line: rows.length + 1, ts: null, tsText: '', raw: '', prompt });
    }
  }
  const result = await matchPrompts(PAIRS, chunksOfRows(rows), { methods: ['near'], nearThreshold: 0, templateMinWords: 5 });
  const estimate = new Map(result.matches.flatMap((m) => m.rows.map((r) => [r.ref.line, { pairId: m.pairId, similarity: r.similarity! }] as const)));
  const errors: number[] = [];
  truth.forEach(({ pairId, exact }, i) => {
    const found = estimate.get(i + 1);
    if (exact >= 0.8) assert.equal(found?.pairId, pairId, `row ${i + 1} (Jaccard ${exact.toFixed(2)}) not found`);
    if (found?.pairId === pairId) errors.push(Math.abs(found.similarity - exact));
  });
  // 100 bins: the standard error of one estimate is at most 0.05; seen here, a mean error of about 0.03.
  // 100 bins: the standard error of one estimate is at most 0.05. Seen: every edit at 0.75 or more found, the
  // 42 of 400 missed all at 0.74 or less; over the 358 found, a mean error of 0.032 and a largest of 0.12.
  assert.ok(errors.length >= 300, `${errors.length} of ${truth.length} edits found`);
  const meanError = errors.reduce((a, b) => a + b, 0) / errors.length;
  assert.ok(meanError < 0.05, `mean error ${meanError.toFixed(3)}`);
  assert.ok(Math.max(...errors) < 0.2, `largest error ${Math.max(...errors).toFixed(3)}`);
});

test('a log holding the hash of the exact prompt or of its normalised form is matched by either', async () => {
  const pair = PAIRS[0]!;
  const row = (line: number, promptHash: string): LogEntry => ({ caseId: CASE, sourceId: 'hashes000001', line, ts: 0, tsText: '', promptHash, raw: '' });
  const result = await matchPrompts([pair], chunksOfRows([row(1, sha256Hex(pair.prompt).toUpperCase()), row(2, sha256Hex(normalisePrompt(pair.prompt))), row(3, sha256Hex('something else'))]), { methods: ['hash'], nearThreshold: 0.7, templateMinWords: 5 });
  assert.deepEqual(result.matches[0]!.rows.map((r) => r.ref.line), [1, 2]);
});

test('the natural experiment: the difference in differences against values worked out by hand', () => {
  const p = (pairId: string, suspect: number, panelMean: number) => ({ pairId, suspect, panelMean });
  // Leads (suspect − panel): harvested 0.3, 0.5 (mean 0.4); others 0.1, 0.0, 0.2 (mean 0.1). Difference 0.3.
  const prompts = [p('a', 0.6, 0.3), p('b', 0.7, 0.2), p('c', 0.4, 0.3), p('d', 0.3, 0.3), p('e', 0.5, 0.3)];
  const result = naturalExperiment(prompts, new Set(['a', 'b']), 1)!;
  assert.ok(Math.abs(result.difference - 0.3) < 1e-12);
  assert.ok(Math.abs(result.suspectGap - (0.65 - 0.4)) < 1e-12);
  assert.ok(Math.abs(result.panelGap - (0.25 - 0.3)) < 1e-12);
  // Of the 10 ways to pick 2 of 5 as harvested, only {a, b} gives a difference as large: p ≈ 1/10.
  assert.ok(Math.abs(result.pValue - 0.1) < 0.02, String(result.pValue));
  assert.ok(result.ci95[0] <= result.difference && result.difference <= result.ci95[1]);
  assert.equal(naturalExperiment(prompts, new Set(['a']), 1), null, 'a group of one says nothing');
  const none = naturalExperiment(prompts.map((x) => ({ ...x, suspect: x.panelMean + 0.1 })), new Set(['a', 'b']), 1)!;
  assert.match(none.sentence, /^No gap/);
});
