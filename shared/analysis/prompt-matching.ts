import { sha256Hex } from '../hash';
import { chunkRows, type LogChunks } from '../log-store/log-chunks';
import type { LogRow, OutputPair, SourceRef } from '../model/records';
import { network24 } from './campaign';
import { normalizeText } from './tokens';

/**
 * How a pair's prompt is found among the prompts the logs recorded:
 * - exact: the same text;
 * - normalised: the same after NFKC, white space folded and case folded;
 * - hash: the log holds a SHA-256 (hex) of the prompt's exact UTF-8 bytes, or of its normalised form, instead of the text;
 * - template: the logged prompt contains the pair's prompt (normalised) with text around it, the template shown;
 * - near: the logged prompt is a near-duplicate (MinHash estimate of the Jaccard similarity of their character 4-gram sets at or above the threshold).
 */
export const MATCH_METHODS = ['exact', 'normalised', 'hash', 'template', 'near'] as const;
export type MatchMethod = (typeof MATCH_METHODS)[number];

export const MATCH_METHOD_LABELS: Record<MatchMethod, string> = {
  exact: 'Exact text',
  normalised: 'Same text after normalisation (NFKC, white space, case)',
  hash: 'SHA-256 of the exact or normalised prompt',
  template: 'Contained in a templated prompt',
  near: 'Near-duplicate (MinHash over character 4-grams)',
};

export const NORMALISATION = 'Unicode NFKC, runs of white space folded to one space and trimmed, then lower case';

/** The normalised form prompts are compared (and hashed) in. */
export function normalisePrompt(text: string): string {
  return normalizeText(text, { caseFold: true });
}

export interface MatchSettings {
  methods: readonly MatchMethod[];
  /** Smallest estimated Jaccard similarity for a near-duplicate. */
  nearThreshold: number;
  /** Shortest pair prompt, in words, looked for inside longer logged prompts (shorter ones match too often by chance). */
  templateMinWords: number;
}

export const DEFAULT_MATCH_SETTINGS: MatchSettings = { methods: MATCH_METHODS, nearThreshold: 0.7, templateMinWords: 5 };

/** One logged request that sent a pair's prompt, and how it was found. */
export interface MatchedRow {
  ref: SourceRef;
  method: MatchMethod;
  /** UTC epoch milliseconds of the request, null when the row had no readable time. */
  ts: number | null;
  account?: string;
  /** For near-duplicates: the estimated similarity. For templates: the logged prompt with the pair's prompt as <prompt>. */
  similarity?: number;
  template?: string;
}

export interface PromptMatch {
  pairId: string;
  promptId: string;
  methods: MatchMethod[];
  rows: MatchedRow[];
  accounts: string[];
  apiKeys: string[];
  networks: string[];
  /** UTC epoch milliseconds of the first and last request, when the rows have times. */
  first: number | null;
  last: number | null;
}

/** The matches the chosen methods count: a pair counts when one of them found it, with only the rows they found. */
export function countedMatches(matches: readonly PromptMatch[], methods: readonly MatchMethod[]): PromptMatch[] {
  return matches.flatMap((m) => {
    const rows = m.rows.filter((r) => methods.includes(r.method));
    return rows.length ? [{ ...m, rows, methods: m.methods.filter((x) => methods.includes(x)) }] : [];
  });
}

export interface PromptMatching {
  settings: MatchSettings & { normalisation: string };
  matchedPairs: number;
  unmatchedPairs: number;
  /** Pairs each method found (a pair found by two methods counts for both). */
  byMethod: Record<MatchMethod, number>;
  matches: PromptMatch[];
}

// Character 4-grams: prompts are short, and a typo must leave most of them intact.
const SHINGLE = 4;
// 20 bands of 5 bins: a pair at the 0.7 threshold shares a whole band with a row 97.5% of the time,
// one at 0.2 (prompts written from one small vocabulary or template) 0.6% of the time, so few
// candidates need judging. The candidates are judged on all 100 bins.
const BINS = 100;
const BANDS = 20;
const EMPTY = 0xffffffff;
const BORROWED = 0x80000000;

