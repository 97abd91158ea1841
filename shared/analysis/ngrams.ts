/** Gives each distinct value a small number, from 1, so n-grams of them can be keyed by one number. */
export class Interner<T> {
  private readonly ids = new Map<T, number>();
  get size(): number {
    return this.ids.size;
  }
  id(value: T): number {
    let id = this.ids.get(value);
    if (id === undefined) this.ids.set(value, (id = this.ids.size + 1));
    return id;
  }
}

/**
 * A set of n-grams: the keys that fit in a number in an open-addressing
 * hash table of a typed array (0 marks an empty slot; keys are never 0, as
 * ids start from 1), and the rare keys that do not as strings. A typed array
 * holds no objects for the collector to trace, and a metric over 10,000
 * pairs makes millions of these keys.
 */
export interface Grams {
  readonly table: Float64Array;
  /** The table has 2^bits slots. */
  readonly bits: number;
  readonly strings: ReadonlySet<string>;
  readonly size: number;
}

/** Fibonacci hashing of a key's two 32-bit halves into a table of 2^bits slots. */
const slotOf = (key: number, bits: number) => Math.imul((key >>> 0) ^ Math.floor(key / 4294967296), 0x9e3779b1) >>> (32 - bits);

/**
 * The distinct n-grams of a sequence of interned ids. An n-gram is keyed by
 * its ids as the digits of one number in base `largestId + 1` (capped so the
 * number stays an exact integer); one with an id beyond the base is keyed by
 * a string. Numbers hash far faster than joined strings, and the keys stay
 * exact: two n-grams share a key only if they are the same. A sequence
 * shorter than n is its own single gram. Sets compared with each other must
 * be made with the same `largestId`.
 */
export function gramSet(ids: ArrayLike<number>, n: number, largestId: number): Grams {
  let base = Math.min(largestId + 1, Math.floor(Number.MAX_SAFE_INTEGER ** (1 / n)));
  while (base ** n > Number.MAX_SAFE_INTEGER) base--;
  const strings = new Set<string>();
  const asString = (from: number, to: number) => Array.prototype.slice.call(ids, from, to).join(',');
  const grams = Math.max(0, ids.length - n + 1);
  const bits = Math.max(3, Math.ceil(Math.log2(grams * 2 + 1)));
  const table = new Float64Array(1 << bits);
  const mask = table.length - 1;
  let size = 0;
  if (ids.length < n) {
    if (ids.length) strings.add(asString(0, ids.length));
    return { table, bits, strings, size: strings.size };
  }
  const insert = (key: number) => {
    let slot = slotOf(key, bits);
    while (table[slot] !== 0 && table[slot] !== key) slot = (slot + 1) & mask;
    if (table[slot] === 0) {
      table[slot] = key;
      size++;
    }
  };
  if (largestId < base) {
    // Every id is a digit: each key is the last one shifted by a digit, so the keys roll along in one pass.
    const top = base ** (n - 1);
    let key = 0;
    for (let i = 0; i < n; i++) key = key * base + ids[i]!;
    insert(key);
    for (let i = n; i < ids.length; i++) {
      key = (key - ids[i - n]! * top) * base + ids[i]!;
      insert(key);
    }
  } else {
    for (let i = 0; i + n <= ids.length; i++) {
      let key = 0;
      for (let k = 0; k < n && key >= 0; k++) {
        const id = ids[i + k]!;
        key = id < base ? key * base + id : -1;
      }
      if (key >= 0) insert(key);
      else strings.add(asString(i, i + n));
    }
  }
  return { table, bits, strings, size: size + strings.size };
}

/** How many n-grams two sets share. */
export function sharedGrams(a: Grams, b: Grams): number {
  const [small, large] = a.table.length <= b.table.length ? [a, b] : [b, a];
  const { table, bits } = large;
  const mask = table.length - 1;
  let shared = 0;
  for (let i = 0; i < small.table.length; i++) {
    const key = small.table[i]!;
    if (key === 0) continue;
    for (let slot = slotOf(key, bits); table[slot] !== 0; slot = (slot + 1) & mask) {
      if (table[slot] === key) {
        shared++;
        break;
      }
    }
  }
  for (const s of small.strings) if (large.strings.has(s)) shared++;
  return shared;
}
