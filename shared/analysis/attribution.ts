import type { AnalysisPlan, AuditEvent, Marker, ModelRole, OutputPair } from '../model/records';
import { pairOutputs } from '../model/records';
import { stopIfCancelled, type JobControl } from '../jobs';
import { seededRandom } from '../random';
import type { PlanInput, PlanStatus } from './attribution-plan';
import { classifierFigures, FOLDS, REPEATS, type ClassifierFigures } from './attribution-classifier';
import { ATTRIBUTION_METHOD_VERSION, decideAttribution, RULE_MIN_PANEL, type AttributionDecision, type Conclusion } from './attribution-rule';
import { runStanding, type RunStanding } from './attribution-runs';
import { DEFAULT_CLASSIFIER_SETTINGS } from './classifier';
import { compileMarkers, findMarkers } from './markers';
import { METHOD_VALIDATION } from './method-validation';
import { METRIC_DEFINITIONS, METRIC_LABELS, similarities, textForComparison, type Metric, type PairSettings, type TextForComparison } from './pair-metrics';
import { fixed } from './format-figures';
import { scriptOf } from './scripts';
import { SimilarityTableBuilder, type SimilarityPair } from './similarity-table';
import { binomialUpperTail, bootstrapMeanCi, clopperPearson, fisherExactGreater, holm, mean, normalUpperTail, rankOf } from './statistics';
import { validationSentence } from './validation-grid';

export type { Conclusion } from './attribution-rule';

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
  /** The model's answer and the original's each cut to the shorter one's length in words. */
  equalLength: number;
  /** Word runs that occur in the prompt taken out of both answers. */
  echoFree: number;
  meanWords: number;
  /** Share of its answers the classifier attributes to the original (held out); absent for the original. */
  classifiedAsOriginal?: number;
}

/** The suspect against one reference model, prompt by prompt: a description beside the rule, not the rule. */
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
  /** Mean over prompts of (suspect − this model), its z and one-sided p, Holm-adjusted over the panel. */
  meanDifference: number;
  z: number;
  differenceP: number;
  differenceAdjustedP: number;
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
  /** Holm-adjusted over the declared markers; a post hoc marker is described, not tested, and keeps its unadjusted p. */
  adjustedP: number;
  postHoc?: true;
}

export interface AttributionResult {
  original: string;
  suspect: string;
  /** The version of the decision rule that gave the conclusion, and its validation on public models. */
  method: { version: number; validation: string };
  plan: { status: PlanStatus; sentence: string; version: number | null; sha256: string | null };
  /** Which run of this attribution on the case this is, and the panels of the earlier runs. */
  run: RunStanding;
  /** Prompts every original, suspect, reference, known-negative and known-derived model answered; the figures are over these. */
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
    /** Mean over prompts of (suspect − mean of the panel), with a prompt-level bootstrap interval: a description. */
    difference: { mean: number; ci95: [number, number] };
    echoFreeRank: number;
    sentence: string;
  };
  /** The rule's checks for the suspect, its calibration, the dates and the gate. */
  decision: Omit<AttributionDecision, 'conclusion' | 'sentence'>;
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
  /** The classifier's figures, as the report and the bundle show them. */
  classifier: Omit<ClassifierFigures, 'shares' | 'perPrompt'> | null;
  markers: MarkerFigures[];
  /** The one conclusion every surface reads: the JSON, the app's banner, the finding's title, the bundle. */
  conclusion: Conclusion;
  conclusionSentence: string;
  /** What the figures cannot show, worked out from this analysis. */
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

const meanOf = (xs: ArrayLike<number>) => {
  const defined = Array.from(xs).filter((x) => !Number.isNaN(x));
  return defined.length ? mean(defined) : NaN;
};

/** The models of one attribution, by what the plan makes of them. */
interface Roles {
  original: string;
  suspect: string;
  references: string[];
  knownNegatives: string[];
  derived: string[];
  /** Related models and the other suspects: shown, never part of the null. */
  related: string[];
  /** Everything compared with the original, the suspect first. */
  candidates: string[];
}

