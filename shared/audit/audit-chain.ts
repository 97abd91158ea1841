import type { AuditAction } from './audit-actions';
import { canonicalJson, type Json } from '../canonical-json';
import { sha256Hex } from '../hash';
import type { AuditEvent } from '../model/records';
import type { RecordHashes } from './record-binding';

/** The prevHash of a case's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a caller says about a change; the chain adds order and hashes. */
export interface AuditEntry {
  actor: string;
  action: AuditAction;
  subject: string;
  details?: { [key: string]: Json };
  /** The records this change created, changed or removed (bindRecords). */
  records?: RecordHashes;
  /** The SHA-256 fingerprint of the signing identity the actor works with, when they set one. */
  actorFingerprint?: string;
}

/** Events made before records were bound, or by an actor without an identity, have no `records` or `actorFingerprint`, and hash as they always did. */
function hashOf(event: Omit<AuditEvent, 'hash'>): string {
  const { caseId, seq, at, actor, actorFingerprint, action, subject, details, records, prevHash } = event;
  return sha256Hex(canonicalJson({ caseId, seq, at, actor, ...(actorFingerprint && { actorFingerprint }), action, subject, details, ...(records && { records }), prevHash }));
}

/** The event that follows `previous` (or starts the chain when there is none). */
export function nextAuditEvent(
  caseId: string,
  previous: AuditEvent | undefined,
  // Any action: a history read from an archive of another version is chained on as it is.
  entry: Omit<AuditEntry, 'action'> & { action: string },
  at: Date = new Date(),
): AuditEvent {
  const unsealed = {
    caseId,
    seq: previous ? previous.seq + 1 : 1,
    at: at.toISOString(),
    actor: entry.actor,
    ...(entry.actorFingerprint && { actorFingerprint: entry.actorFingerprint }),
    action: entry.action,
    subject: entry.subject,
    details: entry.details ?? {},
    ...(entry.records && { records: entry.records }),
    prevHash: previous ? previous.hash : GENESIS_HASH,
  };
  return { ...unsealed, hash: hashOf(unsealed) };
}

export type AuditProblemKind = 'edited' | 'deleted' | 'inserted' | 'reordered' | 'broken' | 'truncated';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** Position in the list as stored (0-based), or -1 for the chain as a whole. */
  index: number;
  seq: number | null;
  message: string;
}

export interface AuditVerification {
  verified: boolean;
  events: number;
  head: string;
  problems: AuditProblem[];
}

/**
 * Checks a case's events in stored order. Each event's hash must match its
 * content, each must name the previous event's hash, and the sequence
 * numbers must run 1, 2, 3... An `expected` head (from an archive manifest)
 * also catches events cut from the end.
 */
export function verifyAuditChain(
  events: readonly AuditEvent[],
  expected?: { head: string; events: number },
): AuditVerification {
  const problems: AuditProblem[] = [];
  const seqCount = new Map<number, number>();
  for (const e of events) seqCount.set(e.seq, (seqCount.get(e.seq) ?? 0) + 1);

  events.forEach((event, index) => {
    const { hash, ...rest } = event;
    const label = `event #${event.seq} (${event.action})`;
    if (hashOf(rest) !== hash) {
      problems.push({ kind: 'edited', index, seq: event.seq, message: `${label} was edited: its content no longer matches its hash` });
    }
    const previous = events[index - 1];
    const expectedPrev = previous ? previous.hash : GENESIS_HASH;
    const expectedSeq = previous ? previous.seq + 1 : 1;
    if (event.prevHash === expectedPrev && event.seq === expectedSeq) return;

    if ((seqCount.get(event.seq) ?? 0) > 1 && event.prevHash !== expectedPrev) {
      problems.push({ kind: 'inserted', index, seq: event.seq, message: `${label} at position ${index + 1} was inserted: another event has the same number and it does not follow the one before` });
    } else if (previous && event.seq <= previous.seq) {
      problems.push({ kind: 'reordered', index, seq: event.seq, message: `${label} is out of order: it comes after event #${previous.seq}` });
    } else if (event.seq > expectedSeq) {
      const missing = expectedSeq === event.seq - 1 ? `#${expectedSeq}` : `#${expectedSeq}–#${event.seq - 1}`;
      problems.push({ kind: 'deleted', index, seq: event.seq, message: `event ${missing} was deleted: the chain jumps to ${label}` });
    } else if (event.seq < expectedSeq) {
      problems.push({ kind: 'reordered', index, seq: event.seq, message: `${label} is out of order` });
    } else {
      problems.push({ kind: 'broken', index, seq: event.seq, message: `${label} does not follow the event before it: that event was altered and re-hashed, or this one was inserted` });
    }
  });

  const last = events[events.length - 1];
  const head = last ? last.hash : GENESIS_HASH;
  if (expected && problems.length === 0 && head !== expected.head) {
    const message =
      events.length < expected.events
        ? `${expected.events - events.length} event(s) were deleted from the end of the history (expected ${expected.events}, found ${events.length})`
        : `the history does not end with the recorded last event (expected ${expected.events} events)`;
    problems.push({ kind: 'truncated', index: -1, seq: null, message });
  }
  return { verified: problems.length === 0, events: events.length, head, problems };
}
