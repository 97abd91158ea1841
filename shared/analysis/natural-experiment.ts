import { seededRandom } from '../random';
import { mean } from './statistics';

/**
 * The within-case natural experiment: if the suspect learnt from the
 * answers the campaign harvested, its lead over the reference panel (its
 * similarity to the original minus the panel's mean) should be larger on
 * the harvested prompts than on comparable prompts the campaign did not
 * send, while the panel itself shows no such gap. The figure is that
 * difference in differences.
 */
export interface NaturalExperiment {
  harvested: number;
  notHarvested: number;
  /** Mean similarity to the original on harvested prompts minus on the others: the suspect's, and the panel's. */
  suspectGap: number;
  panelGap: number;
  /** suspectGap − panelGap: how much more the suspect's lead over the panel is on harvested prompts. */
  difference: number;
  /** Percentile bootstrap, resampling prompts within each group. */
  ci95: [number, number];
  /** One-sided permutation test of the harvested labels: (1 + #permutations at least as large) / (1 + permutations). */
  pValue: number;
  permutations: number;
  sentence: string;
}

const RESAMPLES = 2000;
const PERMUTATIONS = 9999;

/**
 * `measure` names what the values are, for the sentence: the similarity to
 * the original's answer, or the classifier's probability that an answer is
 * the original's.
 */
export function naturalExperiment(perPrompt: readonly { pairId: string; suspect: number; panelMean: number }[], harvested: ReadonlySet<string>, seed: number, measure = 'similarity to the original'): NaturalExperiment | null {
  const inGroup = perPrompt.filter((p) => harvested.has(p.pairId));
  const outGroup = perPrompt.filter((p) => !harvested.has(p.pairId));
  if (inGroup.length < 2 || outGroup.length < 2) return null;
  const lead = (p: { suspect: number; panelMean: number }) => p.suspect - p.panelMean;
  const leadsIn = inGroup.map(lead);
  const leadsOut = outGroup.map(lead);
  const difference = mean(leadsIn) - mean(leadsOut);
  const random = seededRandom(seed);
  const pick = (xs: readonly number[]) => xs[Math.floor(random() * xs.length)]!;
  const resampled = Array.from({ length: RESAMPLES }, () => {
    let a = 0;
    let b = 0;
    for (let i = 0; i < leadsIn.length; i++) a += pick(leadsIn);
    for (let i = 0; i < leadsOut.length; i++) b += pick(leadsOut);
    return a / leadsIn.length - b / leadsOut.length;
  }).sort((x, y) => x - y);
  const at = (q: number) => resampled[Math.round(q * (RESAMPLES - 1))]!;
  const all = [...leadsIn, ...leadsOut];
  const total = all.reduce((t, x) => t + x, 0);
  let asLarge = 0;
  for (let p = 0; p < PERMUTATIONS; p++) {
    // A random relabelling with the same group sizes: a partial Fisher–Yates shuffle draws the "harvested" ones.
    const order = all.slice();
    let sumIn = 0;
    for (let i = 0; i < leadsIn.length; i++) {
      const j = i + Math.floor(random() * (order.length - i));
      [order[i], order[j]] = [order[j]!, order[i]!];
      sumIn += order[i]!;
    }
    if (sumIn / leadsIn.length - (total - sumIn) / leadsOut.length >= difference) asLarge++;
  }
  const pValue = (1 + asLarge) / (1 + PERMUTATIONS);
  const ci95: [number, number] = [at(0.025), at(0.975)];
  const suspectGap = mean(inGroup.map((p) => p.suspect)) - mean(outGroup.map((p) => p.suspect));
  const panelGap = mean(inGroup.map((p) => p.panelMean)) - mean(outGroup.map((p) => p.panelMean));
  const f = (x: number) => x.toFixed(3);
  const sentence =
    ci95[0] > 0
      ? `On the ${inGroup.length} prompts the campaign sent, the suspect's lead over the reference panel in ${measure} is ${f(difference)} larger than on the ${outGroup.length} it did not (95% CI [${f(ci95[0])}, ${f(ci95[1])}], one-sided permutation p = ${pValue.toPrecision(2)}): the suspect is closer to the original where the original's answers were taken (suspect's gap ${f(suspectGap)}, panel's ${f(panelGap)}).`
      : `No gap: on the ${inGroup.length} prompts the campaign sent, the suspect's lead over the reference panel in ${measure} differs from that on the ${outGroup.length} it did not by ${f(difference)} (95% CI [${f(ci95[0])}, ${f(ci95[1])}], one-sided permutation p = ${pValue.toPrecision(2)}), which chance explains.`;
  return { harvested: inGroup.length, notHarvested: outGroup.length, suspectGap, panelGap, difference, ci95, pValue, permutations: PERMUTATIONS, sentence };
}