function rolesOf(plan: PlanInput, suspectName?: string): Roles | null {
  const original = plan.roles.find((r) => r.role === 'original')?.model;
  const suspect = suspectName ?? plan.roles.find((r) => r.role === 'suspect')?.model;
  if (!original || !suspect) return null;
  const named = (role: ModelRole) => plan.roles.filter((r) => r.role === role && r.model !== suspect).map((r) => r.model);
  const references = named('reference');
  const knownNegatives = named('known-negative');
  const derived = named('known-derived');
  const related = plan.roles.filter((r) => r.role === 'related' || (r.role === 'suspect' && r.model !== suspect)).map((r) => r.model);
  return { original, suspect, references, knownNegatives, derived, related, candidates: [suspect, ...references, ...knownNegatives, ...derived, ...related] };
}

/** The pairs the rule reads: every candidate against the original (raw and at equal length), and the suspect and every model the rule is run on against each reference. */
function pairsToCompare(r: Roles): SimilarityPair[] {
  const tested = [r.suspect, ...r.references, ...r.knownNegatives, ...r.derived];
  return [
    ...r.candidates.map((candidate) => ({ reference: r.original, candidate, equalLength: true })),
    ...r.references.flatMap((reference) => tested.map((candidate) => ({ reference, candidate, equalLength: false }))),
  ];
}

/**
 * One pass over the prompts: every answer tokenised once, the table of
 * similarities filled, and for each candidate its length, its similarity
 * with the prompt's words taken out and its similarity to other prompts'
 * originals (chance).
 */
function compareAnswers(rows: readonly { pair: OutputPair; byModel: Map<string, string> }[], r: Roles, metric: Metric, settings: PairSettings, seed: number, report: (done: number) => void, job?: JobControl) {
  const n = rows.length;
  const table = new SimilarityTableBuilder(n, metric, settings, pairsToCompare(r));
  const column = () => r.candidates.map(() => new Float64Array(n).fill(NaN));
  const echoFree = column();
  const chance = column();
  const words = column();
  const flags = rows.map(() => ({ short: false, promptEcho: false }));
  // Each prompt's answers are tokenised when its turn comes and dropped after, the deranged originals of the
  // chance baseline too: keeping every original tokenised held ~90 bytes a word for the whole pass.
  const original = (i: number) => textForComparison(rows[i]!.byModel.get(r.original)!, settings);
  const random = seededRandom(seed);
  const deranged = Array.from({ length: DERANGEMENTS }, () => derangement(n, random));
  for (const [i, { pair, byModel }] of rows.entries()) {
    stopIfCancelled(job, 'The analysis was cancelled');
    const ownOriginal = original(i);
    const texts = new Map<string, TextForComparison>([[r.original, ownOriginal]]);
    for (const m of r.candidates) if (byModel.has(m)) texts.set(m, textForComparison(byModel.get(m)!, settings));
    table.add(i, (m) => texts.get(m));
    const present = r.candidates.flatMap((m, k) => (texts.has(m) && m !== r.original ? [{ x: texts.get(m)!, k }] : []));
    const record = (into: Float64Array[], values: ArrayLike<number>) => Array.from(values).forEach((v, j) => (into[present[j]!.k]![i] = v));
    present.forEach(({ x, k }) => (words[k]![i] = x.tokens.length));
    const promptGrams = gramsOf(textForComparison(pair.prompt, settings), settings.wordNgram);
    const free = present.map(({ x }) => withoutPrompt(x, promptGrams, settings.wordNgram));
    record(echoFree, similarities(metric, withoutPrompt(ownOriginal, promptGrams, settings.wordNgram).text, free.map((f) => f.text), settings));
    const chanceSum = new Float64Array(present.length);
    for (const to of deranged) similarities(metric, original(to[i]!), present.map((p) => p.x), settings).forEach((v, j) => (chanceSum[j]! += v / DERANGEMENTS));
    record(chance, chanceSum);
    flags[i] = { short: ownOriginal.tokens.length < SHORT_WORDS || present[0]!.x.tokens.length < SHORT_WORDS, promptEcho: free[0]!.removed > 0.5 };
    if (i % 50 === 49) report(i + 1);
  }
  return { table, echoFree, chance, words, flags };
}

