/** A similarity or difference to three places, or a dash where there is none. */
export const fixed = (x: number | null, digits = 3): string => (x === null || Number.isNaN(x) ? '—' : x.toFixed(digits));

/** A p-value as courts read them: three places, or scientific notation below 0.001. */
export const pValue = (p: number | null): string => (p === null ? '—' : p < 0.001 ? p.toExponential(1) : p.toFixed(3));
