/** A similarity or difference to three places, or a dash where there is none. */
export const fixed = (x: number | null, digits = 3): string => (x === null || Number.isNaN(x) ? '—' : x.toFixed(digits));

/** Below this a p-value is not printed: the approximation behind it says nothing finer, and z says how far out it is. */
const SMALLEST_PRINTED_P = 1e-15;

/** A p-value as courts read them: three places, scientific notation below 0.001, and “p < 1e-15 (z = 20.7)” beyond what can be stated. */
export const pValue = (p: number | null, z: number | null = null): string =>
  p === null || Number.isNaN(p) ? '—' : p < SMALLEST_PRINTED_P ? `< 1e-15${z === null ? '' : ` (z = ${z.toFixed(1)})`}` : p < 0.001 ? p.toExponential(1) : p.toFixed(3);

/** A share as a percentage to one place. */
export const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** An interval as “[low, high]”, each end formatted alike. */
export const interval = ([low, high]: [number, number], format: (x: number) => string = (x) => fixed(x)): string => `[${format(low)}, ${format(high)}]`;
