import { escapeRegex } from '../analysis/markers';
import { METRIC_DEFINITIONS, METRIC_LABELS, type Metric } from '../analysis/pair-metrics';

/** A statistical term or measure as a report uses it: the words that mark it in text, and what it means, once. */
export interface GlossaryEntry {
  term: string;
  /** Matches the term wherever a report, the app or the CLI writes it. */
  pattern: RegExp;
  definition: string;
}


/** The similarity measures, defined once in pair-metrics and named here by their labels. */
const MEASURES: GlossaryEntry[] = (Object.keys(METRIC_LABELS) as Metric[]).map((m) => ({
  term: METRIC_LABELS[m],
  pattern: new RegExp(escapeRegex(METRIC_LABELS[m].replace(/ \(.*\)$/, ''))),
  definition: METRIC_DEFINITIONS[m],
}));

/**
 * Every statistical term a report prints, in the words a judge reads. A
 * term used in the app, the CLI or the bundle without an entry here is a
 * defect (a test reads all three for the terms it knows).
 */
export const GLOSSARY: readonly GlossaryEntry[] = [
  ...MEASURES,
  { term: 'Reference model, panel', pattern: /\breference models?\b|\bpanel\b/i, definition: 'Models the expert declared, before seeing the suspect’s answers, to be unrelated to the original. Together they are the panel: they show how close unrelated models of the same era come to the original by style and shared knowledge alone.' },
  { term: 'Null (what chance looks like)', pattern: /\bnull\b/i, definition: 'What the figures would look like if the suspect were just another unrelated model. Here the null is the panel: the suspect is compared with the spread of the reference models, not with zero.' },
  { term: 'Prediction test (t, degrees of freedom)', pattern: /prediction(-interval)? (t-)?test|\bt = |degrees of freedom|\bdf\b/, definition: 'Asks whether the suspect’s mean similarity lies beyond what another unrelated model would be expected to reach, given the panel’s mean and spread. t is the distance from the panel’s mean in units of the panel’s spread, allowing for a panel of only K models; with K models there are K − 1 degrees of freedom, and fewer degrees of freedom make the test more cautious.' },
  { term: 'Standard deviation (sd)', pattern: /standard deviation|\(sd\)|\bsd\b/, definition: 'How far the panel’s values typically lie from their mean: the square root of the mean squared distance from the mean (with K − 1 in the denominator).' },
  { term: 'p-value', pattern: /(^|[\s(])p( =| <| \(| \d)|p-value|empirical p/, definition: 'The chance of a result at least this extreme if the suspect were unrelated to the original (under the test’s null). A small p-value says the result would be surprising for an unrelated model; it is not the chance that the suspect is unrelated. “p < 1e-15” means smaller than 0.000000000000001, the smallest value printed.' },
  { term: 'Significance level (α)', pattern: /α|significance level/i, definition: 'The p-value below which a check counts as holding, fixed in the plan before the analysis (0.05 means a one-in-twenty chance of a check holding for an unrelated model).' },
  { term: 'One-sided', pattern: /one-sided/i, definition: 'The test looks in one direction only (the suspect closer to the original), the only direction that would support derivation.' },
  { term: 'Holm adjustment', pattern: /Holm/i, definition: 'When one question is asked several times (once per reference model or marker), some answers come out small by chance. Holm’s method raises each p-value to keep the chance of any false “holds” among them at α.' },
  { term: 'Confidence interval (95% CI)', pattern: /\bCI\b|confidence interval/, definition: 'A range of values computed so that, over repeated samples, 95 in 100 such ranges would contain the true value. It shows how precisely a figure is known.' },
  { term: 'Exact interval (Clopper–Pearson)', pattern: /Clopper|\(exact\)|exact 95%/, definition: 'A confidence interval for a share (k of n) computed from the binomial distribution itself rather than an approximation, so it holds its 95% for small counts too.' },
  { term: 'Bootstrap', pattern: /bootstrap/i, definition: 'An interval found by recomputing the figure on many random resamplings of the prompts (drawn with replacement) and taking the middle 95% of the results.' },
  { term: 'Sign test (binomial test)', pattern: /sign test|binomial test|\(sign,/i, definition: 'Counts the prompts on which the suspect is closer than a reference model and asks whether that count is more than a fair coin would give (one half).' },
  { term: 'Paired z-test', pattern: /z-test|\bz = /, definition: 'Tests whether the mean of per-prompt differences is above zero, comparing it with its standard error; z is that ratio. Paired: both values come from the same prompt.' },
  { term: 'Wilcoxon signed-rank test', pattern: /Wilcoxon/i, definition: 'A paired test on per-prompt differences that uses their ranks rather than their sizes, so a few extreme prompts cannot drive it.' },
  { term: 'Fisher’s exact test', pattern: /Fisher/i, definition: 'Asks whether a marker is found in the suspect’s answers more often than in the panel’s, computed exactly from the counts.' },
  { term: 'Permutation test', pattern: /permutation/i, definition: 'A p-value found by reshuffling the labels at random many times and counting how often the reshuffled result is at least as large as the real one.' },
  { term: 'Rank', pattern: /\branks?\b/i, definition: 'The suspect’s place among itself and the reference models, ordered by similarity to the original (1 = closest).' },
  { term: 'Leave-one-out', pattern: /left out|leave-one-out/i, definition: 'The check repeated with each reference model removed in turn, so that no single reference model decides the outcome.' },
  { term: 'Equal length', pattern: /equal length/i, definition: 'The comparison repeated with each answer and the original’s cut to the shorter one’s length in words, so that answers of similar length do not look alike for that reason alone.' },
  { term: 'Chance similarity (derangements)', pattern: /\bchance\b|derangement/i, definition: 'A model’s answer compared with the original’s answer to a different prompt, over random re-pairings in which no prompt keeps its own answer (derangements): the similarity owed to style and format alone.' },
  { term: 'Excess', pattern: /\bexcess\b/i, definition: 'Similarity to the original on the same prompt minus the chance similarity: what the answers share beyond general style.' },
  { term: 'Prompt words removed', pattern: /prompt words removed|no prompt words|No prompt\b|prompt’s own words|prompt's words/i, definition: 'The comparison repeated after taking out of both answers the runs of words found in the prompt, so that answers repeating the question do not look alike for that reason.' },
  { term: 'Mean lead', pattern: /\blead\b/i, definition: 'The mean over prompts of the suspect’s similarity to the original minus another model’s (or the panel’s mean): how much closer the suspect comes, on average.' },
  { term: 'Closer-rate', pattern: /suspect closer|closer-rate|closer than the panel/i, definition: 'The share of prompts (ties left out) on which the suspect’s answer is closer to the original’s than the other model’s answer is.' },
  { term: 'Classifier, held-out accuracy', pattern: /classifier|held-out/i, definition: 'A statistical model trained to tell the original’s answers from the reference models’. Held-out: judged only on answers it was not trained on. Its accuracy is the share of those it labels correctly; the share of the suspect’s answers it attributes to the original is compared with each reference model’s own share.' },
  { term: 'Empirical p', pattern: /empirical p/, definition: 'A p-value read from the panel itself: the share of the suspect and reference models that score at least as high as the suspect. With K reference models it cannot be smaller than 1/(K + 1).' },
  { term: 'Marker', pattern: /\bmarkers?\b/i, definition: 'A phrase whose presence in an answer is counted: self-identification (“I am Atlas…”), a refusal wording, a habitual phrase. Markers chosen after reading the answers (post hoc) are described, never tested as if chosen in advance.' },
  { term: 'Known derived, known unrelated (calibration)', pattern: /known-derived|known derived|known-unrelated|known unrelated|calibration/i, definition: 'Models whose relation to the original is documented: run on them, the rule should flag the derived and none of the unrelated. How it does so in this case is its calibration.' },
  { term: 'Confirmatory, exploratory', pattern: /confirmatory|exploratory/i, definition: 'A result is confirmatory when the plan (measure, panel, α) was recorded before the suspect’s answers were seen; otherwise it is exploratory and concludes nothing.' },
  { term: 'n-gram', pattern: /n-gram|\d-grams?|trigram|bigram/i, definition: 'A run of n consecutive words (or characters): “the cat sat” is a word 3-gram (trigram).' },
  { term: 'Difference in differences', pattern: /difference in differences/i, definition: 'The suspect’s gap between prompts the campaign sent and prompts it did not, minus the panel’s gap: how much more the suspect resembles the original where the original’s answers were taken, after allowing for one set of prompts being easier.' },
  { term: 'Coefficient of variation', pattern: /coefficient of variation|\bCV\b/i, definition: 'The standard deviation of the intervals between an account’s requests divided by their mean. People are irregular; a script sending at a fixed pace has a value near 0.' },
  { term: 'Machine-regular', pattern: /machine-regular/i, definition: 'An account whose requests within a session come at intervals with a coefficient of variation below the threshold in the settings.' },
  { term: 'Near-duplicate (MinHash)', pattern: /MinHash|near-duplicate/i, definition: 'Two prompts whose sets of character 4-grams overlap at or above a threshold, estimated with MinHash signatures (a standard fast estimate of that overlap).' },
  { term: 'Normalisation', pattern: /normalis/i, definition: 'Text compared after Unicode NFKC (compatible characters made the same), runs of white space folded to one space and trimmed, and lower case.' },
];

/** The entries a text uses, each once, in the glossary's order. */
export function termsUsed(text: string): GlossaryEntry[] {
  return GLOSSARY.filter((entry) => entry.pattern.test(text));
}
