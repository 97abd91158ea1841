import type { Json } from '../canonical-json';
import type { AuditEntry } from '../audit/audit-chain';
import type { CaseChange } from './case-change';

/**
 * The records an event's change replaced or removed, as they were just
 * before it, by table and id ("case" for the case's own record): what
 * undoing the event puts back. A record the change added is not in it, so
 * undoing removes it. Kept in the event's details, under the hash chain.
 */
export type PriorRecords = { [table: string]: { [id: string]: Json } };

/** Reads a record as it is before a change: the case's own record for "case". */
export type RecordLookup = (table: string, id: string) => object | undefined;

/** Each entry of a change with the prior records of those it binds, read before the change is applied; both appliers call this. */
export function withPrior(change: CaseChange, before: RecordLookup): CaseChange {
  const audit = change.audit.map((entry): AuditEntry => {
    if (!entry.records) return entry;
    const prior: PriorRecords = {};
    for (const [table, ids] of Object.entries(entry.records)) {
      for (const id of Object.keys(ids)) {
        const row = before(table, id);
        // As JSON holds it (a field set to undefined is absent, as in the record's hash); the case's updatedAt moves with every event and is not bound.
        if (row) (prior[table] ??= {})[id] = JSON.parse(JSON.stringify(table === 'case' ? { ...row, updatedAt: undefined } : row)) as Json;
      }
    }
    return { ...entry, details: { ...entry.details, prior } };
  });
  return { ...change, audit };
}

/** The (table, id) pairs an entry binds, for the appliers to read before applying. */
export function boundIds(change: CaseChange): { table: string; id: string }[] {
  return change.audit.flatMap((entry) => Object.entries(entry.records ?? {}).flatMap(([table, ids]) => Object.keys(ids).map((id) => ({ table, id }))));
}
