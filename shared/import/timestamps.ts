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
  // A 60th second is checked below; the date is checked on second 59, or a leap second would roll it into the next day.
  check.setUTCHours(fields[3], fields[4], Math.min(fields[5], 59), Math.floor(Number(`0.${frac || '0'}`) * 1000));
  const local = check.getTime() + (fields[5] === 60 ? 1000 : 0);
  if (check.getUTCFullYear() !== fields[0] || check.getUTCMonth() !== fields[1] || check.getUTCDate() !== fields[2] || fields[3] > 23 || fields[4] > 59 || fields[5] > 60) return null;
  let offsetMinutes = 0;
  if (zone && !/^(Z|z|UTC)$/.test(zone)) {
    const digits = zone.slice(1).replace(':', '');
    const [hours, minutes] = [Number(digits.slice(0, 2)), Number(digits.slice(2) || '0')];
    // Real offsets run from -12:00 to +14:00: anything past ±14:00 (+14:01, +24:00, +99:99) or with minutes past 59 (-00:60) is a misread, not a zone.
    if (minutes > 59 || hours * 60 + minutes > 14 * 60) return null;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  const ms = local - offsetMinutes * 60_000;
  // A 60th second exists only at a leap second, 23:59:60 UTC on one of the days IERS inserted one; elsewhere it is
  // an error, which read as the next minute would change the time the log recorded.
  if (fields[5] === 60 && !isLeapSecond(ms)) return null;
  return { ms, zoneless: !zone };
}

/** The UTC days that ended with a leap second (IERS Bulletin C; none since 2016). */
const LEAP_SECOND_DAYS = new Set([
  '1972-06-30', '1972-12-31', '1973-12-31', '1974-12-31', '1975-12-31', '1976-12-31', '1977-12-31', '1978-12-31', '1979-12-31',
  '1981-06-30', '1982-06-30', '1983-06-30', '1985-06-30', '1987-12-31', '1989-12-31', '1990-12-31', '1992-06-30', '1993-06-30',
  '1994-06-30', '1995-12-31', '1997-06-30', '1998-12-31', '2005-12-31', '2008-12-31', '2012-06-30', '2015-06-30', '2016-12-31',
]);

/** True for 23:59:60 UTC of a leap-second day, which Date, like POSIX time, reads as the next day's 00:00:00. */
function isLeapSecond(ms: number): boolean {
  const next = new Date(ms);
  return next.getUTCHours() === 0 && next.getUTCMinutes() === 0 && next.getUTCSeconds() === 0 && LEAP_SECOND_DAYS.has(new Date(ms - 1000).toISOString().slice(0, 10));
}
