import { CancellationError, Refusal } from '../../../../shared/errors';
import { newId } from '../../../../shared/ids';
import { stopIfCancelled, type JobControl } from '../../../../shared/jobs';
import { checkLogSettings, type LogImportSettings } from '../../../../shared/import/log-import';
import { logSource, readingPhase } from '../../../../shared/import/log-stream';
import { runImport, type FileRejection, type ImportRequest, type TosVersionInput } from '../../../../shared/import/run-import';
import type { TosProvenance } from '../../../../shared/tos/terms-history';
import { KEPT_REJECTIONS } from '../../../../shared/import/source-record';
import { checkQueryResult, type QueryProvenance } from '../../../../shared/import/query-provenance';
import { readTermsFile } from '../../../../shared/tos/read-terms';
import type { JoinKey, PairRole } from '../../../../shared/import/pairs-import';
import type { SourceRecord } from '../../../../shared/model/records';
import { recordsOf } from '../../../db/case-store';
import type { EvidenceDatabase } from '../../../db/database';
import { importLogIntoEngine } from '../../../db/log-store';
import { discardPendingImport, startPendingWrite } from '../../../db/pending-writes';
import { originalWriter } from '../../../db/originals-store';
import { commitLogImport, findSourceByHash, storeImport } from './import-store';

