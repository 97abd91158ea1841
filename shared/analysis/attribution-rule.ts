import { count } from '../text/count';
import type { PlanStatus } from './attribution-plan';
import { holm, normalUpperTail, studentTUpperTail } from './statistics';
import type { SimilarityTable } from './similarity-table';
import { fixed, pValue } from './format-figures';

/**
 * The version of the decision rule below. A change to the rule changes it,
 * and the method's validation record (method-validation.ts, made by
 * `npm run validate:attribution`) must then be made anew: a test fails
 * while the record's version differs.
 */
export const ATTRIBUTION_METHOD_VERSION = 2;

/** What an attribution concludes: one value, which every surface (JSON, banner, finding, bundle) reads. */
export type Conclusion = 'consistent-with-derivation' | 'criterion-met-exploratory' | 'not-distinguishable' | 'insufficient-panel' | 'suspect-predates-original';

export const CONCLUSION_LABELS: Record<Conclusion, string> = {
  'consistent-with-derivation': 'Consistent with derivation',
  'criterion-met-exploratory': 'Criterion met; nothing concluded',
  'not-distinguishable': 'Not distinguishable from unrelated models',
  'insufficient-panel': 'Panel too small; nothing concluded',
  'suspect-predates-original': 'Suspect predates the original; derivation cannot be shown',
};

/**
 * The fewest reference models the rule runs with: with one left out, the
 * rest (at least three) still measure a spread on two degrees of freedom.
 */
export const RULE_MIN_PANEL = 4;

/**
 * One model's mean similarity to the original judged against the
 * reference models' own, treating the references as a sample of unrelated
 * models: if the model is one more draw from the same (normal) distribution,
 * t = (value − panel mean) / (panel sd · √(1 + 1/K)) has Student's t
 * distribution with K − 1 degrees of freedom (a one-sided prediction-interval
 * test). The null is "an unrelated model", not "zero similarity".
 */
export interface PanelTest {
  value: number;
  panelMean: number;
  panelSd: number;
  t: number;
  df: number;
  /** One-sided; NaN where the panel cannot measure a spread (fewer than two models, or all equal). */
  pValue: number;
  /** 1 + the number of references at or above the value. */
  rank: number;
}

export function panelPredictionTest(value: number, panel: readonly number[]): PanelTest {
  const k = panel.length;
  const panelMean = k ? panel.reduce((a, b) => a + b, 0) / k : NaN;
  const panelSd = k > 1 ? Math.sqrt(panel.reduce((s, v) => s + (v - panelMean) ** 2, 0) / (k - 1)) : NaN;
  // Equal values leave a rounding residue, not a spread: below 1e-12 there is none to test against.
  const t = panelSd > 1e-12 ? (value - panelMean) / (panelSd * Math.sqrt(1 + 1 / k)) : NaN;
  const p = studentTUpperTail(t, k - 1);
  return { value, panelMean, panelSd, t, df: k - 1, pValue: Number.isNaN(p) ? NaN : Math.max(Number.MIN_VALUE, p), rank: 1 + panel.filter((v) => v >= value).length };
}

/** The suspect's own side: is its answer closer to the original's than to this reference model's? */
export interface SuspectSideTest {
  model: string;
  /** Mean similarity of the suspect's answers to the original's, and to this model's. */
  toOriginal: number;
  toReference: number;
  /** One-sided paired z-test over prompts of the difference, and its p Holm-adjusted over the panel. */
  z: number;
  pValue: number;
  adjustedP: number;
}

export type RuleCheck = 'panel' | 'equal-length' | 'leave-one-out' | 'suspect-side';

/** Everything the rule asks of one model tested as the suspect, and which checks it failed. */
export interface RuleOutcome {
  model: string;
  raw: PanelTest;
  equalLength: PanelTest;
  /** Each reference left out in turn: the p of the raw and of the equal-length test against the rest. */
  leaveOneOut: { left: string; raw: number; equalLength: number }[];
  suspectSide: SuspectSideTest[];
  failed: RuleCheck[];
  met: boolean;
}

function pairedZ(a: Float64Array, b: Float64Array): { z: number; p: number } {
  let n = 0;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    if (Number.isNaN(d)) continue;
    n++;
    sum += d;
    sumSq += d * d;
  }
  const meanD = n ? sum / n : NaN;
  const sd = n > 1 ? Math.sqrt(Math.max(0, (sumSq - n * meanD * meanD) / (n - 1))) : NaN;
  const z = sd > 0 ? meanD / (sd / Math.sqrt(n)) : meanD > 0 ? Infinity : meanD < 0 ? -Infinity : 0;
  return { z, p: Math.max(Number.MIN_VALUE, normalUpperTail(z)) };
}

