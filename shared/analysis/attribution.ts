import type { AnalysisPlan, Marker, ModelRole, OutputPair } from '../model/records';
import { pairOutputs } from '../model/records';
import { stopIfCancelled, type JobControl } from '../jobs';
import { seededRandom } from '../random';
import type { PlanInput, PlanStatus } from './attribution-plan';
import { DEFAULT_CLASSIFIER_SETTINGS, textFeatures, trainClassifier, type SparseText } from './classifier';
import { compileMarkers, findMarkers } from './markers';
import { METRIC_DEFINITIONS, METRIC_LABELS, similarities, textForComparison, type Metric, type PairSettings, type TextForComparison } from './pair-metrics';
import { scriptOf } from './scripts';
import { normalizeText } from './tokens';
import { binomialUpperTail, bootstrapMeanCi, clopperPearson, fisherExactGreater, holm, mean, normalUpperTail } from './statistics';

export type Conclusion = 'consistent-with-derivation' | 'not-distinguishable' | 'insufficient-panel';

/** A figure of one model: its mean similarity to the original, raw and with the confounds taken out. */
export interface ModelFigures {
  model: string;
  role: ModelRole;
  released?: string;
  /** Answers the figures are over. */
  n: number;
  /** Mean similarity to the original's answer to the same prompt, on the primary measure. */
  mean: number;
  /** Mean similarity to the original's answer to a different prompt (the chance level). */
  chance: number;
  /** mean − chance: what answering the same prompt adds. */
  excess: number;
  /** Every compared answer of a prompt cut to the shortest one's length in words. */
  equalLength: number;
  /** Word runs that occur in the prompt taken out of both answers. */
  echoFree: number;
  meanWords: number;
  /** Share of its answers the classifier attributes to the original (held out); absent for the original. */
  classifiedAsOriginal?: number;
}

/** The suspect against one reference model, prompt by prompt. */
export interface CloserRate {
  model: string;
  /** Prompts where the suspect's answer is closer to the original's than this model's is, further, or as close. */
  closer: number;
  further: number;
  ties: number;
  /** closer / (closer + further), with its exact interval and one-sided binomial p (against one half), Holm-adjusted over the panel. */
  rate: number;
  ci95: [number, number];
  pValue: number;
  log10P: number;
  adjustedP: number;
  /** Mean over prompts of (suspect − this model), its z and one-sided p, Holm-adjusted over the panel: what the decision rule tests. */
  meanDifference: number;
  z: number;
  differenceP: number;
  differenceAdjustedP: number;
}

/** What the decision rule found for one model tested as if it were the suspect. */
export interface RuleOutcome {
  model: string;
  flagged: boolean;
  rank: number;
  of: number;
  /** The largest Holm-adjusted p of the mean differences: every one must be under α. */
  worstAdjustedP: number;
}

export interface MarkerFigures {
  label: string;
  kind: Marker['kind'];
  original: number;
  suspect: number;
  /** Answers of all reference models together with the marker, and how many there are. */
  panel: number;
  panelAnswers: number;
  byReference: { model: string; count: number }[];
  pValue: number;
  adjustedP: number;
}

