import { nextAuditEvent, type AuditEntry } from '../audit/audit-chain';
import type { CaseData, CaseRecords, RecordTable } from './case-data';
import type { CaseRecord, LogEntry } from './records';
import { withPrior } from './prior-records';

/** The record tables a change puts rows in or removes rows from; log rows come only with an import (see logRows). */
export type ChangedTable = Exclude<RecordTable, 'logEntries'>;

/**
 * Every change to a case, as data, computed by a pure function in shared/
 * (an import, an edit, a finding, a plan, a bundle record, a removal, case
 * details, a binding) and applied by exactly two appliers: applyChange to a
 * case in memory (the CLI, the demo fixture, tests) and commitChange to the
 * app's store, in one transaction. So the app and the CLI make the same change.
 */
export interface CaseChange {
  /** Rows stored: new, or replacing the row with the same id. */
  put?: { [K in ChangedTable]?: CaseRecords[K] };
  remove?: { [K in ChangedTable]?: readonly string[] };
  /**
   * Log rows read into a case held in memory (the CLI's import). The app
   * streams rows to its store as it reads them, before the change that
   * makes them part of the case, so its applier refuses a change with rows.
   */
  logRows?: readonly LogEntry[];
  /** The original bytes of files the change adds, by source id. */
  originals?: ReadonlyMap<string, Uint8Array>;
  /** Sources whose original bytes and log rows go with them. */
  removedSources?: readonly string[];
  /** The case's own record, when its details change. */
  case?: CaseRecord;
  /** What the history records: each entry already binds the records it changes. */
  audit: readonly AuditEntry[];
}

type AnyRow = { id: string };

/** The rows of one table after a change: replaced rows keep their place, new ones come last. */
export function changedRows<T extends AnyRow>(rows: readonly T[], put: readonly T[] = [], remove: readonly string[] = []): T[] {
  const removed = new Set(remove);
  const replacing = new Map(put.map((row) => [row.id, row]));
  const kept = rows.filter((row) => !removed.has(row.id)).map((row) => replacing.get(row.id) ?? row);
  const present = new Set(rows.map((row) => row.id));
  return [...kept, ...put.filter((row) => !present.has(row.id))];
}

/** The tables a change touches. */
export function changedTables(change: CaseChange): ChangedTable[] {
  return [...new Set([...Object.keys(change.put ?? {}), ...Object.keys(change.remove ?? {})])] as ChangedTable[];
}

/** Applies a change to a case held in memory; the store's twin is commitChange (renderer/db/case-store.ts). */
export function applyChange(data: CaseData, given: CaseChange, now: Date = new Date()): void {
  const tables = data as unknown as Record<ChangedTable, AnyRow[]>;
  const index = new Map<string, Map<string, AnyRow>>();
  const before = (table: string, id: string): object | undefined => {
    if (table === 'case') return data.case.id === id ? data.case : undefined;
    let rows = index.get(table);
    if (!rows) index.set(table, (rows = new Map((tables[table as ChangedTable] ?? []).map((row) => [row.id, row]))));
    return rows.get(id);
  };
  const change = withPrior(given, before);
  const put = (change.put ?? {}) as Partial<Record<ChangedTable, AnyRow[]>>;
  for (const table of changedTables(change)) tables[table] = changedRows(tables[table], put[table], change.remove?.[table]);
  // Appended one by one: a spread of a million log rows into push() overflows the stack.
  for (const row of change.logRows ?? []) data.logEntries.push(row);
  for (const [sourceId, bytes] of change.originals ?? []) data.originals.set(sourceId, bytes);
  const gone = new Set(change.removedSources);
  if (gone.size) {
    for (const sourceId of gone) data.originals.delete(sourceId);
    data.logEntries = data.logEntries.filter((row) => !gone.has(row.sourceId));
  }
  if (change.case) data.case = change.case;
  for (const entry of change.audit) recordChange(data, entry, now);
}

/** Appends the audit event of a change made to `data`. */
function recordChange(data: CaseData, entry: AuditEntry, now: Date): void {
  const event = nextAuditEvent(data.case.id, data.audit[data.audit.length - 1], entry, now);
  data.audit.push(event);
  data.case = { ...data.case, updatedAt: event.at };
}
