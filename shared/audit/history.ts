import type { AuditEvent } from '../model/records';
import { formatInstant } from '../time-format';
import { csvText } from '../text/csv';
import { actionLabel } from './audit-actions';

/** Who made an event, as the history shows them: their name, and the start of their identity's fingerprint when they worked with one (two people of one name are told apart). */
export function personOf(event: AuditEvent): string {
  return event.actorFingerprint ? `${event.actor} (${event.actorFingerprint.slice(0, 11)}…)` : event.actor;
}

/** What a reviewer narrows the history to: one person (personOf), one action, a span of days (UTC, inclusive). */
export interface HistoryFilter {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** The events a filter keeps, in their order. */
export function filterHistory(events: readonly AuditEvent[], filter: HistoryFilter): AuditEvent[] {
  return events.filter((e) => (!filter.actor || personOf(e) === filter.actor) && (!filter.action || e.action === filter.action) && (!filter.from || e.at.slice(0, 10) >= filter.from) && (!filter.to || e.at.slice(0, 10) <= filter.to));
}

/** The people and actions a history holds, for its filters. */
export function historyChoices(events: readonly AuditEvent[]): { actors: string[]; actions: string[] } {
  return { actors: [...new Set(events.map(personOf))].sort(), actions: [...new Set(events.map((e) => e.action))] };
}

/** Detail names as a reader says them; a name not listed is split into words. */
const DETAIL_NAMES: Record<string, string> = {
  sha256: 'SHA-256',
  planSha256: 'plan SHA-256',
  fileName: 'file',
  records: 'records',
  rejected: 'rejected',
  kind: 'kind',
  role: 'role',
  pattern: 'pattern',
  regex: 'regular expression',
  postHoc: 'post hoc',
  fromAnnotation: 'from the annotation',
  bates: 'Bates range',
  rowsSha256: 'rows SHA-256',
};

const words = (key: string) => DETAIL_NAMES[key] ?? key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
// Record ids, and the earlier records kept for an undo, say nothing to a reader; the CSV keeps every detail as recorded.
const isId = (key: string) => /Ids?$/.test(key) || key === 'id' || key === 'prior';

function value(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.length > 8 ? `${v.slice(0, 8).map(value).join(', ')} and ${v.length - 8} more` : v.map(value).join(', ');
  if (v && typeof v === 'object' && 'from' in v && 'to' in v) return `“${value(v.from)}” → “${value(v.to)}”`;
  if (v && typeof v === 'object') return Object.entries(v).filter(([k]) => !isId(k)).map(([k, x]) => `${words(k)} ${value(x)}`).join(', ');
  return '—';
}

/** An event's details in words, without record ids. */
export function detailsInWords(details: Record<string, unknown>): string {
  return Object.entries(details)
    .filter(([key]) => !isId(key))
    .map(([key, v]) => `${words(key)}: ${value(v)}`)
    .join(' · ');
}

/** The history as CSV: every event, its time in UTC, its action in words and as recorded, its details as recorded (JSON) and its hash. */
export function historyCsv(events: readonly AuditEvent[]): string {
  return csvText(
    ['number', 'time_utc', 'by', 'identity_fingerprint', 'action', 'action_recorded', 'subject', 'details', 'details_recorded', 'hash', 'previous_hash'],
    events.map((e) => [e.seq, formatInstant(e.at), e.actor, e.actorFingerprint ?? '', actionLabel(e.action), e.action, e.subject, detailsInWords(e.details), JSON.stringify(e.details), e.hash, e.prevHash]),
  );
}
