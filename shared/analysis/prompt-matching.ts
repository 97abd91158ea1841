import { sha256Hex } from '../hash';
import type { LogEntry, OutputPair, SourceRef } from '../model/records';
import { seededRandom } from '../random';
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
const HASHES = 64;
const BANDS = 16;

/** murmur3's finaliser: scatters the bits of a 32-bit hash, so one hash per 4-gram serves as many seeded ones. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * A MinHash signature of a text's character 4-grams: for each seed, the
 * smallest mixed hash. Each 4-gram is hashed once (FNV-1a over its code
 * units) and mixed with each seed, without making a string of it.
 */
function signature(normalised: string, seeds: readonly number[]): Uint32Array {
  const sig = new Uint32Array(seeds.length).fill(0xffffffff);
  const last = Math.max(0, normalised.length - SHINGLE);
  for (let i = 0; i <= last; i++) {
    let base = 0x811c9dc5;
    for (let k = i; k < Math.min(normalised.length, i + SHINGLE); k++) base = Math.imul(base ^ normalised.charCodeAt(k), 0x01000193);
    for (let k = 0; k < seeds.length; k++) {
      const h = mix(base ^ seeds[k]!);
      if (h < sig[k]!) sig[k] = h;
    }
  }
  return sig;
}

const agreement = (a: Uint32Array, b: Uint32Array) => {
  let same = 0;
  for (let k = 0; k < a.length; k++) if (a[k] === b[k]) same++;
  return same / a.length;
};

/**
 * For every pair, the logged requests that sent its prompt, by each chosen
 * method. One pass over the log rows; the pairs are indexed once (by text,
 * normalised text, hashes, word n-grams for templates, MinHash bands for
 * near-duplicates), so the cost grows with the rows, not rows × pairs.
 */
