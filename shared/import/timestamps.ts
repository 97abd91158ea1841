export interface ParsedTime {
  /** UTC epoch milliseconds. */
  ms: number;
  /** True when the text named no time zone and UTC was assumed. */
  zoneless: boolean;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * A log timestamp: ISO 8601 (with an offset, Z, or none, which is read as
 * UTC and flagged), or epoch seconds, milliseconds, microseconds or
 * nanoseconds told apart by magnitude. Null when it is none of these.
 */
export function parseTimestamp(value: string | number): ParsedTime | null {
  const text = String(value).trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    const ms = n < 1e11 ? n * 1000 : n < 1e14 ? n : n < 1e17 ? n / 1e3 : n / 1e6;
    return { ms: Math.round(ms), zoneless: false };
  }
  const m = ISO.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const fields = [Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)] as const;
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0 to 99 as 1900 to 1999.
  const check = new Date(0);
  check.setUTCFullYear(fields[0], fields[1], fields[2]);
  check.setUTCHours(fields[3], fields[4], fields[5], Math.floor(Number(`0.${frac || '0'}`) * 1000));
  const local = check.getTime();
  if (check.getUTCFullYear() !== fields[0] || check.getUTCMonth() !== fields[1] || check.getUTCDate() !== fields[2] || fields[3] > 23 || fields[4] > 59 || fields[5] > 60) return null;
  if (!zone) return { ms: local, zoneless: true };
  if (/^(Z|z|UTC)$/.test(zone)) return { ms: local, zoneless: false };
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return { ms: local - sign * offsetMinutes * 60_000, zoneless: false };
}
