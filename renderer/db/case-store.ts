import Dexie from 'dexie';
import { nextAuditEvent, type AuditEntry } from '../../shared/audit/audit-chain';
import { bindAsFound, checkRecordBinding, type BindingCheck } from '../../shared/audit/record-binding';
import type { JobControl } from '../../shared/jobs';
import { logRowsHasher } from '../../shared/model/log-row-text';
import { RECORD_TABLE_NAMES, createCaseData, editCaseDetails, emptyRecords, type CaseData, type RecordTable } from '../../shared/model/case-data';
import type { AuditEvent, CaseFieldsInput, CaseRecord } from '../../shared/model/records';
import type { EvidenceDatabase, OriginalChunk } from './database';
import { caseLogEntries, sourceRowBatches } from './log-store';

const CHUNK_SIZE = 4 * 1024 * 1024;

/** A case's audit events in order. */
export function auditEventsOf(db: EvidenceDatabase, caseId: string): Promise<AuditEvent[]> {
  return db.auditEvents.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray();
}

/**
 * Appends an audit event for a change; call it inside the transaction that
 * makes the change, so both are stored or neither.
 */
export async function appendAudit(db: EvidenceDatabase, caseId: string, entry: AuditEntry): Promise<AuditEvent> {
  const last = await db.auditEvents.where('[caseId+seq]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).last();
  const event = nextAuditEvent(caseId, last, entry);
  await db.auditEvents.add(event);
  await db.cases.update(caseId, { updatedAt: event.at });
  return event;
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
  await db.transaction('rw', db.cases, db.auditEvents, async () => {
    const current = await db.cases.get(caseId);
    if (!current) throw new Error('This case no longer exists');
    const change = editCaseDetails(current, input, actor);
    if (!change) return;
    await db.cases.put(change.record);
    await appendAudit(db, caseId, change.audit);
  });
}

/** Removes a case and everything in it from this computer. */
export async function deleteCase(db: EvidenceDatabase, caseId: string): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map((table) => (table.name === 'cases' ? table.delete(caseId) : table.where('caseId').equals(caseId).delete())));
  });
}

/** A case's record, history and record tables (all, or all but `except`, left empty), read in one transaction. */
export async function loadCaseRecords(db: EvidenceDatabase, caseId: string, except: readonly RecordTable[] = []): Promise<Omit<CaseData, 'originals'>> {
  return db.transaction('r', db.tables, async () => {
    const record = await db.cases.get(caseId);
    if (!record) throw new Error('This case no longer exists');
    const records = emptyRecords();
    for (const name of RECORD_TABLE_NAMES) {
      if (except.includes(name)) continue;
      (records as Record<string, unknown[]>)[name] = name === 'logEntries' ? await caseLogEntries(db, caseId) : await db.table(name).where('caseId').equals(caseId).toArray();
    }
    return { case: record, audit: await auditEventsOf(db, caseId), ...records };
  });
}

/**
 * Checks a stored case against its history: every record, and each log's
 * rows read back in line order and hashed. `known` holds log digests already
 * computed (rows never change after import), and is filled in.
 */
export async function checkStoredCase(db: EvidenceDatabase, caseId: string, known: Map<string, string> = new Map(), job?: JobControl): Promise<BindingCheck> {
  const { logEntries: _none, audit, ...records } = await loadCaseRecords(db, caseId, ['logEntries']);
  const logs = records.sources.filter((s) => s.kind === 'log' && s.rowsSha256 && !known.has(s.id));
  const total = logs.reduce((n, s) => n + s.recordCount, 0);
  let done = 0;
  for (const source of logs) {
    const hasher = logRowsHasher();
    for await (const batch of sourceRowBatches(db, source.id)) {
      await hasher.add(batch);
      job?.progress?.('Hashing the log rows', (done += batch.length), total);
    }
    known.set(source.id, await hasher.hex());
  }
  return checkRecordBinding(audit, records, known);
}

/**
 * Binds the records of a case made before records were bound, as they are
 * now, with an event that says so; logs imported before their rows were
 * hashed get the hash of their rows as stored.
 */
export async function bindStoredCase(db: EvidenceDatabase, caseId: string, actor: string): Promise<void> {
  // Hashed before the transaction: a Dexie transaction commits as soon as it awaits Web Crypto. Rows never change once imported.
  const rowsSha256 = new Map<string, string>();
  for (const source of await db.sources.where('caseId').equals(caseId).toArray()) {
    if (source.kind !== 'log' || source.rowsSha256) continue;
    const hasher = logRowsHasher();
    for await (const batch of sourceRowBatches(db, source.id)) await hasher.add(batch);
    rowsSha256.set(source.id, await hasher.hex());
  }
  await db.transaction('rw', db.tables, async () => {
    const { logEntries: _none, audit: _history, ...records } = await loadCaseRecords(db, caseId, ['logEntries']);
    records.sources = records.sources.map((source) => (rowsSha256.has(source.id) ? { ...source, rowsSha256: rowsSha256.get(source.id)! } : source));
    await db.sources.bulkPut(records.sources.filter((source) => rowsSha256.has(source.id)));
    await appendAudit(db, caseId, bindAsFound(records, actor));
  });
}

/** The whole case as one value, ready for the archive writer. */
export async function loadCaseData(db: EvidenceDatabase, caseId: string): Promise<CaseData> {
  const records = await loadCaseRecords(db, caseId);
  const chunks = await db.originalChunks.where('caseId').equals(caseId).sortBy('seq');
  return { ...records, originals: joinChunks(chunks) };
}

function joinChunks(chunks: OriginalChunk[]): Map<string, Uint8Array> {
  const bySource = new Map<string, OriginalChunk[]>();
  for (const chunk of chunks) bySource.set(chunk.sourceId, [...(bySource.get(chunk.sourceId) ?? []), chunk]);
  return new Map([...bySource].map(([sourceId, parts]) => [sourceId, chunksToOriginal(parts)]));
}

/** One file's bytes from its stored pieces, in order. */
export function chunksToOriginal(parts: readonly OriginalChunk[]): Uint8Array {
  const ordered = [...parts].sort((a, b) => a.seq - b.seq);
  const bytes = new Uint8Array(ordered.reduce((n, p) => n + p.bytes.length, 0));
  let offset = 0;
  for (const part of ordered) {
    bytes.set(part.bytes, offset);
    offset += part.bytes.length;
  }
  return bytes;
}

/** Splits a source's original bytes into the chunks the store keeps. */
export function chunksOf(caseId: string, sourceId: string, bytes: Uint8Array): OriginalChunk[] {
  const chunks: OriginalChunk[] = [];
  for (let seq = 0, offset = 0; offset < bytes.length || seq === 0; seq++, offset += CHUNK_SIZE) {
    chunks.push({ caseId, sourceId, seq, bytes: bytes.slice(offset, offset + CHUNK_SIZE) });
  }
  return chunks;
}