export function matchPrompts(pairs: readonly OutputPair[], entries: Iterable<LogEntry>, settings: MatchSettings = DEFAULT_MATCH_SETTINGS): PromptMatching {
  const use = new Set(settings.methods);
  const normalised = pairs.map((p) => normalisePrompt(p.prompt));
  const index = <K>(key: (i: number) => K[]) => {
    const map = new Map<K, number[]>();
    pairs.forEach((_, i) => {
      for (const k of key(i)) map.set(k, [...(map.get(k) ?? []), i]);
    });
    return map;
  };
  const byText = index((i) => [pairs[i]!.prompt]);
  const byNormal = index((i) => [normalised[i]!]);
  const byHash = index((i) => [sha256Hex(pairs[i]!.prompt), sha256Hex(normalised[i]!)]);
  // A templated prompt contains the pair's prompt whole: its first TEMPLATE_KEY words find the candidates, a substring test decides.
  const wordsOf = normalised.map((n) => n.split(' ').filter(Boolean));
  const byOpening = index((i) => (wordsOf[i]!.length >= settings.templateMinWords ? [wordsOf[i]!.slice(0, settings.templateMinWords).join(' ')] : []));
  const random = seededRandom(20261130);
  const seeds = Array.from({ length: HASHES }, () => Math.floor(random() * 0xffffffff));
  const signatures = use.has('near') ? normalised.map((n) => signature(n, seeds)) : [];
  const rowsPerBand = HASHES / BANDS;
  // A band's values folded into one number: a collision only adds a candidate, which the full signature then judges.
  const bandKey = (sig: Uint32Array, b: number) => {
    let h = mix(b + 1);
    for (let k = b * rowsPerBand; k < (b + 1) * rowsPerBand; k++) h = mix(h ^ sig[k]!);
    return h;
  };
  const byBand = use.has('near') ? index((i) => Array.from({ length: BANDS }, (_, b) => bandKey(signatures[i]!, b))) : new Map<number, number[]>();

  const found = pairs.map(() => new Map<string, MatchedRow>());
  const entryOf = new Map<string, LogEntry>();
  const add = (i: number, entry: LogEntry, row: Omit<MatchedRow, 'ref' | 'ts' | 'account'>) => {
    const key = `${entry.sourceId}:${entry.line}`;
    // The first method that finds a row names it: exact before normalised before hash before template before near.
    if (found[i]!.has(key)) return;
    found[i]!.set(key, { ref: { sourceId: entry.sourceId, line: entry.line }, ts: entry.ts, ...(entry.account !== undefined && { account: entry.account }), ...row });
    entryOf.set(key, entry);
  };

  for (const entry of entries) {
    const text = entry.prompt;
    const before = entryOf.size;
    const n = text === undefined ? '' : normalisePrompt(text);
    if (text !== undefined) {
      if (use.has('exact')) for (const i of byText.get(text) ?? []) add(i, entry, { method: 'exact' });
      if (use.has('normalised')) for (const i of byNormal.get(n) ?? []) add(i, entry, { method: 'normalised' });
      if (use.has('template')) {
        const words = n.split(' ');
        for (let w = 0; w + settings.templateMinWords <= words.length; w++) {
          for (const i of byOpening.get(words.slice(w, w + settings.templateMinWords).join(' ')) ?? []) {
            if (n.length > normalised[i]!.length && n.includes(normalised[i]!)) add(i, entry, { method: 'template', template: n.replace(normalised[i]!, '<prompt>') });
          }
        }
      }
    }
    if (use.has('hash') && entry.promptHash) for (const i of byHash.get(entry.promptHash.trim().toLowerCase()) ?? []) add(i, entry, { method: 'hash' });
    // A row that sent one pair's prompt by a surer method is not a near-duplicate of another's; and a
    // near-duplicate row is given only to the pair it is most like, so prompts written from one
    // question pattern ("What are the main ideas behind …?") do not all claim it.
    if (use.has('near') && text !== undefined && entryOf.size === before) {
      const sig = signature(n, seeds);
      let best = -1;
      let bestSimilarity = 0;
      for (let b = 0; b < BANDS; b++) {
        for (const i of byBand.get(bandKey(sig, b)) ?? []) {
          const similarity = agreement(sig, signatures[i]!);
          if (similarity > bestSimilarity || (similarity === bestSimilarity && i < best)) [best, bestSimilarity] = [i, similarity];
        }
      }
      if (best >= 0 && bestSimilarity >= settings.nearThreshold) add(best, entry, { method: 'near', similarity: bestSimilarity });
    }
  }

  const matches: PromptMatch[] = [];
  pairs.forEach((pair, i) => {
    if (found[i]!.size === 0) return;
    const rows = [...found[i]!.values()].sort((a, b) => a.ref.sourceId.localeCompare(b.ref.sourceId) || a.ref.line - b.ref.line);
    const entriesOf = rows.map((r) => entryOf.get(`${r.ref.sourceId}:${r.ref.line}`)!);
    const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))].sort();
    const times = entriesOf.map((e) => e.ts).filter((t): t is number => t !== null);
    matches.push({
      pairId: pair.id,
      promptId: pair.promptId,
      methods: MATCH_METHODS.filter((m) => rows.some((r) => r.method === m)),
      rows,
      accounts: distinct(entriesOf.map((e) => e.account)),
      apiKeys: distinct(entriesOf.map((e) => e.apiKey)),
      networks: distinct(entriesOf.map((e) => (e.ip ? network24(e.ip) : undefined))),
      first: times.length ? Math.min(...times) : null,
      last: times.length ? Math.max(...times) : null,
    });
  });
  const byMethod = Object.fromEntries(MATCH_METHODS.map((m) => [m, matches.filter((x) => x.methods.includes(m)).length])) as Record<MatchMethod, number>;
  return { settings: { ...settings, methods: [...settings.methods], normalisation: NORMALISATION }, matchedPairs: matches.length, unmatchedPairs: pairs.length - matches.length, byMethod, matches };
}
