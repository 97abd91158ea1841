import Dexie from 'dexie';
import { nextAuditEvent, type AuditEntry } from '../../shared/audit/audit-chain';
import type { Json } from '../../shared/canonical-json';
import { RECORD_TABLE_NAMES, createCaseData, emptyRecords, type CaseData, type RecordTable } from '../../shared/model/case-data';
import { CaseFields, type AuditEvent, type CaseFieldsInput, type CaseRecord } from '../../shared/model/records';
import type { EvidenceDatabase, OriginalChunk } from './database';
import { caseLogEntries } from './log-store';

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
  const fields = CaseFields.parse(input);
  await db.transaction('rw', db.cases, db.auditEvents, async () => {
    const current = await db.cases.get(caseId);
    if (!current) throw new Error('This case no longer exists');
    const changes: { [field: string]: Json } = {};
    for (const key of Object.keys(fields) as (keyof CaseFields)[]) {
      if (current[key] !== fields[key]) changes[key] = { from: current[key], to: fields[key] };
    }
    if (Object.keys(changes).length === 0) return;
    await db.cases.update(caseId, fields);
    const action = Object.keys(changes).length === 1 && changes.title ? 'case.renamed' : 'case.updated';
    await appendAudit(db, caseId, { actor, action, subject: fields.title, details: changes });
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
