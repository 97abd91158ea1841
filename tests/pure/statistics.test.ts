import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pValue } from '../../shared/analysis/format-figures';
import { binomialUpperTail, bootstrapMeanCi, bootstrapMeanCis, clopperPearson, fisherExactGreater, histogram, holm, incompleteBeta, mean, normalCdf, normalUpperTail, wilcoxonSignedRank } from '../../shared/analysis/statistics';
import { seededRandom } from '../../shared/random';

const close = (actual: number, expected: number, tolerance: number, what: string) => assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);

test('Wilcoxon signed-rank, exact: values worked out by hand (and as scipy.stats.wilcoxon gives them)', () => {
  // All five differences positive: W- = 0, and only 1 of the 32 sign patterns is as extreme on each side.
  const allUp = wilcoxonSignedRank([1, 2, 3, 4, 5]);
  assert.deepEqual([allUp.n, allUp.wPlus, allUp.wMinus, allUp.method], [5, 15, 0, 'exact']);
  close(allUp.pValue, 1 / 32, 1e-12, 'one-sided p for 1..5: only the all-positive pattern of 32 is as large');

  // Ranks 1..6, negatives at ranks 2 and 5: W- = 7. Subsets of {1..6} summing to 7 or less: 18 of 64.
  const mixed = wilcoxonSignedRank([1, -2, 3, 4, -5, 6]);
  assert.deepEqual([mixed.wPlus, mixed.wMinus], [14, 7]);
  close(mixed.pValue, 18 / 64, 1e-12, 'one-sided p for mixed signs');

  // Ties share average ranks 1.5, 1.5, 3.5, 3.5, 5; the negative rank 3.5 gives W- = 3.5.
  // Sign patterns with W- <= 3.5: {}, {1.5}, {1.5'}, {1.5, 1.5'}, {3.5}, {3.5'}: 6 of 32.
  const tied = wilcoxonSignedRank([1, 1, 2, -2, 3]);
  assert.deepEqual([tied.wPlus, tied.wMinus], [11.5, 3.5]);
  close(tied.pValue, 6 / 32, 1e-12, 'one-sided p with ties');

  // Differences that favour the other side are no evidence in the declared direction.
  close(wilcoxonSignedRank([-1, -2, -3, -4, -5]).pValue, 1, 1e-12, 'all negative: p = 1');
  // One positive difference at rank 6: 54 of the 64 sign patterns have W+ of 6 or more.
  close(wilcoxonSignedRank([-1, -2, -3, -4, -5, 6]).pValue, 54 / 64, 1e-12, 'one positive of six');

  // Zero differences are dropped.
  assert.equal(wilcoxonSignedRank([0, 0, 1, 2, 3, 4, 5]).n, 5);
  assert.equal(wilcoxonSignedRank([0, 0]).pValue, 1);
});

test('Wilcoxon signed-rank, normal approximation: z and p computed by hand', () => {
  // 1..30 all positive: W+ = 465, E = 232.5, Var = 30·31·61/24 = 2363.75, z = (232.5 - 0.5)/sqrt(2363.75) = 4.7719.
  const result = wilcoxonSignedRank(Array.from({ length: 30 }, (_, i) => i + 1), 'normal');
  assert.equal(result.method, 'normal');
  const z = 232 / Math.sqrt(2363.75);
  close(z, 4.77186, 1e-4, 'z');
  close(result.z, z, 1e-12, 'z reported');
  close(result.pValue, 1 - normalCdf(z), 1e-15, 'p');
  close(result.pValue, 9.1275e-7, 1e-9, 'one-sided p against the normal tail at z = 4.7719');
  // For small samples the approximation is near the exact value: 1..5 gives z = (7.5-0.5)/sqrt(13.75).
  close(wilcoxonSignedRank([1, 2, 3, 4, 5], 'normal').pValue, 1 - normalCdf(7 / Math.sqrt(13.75)), 1e-15, 'normal p for 1..5');
});

test('p-values far in the tail never underflow to 0, and are printed with their z', () => {
  // 800 positive differences: z ≈ 24.5, where 1 − Φ(z) in doubles is exactly 0.
  const result = wilcoxonSignedRank(Array.from({ length: 800 }, (_, i) => i + 1));
  assert.equal(1 - normalCdf(result.z), 0, 'the old way of computing it gives 0');
  assert.ok(result.pValue > 0 && result.pValue < 1e-100, `p = ${result.pValue}`);
  close(Math.log10(normalUpperTail(10)), Math.log10(7.6198530241604696e-24), 1e-6, 'the tail at z = 10 (R: pnorm(10, lower.tail = FALSE))');
  assert.equal(pValue(result.pValue, result.z), `< 1e-15 (z = ${result.z.toFixed(1)})`);
  assert.equal(pValue(0.0004, 3.4), '4.0e-4');
  assert.equal(pValue(0.0312), '0.031');
  // The exact test's p is at least one pattern in 2^n.
  close(wilcoxonSignedRank(Array.from({ length: 150 }, (_, i) => i + 1)).pValue / 2 ** -150, 1, 1e-9, 'one pattern in 2^150');
});