export interface AttributionResult {
  original: string;
  suspect: string;
  plan: { status: PlanStatus; sentence: string; version: number | null; sha256: string | null };
  /** Prompts every original, suspect, reference and known-derived model answered; the figures are over these. */
  prompts: number;
  leftOut: number;
  flagged: { short: number; promptEcho: number };
  references: { model: string; role: ModelRole; released?: string }[];
  models: ModelFigures[];
  primary: {
    measure: Metric;
    label: string;
    definition: string;
    suspect: number;
    nullValues: { model: string; value: number }[];
    rank: number;
    pValue: number;
    minAttainablePValue: number;
    /** Mean over prompts of (suspect − mean of the panel), with a prompt-level bootstrap interval. */
    difference: { mean: number; ci95: [number, number] };
    /** The difference at equal length: the intercept of its regression on the log length ratio. */
    lengthAdjusted: { intercept: number; ci95: [number, number]; slope: number };
    equalLengthRank: number;
    echoFreeRank: number;
    sentence: string;
  };
  closerRates: CloserRate[];
  /**
   * The figures again within each script of the original's answer: the primary mean and rank, the mean lead over
   * the panel with its one-sided paired z-test, the share of prompts where the suspect is closer than the panel's
   * mean, the classifier's mean probabilities, and self-identification counts.
   */
  strata: {
    script: string;
    prompts: number;
    suspect: number;
    panelMax: number;
    rank: number;
    lead: number;
    leadP: number;
    closerThanPanel: number;
    classifierSuspect: number | null;
    classifierPanel: number | null;
    selfIdentification: { suspect: number; panel: number };
  }[];
  classifier: {
    heldOutAccuracy: number;
    ci95: [number, number];
    suspectAsOriginal: number;
    nullAsOriginal: { model: string; share: number }[];
    rank: number;
    pValue: number;
    /** Asked which of the original and the reference models wrote each held-out answer of the suspect (one-vs-rest, the most probable): the share named for each. */
    suspectNamedAs: { model: string; share: number }[];
    sentence: string;
  } | null;
  markers: MarkerFigures[];
  calibration: { derived: RuleOutcome[]; unrelated: RuleOutcome[]; ran: boolean; sentence: string };
  conclusion: Conclusion;
  conclusionSentence: string;
  /** What the figures cannot show, worked out from this analysis: the panel's resolution, error rates, confounds left, the plan's status. */
  limitations: string[];
  rule: string;
  /** Per prompt: the pair, its primary values and its flags, for the pair table. */
  perPrompt: {
    pairId: string;
    promptId: string;
    suspect: number;
    panelMean: number;
    /** Held-out probability the classifier gives the suspect's answer of being the original's, and the panel's mean (each reference judged by a classifier trained without it); absent without a classifier. */
    classifierSuspect?: number;
    classifierPanel?: number;
    short: boolean;
    promptEcho: boolean;
  }[];
  settings: PlanInput & { derangements: number; bootstrapResamples: number; classifier: typeof DEFAULT_CLASSIFIER_SETTINGS; folds: number; repeats: number };
}

const SHORT_WORDS = 20;
const DERANGEMENTS = 3;
const BOOTSTRAP = 2000;
const FOLDS = 2;
const REPEATS = 2;

/** A random permutation of 0..n−1 with no fixed point (n ≥ 2). */
function derangement(n: number, random: () => number): number[] {
  for (;;) {
    const p = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [p[i], p[j]] = [p[j]!, p[i]!];
    }
    if (p.every((v, i) => v !== i)) return p;
  }
}

/** The text cut after its first `words` tokens. */
function truncated(t: TextForComparison, words: number, settings: PairSettings): TextForComparison {
  if (t.tokens.length <= words) return t;
  const text = t.text.slice(0, t.tokens[words - 1]!.end);
  return { text, tokens: t.tokens.slice(0, words), normalized: normalizeText(text, settings) };
}

/** The text without the tokens of any word n-gram it shares with the prompt, and the share of tokens that took. */
function withoutPrompt(t: TextForComparison, promptGrams: Set<string>, n: number): { text: TextForComparison; removed: number } {
  const drop = new Uint8Array(t.tokens.length);
  for (let i = 0; i + n <= t.tokens.length; i++) {
    if (promptGrams.has(t.tokens.slice(i, i + n).map((x) => x.text).join(' '))) drop.fill(1, i, i + n);
  }
  const kept = t.tokens.filter((_, i) => !drop[i]);
  const joined = kept.map((x) => x.text).join(' ');
  let offset = 0;
  const tokens = kept.map((x) => {
    const token = { text: x.text, start: offset, end: offset + x.text.length };
    offset += x.text.length + 1;
    return token;
  });
  return { text: { text: joined, normalized: joined, tokens }, removed: t.tokens.length ? (t.tokens.length - kept.length) / t.tokens.length : 0 };
}

function gramsOf(t: TextForComparison, n: number): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + n <= t.tokens.length; i++) set.add(t.tokens.slice(i, i + n).map((x) => x.text).join(' '));
  return set;
}

/** 1-based rank of `value` among `value` and `others`, ties counted against it. */
const rankOf = (value: number, others: readonly number[]) => 1 + others.filter((o) => o >= value).length;

/**
 * The decision rule, written once and applied the same way to the suspect,
 * to every reference model (left out of the panel in turn) and to every
 * known-derived model: flagged when its mean similarity to the original on
 * the primary measure is above every reference model's, and its mean
 * per-prompt difference from each reference is above zero at a
 * Holm-adjusted one-sided level α (paired z-test over prompts). Closer-rates
 * (sign tests) are reported beside it; they are not the rule, because a
 * model that copies some answers closely and rewrites the rest is closer
 * on average while being closer on fewer than half the prompts.
 */
