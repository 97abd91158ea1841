import { Refusal } from '../../../shared/errors';
import { safeFileName } from '../../../shared/file-names';
import type { SavedFile, WarehouseRunRequest, WarehouseRunStatus } from '../../../shared/ipc/contract';
import { untilEnded, type JobControl } from '../../../shared/jobs';
import type { HarvestQuerySettings } from '../../../shared/warehouse/harvest-sql';
import { queryPack, queryPackZip } from '../../../shared/warehouse/query-pack';
import { api, saveBytes } from '../../api';
import { auditEventsOf, caseRecord, recordsOf } from '../../db/case-store';
import type { EvidenceDatabase } from '../../db/database';

/** The case's query pack, for the settings the analysis runs with, and the name it is saved under. */
async function casePack(db: EvidenceDatabase, caseId: string, settings: HarvestQuerySettings) {
  const [record, pairs, audit] = await Promise.all([caseRecord(db, caseId), recordsOf(db, 'outputPairs', caseId), auditEventsOf(db, caseId)]);
  if (!record || !audit.length) throw new Refusal('This case no longer exists', 'gone');
  const files = queryPack({ id: record.id, title: record.title, historyHead: audit.at(-1)!.hash }, pairs, { linkBy: settings.linkBy, linkColumns: settings.linkColumns, sessionGapSeconds: settings.sessionGapSeconds }, new Date().toISOString());
  return { name: `${safeFileName(record.title, 'case', 60)} query pack`, files };
}

/**
 * Saves the case's harvest queries for the lab's warehouse as a zip the user
 * places, written for the settings the analysis runs with (the CLI's
 * query-pack writes the same files into a folder); null when they cancel
 * the save dialog.
 */
export async function saveQueryPack(db: EvidenceDatabase, caseId: string, settings: HarvestQuerySettings): Promise<{ saved: SavedFile; files: number } | null> {
  const { name, files } = await casePack(db, caseId, settings);
  const bytes = await queryPackZip(files, name);
  const saved = await saveBytes({ title: 'Save query pack', suggestedName: `${name}.zip`, filters: [{ name: 'Zip', extensions: ['zip'] }] }, bytes);
  return saved && { saved, files: files.length };
}

/**
 * Runs the case's query pack on the lab's ClickHouse from the main process
 * (as the CLI's run-query-pack does), into an empty folder the user picks,
 * reporting its progress until it ends; Cancel stops it between queries and
 * aborts the one running. Null when the user cancels the folder dialog.
 */
export async function runQueryPackOnClickHouse(db: EvidenceDatabase, caseId: string, settings: HarvestQuerySettings, server: WarehouseRunRequest['server'], job: Required<JobControl>): Promise<Exclude<WarehouseRunStatus, { state: 'running' }> | null> {
  const { files } = await casePack(db, caseId, settings);
  const started = await api.runQueryPack({ pack: files, server });
  if (!started) return null;
  const onAbort = () => void api.cancelQueryRun(started.run);
  job.signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await untilEnded(() => api.queryRunStatus(started.run), job.progress, POLL_MS);
  } finally {
    job.signal.removeEventListener('abort', onAbort);
  }
}

/** How often a run's progress is read: often enough to look live, seldom enough to cost nothing. */
const POLL_MS = 250;