/** murmur3's finaliser: scatters the bits of a 32-bit hash. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A one-permutation MinHash signature of a text's character 4-grams (Li,
 * Owen & Zhang 2012): each 4-gram is hashed once, the hash picks one of the
 * bins and the bin keeps the smallest of a second hash. A bin no 4-gram
 * fell in borrows the value of a filled bin chosen by a fixed hash sequence
 * (Shrivastava 2017's optimal densification), so two texts' bins agree with
 * probability equal to the Jaccard similarity of their 4-gram sets, as with
 * one independent hash function per bin, at a fraction of the cost.
 */
function signature(normalised: string): Uint32Array {
  const sig = new Uint32Array(BINS).fill(EMPTY);
  const last = Math.max(0, normalised.length - SHINGLE);
  for (let i = 0; i <= last; i++) {
    let h = 0x811c9dc5;
    for (let k = i; k < Math.min(normalised.length, i + SHINGLE); k++) h = Math.imul(h ^ normalised.charCodeAt(k), 0x01000193);
    h = mix(h);
    const bin = h % BINS;
    const value = mix(h ^ 0x5bd1e995) >>> 1;
    if (value < sig[bin]!) sig[bin] = value;
  }
  for (let bin = 0; bin < BINS; bin++) {
    if (sig[bin] !== EMPTY) continue;
    for (let attempt = 1; ; attempt++) {
      const value = sig[mix(Math.imul(bin + 1, 0x9e3779b1) ^ attempt) % BINS]!;
      // Borrowed only from a bin a 4-gram filled, and marked as borrowed, so it never equals a value of the bin's own.
      if (value < BORROWED) {
        sig[bin] = value + BORROWED;
        break;
      }
    }
  }
  return sig;
}

const BAND_WIDTH = BINS / BANDS;

/** A band of a signature folded into one number: a collision only adds a candidate, which the whole signature then judges. */
function bandKey(sig: Uint32Array, from: number, band: number): number {
  let h = mix(band + 1);
  for (let k = from + band * BAND_WIDTH; k < from + (band + 1) * BAND_WIDTH; k++) h = mix(h ^ sig[k]!);
  return h;
}

/**
 * The pairs sharing a band with a signature: per band, an open-addressing
 * table of band keys over one typed array (each slot a key and the head of
 * a chain of pairs, side by side in memory). A row looks up every band, and
 * this lookup was most of the matching's time when it was a Map of arrays.
 */
class BandIndex {
  private readonly mask: number;
  /** Per band and slot: the key, and 1 + the first pair with it (0 for an empty slot). */
  private readonly table: Uint32Array;
  private readonly chain: Int32Array;
  private readonly pairs: number;

  constructor(signatures: Uint32Array) {
    this.pairs = signatures.length / BINS;
    const slots = 2 ** Math.ceil(Math.log2(Math.max(2, this.pairs * 1.5)));
    this.mask = slots - 1;
    this.table = new Uint32Array(BANDS * slots * 2);
    this.chain = new Int32Array(BANDS * this.pairs).fill(-1);
    for (let i = this.pairs - 1; i >= 0; i--) {
      for (let band = 0; band < BANDS; band++) {
        const key = bandKey(signatures, i * BINS, band);
        let at = this.start(band, key);
        while (this.table[at + 1] !== 0 && this.table[at] !== key) at = this.step(band, at);
        this.table[at] = key;
        this.chain[band * this.pairs + i] = this.table[at + 1]! - 1;
        this.table[at + 1] = i + 1;
      }
    }
  }

  private start(band: number, key: number): number {
    return (band * (this.mask + 1) + (key & this.mask)) * 2;
  }

  private step(band: number, at: number): number {
    const base = band * (this.mask + 1);
    return (base + ((at / 2 - base + 1) & this.mask)) * 2;
  }

