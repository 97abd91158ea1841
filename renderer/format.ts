import { UTC, formatDay, formatInstant, isTimeZone } from '../shared/time-format';

const ZONE_KEY = 'evidence-desk.time-zone';

/** This computer's zone, the one alternative to UTC offered. */
export const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

function storedZone(): string {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(ZONE_KEY);
  return stored && isTimeZone(stored) ? stored : UTC;
}

let zone = storedZone();

/** The zone every time on screen is shown in: UTC unless the user chose their own. */
export function shownZone(): string {
  return zone;
}

/** Changes the zone times are shown in; the caller re-renders what shows them. */
export function showTimesIn(next: string): void {
  zone = isTimeZone(next) ? next : UTC;
  localStorage.setItem(ZONE_KEY, zone);
}

/** A moment as the one format everywhere: "2026-01-05 05:13:04 UTC", or with the offset of the zone chosen. */
export function formatTime(at: string | number | null | undefined): string {
  return formatInstant(at, zone);
}

/** A moment's calendar day in the zone shown. */
export function formatDate(at: string | number): string {
  return formatDay(at, zone);
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}
