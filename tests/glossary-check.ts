import { GLOSSARY } from '../shared/report/glossary';

/**
 * Statistical words a careful reader would ask to have defined, written
 * apart from the glossary so the glossary cannot define itself into passing.
 */
const VOCABULARY: readonly RegExp[] = [
  /\bp ?[=<]/, /\bp \(/, /p-value/, /empirical p/, /Holm/, /Bonferroni/, /Benjamini|false discovery/i, /Clopper/, /bootstrap/i, /derangement/i, /\bexcess\b/i,
  /\bCV\b/, /coefficient of variation/i, /z-test/, /\bz = /, /\bt = /, /t-test/, /degrees of freedom/, /\bdf\b/, /Fisher/, /Wilcoxon/, /ROUGE/, /Jaccard/,
  /containment/i, /n-gram/i, /MinHash/, /α/, /\bCI\b/, /confidence interval/i, /prediction (test|interval)/i, /permutation/i, /held-out/i, /classifier/i,
  /\bnull\b/i, /sign test/i, /binomial/i, /standard deviation/i, /\bsd\b/, /\branks?\b/i, /difference in differences/i, /one-sided/i, /significan/i,
  /leave-one-out|left out/i, /equal length/i, /\bchance\b/i, /calibrat/i, /exploratory|confirmatory|post hoc/i, /\bmarkers?\b/i, /accuracy/i,
  /regression/i, /correlation/i, /variance/i, /\bmedian\b/i, /percentile|quantile/i, /likelihood/i, /\bodds\b/i, /Bayes/i, /entropy/i, /cosine/i,
  /perplexity/i, /\bAUC\b|\bROC\b/, /\blead\b/i, /suspect closer|closer-rate/i, /machine-regular/i, /normalis/i, /\bpanel\b/i, /reference models?/i,
];

/** The glossary entries whose words overlap the word at `index` of `text` (or touch it, as "Held-out" in "Held-out accuracy"). */
function entriesAt(text: string, index: number, length: number): string[] {
  const from = Math.max(0, index - 24);
  const window = text.slice(from, index + length + 24);
  const [start, end] = [index - from, index - from + length];
  return GLOSSARY.filter((e) => [...window.matchAll(new RegExp(e.pattern.source, `${e.pattern.flags}g`))].some((m) => m.index < end + 2 && m.index + m[0].length > start - 2)).map((e) => e.term);
}

/**
 * The statistical words `body` uses that `defined` (the terms its glossary
 * prints) does not define, each with a little of its context.
 */
export function undefinedTerms(body: string, defined: readonly string[]): string[] {
  const missing = new Set<string>();
  for (const word of VOCABULARY) {
    for (const match of body.matchAll(new RegExp(word.source, word.flags.includes('g') ? word.flags : `${word.flags}g`))) {
      if (!entriesAt(body, match.index, match[0].length).some((term) => defined.includes(term))) missing.add(`${match[0]} (in “…${body.slice(Math.max(0, match.index - 30), match.index + 30).replace(/\s+/g, ' ')}…”)`);
    }
  }
  return [...missing];
}
