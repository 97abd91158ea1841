import { ArchiveError, CaseExistsError, Refusal } from '../../shared/errors';
import { type ArchiveContents, type TableRecords } from '../../shared/archive/archive-format';
import { type CaseArchive } from '../../shared/archive/archive-reader';
import { logRowsProblem } from '../../shared/audit/record-binding';
import type { JobControl } from '../../shared/jobs';
import { RECORD_TABLE_NAMES, type CaseData } from '../../shared/model/case-data';
import type { AuditEvent, CaseRecord, LogEntry, SourceRecord } from '../../shared/model/records';
import type { MergedCase } from '../../shared/audit/merge';
import { STORED_TABLES, deleteCase, loadCaseRecords } from './case-store';
import type { EvidenceDatabase } from './database';
import { deleteLogRows, exportedLogRows, logRowsWriter, restoreLogRows } from './log-store';
import { discardPendingImport, startPendingWrite } from './pending-writes';
import { deleteOriginal, originalPieces, originalWriter } from './originals-store';

/**
 * A case moving between the store and a case archive, a source at a time:
 * its rows and original bytes are streamed, never held whole, so a case of
 * millions of rows is saved and opened in flat memory.
 */

/** A case to store: its records, with its log rows and original files read as they are stored. */
export interface CaseToStore {
  case: CaseRecord;
  audit: AuditEvent[];
  records: TableRecords;
  logRows: number;
  rowsOf(sourceId: string, signal?: AbortSignal): AsyncIterable<LogEntry[]>;
  /** A log's rows as the engine wrote them (a Parquet entry), when that is how they are held: stored by the engine, which checks them. */
  rowsFile?(sourceId: string): { where: string; size: number; bytes(signal?: AbortSignal): AsyncIterable<Uint8Array> } | undefined;
  original(sourceId: string, signal?: AbortSignal): AsyncIterable<Uint8Array>;
}

export function caseFromArchive(archive: CaseArchive): CaseToStore {
  return {
    case: archive.case,
    audit: archive.audit,
    records: archive.records,
    logRows: archive.logRows,
    rowsOf: (sourceId, signal) => archive.rowsOf(sourceId, signal),
    rowsFile: (sourceId) => {
      const log = archive.logs.find((l) => l.sourceId === sourceId && l.format === 'parquet');
      return log && { where: `${archive.fileName}: ${log.path}`, size: archive.entrySize(log), bytes: (signal) => archive.logBytes(log, signal) };
    },
    original: (sourceId, signal) => archive.original(sourceId, signal),
  };
}

/** A case in memory (tests, and the CLI's builders) as a case to store. */
export function caseFromData(data: CaseData): CaseToStore {
  const { case: record, audit, originals, logEntries, ...records } = data;
  return {
    case: record,
    audit,
    records,
    logRows: logEntries.length,
    rowsOf: async function* (sourceId) {
      yield logEntries.filter((row) => row.sourceId === sourceId).sort((a, b) => a.line - b.line);
    },
    original: async function* (sourceId) {
      const bytes = originals.get(sourceId);
      if (!bytes) throw new Refusal(`The original bytes of source ${sourceId} are missing from the case`, 'integrity');
      yield bytes;
    },
  };
}

/** Reads every log row and original once, so that each is checked (schemas, line order, SHA-256), storing nothing. */
export async function checkCase(toStore: CaseToStore, options: JobControl = {}): Promise<void> {
  let rows = 0;
  for (const source of toStore.records.sources) {
    options.signal?.throwIfAborted();
    if (source.kind === 'log') {
      for await (const batch of toStore.rowsOf(source.id, options.signal)) {
        rows += batch.length;
        options.progress?.('Checking the log rows', rows, toStore.logRows);
      }
    }
    options.progress?.(`Checking ${source.fileName}`, 0, 0);
    for await (const _chunk of toStore.original(source.id, options.signal));
  }
}

/**
 * Stores a case, all or nothing, checking its rows and originals as they are
 * written. A case with the same id is replaced only when asked; otherwise
 * CaseExistsError. The copy here shares its sources' ids with the one
 * stored, so it must go first: the whole case is checked before, and a bad
 * or cancelled archive leaves it untouched. Rows and bytes go in as pending
 * writes, and one transaction at the end adds the case that names them; on
 * cancel or failure they are removed.
 */
export async function storeCase(db: EvidenceDatabase, toStore: CaseToStore, options: JobControl & { replace: boolean }): Promise<void> {
  const caseId = toStore.case.id;
  const existing = await db.cases.get(caseId);
  if (existing && !options.replace) throw new CaseExistsError(`The case “${existing.title}” is already on this computer`);
  if (existing) {
    await checkCase(toStore, options);
    options.signal?.throwIfAborted();
    await deleteCase(db, caseId);
  }
  const written: string[] = [];
  try {
    await storeSourceFiles(db, toStore, toStore.records.sources, written, options);
    options.signal?.throwIfAborted();
    await db.transaction('rw', db.tables, async () => {
      if (await db.cases.get(caseId)) throw new CaseExistsError(`The case “${toStore.case.title}” was added meanwhile`);
      await db.cases.add(toStore.case);
      for (const name of RECORD_TABLE_NAMES) if (name !== 'logEntries') await db.table(name).bulkAdd(toStore.records[name]);
      await db.auditEvents.bulkAdd(toStore.audit);
      await db.pendingImports.bulkDelete(written);
    });
  } catch (error) {
    for (const sourceId of written) await discardPendingImport(db, caseId, sourceId);
    throw error;
  }
}