const below = (p: number, alpha: number) => !Number.isNaN(p) && p < alpha;

/**
 * The decision rule, written once and applied alike to the suspect, to
 * each reference model tested against the rest, and to every known
 * negative and known-derived model. A model meets it only if all four
 * checks hold at level α (an intersection–union test: each must reject on
 * its own, so the whole keeps its size α without a correction):
 * 1. panel: it ranks first and the prediction test against the panel's
 *    spread rejects;
 * 2. equal-length: the same on answers cut to equal length;
 * 3. leave-one-out: both tests still reject with any one reference left out;
 * 4. suspect-side: its answers are closer to the original's than to each
 *    reference model's (paired z-tests over prompts, Holm): a model close to
 *    every assistant is a hub, not a copy (after Nikolić, Baluta and Saxena,
 *    "Model Provenance Testing for Large Language Models", NeurIPS 2025).
 */
export function applyRule(table: SimilarityTable, original: string, model: string, references: readonly string[], alpha: number): RuleOutcome {
  const mean = (kind: 'raw' | 'equalLength', m: string) => table.mean(kind, original, m);
  const test = (kind: 'raw' | 'equalLength', panel: readonly string[]) => panelPredictionTest(mean(kind, model), panel.map((r) => mean(kind, r)));
  const raw = test('raw', references);
  const equalLength = test('equalLength', references);
  const leaveOneOut = references.map((left) => {
    const rest = references.filter((r) => r !== left);
    return { left, raw: test('raw', rest).pValue, equalLength: test('equalLength', rest).pValue };
  });
  const toOriginal = table.values('raw', original, model);
  const sides = references.map((r) => ({ model: r, toOriginal: mean('raw', model), toReference: table.mean('raw', r, model), ...pairedZ(toOriginal, table.values('raw', r, model)) }));
  const adjusted = holm(sides.map((s) => s.p));
  const suspectSide = sides.map(({ p, ...s }, i) => ({ ...s, pValue: p, adjustedP: adjusted[i]! }));
  const failed: RuleCheck[] = [];
  if (!(raw.rank === 1 && below(raw.pValue, alpha))) failed.push('panel');
  if (!(equalLength.rank === 1 && below(equalLength.pValue, alpha))) failed.push('equal-length');
  if (!leaveOneOut.every((l) => below(l.raw, alpha) && below(l.equalLength, alpha))) failed.push('leave-one-out');
  if (!suspectSide.every((s) => below(s.adjustedP, alpha))) failed.push('suspect-side');
  return { model, raw, equalLength, leaveOneOut, suspectSide, failed, met: references.length >= RULE_MIN_PANEL && failed.length === 0 };
}

/** The rule run on models known not to derive from the original (and on known-derived ones, where the case has them). */
export interface Calibration {
  /** Each reference model tested as if it were the suspect, against the rest of the panel. */
  references: { model: string; met: boolean }[];
  /** Each model the plan names as a known negative, tested against the whole panel. */
  knownNegatives: { model: string; met: boolean }[];
  knownDerived: { model: string; met: boolean }[];
  /** Whether every reference could be tested against at least RULE_MIN_PANEL others. */
  ran: boolean;
  /** Known-unrelated models (references and known negatives) the rule flagged. */
  falsePositives: string[];
  sentence: string;
}


export function calibrate(table: SimilarityTable, original: string, roles: { references: readonly string[]; knownNegatives: readonly string[]; knownDerived: readonly string[] }, alpha: number): Calibration {
  const { references, knownNegatives, knownDerived } = roles;
  const ran = references.length >= RULE_MIN_PANEL + 1;
  const run = (models: readonly string[], panelOf: (m: string) => readonly string[]) => models.map((model) => ({ model, met: applyRule(table, original, model, panelOf(model), alpha).met }));
  const refs = ran ? run(references, (m) => references.filter((r) => r !== m)) : [];
  const negatives = run(knownNegatives, () => references);
  const derived = run(knownDerived, () => references);
  const falsePositives = [...refs, ...negatives].filter((x) => x.met).map((x) => x.model);
  const tested = [
    ran ? `${count(references.length, 'reference model')} each against the rest of the panel` : null,
    knownNegatives.length ? `${count(knownNegatives.length, 'known negative')} named by the plan against the whole panel` : null,
  ].filter(Boolean);
  const sentence = [
    tested.length
      ? `Run the same way on ${tested.join(' and ')}, the rule flagged ${falsePositives.length} of ${refs.length + negatives.length} known-unrelated models${falsePositives.length ? ` (${falsePositives.join(', ')})` : ''}.`
      : `The panel has too few reference models to test each against the rest (the rule needs ${RULE_MIN_PANEL} besides the one tested), and the plan names no known negative: the rule has not been calibrated in this case.`,
    knownDerived.length ? `It flagged ${derived.filter((d) => d.met).length} of ${count(knownDerived.length, 'known-derived model')}.` : 'The case holds no known-derived model, so how often the rule finds a real derivation is measured only by the method’s validation on public models.',
  ].join(' ');
  return { references: refs, knownNegatives: negatives, knownDerived: derived, ran: ran || knownNegatives.length > 0, falsePositives, sentence };
}

