import { Refusal } from '../../shared/errors';
import { checkReviewOnly } from '../../shared/audit/review';
import { workingIdentity } from './working-as';
import Dexie from 'dexie';
import { nextAuditEvent, type AuditEntry } from '../../shared/audit/audit-chain';
import { bindAsFound, checkRecordBinding, type BindingCheck } from '../../shared/audit/record-binding';
import type { JobControl } from '../../shared/jobs';
import { changedTables, type CaseChange } from '../../shared/model/case-change';
import { boundIds, withPrior } from '../../shared/model/prior-records';
import { RECORD_TABLE_NAMES, editCaseDetails, emptyRecords, type CaseData, type CaseRecords, type RecordTable } from '../../shared/model/case-data';
import type { AuditEvent, CaseFieldsInput, CaseRecord } from '../../shared/model/records';
import type { EvidenceDatabase } from './database';
import { caseOriginals, deleteOriginal, putOriginal } from './originals-store';
import { caseLogEntries, deleteCaseLogs, deleteLogRows, storedRowsSha256 } from './log-store';
import { createCaseData } from '../../shared/new-case';

/** The record tables read whole for a case; log rows are read through log-store. */
type StoredTable = Exclude<RecordTable, 'logEntries'>;

/** One record table of a case, in the order of one of its fields when one is named. */
export function recordsOf<T extends StoredTable>(db: EvidenceDatabase, table: T, caseId: string, sortedBy?: keyof CaseRecords[T][number] & string): Promise<CaseRecords[T]> {
  const rows = db.table(table).where('caseId').equals(caseId);
  return sortedBy ? rows.sortBy(sortedBy) : rows.toArray();
}

/** One record by its id; undefined when there is none. */
export function recordById<T extends StoredTable>(db: EvidenceDatabase, table: T, id: string): Promise<CaseRecords[T][number] | undefined> {
  return db.table(table).get(id);
}

export function caseRecord(db: EvidenceDatabase, caseId: string): Promise<CaseRecord | undefined> {
  return db.cases.get(caseId);
}

/** Every case on this computer, the one changed last first. */
export function casesByChange(db: EvidenceDatabase): Promise<CaseRecord[]> {
  return db.cases.orderBy('updatedAt').reverse().toArray();
}

export function auditEventCount(db: EvidenceDatabase, caseId: string): Promise<number> {
  return db.auditEvents.where('caseId').equals(caseId).count();
}

/** A case's audit events in order. */
export function auditEventsOf(db: EvidenceDatabase, caseId: string): Promise<AuditEvent[]> {
  return db.auditEvents.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray();
}

/** Appends an audit event for a change, inside the transaction that makes the change: both are stored or neither. */
async function appendAudit(db: EvidenceDatabase, caseId: string, entry: AuditEntry): Promise<AuditEvent> {
  const last = await db.auditEvents.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).last();
  const event = nextAuditEvent(caseId, last, entry);
  await db.auditEvents.add(event);
  await db.cases.update(caseId, { updatedAt: event.at });
  return event;
}

/**
 * Applies a change to the stored case, in one transaction with its audit
 * events; the in-memory twin is applyChange (shared/model/case-change.ts).
 * `build` computes the change inside the transaction, so it reads the case as
 * it is then (two windows editing at once never work from a stale copy) and
 * may refuse by throwing; a failure changes nothing. Returns the change made.
 */
export async function commitChange(db: EvidenceDatabase, caseId: string, build: () => CaseChange | Promise<CaseChange>): Promise<CaseChange> {
  const committed = await db.transaction('rw', db.tables, async () => {
    const built = await build();
    if (await db.reviewModes.get(caseId)) checkReviewOnly(built);
    if (built.logRows?.length) throw new Error('Log rows are stored as they are read (log-store), before the change that adds their source');
    // The records it replaces or removes, read before it is applied, go in its history: what an undo puts back.
    const before = new Map<string, object>();
    for (const { table, id } of boundIds(built)) {
      const row = table === 'case' ? await db.cases.get(id) : await db.table(table).get(id);
      if (row) before.set(`${table}/${id}`, row as object);
    }
    const change = withPrior(built, (table, id) => before.get(`${table}/${id}`));
    for (const name of changedTables(change)) {
      const removed = change.remove?.[name];
      if (removed?.length) await db.table(name).bulkDelete([...removed]);
      const rows = change.put?.[name];
      if (rows?.length) await db.table(name).bulkPut(rows);
    }
    for (const [sourceId, bytes] of change.originals ?? []) await putOriginal(db, caseId, sourceId, bytes);
    for (const sourceId of change.removedSources ?? []) await deleteOriginal(db, sourceId);
    if (change.case) await db.cases.put(change.case);
    const actorFingerprint = workingIdentity();
    for (const entry of change.audit) await appendAudit(db, caseId, actorFingerprint ? { actorFingerprint, ...entry } : entry);
    return change;
  });
  // A removed log's rows go once no record names them; if the app closes first, they go when the case is next opened (keepOnlyCaseLogs).
  for (const sourceId of committed.removedSources ?? []) await deleteLogRows(caseId, sourceId);
  return committed;
}

