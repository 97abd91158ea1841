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

/** A set of n-grams: each a number where it fits, else a string (see `gramSet`). */
export type Grams = Set<number | string>;

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
  const set: Grams = new Set();
  const asString = (from: number, to: number) => Array.prototype.slice.call(ids, from, to).join(',');
  if (ids.length < n) {
    if (ids.length) set.add(asString(0, ids.length));
    return set;
  }
  for (let i = 0; i + n <= ids.length; i++) {
    let key = 0;
    for (let k = 0; k < n && key >= 0; k++) {
      const id = ids[i + k]!;
      key = id < base ? key * base + id : -1;
    }
    set.add(key >= 0 ? key : asString(i, i + n));
  }
  return set;
}

/** How many n-grams two sets share. */
export function sharedGrams(a: Grams, b: Grams): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared;
}