function applyRule(model: string, values: Float64Array, panel: readonly { model: string; values: Float64Array }[], alpha: number): { outcome: RuleOutcome; rates: CloserRate[] } {
  const rates = panel.map((ref) => {
    let closer = 0;
    let further = 0;
    const differences: number[] = [];
    for (let i = 0; i < values.length; i++) {
      if (values[i]! > ref.values[i]!) closer++;
      else if (values[i]! < ref.values[i]!) further++;
      differences.push(values[i]! - ref.values[i]!);
    }
    const n = closer + further;
    const sign = binomialUpperTail(closer, n);
    const meanDifference = mean(differences);
    const sd = Math.sqrt(differences.reduce((s, d) => s + (d - meanDifference) ** 2, 0) / Math.max(1, differences.length - 1));
    const z = sd > 0 ? meanDifference / (sd / Math.sqrt(differences.length)) : meanDifference > 0 ? Infinity : 0;
    return { model: ref.model, closer, further, ties: values.length - n, rate: n ? closer / n : NaN, ci95: clopperPearson(closer, n), pValue: sign.pValue, log10P: sign.log10P, meanDifference, z, differenceP: Math.max(Number.MIN_VALUE, normalUpperTail(z)) };
  });
  const closerAdjusted = holm(rates.map((r) => r.pValue));
  const differenceAdjusted = holm(rates.map((r) => r.differenceP));
  const withAdjusted = rates.map((r, i) => ({ ...r, adjustedP: closerAdjusted[i]!, differenceAdjustedP: differenceAdjusted[i]! }));
  const rank = rankOf(mean([...values]), panel.map((p) => mean([...p.values])));
  const worstAdjustedP = Math.max(0, ...differenceAdjusted);
  return { outcome: { model, flagged: panel.length > 0 && rank === 1 && worstAdjustedP < alpha, rank, of: panel.length + 1, worstAdjustedP }, rates: withAdjusted };
}

const fmt = (x: number) => x.toFixed(3);

/**
 * The attribution analysis of one suspect against a panel of reference
 * models, under a plan (the case's latest, or the defaults when there is
 * none, labelled exploratory). Pure and deterministic: the same pairs and
 * plan give the same figures.
 */