export async function createCase(db: EvidenceDatabase, input: CaseFieldsInput, actor: string): Promise<CaseRecord> {
  const data = createCaseData(input, actor);
  await db.transaction('rw', db.cases, db.auditEvents, db.markers, db.annotationLabels, async () => {
    await db.cases.add(data.case);
    await db.auditEvents.bulkAdd(data.audit);
    await db.markers.bulkAdd(data.markers);
    await db.annotationLabels.bulkAdd(data.annotationLabels);
  });
  return data.case;
}

/** Saves edited case details and records what changed, field by field. */
export async function updateCase(db: EvidenceDatabase, caseId: string, input: CaseFieldsInput, actor: string): Promise<void> {
  await commitChange(db, caseId, async () => {
    const current = await db.cases.get(caseId);
    if (!current) throw new Refusal('This case no longer exists', 'gone');
    return editCaseDetails(current, input, actor) ?? { audit: [] };
  });
}

/** Removes a case and everything in it from this computer. */
export async function deleteCase(db: EvidenceDatabase, caseId: string): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => (table.name === 'cases' ? table.delete(caseId) : table.where('caseId').equals(caseId).delete())));
  });
  await deleteCaseLogs(caseId);
}

/** Every record table but the log rows, which most views of a case leave in the store. */
export const STORED_TABLES = RECORD_TABLE_NAMES.filter((name): name is StoredTable => name !== 'logEntries');

/**
 * Loads a case from the store: its record, history and record tables (all,
 * or `only` these, the others left empty), read in one transaction so they
 * agree. The one way the app reads a case; each view of it starts here.
 */
export async function loadCaseRecords(db: EvidenceDatabase, caseId: string, only: readonly RecordTable[] = RECORD_TABLE_NAMES): Promise<Omit<CaseData, 'originals'>> {
  const data = await db.transaction('r', db.tables, async () => {
    const record = await db.cases.get(caseId);
    if (!record) throw new Refusal('This case no longer exists', 'gone');
    const records = emptyRecords();
    // Read side by side: one transaction runs its requests together.
    const [audit] = await Promise.all([auditEventsOf(db, caseId), ...only.filter((name) => name !== 'logEntries').map(async (name) => ((records as Record<string, unknown[]>)[name] = await recordsOf(db, name, caseId)))]);
    return { case: record, audit, ...records };
  });
  // The log engine is outside IndexedDB: its rows are read after the transaction (a source's rows never change once committed).
  if (only.includes('logEntries')) data.logEntries = await caseLogEntries(db, caseId);
  return data;
}

/**
 * Checks a stored case against its history: every record, and each log's
 * rows read back in line order and hashed. `known` holds log digests already
 * computed (rows never change after import), and is filled in.
 */
export async function checkStoredCase(db: EvidenceDatabase, caseId: string, known: Map<string, string> = new Map(), job?: JobControl): Promise<BindingCheck> {
  const { logEntries: _none, audit, ...records } = await loadCaseRecords(db, caseId, STORED_TABLES);
  const logs = records.sources.filter((s) => s.kind === 'log' && s.rowsSha256 && !known.has(s.id));
  const total = logs.reduce((n, s) => n + s.recordCount, 0);
  let done = 0;
  for (const source of logs) {
    job?.progress?.('Hashing the log rows', done, total);
    known.set(source.id, await storedRowsSha256(caseId, source.id));
    done += source.recordCount;
  }
  return checkRecordBinding(audit, records, known);
}

/**
 * Binds the records of a case made before records were bound, as they are
 * now, with an event that says so; logs imported before their rows were
 * hashed get the hash of their rows as stored.
 */
export async function bindStoredCase(db: EvidenceDatabase, caseId: string, actor: string): Promise<void> {
  // Hashed before the transaction, by the log engine: a Dexie transaction commits as soon as it awaits anything else. Rows never change once imported.
  const rowsSha256 = new Map<string, string>();
  for (const source of await db.sources.where('caseId').equals(caseId).toArray()) {
    if (source.kind !== 'log' || source.rowsSha256) continue;
    rowsSha256.set(source.id, await storedRowsSha256(caseId, source.id));
  }
  await commitChange(db, caseId, async () => {
    const { logEntries: _none, audit, ...records } = await loadCaseRecords(db, caseId, STORED_TABLES);
    return bindAsFound(audit, records, actor, rowsSha256);
  });
}

/** The whole case as one value, ready for the archive writer. */
export async function loadCaseData(db: EvidenceDatabase, caseId: string): Promise<CaseData> {
  return { ...(await loadCaseRecords(db, caseId)), originals: await caseOriginals(db, caseId) };
}
