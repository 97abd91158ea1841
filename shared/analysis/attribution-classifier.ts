import { stopIfCancelled, type JobControl } from '../jobs';
import { seededRandom } from '../random';
import { DEFAULT_CLASSIFIER_SETTINGS, textFeatures, trainClassifier, type SparseText } from './classifier';
import { fixed } from './format-figures';
import { clopperPearson, rankOf } from './statistics';

export const FOLDS = 2;
export const REPEATS = 2;

export interface ClassifierFigures {
  heldOutAccuracy: number;
  ci95: [number, number];
  suspectAsOriginal: number;
  nullAsOriginal: { model: string; share: number }[];
  rank: number;
  pValue: number;
  suspectNamedAs: { model: string; share: number }[];
  /** Each model's share of answers attributed to the original. */
  shares: Map<string, number>;
  /** Per prompt: the suspect's held-out probability of being the original's, and the panel's mean. */
  perPrompt: { suspect: Float64Array; panel: Float64Array };
  sentence: string;
}

/**
 * Attribution by classifier, reported beside the rule: trained to tell the
 * original's answers from the reference models', cross-fitted over prompt
 * folds, with each reference judged by a classifier trained without it as
 * the null. Null with fewer than two reference models.
 */
export function classifierFigures(
  rows: readonly { byModel: ReadonlyMap<string, string> }[],
  roles: { original: string; suspect: string; references: readonly string[]; derived: readonly string[]; related: readonly string[]; candidates: readonly string[] },
  seed: number,
  progress: (done: number) => void,
  job?: JobControl,
): ClassifierFigures | null {
  const { original, suspect, references, derived, related, candidates } = roles;
  const n = rows.length;
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
  const random = seededRandom(seed + 1);
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    const fold = rows.map(() => Math.floor(random() * FOLDS));
    for (let f = 0; f < FOLDS; f++) {
      stopIfCancelled(job, 'The analysis was cancelled');
      const train = features.filter((_, i) => fold[i] !== f);
      const test = features.filter((_, i) => fold[i] === f);
      const testRows = fold.flatMap((g, i) => (g === f ? [i] : []));
      const of = (set: typeof features, m: string) => set.flatMap((x) => (x.has(m) ? [x.get(m)!] : []));
      const trainOn = (panelModels: readonly string[]) => trainClassifier(of(train, original), panelModels.flatMap((m) => of(train, m)), DEFAULT_CLASSIFIER_SETTINGS, seed + repeat * FOLDS + f);
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
      const oneVsRest = writers.map((w, k) => trainClassifier(of(train, w), writers.filter((x) => x !== w).flatMap((x) => of(train, x)), DEFAULT_CLASSIFIER_SETTINGS, seed + 1000 * (k + 1) + repeat * FOLDS + f));
      for (const t of writers.length ? of(test, suspect) : []) {
        const scores = oneVsRest.map((c) => c.probability(t));
        const named = writers[scores.indexOf(Math.max(...scores))]!;
        namedAs.set(named, (namedAs.get(named) ?? 0) + 1);
      }
      progress(repeat * FOLDS + f + 1);
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
    sentence: `Trained to tell the original's answers from the reference models' (held-out accuracy ${fixed(accuracy)}), the classifier attributes ${(100 * suspectShare).toFixed(1)}% of the suspect's answers to the original, against ${nullShares.map((x) => `${(100 * x.share).toFixed(1)}%`).join(', ')} of each reference model's own (each left out of the training in turn); the suspect ranks ${rank} of ${references.length + 1}. Asked which of the original and the ${references.length} reference models wrote each of the suspect's answers, it names the original for ${(100 * namedShare(original)).toFixed(1)}% of them and the reference it names most (${mostNamed}) for ${(100 * namedShare(mostNamed)).toFixed(1)}%.`,
  };
}