export function analyzeAttribution(
  pairs: readonly OutputPair[],
  input: { plan: PlanInput; status: { status: PlanStatus; sentence: string }; recorded?: Pick<AnalysisPlan, 'version' | 'sha256'>; markers: readonly Marker[]; markersNote?: string; suspect?: string },
  job?: JobControl,
): AttributionResult | null {
  const { plan } = input;
  const roleOf = new Map(plan.roles.map((r) => [r.model, r]));
  const original = plan.roles.find((r) => r.role === 'original')?.model;
  const suspect = input.suspect ?? plan.roles.find((r) => r.role === 'suspect')?.model;
  if (!original || !suspect) return null;
  const references = plan.roles.filter((r) => r.role === 'reference').map((r) => r.model);
  const derived = plan.roles.filter((r) => r.role === 'known-derived').map((r) => r.model);
  const related = plan.roles.filter((r) => r.role === 'related' || (r.role === 'suspect' && r.model !== suspect)).map((r) => r.model);
  const required = [original, suspect, ...references, ...derived];
  const candidates = [suspect, ...references, ...derived, ...related];

  const sorted = [...pairs].sort((a, b) => a.promptId.localeCompare(b.promptId, 'en', { numeric: true }) || a.prompt.localeCompare(b.prompt));
  const rows = sorted.flatMap((pair) => {
    const byModel = new Map(pairOutputs(pair).map((o) => [o.model, o.text]));
    return required.every((m) => byModel.has(m)) ? [{ pair, byModel }] : [];
  });
  const n = rows.length;
  if (n < 2) return null;
  const settings = plan.settings;
  const metric = plan.primary;
  const raw = candidates.map(() => new Float64Array(n).fill(NaN));
  const equal = candidates.map(() => new Float64Array(n).fill(NaN));
  const echoFree = candidates.map(() => new Float64Array(n).fill(NaN));
  const chance = candidates.map(() => new Float64Array(n).fill(NaN));
  const words = candidates.map(() => new Float64Array(n).fill(NaN));
  const flags = rows.map(() => ({ short: false, promptEcho: false }));
  // Only the originals are kept tokenised (the chance baseline compares with other prompts' originals); each
  // prompt's other answers are tokenised when its turn comes and dropped after, so memory does not grow with the panel.
  const originals = rows.map(({ byModel }) => textForComparison(byModel.get(original)!, settings));
  const random = seededRandom(plan.seed);
  const deranged = Array.from({ length: DERANGEMENTS }, () => derangement(n, random));
  const total = n + FOLDS * REPEATS;
  const strictCount = 1 + references.length + derived.length;
  const phase = `Comparing ${suspect} with the reference panel`;

  for (const [i, { pair, byModel }] of rows.entries()) {
    stopIfCancelled(job, 'The analysis was cancelled');
    const present = candidates.flatMap((m, k) => (byModel.has(m) ? [{ x: textForComparison(byModel.get(m)!, settings), k }] : []));
    const texts = present.map((p) => p.x);
    const record = (into: Float64Array[], values: ArrayLike<number>) => Array.from(values).forEach((v, j) => (into[present[j]!.k]![i] = v));
    record(raw, similarities(metric, originals[i]!, texts, settings));
    present.forEach(({ x, k }) => (words[k]![i] = x.tokens.length));
    // Equal length: every compared answer cut to the shortest of the suspect's, the references' and the known-derived models'.
    const shortest = Math.max(1, Math.min(...present.filter((p) => p.k < strictCount).map((p) => p.x.tokens.length)));
    record(equal, similarities(metric, originals[i]!, texts.map((x) => truncated(x, shortest, settings)), settings));
    const promptGrams = gramsOf(textForComparison(pair.prompt, settings), settings.wordNgram);
    const free = texts.map((x) => withoutPrompt(x, promptGrams, settings.wordNgram));
    record(echoFree, similarities(metric, withoutPrompt(originals[i]!, promptGrams, settings.wordNgram).text, free.map((f) => f.text), settings));
    const chanceSum = new Float64Array(texts.length);
    for (const to of deranged) similarities(metric, originals[to[i]!]!, texts, settings).forEach((v, j) => (chanceSum[j]! += v / DERANGEMENTS));
    record(chance, chanceSum);
    flags[i] = { short: originals[i]!.tokens.length < SHORT_WORDS || texts[0]!.tokens.length < SHORT_WORDS, promptEcho: free[0]!.removed > 0.5 };
    if (i % 50 === 49) job?.progress?.(phase, i + 1, total);
  }

  const meanOf = (xs: Float64Array) => {
    const defined = [...xs].filter((x) => !Number.isNaN(x));
    return defined.length ? mean(defined) : NaN;
  };
  const indexOf = (m: string) => candidates.indexOf(m);
  const panel = references.map((m) => ({ model: m, values: raw[indexOf(m)]! }));
  const suspectValues = raw[0]!;
  const { outcome, rates } = applyRule(suspect, suspectValues, panel, plan.alpha);

  // Classifier: the original against the panel, cross-fitted over prompt folds.
  const classifierResult = (() => {
    if (references.length < 2) return null;
    const features = rows.map(({ byModel }) => new Map([original, ...candidates].filter((m) => byModel.has(m)).map((m) => [m, textFeatures(byModel.get(m)!, DEFAULT_CLASSIFIER_SETTINGS.buckets)])));
    const attributed = new Map<string, { yes: number; of: number }>();
    const count = (key: string, yes: boolean) => {
      const entry = attributed.get(key) ?? { yes: 0, of: 0 };
      entry.yes += yes ? 1 : 0;
      entry.of++;
      attributed.set(key, entry);
    };
    let correct = 0;
    let tested = 0;
    const perPromptSuspect = new Float64Array(n).fill(NaN);
    const perPromptPanel = new Float64Array(n);
    const namedAs = new Map<string, number>();
    const random = seededRandom(plan.seed + 1);
    for (let repeat = 0; repeat < REPEATS; repeat++) {
      const fold = rows.map(() => Math.floor(random() * FOLDS));
      for (let f = 0; f < FOLDS; f++) {
        stopIfCancelled(job, 'The analysis was cancelled');
        const train = features.filter((_, i) => fold[i] !== f);
        const test = features.filter((_, i) => fold[i] === f);
        const testRows = fold.flatMap((g, i) => (g === f ? [i] : []));
        const of = (set: typeof features, m: string) => set.flatMap((x) => (x.has(m) ? [x.get(m)!] : []));
        const trainOn = (panelModels: string[]) => trainClassifier(of(train, original), panelModels.flatMap((m) => of(train, m)), DEFAULT_CLASSIFIER_SETTINGS, plan.seed + repeat * FOLDS + f);
        const full = trainOn(references);
        const isOriginal = (classifier: ReturnType<typeof trainOn>, t: SparseText) => classifier.probability(t) > 0.5;
        // Held-out accuracy: the full classifier on the original's and the panel's answers, each answer once (first repeat).
        const score = (texts: SparseText[], truth: boolean) => {
          if (repeat > 0) return;
          for (const t of texts) correct += isOriginal(full, t) === truth ? 1 : 0;
          tested += texts.length;
        };
        score(of(test, original), true);
        for (const m of references) score(of(test, m), false);
        for (const m of [suspect, ...derived, ...related]) for (const t of of(test, m)) count(m, isOriginal(full, t));
        // Per prompt, for the natural experiment: the suspect's probability (the suspect answered every prompt kept).
        if (repeat === 0) of(test, suspect).forEach((t, j) => (perPromptSuspect[testRows[j]!] = full.probability(t)));
        // Each reference model as a pseudo-suspect, judged by a classifier trained without it: the null.
        for (const m of references) {
          const without = trainOn(references.filter((r) => r !== m));
          for (const t of of(test, m)) count(m, isOriginal(without, t));
          if (repeat === 0) of(test, m).forEach((t, j) => (perPromptPanel[testRows[j]!]! += without.probability(t) / references.length));
        }
        // Which model, of the original and the panel, each of the suspect's answers reads most like (first repeat: each answer named once).
        const writers = repeat === 0 ? [original, ...references] : [];
        const oneVsRest = writers.map((w, k) => trainClassifier(of(train, w), writers.filter((x) => x !== w).flatMap((x) => of(train, x)), DEFAULT_CLASSIFIER_SETTINGS, plan.seed + 1000 * (k + 1) + repeat * FOLDS + f));
        for (const t of writers.length ? of(test, suspect) : []) {
          const scores = oneVsRest.map((c) => c.probability(t));
          const named = writers[scores.indexOf(Math.max(...scores))]!;
          namedAs.set(named, (namedAs.get(named) ?? 0) + 1);
        }
        job?.progress?.(phase, n + repeat * FOLDS + f + 1, total);
      }
    }
    const share = (m: string) => {
      const a = attributed.get(m);
      return a && a.of ? a.yes / a.of : NaN;
    };
    const suspectShare = share(suspect);
    const nullShares = references.map((m) => ({ model: m, share: share(m) }));
    const rank = rankOf(suspectShare, nullShares.map((x) => x.share));
    const accuracy = tested ? correct / tested : NaN;
    const namedTotal = [...namedAs.values()].reduce((a, b) => a + b, 0);
    const namedShare = (m: string) => (namedAs.get(m) ?? 0) / Math.max(1, namedTotal);
    const mostNamed = [...references].sort((a, b) => namedShare(b) - namedShare(a))[0]!;
    return {
      heldOutAccuracy: accuracy,
      ci95: clopperPearson(correct, tested),
      suspectAsOriginal: suspectShare,
      nullAsOriginal: nullShares,
      rank,
      pValue: (1 + nullShares.filter((x) => x.share >= suspectShare).length) / (1 + references.length),
      suspectNamedAs: [original, ...references].map((m) => ({ model: m, share: namedShare(m) })),
      shares: new Map(candidates.map((m) => [m, share(m)])),
      perPrompt: { suspect: perPromptSuspect, panel: perPromptPanel },
      sentence: `Trained to tell the original's answers from the reference models' (held-out accuracy ${fmt(accuracy)}), the classifier attributes ${(100 * suspectShare).toFixed(1)}% of the suspect's answers to the original, against ${nullShares.map((x) => `${(100 * x.share).toFixed(1)}%`).join(', ')} of each reference model's own (each left out of the training in turn); the suspect ranks ${rank} of ${references.length + 1}. Asked which of the original and the ${references.length} reference models wrote each of the suspect's answers, it names the original for ${(100 * namedShare(original)).toFixed(1)}% of them and the reference it names most (${mostNamed}) for ${(100 * namedShare(mostNamed)).toFixed(1)}%.`,
    };
  })();

  const models: ModelFigures[] = candidates.map((m, k) => {
    const role = roleOf.get(m);
    const share = classifierResult?.shares.get(m);
    return {
      model: m,
      role: m === suspect ? 'suspect' : (role?.role ?? 'reference'),
      ...(role?.released ? { released: role.released } : {}),
      n: [...raw[k]!].filter((x) => !Number.isNaN(x)).length,
      mean: meanOf(raw[k]!),
      chance: meanOf(chance[k]!),
      excess: meanOf(raw[k]!) - meanOf(chance[k]!),
      equalLength: meanOf(equal[k]!),
      echoFree: meanOf(echoFree[k]!),
      meanWords: meanOf(words[k]!),
      ...(share !== undefined && !Number.isNaN(share) ? { classifiedAsOriginal: share } : {}),
    };
  });
  const figure = (m: string) => models.find((x) => x.model === m)!;
  const nullValues = references.map((m) => ({ model: m, value: figure(m).mean }));
  const panelMean = rows.map((_, i) => mean(panel.map((p) => p.values[i]!)));
  const differences = rows.map((_, i) => suspectValues[i]! - panelMean[i]!);
  const logRatio = rows.map((_, i) => Math.log(words[0]![i]! + 1) - mean(references.map((m) => Math.log(words[indexOf(m)]![i]! + 1))));
  const regression = (() => {
    const mx = mean(logRatio);
    const my = mean(differences);
    let sxx = 0;
    let sxy = 0;
    logRatio.forEach((x, i) => {
      sxx += (x - mx) ** 2;
      sxy += (x - mx) * (differences[i]! - my);
    });
    const slope = sxx ? sxy / sxx : 0;
    const intercept = my - slope * mx;
    const residual = differences.reduce((s, y, i) => s + (y - intercept - slope * logRatio[i]!) ** 2, 0) / Math.max(1, n - 2);
    const se = Math.sqrt(residual * (1 / n + (sxx ? mx ** 2 / sxx : 0)));
    return { intercept, slope, ci95: [intercept - 1.96 * se, intercept + 1.96 * se] as [number, number] };
  })();
  const K = references.length;
  const empirical = (1 + nullValues.filter((x) => x.value >= figure(suspect).mean).length) / (1 + K);

  const strata = (() => {
    const groups = new Map<string, number[]>();
    rows.forEach(({ byModel }, i) => {
      const script = scriptOf(byModel.get(original)!);
      groups.set(script, [...(groups.get(script) ?? []), i]);
    });
    const selfIds = compileMarkers(input.markers.filter((m) => m.kind === 'self-identification'));
    const identifies = (text: string | undefined) => text !== undefined && findMarkers(text, selfIds).length > 0;
    const probabilities = classifierResult?.perPrompt;
    return [...groups].map(([script, idx]) => {
      const at = (values: ArrayLike<number>) => mean(idx.map((i) => values[i]!));
      const panelValues = panel.map((p) => at(p.values));
      const s = at(suspectValues);
      const leads = idx.map((i) => suspectValues[i]! - panelMean[i]!);
      const lead = mean(leads);
      const sd = Math.sqrt(leads.reduce((t, d) => t + (d - lead) ** 2, 0) / Math.max(1, leads.length - 1));
      const z = sd > 0 ? lead / (sd / Math.sqrt(leads.length)) : lead > 0 ? Infinity : 0;
      return {
        script,
        prompts: idx.length,
        suspect: s,
        panelMax: Math.max(...panelValues),
        rank: rankOf(s, panelValues),
        lead,
        leadP: Math.max(Number.MIN_VALUE, normalUpperTail(z)),
        closerThanPanel: leads.filter((d) => d > 0).length / idx.length,
        classifierSuspect: probabilities ? at(probabilities.suspect) : null,
        classifierPanel: probabilities ? at(probabilities.panel) : null,
        selfIdentification: {
          suspect: idx.filter((i) => identifies(rows[i]!.byModel.get(suspect))).length,
          panel: idx.reduce((t, i) => t + references.filter((m) => identifies(rows[i]!.byModel.get(m))).length, 0),
        },
      };
    });
  })();

  const markers = (() => {
    const compiled = compileMarkers(input.markers);
    const figures = compiled.map((entry) => {
      const { marker } = entry;
      const countFor = (m: string) => rows.filter(({ byModel }) => findMarkers(byModel.get(m) ?? '', [entry]).length > 0).length;
      const byReference = references.map((m) => ({ model: m, count: countFor(m) }));
      const panelCount = byReference.reduce((s, r) => s + r.count, 0);
      const s = countFor(suspect);
      return { label: marker.label, kind: marker.kind, original: countFor(original), suspect: s, panel: panelCount, panelAnswers: n * K, byReference, pValue: fisherExactGreater(s, n - s, panelCount, n * K - panelCount).pValue };
    });
    const adjusted = holm(figures.map((f) => f.pValue));
    return figures.map((f, i) => ({ ...f, adjustedP: adjusted[i]! }));
  })();

  const unrelated = references.map((m) => applyRule(m, raw[indexOf(m)]!, panel.filter((p) => p.model !== m), plan.alpha).outcome);
  const derivedOutcomes = derived.map((m) => applyRule(m, raw[indexOf(m)]!, panel, plan.alpha).outcome);
  const calibrated = derivedOutcomes.length > 0 && unrelated.length > 0;
  const flaggedOf = (xs: RuleOutcome[]) => xs.filter((x) => x.flagged).length;
  const calibrationSentence = calibrated
    ? `Run the same way, the rule flagged ${flaggedOf(derivedOutcomes)} of ${derivedOutcomes.length} known-derived model${derivedOutcomes.length === 1 ? '' : 's'} and ${flaggedOf(unrelated)} of ${unrelated.length} known-unrelated models (each reference model tested against the rest of the panel).`
    : `The rule flagged ${flaggedOf(unrelated)} of ${unrelated.length} known-unrelated models (each reference model tested against the rest of the panel)${derivedOutcomes.length ? '' : '; the case holds no known-derived model, so how often the rule detects derivation has not been measured'}. Until both have been measured, this report does not call a result significant or consistent with derivation.`;

  const conclusion: Conclusion = K < plan.minPanel ? 'insufficient-panel' : outcome.flagged ? 'consistent-with-derivation' : 'not-distinguishable';
  const label = METRIC_LABELS[metric];
  const conclusionSentence =
    conclusion === 'insufficient-panel'
      ? `The panel has ${K} reference model${K === 1 ? '' : 's'}, fewer than the ${plan.minPanel} the plan requires: no conclusion is drawn.`
      : conclusion === 'not-distinguishable'
        ? `${suspect} is not distinguishable from the reference models: on ${label} it ranks ${outcome.rank} of ${K + 1}${outcome.rank === 1 ? `, but its lead over at least one reference model is within what chance gives at the plan's level (largest Holm-adjusted p ${outcome.worstAdjustedP.toPrecision(2)})` : ''}.`
        : calibrated && input.status.status === 'pre-registered'
          ? `${suspect}'s answers are consistent with derivation from ${original}'s: on the pre-declared measure it is closer to the original than every one of the ${K} reference models, by more than chance explains against each of them. ${calibrationSentence}`
          : `${suspect} meets the pre-declared criterion: on ${label} it is closer to the original than every one of the ${K} reference models, by more than chance explains against each of them. ${calibrated ? '' : 'The rule has not been validated on known-derived and known-unrelated models in this case, so no conclusion on derivation is drawn. '}${input.status.status === 'pre-registered' ? '' : 'The plan was not recorded before the suspect\'s answers were imported, so the result is not confirmatory.'}`.trim();

  const limitations = [
    `With ${K} reference models the smallest empirical p the panel can give is ${(1 / (1 + K)).toFixed(3)}: the rank alone cannot be more decisive than that, which is why the rule also asks each lead to be beyond chance.`,
    'Similarity of wording also measures how much two models write like the common run of assistants; the reference panel, not zero, is the baseline, and a panel of models that share the original’s training data or style would hide a real lead.',
    ...(input.status.status === 'pre-registered' ? [] : [`${input.status.status === 'exploratory' ? 'No plan was recorded' : 'The plan was recorded after the suspect’s answers were imported'}: every figure is ${input.status.status === 'exploratory' ? 'exploratory' : 'post hoc'}.`]),
    ...(calibrated ? [] : ['The rule has not been run on a known-derived model in this case, so how often it detects derivation is not measured.']),
    ...(flaggedOf(unrelated) ? [`The rule flagged ${flaggedOf(unrelated)} of ${unrelated.length} known-unrelated models tested against the rest of the panel: on this panel it fires on unrelated models at about that rate.`] : []),
    ...(rankOf(figure(suspect).equalLength, references.map((m) => figure(m).equalLength)) > 1 || rankOf(figure(suspect).echoFree, references.map((m) => figure(m).echoFree)) > 1 ? ['At equal length or without the prompt’s words the suspect no longer ranks first: part of its lead is length or prompt echo.'] : []),
    ...(classifierResult && classifierResult.rank > 1 ? [`The classifier does not single the suspect out (it ranks ${classifierResult.rank} of ${K + 1}); it is reported beside the rule, not part of it.`] : []),
    ...(pairs.length - n ? [`${pairs.length - n} prompts were left out because a model of the panel did not answer them.`] : []),
    ...(flags.some((f) => f.short || f.promptEcho) ? [`${flags.filter((f) => f.short || f.promptEcho).length} prompts have a short answer or a suspect answer mostly made of the prompt’s words; they are kept in the figures and flagged in the pair table.`] : []),
    ...(strata.length > 1 ? ['The figures pool prompts written in different scripts; the table by script gives each apart.'] : []),
    ...(input.markersNote ? [input.markersNote] : []),
  ];

  return {
    original,
    suspect,
    plan: { ...input.status, version: input.recorded?.version ?? null, sha256: input.recorded?.sha256 ?? null },
    prompts: n,
    leftOut: pairs.length - n,
    flagged: { short: flags.filter((f) => f.short).length, promptEcho: flags.filter((f) => f.promptEcho).length },
    references: plan.roles.filter((r) => r.role !== 'original' && r.role !== 'excluded' && r.model !== suspect),
    models,
    primary: {
      measure: metric,
      label,
      definition: METRIC_DEFINITIONS[metric],
      suspect: figure(suspect).mean,
      nullValues,
      rank: outcome.rank,
      pValue: empirical,
      minAttainablePValue: 1 / (1 + K),
      difference: { mean: mean(differences), ci95: bootstrapMeanCi(differences, { resamples: BOOTSTRAP, seed: plan.seed }) },
      lengthAdjusted: regression,
      equalLengthRank: rankOf(figure(suspect).equalLength, references.map((m) => figure(m).equalLength)),
      echoFreeRank: rankOf(figure(suspect).echoFree, references.map((m) => figure(m).echoFree)),
      sentence: `On ${label}, ${suspect}'s answers have a mean similarity of ${fmt(figure(suspect).mean)} to ${original}'s on the same ${n} prompts; the ${K} reference models have ${nullValues.map((x) => fmt(x.value)).join(', ')}. The suspect ranks ${outcome.rank} of ${K + 1}: empirical p = ${empirical.toFixed(3)} (the smallest a panel of ${K} can give is ${(1 / (1 + K)).toFixed(3)}).`,
    },
    closerRates: rates,
    strata,
    classifier: classifierResult && {
      heldOutAccuracy: classifierResult.heldOutAccuracy,
      ci95: classifierResult.ci95,
      suspectAsOriginal: classifierResult.suspectAsOriginal,
      nullAsOriginal: classifierResult.nullAsOriginal,
      rank: classifierResult.rank,
      pValue: classifierResult.pValue,
      suspectNamedAs: classifierResult.suspectNamedAs,
      sentence: classifierResult.sentence,
    },
    markers,
    calibration: { derived: derivedOutcomes, unrelated, ran: calibrated, sentence: calibrationSentence },
    conclusion,
    conclusionSentence,
    limitations,
    rule: `Flag the suspect when its mean ${label} to the original is above every reference model's and its mean per-prompt lead over each of them is above zero (one-sided paired z-tests over prompts, Holm-adjusted, α = ${plan.alpha}); conclude nothing with fewer than ${plan.minPanel} reference models.`,
    perPrompt: rows.map(({ pair }, i) => ({
      pairId: pair.id,
      promptId: pair.promptId,
      suspect: suspectValues[i]!,
      panelMean: panelMean[i]!,
      ...(classifierResult && { classifierSuspect: classifierResult.perPrompt.suspect[i]!, classifierPanel: classifierResult.perPrompt.panel[i]! }),
      ...flags[i]!,
    })),
    settings: { ...plan, derangements: DERANGEMENTS, bootstrapResamples: BOOTSTRAP, classifier: DEFAULT_CLASSIFIER_SETTINGS, folds: FOLDS, repeats: REPEATS },
  };
}