/** Stores the rows and original bytes of `sources` from a case to store, as pending writes named in `written` (removed by the caller on failure). */
async function storeSourceFiles(db: EvidenceDatabase, toStore: CaseToStore, sources: readonly SourceRecord[], written: string[], options: JobControl): Promise<void> {
  const caseId = toStore.case.id;
  let rows = 0;
  for (const source of sources) {
    options.signal?.throwIfAborted();
    await startPendingWrite(db, caseId, source.id);
    written.push(source.id);
    const rowsFile = source.kind === 'log' ? toStore.rowsFile?.(source.id) : undefined;
    if (rowsFile) {
      // Bytes as they are received, then the engine's rows as it checks them.
      const stored = await restoreLogRows(caseId, source.id, rowsFile.size, rowsFile.bytes(options.signal), {
        signal: options.signal ?? new AbortController().signal,
        progress: (phase, at, of) => options.progress?.(`${phase} of ${source.fileName}`, at, of),
      }).catch((error: unknown) => {
        // The engine's refusal names the row; the archive and its entry are named here.
        throw error instanceof Refusal && !(error instanceof ArchiveError) ? new ArchiveError(`${rowsFile.where}: ${error.message}`) : error;
      });
      if (stored.rows !== source.recordCount) throw new ArchiveError(`The log rows of ${source.fileName} number ${stored.rows}, but its source record counts ${source.recordCount}`);
      const problem = logRowsProblem(toStore.audit, source, stored.rowsSha256);
      if (problem) throw new ArchiveError(problem.message);
      rows += stored.rows;
    } else if (source.kind === 'log') {
      const writer = logRowsWriter(caseId, source.id);
      for await (const batch of toStore.rowsOf(source.id, options.signal)) {
        await writer.add(batch);
        rows += batch.length;
        options.progress?.('Storing the log rows', rows, toStore.logRows);
      }
      await writer.finish();
    }
    options.progress?.(`Storing ${source.fileName}`, 0, 0);
    const original = originalWriter(db, caseId, source.id);
    for await (const chunk of toStore.original(source.id, options.signal)) await original.add(chunk);
    await original.flush();
  }
}

/**
 * Stores a merge of the case here with an archive of it (shared/audit/merge.ts):
 * the files only the archive has are stored first, as pending writes; then
 * one transaction makes the case's records and history the merged ones. A
 * failure or Cancel before it leaves the case here as it was.
 */
export async function storeMerge(db: EvidenceDatabase, archive: CaseToStore, merged: MergedCase, options: JobControl = {}): Promise<void> {
  const caseId = archive.case.id;
  const here = new Set((await db.sources.where('caseId').equals(caseId).toArray()).map((s) => s.id));
  const fromArchive = merged.records.sources.filter((s) => merged.sourceFrom.get(s.id) === 'b' && !here.has(s.id));
  const kept = new Set(merged.records.sources.map((s) => s.id));
  const written: string[] = [];
  try {
    await storeSourceFiles(db, archive, fromArchive, written, options);
    options.signal?.throwIfAborted();
    const { case: record, ...records } = merged.records;
    await db.transaction('rw', db.tables, async () => {
      for (const name of STORED_TABLES) {
        await db.table(name).where('caseId').equals(caseId).delete();
        await db.table(name).bulkAdd(records[name]);
      }
      await db.auditEvents.where('caseId').equals(caseId).delete();
      await db.auditEvents.bulkAdd(merged.audit);
      await db.cases.put(record);
      await db.pendingImports.bulkDelete(written);
    });
  } catch (error) {
    for (const sourceId of written) await discardPendingImport(db, caseId, sourceId);
    throw error;
  }
  for (const sourceId of here) {
    if (kept.has(sourceId)) continue;
    await deleteOriginal(db, sourceId);
    await deleteLogRows(caseId, sourceId);
  }
}

/** A stored case as the archive writer reads it: records now, each log's rows and each original streamed from the store. */
export async function caseArchiveContents(db: EvidenceDatabase, caseId: string): Promise<ArchiveContents> {
  const { case: record, audit, logEntries: _none, ...records } = await loadCaseRecords(db, caseId, STORED_TABLES);
  return {
    logs: records.sources
      .filter((s) => s.kind === 'log')
      .map((source) => ({
        sourceId: source.id,
        parquet: async () => {
          const written = await exportedLogRows(caseId, source.id);
          return { rows: written.rows, bytes: written.bytes() };
        },
      })),
    rest: async () => ({
      case: record,
      audit,
      records,
      originals: records.sources.map((source) => ({ source, chunks: () => originalPieces(db, source.id) })),
    }),
  };
}
