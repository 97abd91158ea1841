import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyRule, calibrate, CONCLUSION_LABELS, decideAttribution, panelPredictionTest, releaseOrder, RULE_MIN_PANEL, type Conclusion, type DecisionInput } from '../../shared/analysis/attribution-rule';
import type { SimilarityKind, SimilarityTable } from '../../shared/analysis/similarity-table';
import { studentTUpperTail } from '../../shared/analysis/statistics';

const PROMPTS = 400;

/**
 * A similarity table from mean values: each pair's vector is its mean plus
 * a fixed zero-mean wobble, so means are exact and paired tests have a
 * spread. `means` is keyed "reference>candidate" (either order); missing
 * equal-length values are the raw ones.
 */
function tableOf(raw: Record<string, number>, equal: Record<string, number> = {}): SimilarityTable {
  const wobble = Float64Array.from({ length: PROMPTS }, (_, i) => (i % 2 ? 1 : -1) * (0.02 + 0.01 * ((i >> 1) % 3)));
  const lookup = (kind: SimilarityKind, a: string, b: string) => {
    const from = (m: Record<string, number>) => m[`${a}>${b}`] ?? m[`${b}>${a}`];
    const v = kind === 'equalLength' ? (from(equal) ?? from(raw)) : from(raw);
    if (v === undefined) throw new Error(`no value for ${a}>${b}`);
    return v;
  };
  return {
    prompts: PROMPTS,
    values: (kind, a, b) => wobble.map((w) => lookup(kind, a, b) + w),
    mean: (kind, a, b) => lookup(kind, a, b),
  };
}

const REFS = ['r1', 'r2', 'r3', 'r4', 'r5'];
const PANEL = { r1: 0.2, r2: 0.21, r3: 0.22, r4: 0.23, r5: 0.24 };

/** The original's row: the suspect and the panel; every model's similarity to each reference (the suspect's side) is 0.2 unless given. */
function caseTable(suspect: number, options: { equal?: Record<string, number>; side?: Record<string, number>; extra?: Record<string, number> } = {}): SimilarityTable {
  const raw: Record<string, number> = { 'o>s': suspect, ...Object.fromEntries(Object.entries(PANEL).map(([r, v]) => [`o>${r}`, v])), ...options.extra };
  for (const model of ['s', ...REFS, 'n', 'd']) for (const r of REFS) if (model !== r && raw[`${r}>${model}`] === undefined && raw[`${model}>${r}`] === undefined) raw[`${r}>${model}`] = options.side?.[`${r}>${model}`] ?? 0.2;
  return tableOf(raw, options.equal ?? {});
}

const input = (over: Partial<DecisionInput> = {}): DecisionInput => ({
  original: 'o',
  suspect: 's',
  references: REFS,
  knownNegatives: [],
  knownDerived: [],
  released: new Map([['o', '2025-03'], ['s', '2025-09-01']]),
  alpha: 0.05,
  minPanel: 5,
  status: 'pre-registered',
  label: 'ROUGE-L F1',
  ...over,
});

test("Student's t upper tail matches scipy.stats.t.sf to 1e-12", () => {
  // Values from scipy 1.x: t.sf(t, df).
  for (const [t, df, expected] of [
    [2.132, 4, 0.04999138636957074],
    [4.2093, 10, 0.0009009599887090221],
    [1.6, 4, 0.09242457263217436],
    [30, 8, 8.26762837589488e-10],
    [-1, 3, 0.8044988905221148],
    [100, 3, 1.1022609615924553e-6],
  ] as const) {
    const p = studentTUpperTail(t, df);
    assert.ok(Math.abs(p - expected) / expected < 1e-12, `t = ${t}, df = ${df}: ${p} against ${expected}`);
  }
  assert.equal(studentTUpperTail(0, 5), 0.5);
  assert.ok(Number.isNaN(studentTUpperTail(1, 0)));
});