/** Which of the two models came first, from the dates the plan gives (a month covers every day of it). */
export type ReleaseOrder = 'missing' | 'suspect-first' | 'original-first' | 'undetermined';

const firstDay = (date: string) => (date.length === 7 ? `${date}-01` : date);
const lastDay = (date: string) => (date.length === 7 ? `${date}-31` : date);

export function releaseOrder(original: string | undefined, suspect: string | undefined): ReleaseOrder {
  if (!original || !suspect) return 'missing';
  if (lastDay(suspect) < firstDay(original)) return 'suspect-first';
  if (firstDay(suspect) > lastDay(original)) return 'original-first';
  return 'undetermined';
}

/** The whole decision for one suspect: the rule, its calibration, the dates, and the conclusion the gate allows. */
export interface AttributionDecision {
  checks: RuleOutcome;
  calibration: Calibration;
  dates: { original?: string; suspect?: string; order: ReleaseOrder };
  conclusion: Conclusion;
  /** Why a rule that was met concludes nothing; empty otherwise. */
  unmet: string[];
  sentence: string;
}

export interface DecisionInput {
  original: string;
  suspect: string;
  references: readonly string[];
  knownNegatives: readonly string[];
  knownDerived: readonly string[];
  released: ReadonlyMap<string, string>;
  alpha: number;
  minPanel: number;
  status: PlanStatus;
  /** The measure's name, for the sentence. */
  label: string;
}

const p = (x: number) => (pValue(x).startsWith('<') ? `p ${pValue(x)}` : `p = ${pValue(x)}`);

/** Why the rule was not met, one phrase per failed check, with its figure. */
function failures(c: RuleOutcome, label: string, alpha: number): string[] {
  return c.failed.map((check) => {
    switch (check) {
      case 'panel':
        return c.raw.rank > 1
          ? `on ${label} it ranks ${c.raw.rank} of ${c.raw.df + 2} among the reference models`
          : `its mean ${label} to the original (${c.raw.value.toFixed(3)}) is within the spread of the reference models' (mean ${c.raw.panelMean.toFixed(3)}, standard deviation ${c.raw.panelSd.toFixed(3)}; prediction test t = ${c.raw.t.toFixed(2)} on ${c.raw.df} degrees of freedom, ${p(c.raw.pValue)}, not under α = ${alpha})`;
      case 'equal-length':
        return c.equalLength.rank > 1
          ? `with each answer and the original's cut to the shorter one's length it ranks ${c.equalLength.rank}`
          : `at equal length its lead is within the panel's spread (${p(c.equalLength.pValue)})`;
      case 'leave-one-out': {
        const worst = [...c.leaveOneOut].sort((a, b) => Math.max(b.raw, b.equalLength) - Math.max(a.raw, a.equalLength))[0]!;
        return `with ${worst.left} left out of the panel its lead is within the rest's spread (${p(Math.max(worst.raw, worst.equalLength))})`;
      }
      case 'suspect-side': {
        const worst = [...c.suspectSide].sort((a, b) => b.adjustedP - a.adjustedP)[0]!;
        return `its answers are not shown to be closer to the original's than to ${worst.model}'s (${worst.toOriginal.toFixed(3)} against ${worst.toReference.toFixed(3)}, Holm-adjusted ${p(worst.adjustedP)}): a model close to many assistants is not thereby a copy of one`;
      }
    }
  });
}

/**
 * The one gate every surface reads. "Consistent with derivation" only when
 * the rule is met, the plan was recorded before the suspect's answers were
 * imported, both release dates are given and put the suspect after the
 * original, and the rule, run on the case's known-unrelated models, flagged
 * none of them. Otherwise: the suspect predates the original, the panel is
 * too small, not distinguishable, or "criterion met, nothing concluded".
 */