/** The suspect against each reference, prompt by prompt: sign tests and paired z-tests, Holm-adjusted over the panel. */
function closerRatesOf(suspect: Float64Array, panel: readonly { model: string; values: Float64Array }[]): CloserRate[] {
  const rates = panel.map((ref) => {
    let closer = 0;
    let further = 0;
    const differences: number[] = [];
    for (let i = 0; i < suspect.length; i++) {
      if (suspect[i]! > ref.values[i]!) closer++;
      else if (suspect[i]! < ref.values[i]!) further++;
      differences.push(suspect[i]! - ref.values[i]!);
    }
    const n = closer + further;
    const sign = binomialUpperTail(closer, n);
    const meanDifference = mean(differences);
    const sd = Math.sqrt(differences.reduce((s, d) => s + (d - meanDifference) ** 2, 0) / Math.max(1, differences.length - 1));
    const z = sd > 0 ? meanDifference / (sd / Math.sqrt(differences.length)) : meanDifference > 0 ? Infinity : 0;
    return { model: ref.model, closer, further, ties: suspect.length - n, rate: n ? closer / n : NaN, ci95: clopperPearson(closer, n), pValue: sign.pValue, log10P: sign.log10P, meanDifference, z, differenceP: Math.max(Number.MIN_VALUE, normalUpperTail(z)) };
  });
  const closerAdjusted = holm(rates.map((r) => r.pValue));
  const differenceAdjusted = holm(rates.map((r) => r.differenceP));
  return rates.map((r, i) => ({ ...r, adjustedP: closerAdjusted[i]!, differenceAdjustedP: differenceAdjusted[i]! }));
}

/**
 * The attribution analysis of one suspect against a panel of reference
 * models, under a plan (the case's latest, or the defaults when there is
 * none, labelled exploratory). Pure and deterministic: the same pairs and
 * plan give the same figures. `audit` is the case's history, from which
 * the run is numbered among the earlier runs of the same attribution.
 */
