
import { isCalendarDate } from '../time-format';

const DAY = 86_400_000;
const DATE = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:\.\.|to|–|-)\s*(\d{4}-\d{2}-\d{2}))?$/;

/** A date or a range of dates typed as a query (2026-01-05, 2026-01-05..2026-01-09), as a UTC range. */
export function dateRange(query: string): { from: number; to: number; label: string } | null {
  const match = DATE.exec(query.trim());
  if (!match || !isCalendarDate(match[1]!) || (match[2] && !isCalendarDate(match[2]))) return null;
  const from = Date.parse(`${match[1]}T00:00:00Z`);
  const last = Date.parse(`${match[2] ?? match[1]}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(last) || last < from) return null;
  return { from, to: last + DAY - 1, label: match[2] ? `from ${match[1]} to ${match[2]} (UTC)` : `on ${match[1]} (UTC)` };
}
