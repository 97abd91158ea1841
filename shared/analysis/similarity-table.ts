import { stopIfCancelled, type JobControl } from '../jobs';
import { similarities, type Metric, type PairSettings, type TextForComparison } from './pair-metrics';
import { normalizeText } from './tokens';

/** How a pair of answers is compared: as written, or with both cut to the shorter one's length in words. */
export type SimilarityKind = 'raw' | 'equalLength';

/** Measures whose value is the same whichever answer is taken as the reference: each unordered pair is computed once. */
const SYMMETRIC: Record<Metric, boolean> = {
  wordJaccard: true,
  wordContainment: false,
  charContainment: false,
  rougeL: true,
  longestRunShare: true,
  structure: true,
};

/** A pair the table holds: `candidate`'s answers measured against `reference`'s. */
export interface SimilarityPair {
  reference: string;
  candidate: string;
  equalLength: boolean;
}

/**
 * Per prompt, how alike two models' answers are on one measure. Every
 * figure of the attribution (the panel test, its leave-one-out panels,
 * the suspect's side, the calibration) reads these vectors, so each pair of
 * answers is compared once however many tests use it.
 */
export interface SimilarityTable {
  readonly prompts: number;
  /** `candidate`'s answer against `reference`'s, prompt by prompt (NaN where either did not answer). */
  values(kind: SimilarityKind, reference: string, candidate: string): Float64Array;
  /** The mean of `values` over the prompts both answered. */
  mean(kind: SimilarityKind, reference: string, candidate: string): number;
}

/** The text cut after its first `words` tokens. */
export function truncated(t: TextForComparison, words: number, settings: PairSettings): TextForComparison {
  if (t.tokens.length <= words) return t;
  const text = t.text.slice(0, t.tokens[words - 1]!.end);
  return { text, tokens: t.tokens.slice(0, words), normalized: normalizeText(text, settings) };
}

/**
 * Fills a similarity table prompt by prompt: `add` is called once per
 * prompt with that prompt's answers, tokenised by the caller (who may use
 * them for other figures too), so nothing of a prompt is kept after it.
 */
export class SimilarityTableBuilder implements SimilarityTable {
  private readonly vectors = new Map<string, Float64Array>();
  private readonly means = new Map<string, number>();
  /** The pairs to compare, each once, grouped by the model measured against. */
  private readonly byReference = new Map<string, Map<string, boolean>>();

  constructor(
    readonly prompts: number,
    private readonly metric: Metric,
    private readonly settings: PairSettings,
    pairs: readonly SimilarityPair[],
  ) {
    for (const pair of pairs) {
      if (pair.reference === pair.candidate) continue;
      const [reference, candidate] = this.ordered(pair.reference, pair.candidate);
      const candidates = this.byReference.get(reference) ?? new Map<string, boolean>();
      candidates.set(candidate, (candidates.get(candidate) ?? false) || pair.equalLength);
      this.byReference.set(reference, candidates);
    }
    for (const [reference, candidates] of this.byReference) {
      for (const [candidate, equalLength] of candidates) {
        for (const kind of equalLength ? (['raw', 'equalLength'] as const) : (['raw'] as const)) this.vectors.set(this.key(kind, reference, candidate), new Float64Array(prompts).fill(NaN));
      }
    }
  }

  /** The order a pair is stored in: as asked, or, for a symmetric measure, one order for both. */
  private ordered(reference: string, candidate: string): [string, string] {
    return SYMMETRIC[this.metric] && candidate < reference ? [candidate, reference] : [reference, candidate];
  }

  private key(kind: SimilarityKind, reference: string, candidate: string): string {
    const [r, c] = this.ordered(reference, candidate);
    return `${kind}\u0000${r}\u0000${c}`;
  }

  /** Compares the answers of prompt `i`; a model without an answer (`text` gives undefined) leaves NaN. */
  add(i: number, text: (model: string) => TextForComparison | undefined): void {
    for (const [reference, candidates] of this.byReference) {
      const ref = text(reference);
      if (!ref) continue;
      const present = [...candidates].flatMap(([candidate, equalLength]) => {
        const t = text(candidate);
        return t ? [{ candidate, equalLength, t }] : [];
      });
      if (!present.length) continue;
      similarities(this.metric, ref, present.map((p) => p.t), this.settings).forEach((v, j) => (this.vectors.get(this.key('raw', reference, present[j]!.candidate))![i] = v));
      for (const p of present) {
        if (!p.equalLength) continue;
        const words = Math.max(1, Math.min(ref.tokens.length, p.t.tokens.length));
        this.vectors.get(this.key('equalLength', reference, p.candidate))![i] = similarities(this.metric, truncated(ref, words, this.settings), [truncated(p.t, words, this.settings)], this.settings)[0]!;
      }
    }
  }

  values(kind: SimilarityKind, reference: string, candidate: string): Float64Array {
    const vector = this.vectors.get(this.key(kind, reference, candidate));
    if (!vector) throw new Error(`The similarity table has no ${kind} values of ${candidate} against ${reference}`);
    return vector;
  }

  mean(kind: SimilarityKind, reference: string, candidate: string): number {
    const key = this.key(kind, reference, candidate);
    let m = this.means.get(key);
    if (m === undefined) {
      let sum = 0;
      let n = 0;
      for (const v of this.values(kind, reference, candidate)) {
        if (Number.isNaN(v)) continue;
        sum += v;
        n++;
      }
      this.means.set(key, (m = n ? sum / n : NaN));
    }
    return m;
  }
}

/**
 * Every pair among `models` compared on every prompt, raw and at equal
 * length: the whole grid the method's validation runs on, computed once.
 */
export function fullSimilarityTable(answers: readonly ReadonlyMap<string, TextForComparison>[], models: readonly string[], metric: Metric, settings: PairSettings, job?: JobControl): SimilarityTable {
  const pairs = models.flatMap((reference) => models.filter((candidate) => candidate !== reference).map((candidate) => ({ reference, candidate, equalLength: true })));
  const table = new SimilarityTableBuilder(answers.length, metric, settings, pairs);
  answers.forEach((byModel, i) => {
    stopIfCancelled(job, 'The comparison was cancelled');
    table.add(i, (m) => byModel.get(m));
    if (i % 50 === 49) job?.progress?.('Comparing every pair of models', i + 1, answers.length);
  });
  return table;
}