export function analyzeAttribution(
  pairs: readonly OutputPair[],
  input: { plan: PlanInput; status: { status: PlanStatus; sentence: string }; recorded?: Pick<AnalysisPlan, 'version' | 'sha256'>; markers: readonly Marker[]; markersNote?: string; suspect?: string; audit?: readonly AuditEvent[] },
  job?: JobControl,
): AttributionResult | null {
  const { plan } = input;
  const roles = rolesOf(plan, input.suspect);
  if (!roles) return null;
  const { original, suspect, references, knownNegatives, derived } = roles;
  const required = [original, suspect, ...references, ...knownNegatives, ...derived];
  const sorted = [...pairs].sort((a, b) => a.promptId.localeCompare(b.promptId, 'en', { numeric: true }) || a.prompt.localeCompare(b.prompt));
  const rows = sorted.flatMap((pair) => {
    const byModel = new Map(pairOutputs(pair).map((o) => [o.model, o.text]));
    return required.every((m) => byModel.has(m)) ? [{ pair, byModel }] : [];
  });
  const n = rows.length;
  if (n < 2) return null;
  const metric = plan.primary;
  const label = METRIC_LABELS[metric];
  const total = n + FOLDS * REPEATS;
  const phase = `Comparing ${suspect} with the reference panel`;
  const { table, echoFree, chance, words, flags } = compareAnswers(rows, roles, metric, plan.settings, plan.seed, (done) => job?.progress?.(phase, done, total), job);
  const classifier = classifierFigures(rows, roles, plan.seed, (done) => job?.progress?.(phase, n + done, total), job);

  const released = new Map(plan.roles.flatMap((r) => (r.released ? [[r.model, r.released] as const] : [])));
  const decision = decideAttribution(table, { original, suspect, references, knownNegatives, knownDerived: derived, released, alpha: plan.alpha, minPanel: plan.minPanel, status: input.status.status, label });

  const roleOf = new Map(plan.roles.map((r) => [r.model, r]));
  const models: ModelFigures[] = roles.candidates.map((m, k) => {
    const role = roleOf.get(m);
    const share = classifier?.shares.get(m);
    const raw = table.values('raw', original, m);
    return {
      model: m,
      role: m === suspect ? 'suspect' : (role?.role ?? 'reference'),
      ...(role?.released ? { released: role.released } : {}),
      n: Array.from(raw).filter((x) => !Number.isNaN(x)).length,
      mean: table.mean('raw', original, m),
      chance: meanOf(chance[k]!),
      excess: table.mean('raw', original, m) - meanOf(chance[k]!),
      equalLength: table.mean('equalLength', original, m),
      echoFree: meanOf(echoFree[k]!),
      meanWords: meanOf(words[k]!),
      ...(share !== undefined && !Number.isNaN(share) ? { classifiedAsOriginal: share } : {}),
    };
  });
  const figure = (m: string) => models.find((x) => x.model === m)!;
  const suspectValues = table.values('raw', original, suspect);
  const panel = references.map((m) => ({ model: m, values: table.values('raw', original, m) }));
  const panelMean = rows.map((_, i) => mean(panel.map((p) => p.values[i]!)));
  const differences = rows.map((_, i) => suspectValues[i]! - panelMean[i]!);
  const nullValues = references.map((m) => ({ model: m, value: figure(m).mean }));
  const rank = rankOf(figure(suspect).mean, nullValues.map((x) => x.value));
  const echoFreeRank = rankOf(figure(suspect).echoFree, references.map((m) => figure(m).echoFree));
  const strata = strataOf(rows, roles, suspectValues, panelMean, panel, input.markers, classifier?.perPrompt);
  const markers = markerFiguresOf(rows, roles, input.markers);
  const run = runStanding(input.audit ?? [], { original, suspect, references });
  const K = references.length;
  const { checks } = decision;

  const limitations = [
    'Similarity is symmetric and measures style as well as copying: capable assistants of one era resemble each other, and a shared source of training data gives the same figures as derivation. The reference panel, not zero, is the baseline; a panel of models that share the original’s training data or style would hide a real lead, and one of dissimilar models would exaggerate it.',
    `The prediction test treats the ${K} reference models as a sample of unrelated models whose mean similarities to the original are normally spread; with ${K} models that spread is itself uncertain, which the test’s ${Math.max(0, K - 1)} degrees of freedom take into account.`,
    ...(input.status.status === 'pre-registered' ? [] : [`${input.status.status === 'exploratory' ? 'No plan was recorded' : 'The plan was recorded after the suspect’s answers were imported'}: every figure is ${input.status.status === 'exploratory' ? 'exploratory' : 'post hoc'}.`]),
    ...(decision.dates.order === 'missing' ? [`The plan does not give the release or first-observation dates of both ${original} and ${suspect}, so the direction in time is not established.`] : []),
    ...(checks.failed.includes('equal-length') && !checks.failed.includes('panel') ? ['With each answer and the original’s cut to the same length the suspect’s lead no longer holds: part of it is answer length.'] : []),
    ...(echoFreeRank > 1 ? ['Without the prompt’s words the suspect no longer ranks first: part of its lead is prompt echo.'] : []),
    ...(classifier && classifier.rank > 1 ? [`The classifier does not single the suspect out (it ranks ${classifier.rank} of ${K + 1}); it is reported beside the rule, not part of it.`] : []),
    ...(run.otherPanels.length ? [`This attribution has been run on this case with ${run.otherPanels.length} other panel${run.otherPanels.length === 1 ? '' : 's'} (listed under the run): a panel chosen after seeing results is not confirmatory.`] : []),
    ...(pairs.length - n ? [`${pairs.length - n} prompts were left out because a model of the panel did not answer them.`] : []),
    ...(flags.some((f) => f.short || f.promptEcho) ? [`${flags.filter((f) => f.short || f.promptEcho).length} prompts have a short answer or a suspect answer mostly made of the prompt’s words; they are kept in the figures and flagged in the pair table.`] : []),
    ...(strata.length > 1 ? ['The figures pool prompts written in different scripts; the table by script gives each apart.'] : []),
    ...(input.markersNote ? [input.markersNote] : []),
  ];

  const { conclusion, sentence: conclusionSentence, ...decided } = decision;
  return {
    original,
    suspect,
    method: { version: ATTRIBUTION_METHOD_VERSION, validation: validationSentence(METHOD_VALIDATION, ATTRIBUTION_METHOD_VERSION) },
    plan: { ...input.status, version: input.recorded?.version ?? null, sha256: input.recorded?.sha256 ?? null },
    run,
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
      rank,
      difference: { mean: mean(differences), ci95: bootstrapMeanCi(differences, { resamples: BOOTSTRAP, seed: plan.seed }) },
      echoFreeRank,
      sentence: `On ${label}, ${suspect}'s answers have a mean similarity of ${fixed(figure(suspect).mean)} to ${original}'s on the same ${n} prompts; the ${K} reference models have ${nullValues.map((x) => fixed(x.value)).join(', ')} (mean ${fixed(checks.raw.panelMean)}, standard deviation ${fixed(checks.raw.panelSd)}). The suspect ranks ${rank} of ${K + 1}.`,
    },
    decision: decided,
    closerRates: closerRatesOf(suspectValues, panel),
    strata,
    classifier: classifier && {
      heldOutAccuracy: classifier.heldOutAccuracy,
      ci95: classifier.ci95,
      suspectAsOriginal: classifier.suspectAsOriginal,
      nullAsOriginal: classifier.nullAsOriginal,
      rank: classifier.rank,
      pValue: classifier.pValue,
      suspectNamedAs: classifier.suspectNamedAs,
      sentence: classifier.sentence,
    },
    markers,
    conclusion,
    conclusionSentence,
    limitations,
    rule: `Consistent with derivation only when, on the pre-declared ${label}, the suspect ranks first and its mean similarity to the original is beyond the spread of the reference models' (one-sided prediction-interval t-test, K − 1 degrees of freedom, α = ${plan.alpha}), the same holds with the answers cut to equal length and with any one reference left out, the suspect's answers are closer to the original's than to every reference model's (paired z-tests over prompts, Holm), the rule run on each reference against the rest and on every known negative flags none, the plan was recorded before the suspect's answers were imported, and the suspect was released after the original. At least ${Math.max(plan.minPanel, RULE_MIN_PANEL)} reference models. Rule version ${ATTRIBUTION_METHOD_VERSION}.`,
    perPrompt: rows.map(({ pair }, i) => ({
      pairId: pair.id,
      promptId: pair.promptId,
      suspect: suspectValues[i]!,
      panelMean: panelMean[i]!,
      ...(classifier && { classifierSuspect: classifier.perPrompt.suspect[i]!, classifierPanel: classifier.perPrompt.panel[i]! }),
      ...flags[i]!,
    })),
    settings: { ...plan, derangements: DERANGEMENTS, bootstrapResamples: BOOTSTRAP, classifier: DEFAULT_CLASSIFIER_SETTINGS, folds: FOLDS, repeats: REPEATS },
  };
}

