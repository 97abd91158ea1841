import { seededRandom } from '../random';

export function mean(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/**
 * Percentile bootstrap 95% confidence interval of the mean: resample with
 * replacement `resamples` times from a seeded generator, so the interval is
 * the same on every run.
 */
export function bootstrapMeanCi(xs: readonly number[], options: { resamples: number; seed: number } = { resamples: 2000, seed: 1 }): [number, number] {
  return bootstrapMeanCis([xs], options)[0]!;
}

/**
 * `bootstrapMeanCi` of several columns of the same length, each resample
 * drawing the same rows for every column (the intervals are those of
 * separate calls with the same seed), so the rows are drawn once, not once
 * a column.
 */
export function bootstrapMeanCis(columns: readonly (readonly number[])[], options: { resamples: number; seed: number } = { resamples: 2000, seed: 1 }): [number, number][] {
  const n = columns[0]?.length ?? 0;
  if (columns.some((c) => c.length !== n)) throw new Error('bootstrap columns must have the same length');
  if (n === 0) return columns.map(() => [NaN, NaN]);
  const random = seededRandom(options.seed);
  const values = columns.map((c) => Float64Array.from(c));
  const means = columns.map(() => new Float64Array(options.resamples));
  const sums = new Float64Array(columns.length);
  for (let r = 0; r < options.resamples; r++) {
    sums.fill(0);
    for (let i = 0; i < n; i++) {
      const row = Math.floor(random() * n);
      for (let c = 0; c < values.length; c++) sums[c]! += values[c]![row]!;
    }
    for (let c = 0; c < values.length; c++) means[c]![r] = sums[c]! / n;
  }
  return means.map((m) => {
    m.sort();
    const at = (q: number) => m[Math.min(m.length - 1, Math.max(0, Math.round(q * (m.length - 1))))]!;
    return [at(0.025), at(0.975)];
  });
}

/** Standard normal cumulative distribution. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * P(Z ≥ z) for a standard normal Z, computed from the tail itself: `1 −
 * normalCdf(z)` cancels to 0 beyond z ≈ 8.3, this stays exact in relative
 * terms down to about 1e-300.
 */
export function normalUpperTail(z: number): number {
  return 0.5 * erfc(z / Math.SQRT2);
}

function erfc(x: number): number {
  // The Chebyshev fit of Numerical Recipes (erfcc): relative error below 1.2e-7 everywhere, ample for p-values.
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

export interface WilcoxonResult {
  /** Differences that were not zero (zeros are dropped, as Wilcoxon proposed). */
  n: number;
  /** Sum of the ranks of the positive differences. */
  wPlus: number;
  wMinus: number;
  /** One-sided p-value in the declared direction: the chance of a rank sum of positive differences at least this large if the differences were centred on zero. */
  pValue: number;
  /** The standardised rank sum (continuity-corrected), stated beside very small p-values. */
  z: number;
  method: 'exact' | 'normal';
}

const EXACT_UP_TO = 200;

/**
 * Wilcoxon signed-rank test of paired differences against a median of zero.
 * One-sided, in the direction the analysis declares (positive differences:
 * the suspect closer to the original than the control). Exact (the
 * permutation distribution of the signed ranks, ties given
 * average ranks) up to 200 non-zero differences; beyond that the normal
 * approximation with tie and continuity corrections.
 */
export function wilcoxonSignedRank(differences: readonly number[], method: 'auto' | 'exact' | 'normal' = 'auto'): WilcoxonResult {
  const d = differences.filter((x) => x !== 0 && Number.isFinite(x));
  const n = d.length;
  if (n === 0) return { n: 0, wPlus: 0, wMinus: 0, pValue: 1, z: 0, method: 'exact' };
  const order = d.map((x, i) => ({ abs: Math.abs(x), positive: x > 0, i })).sort((a, b) => a.abs - b.abs);
  const ranks = new Float64Array(n);
  const tieGroups: number[] = [];
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && order[j + 1]!.abs === order[i]!.abs) j++;
    const rank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) ranks[k] = rank;
    if (j > i) tieGroups.push(j - i + 1);
    i = j + 1;
  }
  let wPlus = 0;
  order.forEach((o, k) => {
    if (o.positive) wPlus += ranks[k]!;
  });
  const total = (n * (n + 1)) / 2;
  const wMinus = total - wPlus;
  const expected = total / 2;
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 - tieGroups.reduce((v, t) => v + (t ** 3 - t) / 48, 0);
  const z = variance > 0 ? (wPlus - expected - 0.5) / Math.sqrt(variance) : 0;
  const useExact = method === 'exact' || (method === 'auto' && n <= EXACT_UP_TO);
  if (useExact) {
    // Ranks are whole or half numbers: doubled, they index a table of how many sign patterns give each sum.
    const doubled = Array.from(ranks, (r) => Math.round(r * 2));
    const max = doubled.reduce((a, b) => a + b, 0);
    let counts = new Float64Array(max + 1);
    counts[0] = 1;
    for (const r of doubled) {
      const next = new Float64Array(max + 1);
      for (let s = 0; s <= max; s++) {
        const c = counts[s]!;
        if (c === 0) continue;
        next[s] = next[s]! + c;
        next[s + r] = next[s + r]! + c;
      }
      counts = next;
    }
    const observed = Math.round(wPlus * 2);
    let upper = 0;
    let all = 0;
    for (let s = 0; s <= max; s++) {
      all += counts[s]!;
      if (s >= observed) upper += counts[s]!;
    }
    // Never 0: the observed pattern itself is among the 2^n counted.
    return { n, wPlus, wMinus, pValue: upper / all, z, method: 'exact' };
  }
  return { n, wPlus, wMinus, pValue: normalUpperTail(z), z, method: 'normal' };
}

/** Counts of values in equal bins over [0, 1]; the last bin includes 1. */
export function histogram(values: readonly number[], bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.max(0, Math.floor(v * bins)))]!++;
  return counts;
}