/** A file as the browser gives it (drag and drop, or bytes from the desktop side wrapped in a File). */
export interface NamedBlob {
  name: string;
  size: number;
  stream(): ReadableStream<Uint8Array>;
  arrayBuffer(): Promise<ArrayBuffer>;
  slice(start?: number, end?: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

export type ImportJob =
  /** `fromQuery`: the log is a warehouse query's result, imported only if it is the result that provenance records, for this case. */
  | { kind: 'log'; caseId: string; actor: string; file: NamedBlob; settings: LogImportSettings; fromQuery?: QueryProvenance }
  | { kind: 'pairs'; caseId: string; actor: string; file: NamedBlob }
  | { kind: 'pairs-joined'; caseId: string; actor: string; files: { file: NamedBlob; role: PairRole }[]; join?: JoinKey }
  | { kind: 'tos'; caseId: string; actor: string; title?: string; versions: { file: NamedBlob; effectiveDate: string; provenance?: TosProvenance }[] };

/** What the user is asked when some rows could not be read. */
export interface ImportReview {
  goodCount: number;
  rejectedCount: number;
  /** The first rejections, enough to see what is wrong. */
  rejections: FileRejection[];
}

/**
 * The job control an import takes (the one every job takes), with two more:
 * the user is asked whether to import the good rows (true) or none (false)
 * when some could not be read, and clean-up can be left for after the
 * user has been told the import was cancelled. Progress counts bytes read;
 * the phase says rows, rejections and speed.
 */
export interface ImportControl extends Required<JobControl> {
  ask(review: ImportReview): Promise<boolean>;
  afterwards(cleanUp: () => Promise<void>): void;
}

export type ImportOutcome =
  | { status: 'imported'; sources: SourceRecord[]; records: number; rejected: number; notes: string[] }
  | { status: 'already-imported'; items: { fileName: string; existing: SourceRecord }[] }
  | { status: 'declined' };

const CANCELLED = 'Cancelled. Nothing from this file was kept.';

/**
 * Streams a log file into the case: its bytes are stored here in chunks as
 * they are read and sent to the log engine, which parses them with the
 * shared streamLog (the CLI's reader too) and stores the rows, so memory
 * does not grow with the file. Until the commit at the end the rows belong
 * to no source; a cancel, a failure or a "none" leaves the database as before.
 */
export async function importLogFile(db: EvidenceDatabase, job: Extract<ImportJob, { kind: 'log' }>, control: ImportControl): Promise<ImportOutcome> {
  checkLogSettings(job.settings, job.file.name);
  const { caseId, file } = job;
  const sourceId = newId();
  await startPendingWrite(db, caseId, sourceId);
  try {
    const original = originalWriter(db, caseId, sourceId);
    const read = await importLogIntoEngine(caseId, sourceId, file, job.settings, control, (bytes) => original.add(bytes));
    await original.flush();

    if (job.fromQuery) checkQueryResult(job.fromQuery, { fileName: file.name, sha256: read.sha256 }, caseId);
    const existing = await findSourceByHash(db, caseId, read.sha256);
    if (existing) {
      await discardPendingImport(db, caseId, sourceId);
      return { status: 'already-imported', items: [{ fileName: file.name, existing }] };
    }
    const { source, notes } = logSource(read, { caseId, sourceId, fileName: file.name, actor: job.actor, now: new Date(), ...(job.fromQuery && { fromQuery: job.fromQuery }) });
    if (read.rejected > 0 && !(await control.ask({ goodCount: read.rows, rejectedCount: read.rejected, rejections: read.rejections.map((r) => ({ ...r, fileName: file.name })) }))) {
      await discardPendingImport(db, caseId, sourceId);
      return { status: 'declined' };
    }
    control.signal.throwIfAborted();
    await commitLogImport(db, source);
    return { status: 'imported', sources: [source], records: read.rows, rejected: read.rejected, notes };
  } catch (error) {
    if (!control.signal.aborted) await discardPendingImport(db, caseId, sourceId);
    else {
      // The user is told at once; the original's bytes kept so far, which belong to no source, are removed after.
      control.afterwards(() => discardPendingImport(db, caseId, sourceId));
      throw new CancellationError(CANCELLED);
    }
    throw error;
  }
}

/**
 * Output pairs and ToS versions: files of megabytes, read whole and imported
 * through the same runImport as the CLI, then written in one transaction.
 */
export async function importWholeFiles(db: EvidenceDatabase, job: Exclude<ImportJob, { kind: 'log' }>, control: ImportControl): Promise<ImportOutcome> {
  const read = async (blob: NamedBlob) => ({ name: blob.name, bytes: new Uint8Array(await blob.arrayBuffer()) });
  let request: ImportRequest;
  if (job.kind === 'pairs') request = { kind: 'pairs', file: await read(job.file) };
  else if (job.kind === 'tos') {
    const versions: TosVersionInput[] = [];
    for (const v of job.versions) {
      stopIfCancelled(control, CANCELLED);
      const file = await read(v.file);
      versions.push({ file, reading: await readTermsFile(file.name, file.bytes), effectiveDate: v.effectiveDate, ...(v.provenance && { provenance: v.provenance }) });
      control.progress(`${versions.length} of ${job.versions.length} versions read`, versions.length, job.versions.length);
    }
    request = { kind: 'tos', versions, ...(job.title && { title: job.title }) };
  }
  else request = { kind: 'pairs-joined', files: await Promise.all(job.files.map(async (f) => ({ role: f.role, file: await read(f.file) }))), ...(job.join && { join: job.join }) };
  stopIfCancelled(control, CANCELLED);

  const [sources, tosDocuments, tosVersions] = await Promise.all([
    recordsOf(db, 'sources', job.caseId),
    recordsOf(db, 'tosDocuments', job.caseId),
    recordsOf(db, 'tosVersions', job.caseId),
  ]);
  const result = await runImport({ caseId: job.caseId, sources, tosDocuments, tosVersions }, request, job.actor);
  if (result.alreadyImported.length) return { status: 'already-imported', items: result.alreadyImported };
  const records = result.records.outputPairs.length + result.records.tosClauses.length;
  const totalBytes = result.records.sources.reduce((n, s) => n + s.size, 0);
  control.progress(readingPhase(records, result.rejections.length), totalBytes, totalBytes);
  if (result.rejections.length && !(await control.ask({ goodCount: records, rejectedCount: result.rejections.length, rejections: result.rejections.slice(0, KEPT_REJECTIONS) }))) {
    return { status: 'declined' };
  }
  stopIfCancelled(control, CANCELLED);
  await storeImport(db, job.caseId, result);
  return { status: 'imported', sources: result.records.sources, records, rejected: result.rejections.length, notes: result.notes };
}

export async function runImportJob(db: EvidenceDatabase, job: ImportJob, control: ImportControl): Promise<ImportOutcome> {
  try {
    return await (job.kind === 'log' ? importLogFile(db, job, control) : importWholeFiles(db, job, control));
  } catch (error) {
    if ((error as { name?: string }).name === 'QuotaExceededError') {
      throw new Refusal('There is not enough storage space on this computer for this import. Nothing from it was kept; free some disk space and import it again', 'refused');
    }
    throw error;
  }
}