test('the prediction test judges a value against the panel’s spread with K − 1 degrees of freedom, and says when the panel has none', () => {
  const t = panelPredictionTest(0.245, [0.234, 0.21, 0.2, 0.19, 0.23]);
  const mean = (0.234 + 0.21 + 0.2 + 0.19 + 0.23) / 5;
  const sd = Math.sqrt([0.234, 0.21, 0.2, 0.19, 0.23].reduce((s, v) => s + (v - mean) ** 2, 0) / 4);
  assert.ok(Math.abs(t.t - (0.245 - mean) / (sd * Math.sqrt(1.2))) < 1e-12);
  assert.equal(t.df, 4);
  assert.equal(t.rank, 1);
  assert.ok(Math.abs(t.pValue - studentTUpperTail(t.t, 4)) < 1e-15);
  // The case: a lead of 0.011 over the best reference, which a paired z-test over prompts calls z = 3.7, is well within the spread of unrelated models.
  assert.ok(t.pValue > 0.05, `p = ${t.pValue}`);
  assert.ok(Number.isNaN(panelPredictionTest(0.3, [0.2, 0.2, 0.2]).pValue), 'no spread, no test');
  assert.ok(Number.isNaN(panelPredictionTest(0.3, [0.2]).pValue));
});

test('a suspect beyond the panel, at equal length too, with any reference left out and closest to the original, released after it under a plan recorded first: consistent with derivation', () => {
  const d = decideAttribution(caseTable(0.3), input());
  assert.equal(d.conclusion, 'consistent-with-derivation', d.sentence);
  assert.deepEqual(d.checks.failed, []);
  assert.equal(d.checks.leaveOneOut.length, 5);
  assert.equal(d.calibration.falsePositives.length, 0);
  assert.match(d.sentence, /^s's answers are consistent with derivation from o's/);
  assert.match(d.sentence, /prediction test t = \d+\.\d\d on 4 degrees of freedom/);
});

