import { lcsLength } from './lcs';
import { charNgramSet, isMostlyCjk, ngramSet, normalizeText, tokenize, type Token } from './tokens';

/** How pairs are compared; recorded with every figure so it can be reproduced. */
export interface PairSettings {
  caseFold: boolean;
  /** Word n-gram size for Latin-script text. */
  wordNgram: number;
  /** Character n-gram size used instead for mostly Chinese, Japanese or Korean text. */
  cjkNgram: number;
  /** Character n-gram size for character containment. */
  charNgram: number;
  /** Beyond this many token edits the pair view stops marking differences word by word (the metrics stay exact). */
  maxEditLength: number;
}

export const DEFAULT_PAIR_SETTINGS: PairSettings = { caseFold: true, wordNgram: 3, cjkNgram: 2, charNgram: 5, maxEditLength: 5000 };

/** The similarities reported for a pair, each in 0..1, higher = more alike. */
export const METRICS = ['wordJaccard', 'wordContainment', 'charContainment', 'rougeL', 'longestRunShare', 'editSimilarity', 'structure'] as const;
export type Metric = (typeof METRICS)[number];

export const METRIC_LABELS: Record<Metric, string> = {
  wordJaccard: 'Word n-gram Jaccard',
  wordContainment: 'Word n-gram containment',
  charContainment: 'Character n-gram containment',
  rougeL: 'ROUGE-L F1',
  longestRunShare: 'Longest verbatim run (share of the shorter text)',
  editSimilarity: '1 − normalised edit distance',
  structure: 'Markdown structure similarity',
};

export interface Run {
  /** Token index in the reference (original) and the candidate. */
  referenceStart: number;
  candidateStart: number;
  length: number;
}

export interface Comparison {
  values: Record<Metric, number>;
  longestRun: Run & { characters: number };
  sameSkeleton: boolean;
  sameOpening: boolean;
  sameClosing: boolean;
  ngram: number;
}

const intersectionSize = (a: Set<string>, b: Set<string>) => {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
};

/** Interns tokens as integers so runs can be hashed. */
function ids(tokens: readonly string[], dictionary: Map<string, number>): Int32Array {
  const out = new Int32Array(tokens.length);
  tokens.forEach((t, i) => {
    let id = dictionary.get(t);
    if (id === undefined) dictionary.set(t, (id = dictionary.size + 1));
    out[i] = id;
  });
  return out;
}

/** Start positions of a run of `length` tokens common to both, or null. A rolling hash finds candidates; each is checked token by token. */
function commonRunOfLength(a: Int32Array, b: Int32Array, length: number): Run | null {
  if (length === 0) return { referenceStart: 0, candidateStart: 0, length: 0 };
  if (length > a.length || length > b.length) return null;
  const BASE = 1_000_003;
  let power = 1;
  for (let i = 0; i < length - 1; i++) power = Math.imul(power, BASE);
  const hashes = (xs: Int32Array, visit: (hash: number, start: number) => boolean) => {
    let h = 0;
    for (let i = 0; i < xs.length; i++) {
      if (i >= length) h = (h - Math.imul(xs[i - length]!, power)) | 0;
      h = (Math.imul(h, BASE) + xs[i]!) | 0;
      if (i >= length - 1 && visit(h, i - length + 1)) return;
    }
  };
  const seen = new Map<number, number[]>();
  hashes(a, (h, start) => {
    const list = seen.get(h);
    if (list) list.push(start);
    else seen.set(h, [start]);
    return false;
  });
  let found: Run | null = null;
  hashes(b, (h, start) => {
    for (const aStart of seen.get(h) ?? []) {
      let same = true;
      for (let k = 0; k < length && same; k++) same = a[aStart + k] === b[start + k];
      if (same) {
        found = { referenceStart: aStart, candidateStart: start, length };
        return true;
      }
    }
    return false;
  });
  return found;
}

/** The longest run of consecutive tokens the two texts share (binary search on its length). */
export function longestCommonRun(reference: readonly string[], candidate: readonly string[]): Run {
  const dictionary = new Map<string, number>();
  const a = ids(reference, dictionary);
  const b = ids(candidate, dictionary);
  let lo = 0;
  let hi = Math.min(a.length, b.length);
  let best: Run = { referenceStart: 0, candidateStart: 0, length: 0 };
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const run = commonRunOfLength(a, b, mid);
    if (run) {
      best = run;
      lo = mid;
    } else {
      hi = mid - 1;
    }
  }
  return best;
}

/**
 * Every maximal run of at least `minLength` tokens that the candidate shares
 * with the reference, left to right in the candidate, not overlapping there:
 * what a plagiarism checker highlights.
 */
