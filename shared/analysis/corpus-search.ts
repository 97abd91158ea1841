import { gramSet, Interner, sharedGrams, type Grams } from './ngrams';
import { isMostlyCjk, type Token } from './tokens';

const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
const EXACTLY_SCORED = 50;

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: turns a shingle's hash into an independent-looking one per seed. */
function mix(h: number, seed: number): number {
  let x = (h ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/**
 * A MinHash signature by one permutation hashing (Li, Owen and Zhang, 2012):
 * each shingle is hashed once, falls in one of HASHES bins by its top bits,
 * and each bin keeps its smallest value; an empty bin takes the next filled
 * bin's value shifted by the distance (rotation densification, Shrivastava
 * and Li, 2014). One hash per shingle rather than one per bin: this was most
 * of the time of indexing and searching.
 */
function signature(set: Grams): Uint32Array {
  const VALUE_BITS = 32 - Math.log2(HASHES);
  const sig = new Uint32Array(HASHES);
  const filled = new Uint8Array(HASHES);
  const add = (h: number) => {
    const x = mix(h, 1);
    const bin = x >>> VALUE_BITS;
    const value = x & ((1 << VALUE_BITS) - 1);
    if (!filled[bin] || value < sig[bin]!) sig[bin] = value;
    filled[bin] = 1;
  };
  for (const key of set.table) if (key !== 0) add((mix(key >>> 0, 0) ^ Math.floor(key / 4294967296)) >>> 0);
  for (const s of set.strings) add(fnv1a(s));
  for (let k = 0; k < HASHES; k++) {
    if (filled[k]) continue;
    const t = Array.from({ length: HASHES - 1 }, (_, i) => i + 1).find((d) => filled[(k + d) % HASHES]);
    sig[k] = t === undefined ? 0xffffffff : sig[(k + t) % HASHES]! + t * 2 ** VALUE_BITS;
  }
  return sig;
}

export interface CorpusMatch {
  id: string;
  /** Jaccard similarity of the n-gram sets, computed exactly for the candidates. */
  similarity: number;
}

/**
 * An index of texts (the original model's outputs) answering "which of them
 * is most like this one?" without comparing against all: MinHash signatures
 * of n-gram sets, banded for locality-sensitive hashing; candidates from
 * shared bands are then scored exactly.
 */
export class CorpusIndex {
  private readonly words = new Interner<string>();
  private readonly sets = new Map<string, Grams>();
  private readonly signatures = new Map<string, Uint32Array>();
  private readonly buckets = new Map<string, string[]>();

  // Word ids are shared by every text of the index, so an unbounded largest id keeps their n-gram keys comparable.
  private shingles(tokens: readonly Token[]): Grams {
    return gramSet(tokens.map((t) => this.words.id(t.text)), isMostlyCjk(tokens) ? 2 : 3, Infinity);
  }

  /** Indexes a text by its tokens (see `tokenize`). */
  add(id: string, tokens: readonly Token[]): void {
    const set = this.shingles(tokens);
    const sig = signature(set);
    this.sets.set(id, set);
    this.signatures.set(id, sig);
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${Array.from(sig.subarray(b * ROWS, (b + 1) * ROWS)).join(',')}`;
      const list = this.buckets.get(key);
      if (list) list.push(id);
      else this.buckets.set(key, [id]);
    }
  }

  /**
   * The `limit` most similar indexed texts among those sharing at least one
   * band with the query (with 16 bands of 4 hashes, a text with Jaccard 0.5
   * shares one with probability 0.64, with 0.7 almost surely). Candidates
   * are ranked by bands shared and the best 50 scored exactly. Texts sharing
   * no band are not near-duplicates and are not returned.
   */
  search(tokens: readonly Token[], limit: number): CorpusMatch[] {
    const set = this.shingles(tokens);
    const sig = signature(set);
    const bandsShared = new Map<string, number>();
    for (let b = 0; b < BANDS; b++) {
      for (const id of this.buckets.get(`${b}:${Array.from(sig.subarray(b * ROWS, (b + 1) * ROWS)).join(',')}`) ?? []) bandsShared.set(id, (bandsShared.get(id) ?? 0) + 1);
    }
    return [...bandsShared]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, EXACTLY_SCORED)
      .map(([id]) => {
        const other = this.sets.get(id)!;
        const shared = sharedGrams(set, other);
        const union = set.size + other.size - shared;
        return { id, similarity: union ? shared / union : 0 };
      })
      .sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id))
      .slice(0, limit);
  }
}
