/**
 * Length of the longest common subsequence of two sequences, by the
 * bit-parallel algorithm of Crochemore, Iliopoulos, Pinzon and Reid (2001):
 * one pass over `b`, updating a bit vector over `a` 32 positions at a time,
 * so O(|a|·|b|/32) whatever the texts, with no bound needed.
 */
export function lcsLength<T>(a: ArrayLike<T>, b: ArrayLike<T>): number {
  const m = a.length;
  if (m === 0 || b.length === 0) return 0;
  const words = Math.ceil(m / 32);
  const masks = new Map<T, Uint32Array>();
  for (let i = 0; i < m; i++) {
    const symbol = a[i]!;
    let mask = masks.get(symbol);
    if (!mask) masks.set(symbol, (mask = new Uint32Array(words)));
    mask[i >>> 5]! |= 1 << (i & 31);
  }
  const v = new Uint32Array(words).fill(0xffffffff);
  for (let j = 0; j < b.length; j++) {
    const mask = masks.get(b[j]!);
    if (!mask) continue;
    let carry = 0;
    for (let k = 0; k < words; k++) {
      const vk = v[k]!;
      const matched = (vk & mask[k]!) >>> 0;
      const sum = vk + matched + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[k] = ((sum >>> 0) | (vk & ~mask[k]!)) >>> 0;
    }
  }
  let zeros = 0;
  for (let i = 0; i < m; i++) if ((v[i >>> 5]! & (1 << (i & 31))) === 0) zeros++;
  return zeros;
}