export function sharedRuns(reference: readonly string[], candidate: readonly string[], minLength: number): Run[] {
  if (minLength < 1) throw new Error('minLength must be at least 1');
  const starts = new Map<string, number[]>();
  for (let i = 0; i + minLength <= reference.length; i++) {
    const key = reference.slice(i, i + minLength).join('\u0001');
    const list = starts.get(key);
    if (list) list.push(i);
    else starts.set(key, [i]);
  }
  const runs: Run[] = [];
  let j = 0;
  while (j + minLength <= candidate.length) {
    let best: Run | null = null;
    for (const i of starts.get(candidate.slice(j, j + minLength).join('\u0001')) ?? []) {
      let length = minLength;
      while (i + length < reference.length && j + length < candidate.length && reference[i + length] === candidate[j + length]) length++;
      if (!best || length > best.length) best = { referenceStart: i, candidateStart: j, length };
    }
    if (best) {
      runs.push(best);
      j += best.length;
    } else {
      j++;
    }
  }
  return runs;
}

type LineKind = 'heading' | 'bullet' | 'numbered' | 'code' | 'quote' | 'table' | 'paragraph';

/** The Markdown outline of a text: one entry per heading, list item, code block, quote, table row or paragraph. */
export function markdownSkeleton(text: string): LineKind[] {
  const skeleton: LineKind[] = [];
  let inCode = false;
  let inParagraph = false;
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (/^(```|~~~)/.test(trimmed)) {
      if (!inCode) skeleton.push('code');
      inCode = !inCode;
      inParagraph = false;
      continue;
    }
    if (inCode) continue;
    if (trimmed === '') {
      inParagraph = false;
      continue;
    }
    const kind: LineKind | null = /^#{1,6}\s/.test(trimmed) ? 'heading'
      : /^[-*+•]\s/.test(trimmed) ? 'bullet'
      : /^\d+[.)、]\s?/.test(trimmed) ? 'numbered'
      : /^>/.test(trimmed) ? 'quote'
      : /^\|.*\|$/.test(trimmed) ? 'table'
      : null;
    if (kind) {
      skeleton.push(kind);
      inParagraph = false;
    } else if (!inParagraph) {
      skeleton.push('paragraph');
      inParagraph = true;
    }
  }
  return skeleton;
}

const SENTENCE_END = /(?<=[.!?。！？])\s*/u;

function sentences(normalized: string): string[] {
  return normalized.split(SENTENCE_END).map((s) => s.trim()).filter(Boolean);
}

/**
 * How much of `candidate` (the suspect's or the control's output) matches
 * `reference` (the original's), on normalised text.
 */
export function compareTexts(reference: string, candidate: string, settings: PairSettings = DEFAULT_PAIR_SETTINGS): Comparison {
  const refTokens = tokenize(reference, settings);
  const candTokens = tokenize(candidate, settings);
  const ref = refTokens.map((t) => t.text);
  const cand = candTokens.map((t) => t.text);
  const n = isMostlyCjk(refTokens) || isMostlyCjk(candTokens) ? settings.cjkNgram : settings.wordNgram;

  const refGrams = ngramSet(ref, n);
  const candGrams = ngramSet(cand, n);
  const shared = intersectionSize(refGrams, candGrams);
  const union = refGrams.size + candGrams.size - shared;
  const refChars = charNgramSet(normalizeText(reference, settings), settings.charNgram);
  const candChars = charNgramSet(normalizeText(candidate, settings), settings.charNgram);

  const common = lcsLength(ref, cand);
  const precision = cand.length ? common / cand.length : 0;
  const recall = ref.length ? common / ref.length : 0;
  const rougeL = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  const edits = ref.length + cand.length - 2 * common;

  const run = longestCommonRun(ref, cand);
  const runChars = run.length ? candTokens[run.candidateStart + run.length - 1]!.end - candTokens[run.candidateStart]!.start : 0;

  const refSkeleton = markdownSkeleton(reference);
  const candSkeleton = markdownSkeleton(candidate);
  const skeletonCommon = lcsLength(refSkeleton, candSkeleton);
  const refSentences = sentences(normalizeText(reference, settings));
  const candSentences = sentences(normalizeText(candidate, settings));

  const shorter = Math.min(ref.length, cand.length);
  return {
    values: {
      wordJaccard: union ? shared / union : 0,
      wordContainment: candGrams.size ? shared / candGrams.size : 0,
      charContainment: candChars.size ? intersectionSize(refChars, candChars) / candChars.size : 0,
      rougeL,
      longestRunShare: shorter ? run.length / shorter : 0,
      editSimilarity: ref.length + cand.length ? 1 - edits / (ref.length + cand.length) : 1,
      structure: refSkeleton.length + candSkeleton.length ? (2 * skeletonCommon) / (refSkeleton.length + candSkeleton.length) : 1,
    },
    longestRun: { ...run, characters: runChars },
    sameSkeleton: refSkeleton.length > 0 && refSkeleton.join() === candSkeleton.join(),
    sameOpening: !!refSentences[0] && refSentences[0] === candSentences[0],
    sameClosing: !!refSentences.at(-1) && refSentences.at(-1) === candSentences.at(-1),
    ngram: n,
  };
}

export type { Token };