test('each check alone keeps the conclusion from “consistent”, and the sentence names it', () => {
  // Within the spread: the lead is real against each model, not against unrelated models in general.
  const within = decideAttribution(caseTable(0.255), input());
  assert.equal(within.conclusion, 'not-distinguishable');
  assert.deepEqual(within.checks.failed.slice(0, 1), ['panel']);
  assert.match(within.sentence, /within the spread of the reference models'.*prediction test t = .* on 4 degrees of freedom/);

  // Length: at equal length the suspect is one of the panel.
  const length = decideAttribution(caseTable(0.3, { equal: { 'o>s': 0.23 } }), input());
  assert.equal(length.conclusion, 'not-distinguishable');
  assert.deepEqual(length.checks.failed, ['equal-length', 'leave-one-out']);
  assert.match(length.sentence, /cut to the shorter one's length it ranks/);

  // Leave-one-out: just beyond a panel of five, not beyond any four of them (t = 2.2 passes on 4 df, not on 3).
  const edge = 0.22 + 2.2 * panelPredictionTest(0, Object.values(PANEL)).panelSd * Math.sqrt(1.2);
  const loo = decideAttribution(caseTable(edge), input());
  assert.equal(loo.conclusion, 'not-distinguishable');
  assert.deepEqual(loo.checks.failed, ['leave-one-out']);
  assert.match(loo.sentence, /with r\d left out of the panel its lead is within the rest's spread/);

  // A hub: closer to the original than any reference is, but closer still to r3.
  const hub = decideAttribution(caseTable(0.3, { side: { 'r3>s': 0.35 } }), input());
  assert.equal(hub.conclusion, 'not-distinguishable');
  assert.deepEqual(hub.checks.failed, ['suspect-side']);
  assert.match(hub.sentence, /not shown to be closer to the original's than to r3's \(0\.300 against 0\.350/);
});

test('time’s direction: a suspect released before the original is never flagged, whatever its figures', () => {
  const d = decideAttribution(caseTable(0.4), input({ released: new Map([['o', '2023-07-11'], ['s', '2023-03']]) }));
  assert.equal(d.checks.met, true, 'the figures alone meet the rule');
  assert.equal(d.conclusion, 'suspect-predates-original');
  assert.match(d.sentence, /s \(released or first seen 2023-03\) predates o \(2023-07-11\)\. .*similarity is symmetric/);
  assert.doesNotMatch(d.sentence, /consistent with derivation/);
  assert.equal(releaseOrder('2023-07', '2023-07-30'), 'undetermined', 'a month covers every day of it');
  assert.equal(releaseOrder('2023-07', '2023-08-01'), 'original-first');
  assert.equal(releaseOrder('2023-07-02', '2023-07-01'), 'suspect-first');
  assert.equal(releaseOrder('2023-07-02', '2023-07-02'), 'undetermined', 'the same day does not put the suspect after');
  assert.equal(releaseOrder(undefined, '2023-07-02'), 'missing');
});

test('the rule met without everything a confirmatory conclusion needs: criterion met, nothing concluded, each reason said', () => {
  const cases: [Partial<DecisionInput>, RegExp][] = [
    [{ released: new Map([['s', '2025-09']]) }, /does not give the release dates of both o and s/],
    [{ released: new Map([['o', '2025-09'], ['s', '2025-09-20']]) }, /do not establish that s came after o/],
    [{ status: 'post-hoc' }, /the plan was recorded after the suspect's answers were imported/],
    [{ status: 'exploratory' }, /no analysis plan was recorded/],
  ];
  for (const [over, reason] of cases) {
    const d = decideAttribution(caseTable(0.3), input(over));
    assert.equal(d.conclusion, 'criterion-met-exploratory');
    assert.match(d.sentence, reason);
    assert.match(d.sentence, /^s meets the rule's criterion: .* Nothing is concluded on derivation, because /);
    assert.doesNotMatch(d.sentence, /consistent with derivation/);
  }
});

test('calibration sees a style-alike the plan names as a known negative: when the rule flags it, nothing is concluded', () => {
  // n writes like the original as much as the suspect does: the rule cannot tell them apart on this panel.
  const table = caseTable(0.3, { extra: { 'o>n': 0.31 } });
  const d = decideAttribution(table, input({ knownNegatives: ['n'] }));
  assert.deepEqual(d.calibration.knownNegatives, [{ model: 'n', met: true }]);
  assert.deepEqual(d.calibration.falsePositives, ['n']);
  assert.equal(d.conclusion, 'criterion-met-exploratory');
  assert.match(d.sentence, /known-unrelated models the rule flagged n/);
  assert.match(d.calibration.sentence, /5 reference models each against the rest of the panel and 1 known negative named by the plan against the whole panel, the rule flagged 1 of 6 known-unrelated models \(n\)/);
  // A known-derived model is counted apart: finding it is what the rule is for.
  const derived = calibrate(caseTable(0.3, { extra: { 'o>d': 0.31 } }), 'o', { references: REFS, knownNegatives: [], knownDerived: ['d'] }, 0.05);
  assert.deepEqual(derived.knownDerived, [{ model: 'd', met: true }]);
  assert.deepEqual(derived.falsePositives, []);
});

test('a panel too small concludes nothing, and a panel of four cannot be calibrated', () => {
  const small = decideAttribution(caseTable(0.3), input({ references: REFS.slice(0, 3), minPanel: 2 }));
  assert.equal(small.conclusion, 'insufficient-panel');
  assert.match(small.sentence, new RegExp(`fewer than the ${RULE_MIN_PANEL} the rule requires`));
  const four = decideAttribution(caseTable(0.3), input({ references: REFS.slice(0, 4), minPanel: 4 }));
  assert.equal(four.checks.met, true);
  assert.equal(four.calibration.ran, false);
  assert.equal(four.conclusion, 'criterion-met-exploratory');
  assert.match(four.sentence, /could not be run on known-unrelated models/);
});

test('the label never says more than the sentence: every conclusion reads the same in both', () => {
  const seen = new Set<Conclusion>();
  for (const suspect of [0.19, 0.25, 0.3, 0.5]) {
    for (const released of [new Map([['o', '2025-03'], ['s', '2025-09']]), new Map([['o', '2025-09'], ['s', '2025-03']]), new Map<string, string>()]) {
      for (const status of ['pre-registered', 'post-hoc'] as const) {
        for (const references of [REFS, REFS.slice(0, 3)]) {
          const d = decideAttribution(caseTable(suspect), input({ released, status, references }));
          seen.add(d.conclusion);
          assert.equal(/consistent with derivation/.test(d.sentence), d.conclusion === 'consistent-with-derivation', `${d.conclusion}: ${d.sentence}`);
          assert.equal(/^s is not distinguishable/.test(d.sentence), d.conclusion === 'not-distinguishable');
          assert.equal(/predates o/.test(d.sentence), d.conclusion === 'suspect-predates-original');
          assert.ok(CONCLUSION_LABELS[d.conclusion]);
        }
      }
    }
  }
  assert.equal(seen.size, 5, `every conclusion was reached: ${[...seen].join(', ')}`);
});

test('the rule is the same for a reference model tested as the suspect: one function, no second copy', () => {
  const table = caseTable(0.3);
  const pseudo = applyRule(table, 'o', 'r5', REFS.filter((r) => r !== 'r5'), 0.05);
  assert.equal(pseudo.met, false);
  assert.equal(pseudo.raw.df, 3);
  const d = decideAttribution(table, input());
  assert.deepEqual(d.calibration.references.find((r) => r.model === 'r5'), { model: 'r5', met: pseudo.met });
});