/** The figures again within each script of the original's answers. */
function strataOf(
  rows: readonly { byModel: Map<string, string> }[],
  roles: Roles,
  suspectValues: Float64Array,
  panelMean: readonly number[],
  panel: readonly { model: string; values: Float64Array }[],
  markerList: readonly Marker[],
  probabilities: { suspect: Float64Array; panel: Float64Array } | undefined,
): AttributionResult['strata'] {
  const groups = new Map<string, number[]>();
  rows.forEach(({ byModel }, i) => {
    const script = scriptOf(byModel.get(roles.original)!);
    groups.set(script, [...(groups.get(script) ?? []), i]);
  });
  const selfIds = compileMarkers(markerList.filter((m) => m.kind === 'self-identification'));
  const identifies = (text: string | undefined) => text !== undefined && findMarkers(text, selfIds).length > 0;
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
        suspect: idx.filter((i) => identifies(rows[i]!.byModel.get(roles.suspect))).length,
        panel: idx.reduce((t, i) => t + roles.references.filter((m) => identifies(rows[i]!.byModel.get(m))).length, 0),
      },
    };
  });
}

/** Answers per model with each marker, the suspect's count against the panel's (Fisher's exact test, Holm). */
function markerFiguresOf(rows: readonly { byModel: Map<string, string> }[], roles: Roles, markerList: readonly Marker[]): MarkerFigures[] {
  const n = rows.length;
  const K = roles.references.length;
  const figures = compileMarkers(markerList).map((entry) => {
    const countFor = (m: string) => rows.filter(({ byModel }) => findMarkers(byModel.get(m) ?? '', [entry]).length > 0).length;
    const byReference = roles.references.map((m) => ({ model: m, count: countFor(m) }));
    const panelCount = byReference.reduce((s, r) => s + r.count, 0);
    const s = countFor(roles.suspect);
    return { label: entry.marker.label, kind: entry.marker.kind, original: countFor(roles.original), suspect: s, panel: panelCount, panelAnswers: n * K, byReference, pValue: fisherExactGreater(s, n - s, panelCount, n * K - panelCount).pValue, ...(entry.marker.postHoc && { postHoc: true as const }) };
  });
  const declared = figures.filter((f) => !f.postHoc);
  const adjusted = holm(declared.map((f) => f.pValue));
  return figures.map((f) => ({ ...f, adjustedP: f.postHoc ? f.pValue : adjusted[declared.indexOf(f)]! }));
}
