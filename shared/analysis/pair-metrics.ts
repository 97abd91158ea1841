import { lcsLength } from './lcs';
import { gramSet, Interner, sharedGrams, type Grams } from './ngrams';
import { isMostlyCjk, normalizeText, tokenize, type TextSettings, type Token } from './tokens';

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

/**
 * The similarities reported for a pair, each in 0..1, higher = more alike.
 * There is no separate edit similarity: counted over insertions and
 * deletions it is 2·LCS/(m+n), ROUGE-L F1 again (equal on 805 of 805 real
 * pairs), and a metric must not be counted twice.
 */
export const METRICS = ['wordJaccard', 'wordContainment', 'charContainment', 'rougeL', 'longestRunShare', 'structure'] as const;
export type Metric = (typeof METRICS)[number];

export const METRIC_LABELS: Record<Metric, string> = {
  wordJaccard: 'Word n-gram Jaccard',
  wordContainment: 'Word n-gram containment',
  charContainment: 'Character n-gram containment',
  rougeL: 'ROUGE-L F1',
  longestRunShare: 'Longest verbatim run (share of the shorter text)',
  structure: 'Markdown structure similarity',
};

/** What each metric is, in words a report can print beside it. */
export const METRIC_DEFINITIONS: Record<Metric, string> = {
  wordJaccard: 'Distinct word n-grams (word trigrams; character bigrams for Chinese, Japanese and Korean) the two answers share, divided by those either has.',
  wordContainment: 'Share of the candidate answer’s distinct word n-grams that also occur in the original’s answer.',
  charContainment: 'Share of the candidate answer’s distinct character 5-grams (spaces left out) that also occur in the original’s answer.',
  rougeL: 'Twice the longest common subsequence of words, divided by the two answers’ lengths in words (the harmonic mean of its precision and recall).',
  longestRunShare: 'The longest run of consecutive words the two answers share, as a share of the shorter answer.',
  structure: 'Markdown outline (headings, list items, code, quotes, tables, paragraphs) compared as a sequence: twice the common subsequence over the two outlines’ lengths.',
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

/** The longest run by binary search on its length: slower, but bounded whatever the texts. */
function longestRunBySearch(a: Int32Array, b: Int32Array): Run {
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
 * The longest run of consecutive tokens two id sequences share, the first
 * in the candidate where several are as long. Every position pair with the
 * same token belongs to one diagonal run, so following each run from its
 * start costs one step per matching pair; texts with too many (one word
 * repeated throughout) are searched by run length instead.
 */
function longestCommonRun(a: Int32Array, b: Int32Array): Run {
  const positions = new Map<number, number[]>();
  for (let i = 0; i < a.length; i++) {
    const list = positions.get(a[i]!);
    if (list) list.push(i);
    else positions.set(a[i]!, [i]);
  }
  let matchingPairs = 0;
  for (let j = 0; j < b.length; j++) matchingPairs += positions.get(b[j]!)?.length ?? 0;
  if (matchingPairs > 64 * (a.length + b.length)) return longestRunBySearch(a, b);
  let best: Run = { referenceStart: 0, candidateStart: 0, length: 0 };
  for (let j = 0; j < b.length; j++) {
    for (const i of positions.get(b[j]!) ?? []) {
      if (i > 0 && j > 0 && a[i - 1] === b[j - 1]) continue;
      let length = 1;
      while (i + length < a.length && j + length < b.length && a[i + length] === b[j + length]) length++;
      if (length > best.length) best = { referenceStart: i, candidateStart: j, length };
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

/** A text tokenised and normalised once, however many comparisons it takes part in. */
export interface TextForComparison {
  text: string;
  tokens: Token[];
  /** NFKC, white space folded, case folded if the settings say so. */
  normalized: string;
}

export function textForComparison(text: string, settings: TextSettings): TextForComparison {
  return { text, tokens: tokenize(text, settings), normalized: normalizeText(text, settings) };
}

/**
 * One side of a comparison as numbers: token ids and character ids in
 * dictionaries the texts compared share. Characters, outline and sentences
 * are worked out when a metric first asks for them (a class, so the lazy
 * getters stay on one hidden shape and cost nothing).
 */
class Encoded {
  readonly grams = new Map<string, Grams>();
  /** Word n-grams shared with the reference, by n: Jaccard and containment both need it. */
  readonly sharedWords = new Map<number, number>();
  private charIds: Int32Array | undefined;
  private outline: LineKind[] | undefined;
  private sentenceList: string[] | undefined;
  constructor(
    readonly source: TextForComparison,
    readonly words: Int32Array,
    readonly mostlyCjk: boolean,
    private readonly encodeChars: (text: string) => Int32Array,
  ) {}
  /** Characters (code points) of the normalised text, spaces left out. */
  get chars(): Int32Array {
    return (this.charIds ??= this.encodeChars(this.source.normalized));
  }
  get skeleton(): LineKind[] {
    return (this.outline ??= markdownSkeleton(this.source.text));
  }
  get sentences(): string[] {
    return (this.sentenceList ??= this.source.normalized.split(SENTENCE_END).map((x) => x.trim()).filter(Boolean));
  }
}

/** The texts of one comparison, encoded in dictionaries they share, so n-gram sets made from them can be compared. */
function encodeTogether(texts: readonly TextForComparison[]) {
  const wordIds = new Interner<string>();
  const charIds = new Interner<number>();
  const encodeChars = (text: string) => {
    const chars = new Int32Array(text.length);
    let length = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      if (code > 0xffff) i++;
      if (code !== 0x20) chars[length++] = charIds.id(code);
    }
    return chars.subarray(0, length);
  };
  const encode = (t: TextForComparison): Encoded => {
    const words = new Int32Array(t.tokens.length);
    t.tokens.forEach((token, i) => (words[i] = wordIds.id(token.text)));
    return new Encoded(t, words, isMostlyCjk(t.tokens), encodeChars);
  };
  const encoded = texts.map(encode);
  // Every text's words or characters are encoded before any n-gram set of them is made, so all sets share one base.
  const grams = (e: Encoded, kind: 'words' | 'chars', n: number) => {
    if (kind === 'chars') for (const x of encoded) void x.chars;
    const key = `${kind}${n}`;
    let set = e.grams.get(key);
    if (!set) e.grams.set(key, (set = gramSet(e[kind], n, kind === 'words' ? wordIds.size : charIds.size)));
    return set;
  };
  return { encoded, grams };
}

type Grammer = ReturnType<typeof encodeTogether>['grams'];

/** The word n-gram size a comparison uses: one size for both sides, the CJK size if either is mostly CJK. */
const ngramFor = (ref: Encoded, cand: Encoded, settings: PairSettings) => (ref.mostlyCjk || cand.mostlyCjk ? settings.cjkNgram : settings.wordNgram);

/** One metric of a candidate against the reference; the formulas every figure of the analysis comes from. */
function metricValue(metric: Metric, ref: Encoded, cand: Encoded, grams: Grammer, settings: PairSettings, run?: Run): number {
  switch (metric) {
    case 'wordJaccard':
    case 'wordContainment': {
      const n = ngramFor(ref, cand, settings);
      const refGrams = grams(ref, 'words', n);
      const candGrams = grams(cand, 'words', n);
      let shared = cand.sharedWords.get(n);
      if (shared === undefined) cand.sharedWords.set(n, (shared = sharedGrams(refGrams, candGrams)));
      if (metric === 'wordContainment') return candGrams.size ? shared / candGrams.size : 0;
      const union = refGrams.size + candGrams.size - shared;
      return union ? shared / union : 0;
    }
    case 'charContainment': {
      const candChars = grams(cand, 'chars', settings.charNgram);
      return candChars.size ? sharedGrams(grams(ref, 'chars', settings.charNgram), candChars) / candChars.size : 0;
    }
    case 'rougeL': {
      const common = lcsLength(ref.words, cand.words);
      const precision = cand.words.length ? common / cand.words.length : 0;
      const recall = ref.words.length ? common / ref.words.length : 0;
      return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    }
    case 'longestRunShare': {
      const shorter = Math.min(ref.words.length, cand.words.length);
      return shorter ? (run ?? longestCommonRun(ref.words, cand.words)).length / shorter : 0;
    }
    case 'structure': {
      const skeletonLength = ref.skeleton.length + cand.skeleton.length;
      return skeletonLength ? (2 * lcsLength(ref.skeleton, cand.skeleton)) / skeletonLength : 1;
    }
  }
}

/**
 * Compares each candidate (the suspect's output, a reference model's) with
 * the original's. Each text is tokenised, normalised and counted once.
 */
export function compareAll(original: TextForComparison, candidates: readonly TextForComparison[], settings: PairSettings = DEFAULT_PAIR_SETTINGS): Comparison[] {
  const { encoded, grams } = encodeTogether([original, ...candidates]);
  const ref = encoded[0]!;
  return encoded.slice(1).map((cand): Comparison => {
    const run = longestCommonRun(ref.words, cand.words);
    const candTokens = cand.source.tokens;
    return {
      values: Object.fromEntries(METRICS.map((m) => [m, metricValue(m, ref, cand, grams, settings, run)])) as Record<Metric, number>,
      longestRun: { ...run, characters: run.length ? candTokens[run.candidateStart + run.length - 1]!.end - candTokens[run.candidateStart]!.start : 0 },
      sameSkeleton: ref.skeleton.length > 0 && ref.skeleton.join() === cand.skeleton.join(),
      sameOpening: !!ref.sentences[0] && ref.sentences[0] === cand.sentences[0],
      sameClosing: !!ref.sentences.at(-1) && ref.sentences.at(-1) === cand.sentences.at(-1),
      ngram: ngramFor(ref, cand, settings),
    };
  });
}

/** One metric of each candidate against the original: what the attribution analysis computes many times over. */
export function similarities(metric: Metric, original: TextForComparison, candidates: readonly TextForComparison[], settings: PairSettings = DEFAULT_PAIR_SETTINGS): number[] {
  const { encoded, grams } = encodeTogether([original, ...candidates]);
  return encoded.slice(1).map((cand) => metricValue(metric, encoded[0]!, cand, grams, settings));
}

/** The suspect's output, and a control's if there is one, against the original's. */
export function comparePair(original: TextForComparison, suspect: TextForComparison, control: TextForComparison | null, settings: PairSettings = DEFAULT_PAIR_SETTINGS): { suspect: Comparison; control: Comparison | null } {
  const [s, c] = compareAll(original, control ? [suspect, control] : [suspect], settings);
  return { suspect: s!, control: c ?? null };
}

/**
 * How much of `candidate` (the suspect's or the control's output) matches
 * `reference` (the original's), on normalised text.
 */
export function compareTexts(reference: string, candidate: string, settings: PairSettings = DEFAULT_PAIR_SETTINGS): Comparison {
  return comparePair(textForComparison(reference, settings), textForComparison(candidate, settings), null, settings).suspect;
}

export type { Token };