  /** The first pair sharing the band with the signature, or -1. */
  first(band: number, sig: Uint32Array): number {
    const key = bandKey(sig, 0, band);
    for (let at = this.start(band, key); this.table[at + 1] !== 0; at = this.step(band, at)) if (this.table[at] === key) return this.table[at + 1]! - 1;
    return -1;
  }

  /** The next pair after `pair` sharing the same band value, or -1. */
  next(band: number, pair: number): number {
    return this.chain[band * this.pairs + pair]!;
  }
}

/**
 * The share of bins two signatures agree on, or -1 as soon as it cannot
 * reach `least` agreeing bins: most candidates share only common 4-grams
 * with the text, and are dropped after a few bins.
 */
function agreement(a: Uint32Array, all: Uint32Array, i: number, least: number): number {
  let same = 0;
  for (let k = 0, at = i * BINS; k < BINS; k++, at++) {
    if (a[k] === all[at]) same++;
    else if (same + BINS - 1 - k < least) return -1;
  }
  return same / BINS;
}

/** A pair a logged prompt matched, and how: the method, and for a near-duplicate its similarity, for a template the template. */
interface Found {
  pair: number;
  match: Omit<MatchedRow, 'ref' | 'ts' | 'account'>;
}

/**
 * Which pairs a logged prompt (its text, or the hash a log keeps instead)
 * matches, by each chosen method. The pairs are indexed once (by text,
 * normalised text, hashes, word n-grams for templates, MinHash bands for
 * near-duplicates), so each prompt costs the same however many pairs there
 * are. The answer depends on the prompt alone: a log's rows that sent the
 * same prompt are matched alike.
 */
function promptMatcher(pairs: readonly OutputPair[], settings: MatchSettings): (text: string | undefined, promptHash: string | undefined) => Found[] {
  const use = new Set(settings.methods);
  const normalised = pairs.map((p) => normalisePrompt(p.prompt));
  const index = <K>(key: (i: number) => K[]) => {
    const map = new Map<K, number[]>();
    pairs.forEach((_, i) => {
      for (const k of key(i)) {
        const list = map.get(k);
        if (list) list.push(i);
        else map.set(k, [i]);
      }
    });
    return map;
  };
  const byText = index((i) => [pairs[i]!.prompt]);
  const byNormal = index((i) => [normalised[i]!]);
  const byHash = index((i) => [sha256Hex(pairs[i]!.prompt), sha256Hex(normalised[i]!)]);
  // A templated prompt contains the pair's prompt whole: its first templateMinWords words find the candidates, a substring test decides.
  const wordsOf = normalised.map((n) => n.split(' ').filter(Boolean));
  const opening = (words: readonly string[], from: number) => words.slice(from, from + settings.templateMinWords).join(' ');
  const byOpening = index((i) => (wordsOf[i]!.length >= settings.templateMinWords ? [opening(wordsOf[i]!, 0)] : []));
  const firstWords = new Set(wordsOf.map((words) => words[0] ?? ''));
  // One array for all the pairs' signatures, so judging a candidate reads memory in line.
  const signatures = new Uint32Array(use.has('near') ? pairs.length * BINS : 0);
  if (use.has('near')) normalised.forEach((n, i) => signatures.set(signature(n), i * BINS));
  const bands = new BandIndex(use.has('near') ? signatures : new Uint32Array(0));
  const leastAgreeing = Math.ceil(settings.nearThreshold * BINS - 1e-9);
  const judgedFor = new Int32Array(pairs.length).fill(-1);
  const needsNormal = use.has('normalised') || use.has('template') || use.has('near');
  let asked = 0;

  return (text, promptHash) => {
    asked++;
    // The first method that finds a pair names it: exact before normalised before hash before template before near.
    const found: Found[] = [];
    const foundHere = new Set<number>();
    const add = (pair: number, match: Found['match']) => {
      if (foundHere.has(pair)) return;
      foundHere.add(pair);
      found.push({ pair, match });
    };
    const n = text !== undefined && needsNormal ? normalisePrompt(text) : '';
    if (text !== undefined) {
      if (use.has('exact')) for (const i of byText.get(text) ?? []) add(i, { method: 'exact' });
      if (use.has('normalised')) for (const i of byNormal.get(n) ?? []) add(i, { method: 'normalised' });
    }
    if (use.has('hash') && promptHash) for (const i of byHash.get(promptHash.trim().toLowerCase()) ?? []) add(i, { method: 'hash' });
    if (use.has('template') && text !== undefined) {
      const words = n.split(' ');
      for (let w = 0; w + settings.templateMinWords <= words.length; w++) {
        if (!firstWords.has(words[w]!)) continue;
        for (const i of byOpening.get(opening(words, w)) ?? []) {
          if (n.length > normalised[i]!.length && n.includes(normalised[i]!)) add(i, { method: 'template', template: n.replace(normalised[i]!, '<prompt>') });
        }
      }
    }
    // A prompt that is one pair's by a surer method is not a near-duplicate of another's; and a
    // near-duplicate is given only to the pair it is most like, so prompts written from one
    // question pattern ("What are the main ideas behind …?") do not all claim it.
    if (use.has('near') && text !== undefined && foundHere.size === 0) {
      const sig = signature(n);
      let best = -1;
      let bestSimilarity = 0;
      for (let b = 0; b < BANDS; b++) {
        for (let i = bands.first(b, sig); i >= 0; i = bands.next(b, i)) {
          if (judgedFor[i] === asked) continue;
          judgedFor[i] = asked;
          const similarity = agreement(sig, signatures, i, Math.max(leastAgreeing, Math.round(bestSimilarity * BINS)));
          if (similarity > bestSimilarity || (similarity === bestSimilarity && i < best)) [best, bestSimilarity] = [i, similarity];
        }
      }
      if (best >= 0) add(best, { method: 'near', similarity: bestSimilarity });
    }
    return found;
  };
}

