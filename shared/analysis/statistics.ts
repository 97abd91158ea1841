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

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9): relative error near 1e-15. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

const logChoose = (n: number, k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);

/** ln(Σ exp(terms)), without overflow or underflow. */
function logSumExp(terms: readonly number[]): number {
  const max = Math.max(...terms);
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - max);
  return max + Math.log(sum);
}

/** A p-value with its base-10 logarithm, which stays finite where the p-value itself would be too small for a double. */
export interface TailProbability {
  pValue: number;
  log10P: number;
}

function tail(logP: number): TailProbability {
  const log10P = Math.min(0, logP / Math.LN10);
  // A double holds nothing below about 1e-308: the smallest positive one stands in for it, and log10P says how small it really is.
  return { pValue: Math.max(Number.MIN_VALUE, Math.min(1, Math.exp(logP))), log10P };
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed in logarithms so it never underflows to 0. */
export function binomialUpperTail(k: number, n: number, p = 0.5): TailProbability {
  if (k <= 0) return { pValue: 1, log10P: 0 };
  const terms: number[] = [];
  for (let i = k; i <= n; i++) terms.push(logChoose(n, i) + i * Math.log(p) + (n - i) * Math.log1p(-p));
  return tail(logSumExp(terms));
}

/** The regularised incomplete beta function I_x(a, b), by the continued fraction of Numerical Recipes (betacf). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let h = d;
  for (let m = 1; m <= 300; m++) {
    for (const numerator of [(m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)), -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1))]) {
      d = 1 + numerator * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + numerator / c;
      if (Math.abs(c) < tiny) c = tiny;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-15) break;
  }
  return (front * h) / a;
}

/**
 * P(T ≥ t) for T with Student's t distribution on `df` degrees of freedom,
 * from the incomplete beta function: P(T ≥ t) = ½·I_{df/(df+t²)}(df/2, ½)
 * for t ≥ 0.
 */
export function studentTUpperTail(t: number, df: number): number {
  if (!(df > 0) || Number.isNaN(t)) return NaN;
  if (t === Infinity) return 0;
  if (t === -Infinity) return 1;
  const half = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? half : 1 - half;
}

/** The x at which I_x(a, b) = q, by bisection (the function is increasing in x). */
function betaQuantile(q: number, a: number, b: number): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (incompleteBeta(mid, a, b) < q) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The exact (Clopper–Pearson) two-sided interval for a binomial proportion of k successes in n trials. */
export function clopperPearson(k: number, n: number, level = 0.95): [number, number] {
  if (n === 0) return [0, 1];
  const alpha = 1 - level;
  return [k === 0 ? 0 : betaQuantile(alpha / 2, k, n - k + 1), k === n ? 1 : betaQuantile(1 - alpha / 2, k + 1, n - k)];
}

/** Holm's step-down adjustment of a family of p-values: each adjusted value is the smallest family-wise level at which its hypothesis is rejected. */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

/**
 * Fisher's exact test of a 2×2 table, one-sided: the chance, with the
 * margins fixed, of a first-row first-column count at least `a`
 * ([[a, b], [c, d]]: a of a+b in the first group have it, c of c+d in the
 * second).
 */
export function fisherExactGreater(a: number, b: number, c: number, d: number): TailProbability {
  const row = a + b;
  const col = a + c;
  const n = a + b + c + d;
  const terms: number[] = [];
  for (let x = a; x <= Math.min(row, col); x++) terms.push(logChoose(col, x) + logChoose(n - col, row - x) - logChoose(n, row));
  return tail(logSumExp(terms));
}

/** 1-based rank of `value` among `value` and `others`, ties counted against it. */
export const rankOf = (value: number, others: readonly number[]): number => 1 + others.filter((o) => o >= value).length;
