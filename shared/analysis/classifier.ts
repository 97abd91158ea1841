import { seededRandom } from '../random';
import { tokenize } from './tokens';

/**
 * Attribution by classifier, after Sun et al., “Idiosyncrasies in Large
 * Language Models” (arXiv 2502.12150): a model's answers carry word
 * choices a simple classifier learns to recognise. Hashed word 1–2-gram
 * TF-IDF features and an L2-regularised logistic regression, trained by
 * stochastic gradient descent from a seeded order so every run gives the
 * same figures.
 */
export interface ClassifierSettings {
  /** Feature buckets (a power of two): word 1–2-grams are hashed into them. */
  buckets: number;
  epochs: number;
  learningRate: number;
  l2: number;
}

export const DEFAULT_CLASSIFIER_SETTINGS: ClassifierSettings = { buckets: 1 << 18, epochs: 6, learningRate: 0.5, l2: 1e-5 };

/** A text as hashed term counts: bucket indexes and their sublinear term frequencies (1 + ln count). */
export interface SparseText {
  index: Int32Array;
  tf: Float32Array;
}

/** FNV-1a over the UTF-16 code units of a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The hashed word unigrams and bigrams of a text (case folded), counted. */
export function textFeatures(text: string, buckets: number): SparseText {
  const words = tokenize(text, { caseFold: true }).map((t) => t.text);
  const counts = new Map<number, number>();
  const add = (gram: string) => {
    const bucket = hash(gram) & (buckets - 1);
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  };
  for (let i = 0; i < words.length; i++) {
    add(words[i]!);
    if (i > 0) add(`${words[i - 1]}\u0001${words[i]}`);
  }
  const index = Int32Array.from(counts.keys()).sort();
  return { index, tf: Float32Array.from(index, (b) => 1 + Math.log(counts.get(b)!)) };
}

/** A trained classifier: the probability that a text is the positive class (the original model's). */
export interface Classifier {
  probability(text: SparseText): number;
}

/**
 * Trains positive (label 1) against negative (label 0) texts, the classes
 * weighted to count equally whatever their sizes. IDF weights come from
 * the training texts only; each text's vector is L2-normalised.
 */
export function trainClassifier(positive: readonly SparseText[], negative: readonly SparseText[], settings: ClassifierSettings, seed: number): Classifier {
  const docs = [...positive, ...negative];
  const documentFrequency = new Float32Array(settings.buckets);
  for (const d of docs) for (let i = 0; i < d.index.length; i++) documentFrequency[d.index[i]!]!++;
  // Only buckets some training text has get a weight; a bucket none has gets the rarest weight, as if seen once.
  const unseen = Math.log((1 + docs.length) / 2) + 1;
  const idf = (b: number) => (documentFrequency[b]! ? Math.log((1 + docs.length) / (1 + documentFrequency[b]!)) + 1 : unseen);
  const vector = (d: SparseText) => {
    const values = new Float32Array(d.index.length);
    let norm = 0;
    for (let i = 0; i < values.length; i++) {
      const v = d.tf[i]! * idf(d.index[i]!);
      values[i] = v;
      norm += v * v;
    }
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < values.length; i++) values[i]! /= norm;
    return values;
  };
  const values = docs.map(vector);
  const labels = docs.map((_, i) => (i < positive.length ? 1 : 0));
  const weights = docs.map((_, i) => (i < positive.length ? docs.length / (2 * Math.max(1, positive.length)) : docs.length / (2 * Math.max(1, negative.length))));
  const w = new Float32Array(settings.buckets);
  let bias = 0;
  const random = seededRandom(seed);
  const order = docs.map((_, i) => i);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const rate = settings.learningRate / (1 + epoch);
    for (const k of order) {
      const { index } = docs[k]!;
      const x = values[k]!;
      let z = bias;
      for (let i = 0; i < index.length; i++) z += w[index[i]!]! * x[i]!;
      const gradient = (1 / (1 + Math.exp(-z)) - labels[k]!) * weights[k]!;
      for (let i = 0; i < index.length; i++) w[index[i]!]! -= rate * gradient * x[i]!;
      bias -= rate * gradient;
    }
    // The L2 penalty shrinks every weight once an epoch, rather than each of 2^18 weights at every step.
    const shrink = 1 - rate * settings.l2 * docs.length;
    for (let b = 0; b < w.length; b++) w[b]! *= shrink;
  }
  return {
    probability(d: SparseText): number {
      const x = vector(d);
      let z = bias;
      for (let i = 0; i < d.index.length; i++) z += w[d.index[i]!]! * x[i]!;
      return 1 / (1 + Math.exp(-z));
    },
  };
}