export function decideAttribution(table: SimilarityTable, input: DecisionInput): AttributionDecision {
  const { original, suspect, references, alpha, label } = input;
  const checks = applyRule(table, original, suspect, references, alpha);
  const calibration = calibrate(table, original, input, alpha);
  const dates = { ...(input.released.has(original) && { original: input.released.get(original)! }), ...(input.released.has(suspect) && { suspect: input.released.get(suspect)! }), order: releaseOrder(input.released.get(original), input.released.get(suspect)) };
  const needed = Math.max(input.minPanel, RULE_MIN_PANEL);
  const decided = (conclusion: Conclusion, sentence: string, unmet: string[] = []): AttributionDecision => ({ checks, calibration, dates, conclusion, unmet, sentence });

  if (dates.order === 'suspect-first') {
    return decided('suspect-predates-original', `${suspect} (released or first seen ${dates.suspect}) predates ${original} (${dates.original}). A model cannot have been trained on the answers of a model released after it, and similarity is symmetric: it cannot say which of two models learnt from the other. These figures therefore cannot show that ${suspect} derives from ${original}, and no conclusion on derivation is drawn.`);
  }
  if (references.length < needed) {
    return decided('insufficient-panel', `The panel has ${count(references.length, 'reference model')}, fewer than the ${needed} ${input.minPanel >= RULE_MIN_PANEL ? 'the plan requires' : 'the rule requires'}: no conclusion is drawn.`);
  }
  if (!checks.met) {
    return decided('not-distinguishable', `${suspect} is not distinguishable from the unrelated reference models: ${failures(checks, label, alpha).join('; ')}.`);
  }
  const met = `on ${label} its similarity to ${original} is beyond the spread of ${count(references.length, 'unrelated reference model')} (prediction test t = ${checks.raw.t.toFixed(2)} on ${checks.raw.df} degrees of freedom, ${p(checks.raw.pValue)}), at equal length too (${p(checks.equalLength.pValue)}), with any one reference left out, and its answers are closer to ${original}'s than to any reference model's`;
  const unmet = [
    input.status !== 'pre-registered' ? (input.status === 'exploratory' ? 'no analysis plan was recorded' : "the plan was recorded after the suspect's answers were imported") : null,
    dates.order === 'missing' ? `the plan does not give the release dates of both ${original} and ${suspect}` : null,
    dates.order === 'undetermined' ? `the dates given (${dates.original} and ${dates.suspect}) do not establish that ${suspect} came after ${original}` : null,
    !calibration.ran ? 'the rule could not be run on known-unrelated models in this case' : null,
    calibration.falsePositives.length ? `run on this case's known-unrelated models the rule flagged ${calibration.falsePositives.join(', ')}, so on this panel it does not separate derived from unrelated models` : null,
  ].filter((x): x is string => x !== null);
  if (unmet.length) return decided('criterion-met-exploratory', `${suspect} meets the rule's criterion: ${met}. Nothing is concluded on derivation, because ${unmet.join('; ')}.`, unmet);
  return decided(
    'consistent-with-derivation',
    `${suspect}'s answers are consistent with derivation from ${original}'s: ${met}. ${suspect} was released after ${original} (${dates.suspect}; ${original} ${dates.original}), the plan was recorded before ${suspect}'s answers were imported, and run on this case's known-unrelated models the rule flagged none. Similarity cannot exclude a common source both learnt from.`,
  );
}

/** The rule's four checks for one model as rows a report prints: what was tested, its figure, and whether it holds. */
export function describeChecks(c: RuleOutcome, alpha: number): { check: string; figure: string; holds: boolean }[] {
  const worstOut = [...c.leaveOneOut].sort((a, b) => Math.max(b.raw, b.equalLength) - Math.max(a.raw, a.equalLength))[0];
  const worstSide = [...c.suspectSide].sort((a, b) => b.adjustedP - a.adjustedP)[0];
  const test = (t: PanelTest) => `${fixed(t.value)} against the panel's ${fixed(t.panelMean)} ± ${fixed(t.panelSd)} (sd); rank ${t.rank}; t = ${fixed(t.t, 2)} on ${t.df} df, ${p(t.pValue)}`;
  return [
    { check: 'Beyond the spread of the reference models (prediction test)', figure: test(c.raw), holds: !c.failed.includes('panel') },
    { check: "The same with each answer and the original's cut to equal length", figure: test(c.equalLength), holds: !c.failed.includes('equal-length') },
    { check: 'The same with any one reference model left out', figure: worstOut ? `largest p ${pValue(Math.max(worstOut.raw, worstOut.equalLength))}, without ${worstOut.left}` : 'no reference to leave out', holds: !c.failed.includes('leave-one-out') },
    { check: "Closer to the original's answers than to each reference model's (suspect's side)", figure: worstSide ? `weakest: ${worstSide.toOriginal.toFixed(3)} against ${worstSide.toReference.toFixed(3)} for ${worstSide.model}, Holm-adjusted ${p(worstSide.adjustedP)}` : 'no reference', holds: !c.failed.includes('suspect-side') },
  ].map((row) => ({ ...row, figure: `${row.figure} (α = ${alpha})` }));
}