/** A logged request as the matching keeps it. */
type LoggedRequest = Pick<LogRow, 'sourceId' | 'line' | 'ts' | 'account' | 'apiKey' | 'ip'>;

/** A logged request with the prompt it sent, as the engine gives it. */
export type PromptRow = LoggedRequest & LoggedPrompt;

/** Each pair's matched rows, and the keys and networks they were sent with. */
function matchedRows(pairs: readonly OutputPair[]) {
  const found = pairs.map(() => ({ rows: [] as MatchedRow[], apiKeys: new Set<string>(), networks: new Set<string>() }));
  return {
    add(request: LoggedRequest, matches: readonly Found[]) {
      for (const { pair, match } of matches) {
        const into = found[pair]!;
        into.rows.push({ ref: { sourceId: request.sourceId, line: request.line }, ts: request.ts, ...(request.account !== undefined && { account: request.account }), ...match });
        if (request.apiKey) into.apiKeys.add(request.apiKey);
        const network = request.ip ? network24(request.ip) : undefined;
        if (network) into.networks.add(network);
      }
    },
    result(settings: MatchSettings): PromptMatching {
      const matches: PromptMatch[] = [];
      pairs.forEach((pair, i) => {
        const { rows, apiKeys, networks } = found[i]!;
        if (rows.length === 0) return;
        rows.sort((a, b) => a.ref.sourceId.localeCompare(b.ref.sourceId) || a.ref.line - b.ref.line);
        const times = rows.map((r) => r.ts).filter((t): t is number => t !== null);
        matches.push({
          pairId: pair.id,
          promptId: pair.promptId,
          methods: MATCH_METHODS.filter((m) => rows.some((r) => r.method === m)),
          rows,
          accounts: [...new Set(rows.flatMap((r) => (r.account ? [r.account] : [])))].sort(),
          apiKeys: [...apiKeys].sort(),
          networks: [...networks].sort(),
          first: times.length ? times.reduce((a, b) => Math.min(a, b)) : null,
          last: times.length ? times.reduce((a, b) => Math.max(a, b)) : null,
        });
      });
      const byMethod = Object.fromEntries(MATCH_METHODS.map((m) => [m, matches.filter((x) => x.methods.includes(m)).length])) as Record<MatchMethod, number>;
      return { settings: { ...settings, methods: [...settings.methods], normalisation: NORMALISATION }, matchedPairs: matches.length, unmatchedPairs: pairs.length - matches.length, byMethod, matches };
    },
  };
}