test('the normal distribution function at known quantiles', () => {
  close(normalCdf(0), 0.5, 1e-7, 'Φ(0)');
  close(normalCdf(1.959964), 0.975, 1e-6, 'Φ(1.96)');
  close(normalCdf(-2.575829), 0.005, 1e-6, 'Φ(-2.576)');
});

test('the bootstrap interval is reproducible, brackets the mean and collapses for constant data', () => {
  const xs = [0.12, 0.31, 0.25, 0.4, 0.05, 0.33, 0.29, 0.18, 0.22, 0.27];
  const ci = bootstrapMeanCi(xs);
  assert.deepEqual(bootstrapMeanCi(xs), ci);
  assert.ok(ci[0] < mean(xs) && mean(xs) < ci[1], `${ci} brackets ${mean(xs)}`);
  // The standard error is about sd/sqrt(n) = 0.104/3.16 = 0.033, so the interval spans roughly ±0.065.
  close(ci[1] - ci[0], 2 * 1.96 * 0.0329, 0.025, 'interval width');
  const constant = bootstrapMeanCi([0.2, 0.2, 0.2]);
  close(constant[0], 0.2, 1e-15, 'low');
  close(constant[1], 0.2, 1e-15, 'high');
});

test('histogram bins values in [0, 1], the last bin holding 1', () => {
  assert.deepEqual(histogram([0, 0.05, 0.1, 0.55, 0.999, 1], 10), [2, 1, 0, 0, 0, 1, 0, 0, 0, 2]);
});

test('bootstrap intervals of several columns drawn together are those of separate calls with the same seed', () => {
  const random = seededRandom(4);
  const columns = [0, 1, 2].map(() => Array.from({ length: 37 }, () => random() - 0.3));
  const options = { resamples: 500, seed: 77 };
  // The textbook percentile bootstrap, one column at a time.
  const reference = (xs: number[]) => {
    const draw = seededRandom(options.seed);
    const means = Array.from({ length: options.resamples }, () => xs.reduce((sum) => sum + xs[Math.floor(draw() * xs.length)]!, 0) / xs.length).sort((a, b) => a - b);
    return [means[Math.round(0.025 * (means.length - 1))], means[Math.round(0.975 * (means.length - 1))]];
  };
  const together = bootstrapMeanCis(columns, options);
  together.forEach((ci, c) => {
    const [low, high] = reference(columns[c]!);
    assert.ok(Math.abs(ci[0] - low!) < 1e-12 && Math.abs(ci[1] - high!) < 1e-12, `column ${c}: ${ci} against ${low}, ${high}`);
  });
  assert.deepEqual(together, columns.map((c) => bootstrapMeanCi(c, options)));
  assert.throws(() => bootstrapMeanCis([[1, 2], [1]]), /same length/);
});

test('binomial upper tail: exact sums, and no underflow to 0 far in the tail', () => {
  // P(X ≥ 8 | n = 10, p = ½) = (45 + 10 + 1) / 1024.
  close(binomialUpperTail(8, 10).pValue, 56 / 1024, 1e-12, 'P(X ≥ 8 of 10)');
  assert.equal(binomialUpperTail(0, 10).pValue, 1);
  // All 2,000 of 2,000: 2^-2000, far below the smallest double; log10 p = −2000·log10 2.
  const extreme = binomialUpperTail(2000, 2000);
  assert.ok(extreme.pValue > 0, 'never 0');
  close(extreme.log10P, -2000 * Math.log10(2), 1e-6, 'log10 p');
});

test('Clopper–Pearson intervals match the published values', () => {
  // 7 of 10: [0.3475, 0.9333] (as R's binom.test gives it).
  const [lo, hi] = clopperPearson(7, 10);
  close(lo, 0.34755, 1e-4, 'lower');
  close(hi, 0.93326, 1e-4, 'upper');
  assert.deepEqual(clopperPearson(0, 10).map((x) => Number(x.toFixed(4))), [0, 0.3085]);
  assert.deepEqual(clopperPearson(10, 10).map((x) => Number(x.toFixed(4))), [0.6915, 1]);
  close(incompleteBeta(0.3, 2, 3), 0.3483, 1e-4, 'I_0.3(2, 3)');
});

test('Holm adjusts in step-down order and keeps the adjusted values monotone', () => {
  assert.deepEqual(holm([0.01, 0.04, 0.03, 0.2]).map((p) => Number(p.toFixed(6))), [0.04, 0.09, 0.09, 0.2]);
  // 0.9 alone would stay 0.9, but an adjusted value is never below one ranked before it.
  assert.deepEqual(holm([0.5, 0.9]), [1, 1]);
});

test("Fisher's exact test, one-sided, matches the hypergeometric tail", () => {
  // [[3, 1], [1, 3]]: P(a ≥ 3) = (16 + 1) / 70 with margins 4, 4 of 8.
  close(fisherExactGreater(3, 1, 1, 3).pValue, 17 / 70, 1e-12, 'tea tasting');
  // 12 of 805 against 0 of 805: a self-identification rate no panel shares.
  const selfId = fisherExactGreater(12, 793, 0, 805);
  assert.ok(selfId.pValue < 1e-3 && selfId.pValue > 0);
  close(fisherExactGreater(0, 10, 5, 5).pValue, 1, 1e-12, 'nothing in the first group: p = 1');
});
