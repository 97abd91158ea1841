/**
 * The one way times are written: year-month-day, 24-hour time to the
 * second, and the zone, always. Evidence and the bundle use UTC; the app
 * can show a reviewer's own zone instead, and then says which, with its
 * offset, so "00:13:04 UTC−05:00" and "05:13:04 UTC" are seen to be the
 * same moment.
 */
export const UTC = 'UTC';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset' });
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** True for a zone name the platform knows (an IANA name such as America/New_York, or UTC). */
export function isTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

function parts(at: string | number | Date, zone: string): Record<string, string> | null {
  const date = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(date.getTime())) return null;
  return Object.fromEntries(formatterFor(zone).formatToParts(date).map((p) => [p.type, p.value]));
}

/** "2026-01-05 05:13:04 UTC", or in another zone "2026-01-05 00:13:04 UTC−05:00"; "—" for no time. */
export function formatInstant(at: string | number | Date | null | undefined, zone: string = UTC): string {
  if (at === null || at === undefined) return '—';
  const p = parts(at, zone);
  if (!p) return String(at);
  const offset = (p.timeZoneName ?? 'GMT').replace(/^GMT$/, 'UTC').replace(/^GMT/, 'UTC').replace('-', '−');
  return `${p.year!.padStart(4, '0')}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second} ${zone === UTC ? UTC : offset}`;
}

/** The calendar day of a moment in the zone: "2026-01-05". */
export function formatDay(at: string | number | Date, zone: string = UTC): string {
  const p = parts(at, zone);
  return p ? `${p.year!.padStart(4, '0')}-${p.month}-${p.day}` : String(at);
}

/** True for a real YYYY-MM-DD date (not 2025-02-30, which Date.parse rolls over into March). */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** A UTC moment as typed in a filter: "YYYY-MM-DD", "YYYY-MM-DD HH:MM" or "YYYY-MM-DD HH:MM:SS" (a "T" may stand for the space). */
export function parseUtcMoment(text: string): number | null {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m || !isCalendarDate(m[1]!)) return null;
  const [h, min, s] = [m[2] ?? '00', m[3] ?? '00', m[4] ?? '00'].map(Number) as [number, number, number];
  if (h > 23 || min > 59 || s > 59) return null;
  return Date.parse(`${m[1]}T${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}:${String(s).padStart(2, '0')}Z`);
}

/** Epoch milliseconds as a filter field shows them: "2026-01-05 00:00:00", in UTC. */
export function utcMomentField(ms: number | undefined): string {
  return ms === undefined ? '' : new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}
