import { fieldOutput, type Marker, type MarkerKind, type OutputPair } from '../model/records';
import { stopIfCancelled, type JobControl } from '../jobs';
import { SOFTWARE_VERSION } from '../version';
import { DEFAULT_PAIR_SETTINGS, METRICS, METRIC_LABELS, comparePair, textForComparison, type Comparison, type Metric, type PairSettings } from './pair-metrics';
import { CorpusIndex } from './corpus-search';
import { compileMarkers, findMarkers, type MarkerHit } from './markers';
import { bootstrapMeanCis, histogram, mean, wilcoxonSignedRank } from './statistics';

export interface MetricSummary {
  metric: Metric;
  label: string;
  /** Pairs the suspect mean is over. */
  pairs: number;
  meanSuspect: number;
  /** Null when no pair has a control output: there is no baseline. */
  meanControl: number | null;
  /** Mean of (suspect − control) over the pairs that have a control. */
  difference: number | null;
  ci95: [number, number] | null;
  /** One-sided: the chance of differences this favourable to the suspect being this closer if it were no closer than the control. Never 0. */
  pValue: number | null;
  /** The test's standardised statistic, stated with p-values too small to print. */
  z: number | null;
  test: string | null;
  histogram: { suspect: number[]; control: number[] | null };
}

export interface PairResult {
  pairId: string;
  promptId: string;
  suspect: Comparison;
  control: Comparison | null;
  /** The original outputs across the case most like this suspect output, its own pair's included if it is among them. */
  nearestOriginals: { pairId: string; promptId: string; similarity: number }[];
  /** Where each marker matched, per output. */
  markers: { original: MarkerHit[]; suspect: MarkerHit[]; control: MarkerHit[] | null };
}

/** How many outputs of each model a marker was found in. */
export interface MarkerSummary {
  markerId: string;
  kind: MarkerKind;
  label: string;
  original: number;
  suspect: number;
  /** Null when no pair has a control output. */
  control: number | null;
  /** Pairs where the original and the suspect both have it: a shared template. */
  originalAndSuspect: number;
}

export interface PairsAnalysis {
  softwareVersion: string;
  settings: PairSettings & { bootstrapResamples: number; bootstrapSeed: number; histogramBins: number; markers: Pick<Marker, 'kind' | 'label' | 'pattern' | 'regex'>[] };
  pairs: number;
  withControl: number;
  /** A plain sentence on what the comparison is against. */
  baseline: string;
  /** The model the control outputs are from (the plan's first reference), null when each pair's first other model was used. */
  controlModel: string | null;
  metrics: MetricSummary[];
  markers: MarkerSummary[];
  results: PairResult[];
}

const BOOTSTRAP = { resamples: 2000, seed: 20260301 };
const BINS = 10;

/**
 * Compares every suspect output with the original's on the same prompt, and
 * the control model's with the original's as the baseline: for each metric
 * the mean of each, their paired difference with a bootstrap 95% interval,
 * and a Wilcoxon signed-rank p-value.
 */