/**
 * For every pair, the logged requests that sent its prompt, by each chosen
 * method: one pass over the log rows, only the matched rows kept.
 */
export async function matchPrompts(pairs: readonly OutputPair[], chunks: LogChunks, settings: MatchSettings = DEFAULT_MATCH_SETTINGS): Promise<PromptMatching> {
  const match = promptMatcher(pairs, settings);
  const found = matchedRows(pairs);
  for await (const chunk of chunks()) for (const entry of chunkRows(chunk)) found.add(entry, match(entry.prompt, entry.promptHash));
  return found.result(settings);
}

/** A prompt as a log holds it: its text, the hash kept instead, or both (null where absent). */
export interface LoggedPrompt {
  prompt: string | null;
  promptHash: string | null;
}

/** The matching's questions, asked where the rows are (the log engine's SQL) rather than by reading every row here. */
export interface PromptQueries {
  /** Every distinct prompt of the rows, in batches. */
  prompts(): AsyncIterable<LoggedPrompt[]>;
  /** The rows whose prompt text, or hash, is among those given, in batches. */
  rows(prompts: readonly string[], promptHashes: readonly string[]): AsyncIterable<PromptRow[]>;
}

/**
 * The matching of matchPrompts, asking the engine for the rows' distinct
 * prompts and then for the rows of those that matched: a prompt sent a
 * million times is matched once, and only matched rows cross.
 */
export async function matchPromptsWith(pairs: readonly OutputPair[], queries: PromptQueries, settings: MatchSettings = DEFAULT_MATCH_SETTINGS): Promise<PromptMatching> {
  const match = promptMatcher(pairs, settings);
  const key = (p: LoggedPrompt) => JSON.stringify([p.prompt, p.promptHash]);
  const matched = new Map<string, Found[]>();
  for await (const batch of queries.prompts()) {
    for (const logged of batch) {
      const found = match(logged.prompt ?? undefined, logged.promptHash ?? undefined);
      if (found.length) matched.set(key(logged), found);
    }
  }
  const found = matchedRows(pairs);
  if (matched.size) {
    const keys = [...matched.keys()].map((k) => JSON.parse(k) as [string | null, string | null]);
    const texts = [...new Set(keys.flatMap(([prompt]) => (prompt === null ? [] : [prompt])))];
    const hashes = [...new Set(keys.flatMap(([, hash]) => (hash === null ? [] : [hash])))];
    for await (const batch of queries.rows(texts, hashes)) {
      for (const row of batch) {
        const matches = matched.get(key(row));
        if (matches) found.add(row, matches);
      }
    }
  }
  return found.result(settings);
}

/** Distinct prompts per part, and rows per page, asked of the engine at a time: each answer one message's worth. */
const PAGES = { promptsPerPart: 20_000, rowsPerPage: 50_000 };

/** What the engine answers (node/log-engine.ts), as PromptQueries: the distinct prompts split into parts, the rows read in pages. */
export function pagedPromptQueries(engine: {
  distinctPrompts(): Promise<number>;
  promptPart(part: number, parts: number): Promise<LoggedPrompt[]>;
  promptRows(prompts: readonly string[], hashes: readonly string[], start: number, count: number): Promise<PromptRow[]>;
}, pages = PAGES): PromptQueries {
  return {
    async *prompts() {
      const parts = Math.max(1, Math.ceil((await engine.distinctPrompts()) / pages.promptsPerPart));
      for (let part = 0; part < parts; part++) yield await engine.promptPart(part, parts);
    },
    async *rows(prompts, hashes) {
      for (let start = 0; ; start += pages.rowsPerPage) {
        const page = await engine.promptRows(prompts, hashes, start, pages.rowsPerPage);
        if (page.length) yield page;
        if (page.length < pages.rowsPerPage) return;
      }
    },
  };
}