export function analyzePairs(
  pairs: readonly OutputPair[],
  options: { settings?: PairSettings; markers?: readonly Marker[]; control?: string } = {},
  job?: JobControl,
): PairsAnalysis {
  const { settings = DEFAULT_PAIR_SETTINGS, markers = [] } = options;
  // The control is the model the caller names (the plan's first reference), else each pair's first other model.
  const controlOf = (pair: OutputPair) => fieldOutput(pair, 'control', options.control);
  const compiled = compileMarkers(markers);
  // Records come back from storage in id order, and ids are random: a fixed order
  // keeps the seeded bootstrap, and so every figure, the same for the same pairs.
  pairs = [...pairs].sort((a, b) => a.promptId.localeCompare(b.promptId) || a.prompt.localeCompare(b.prompt) || a.original.text.localeCompare(b.original.text));
  const results: PairResult[] = [];
  const corpus = new CorpusIndex();
  // Each original is tokenised twice, to index it and to compare it, rather than kept tokenised between the two
  // passes: a token object for each word of every original is what made the collector work hardest.
  for (const pair of pairs) corpus.add(pair.id, textForComparison(pair.original.text, settings).tokens);
  const promptOf = new Map(pairs.map((p) => [p.id, p.promptId]));
  for (const [i, pair] of pairs.entries()) {
    stopIfCancelled(job, 'The analysis was cancelled');
    const suspect = textForComparison(pair.suspect.text, settings);
    const control = controlOf(pair);
    const compared = comparePair(textForComparison(pair.original.text, settings), suspect, control ? textForComparison(control.text, settings) : null, settings);
    results.push({
      pairId: pair.id,
      promptId: pair.promptId,
      ...compared,
      nearestOriginals: corpus.search(suspect.tokens, 3).map((m) => ({ pairId: m.id, promptId: promptOf.get(m.id)!, similarity: m.similarity })),
      markers: {
        original: findMarkers(pair.original.text, compiled),
        suspect: findMarkers(pair.suspect.text, compiled),
        control: control ? findMarkers(control.text, compiled) : null,
      },
    });
    if (i % 50 === 49) job?.progress?.('Comparing output pairs', i + 1, pairs.length);
  }
  const paired = results.filter((r) => r.control);
  const differencesOf = (metric: Metric) => paired.map((r) => r.suspect.values[metric] - r.control!.values[metric]);
  const intervals = bootstrapMeanCis(METRICS.map(differencesOf), BOOTSTRAP);
  const metrics = METRICS.map((metric, m): MetricSummary => {
    const suspect = results.map((r) => r.suspect.values[metric]);
    const base = { metric, label: METRIC_LABELS[metric], pairs: results.length, meanSuspect: mean(suspect) };
    if (paired.length === 0) {
      return { ...base, meanControl: null, difference: null, ci95: null, pValue: null, z: null, test: null, histogram: { suspect: histogram(suspect, BINS), control: null } };
    }
    const control = paired.map((r) => r.control!.values[metric]);
    const differences = differencesOf(metric);
    const wilcoxon = wilcoxonSignedRank(differences);
    return {
      ...base,
      meanControl: mean(control),
      difference: mean(differences),
      ci95: intervals[m]!,
      pValue: wilcoxon.pValue,
      z: wilcoxon.z,
      test: `Wilcoxon signed-rank, one-sided (suspect closer to the original than the control), ${wilcoxon.method}, n = ${wilcoxon.n} non-zero differences`,
      histogram: { suspect: histogram(suspect, BINS), control: histogram(control, BINS) },
    };
  });
  return {
    softwareVersion: SOFTWARE_VERSION,
    settings: {
      ...settings,
      bootstrapResamples: BOOTSTRAP.resamples,
      bootstrapSeed: BOOTSTRAP.seed,
      histogramBins: BINS,
      markers: compiled.map(({ marker: { kind, label, pattern, regex } }) => ({ kind, label, pattern, regex })),
    },
    pairs: results.length,
    withControl: paired.length,
    controlModel: options.control ?? null,
    baseline:
      paired.length === 0
        ? 'No control outputs: there is no baseline, so these similarities cannot be compared with what an unrelated model would give.'
        : `Baseline: ${options.control ? `${options.control}'s` : "the control model's"} outputs on the same ${paired.length} prompts${paired.length < results.length ? ` (${results.length - paired.length} pairs have no control and are left out of the comparison)` : ''}.`,
    metrics,
    markers: compiled.map(({ marker }) => {
      const has = (hits: MarkerHit[] | null) => !!hits?.some((h) => h.markerId === marker.id);
      const count = (test: (r: PairResult) => boolean) => results.filter(test).length;
      return {
        markerId: marker.id,
        kind: marker.kind,
        label: marker.label,
        original: count((r) => has(r.markers.original)),
        suspect: count((r) => has(r.markers.suspect)),
        control: paired.length ? count((r) => has(r.markers.control)) : null,
        originalAndSuspect: count((r) => has(r.markers.original) && has(r.markers.suspect)),
      };
    }),
    results,
  };
}
