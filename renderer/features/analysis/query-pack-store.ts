import { safeFileName } from '../../../shared/file-names';
import type { SavedFile } from '../../../shared/ipc/contract';
import type { HarvestQuerySettings } from '../../../shared/warehouse/harvest-sql';
import { queryPack, queryPackZip } from '../../../shared/warehouse/query-pack';
import { api } from '../../api';
import { auditEventsOf, caseRecord, recordsOf } from '../../db/case-store';
import type { EvidenceDatabase } from '../../db/database';

/**
 * Saves the case's harvest queries for the lab's warehouse as a zip the user
 * places, written for the settings the analysis runs with (the CLI's
 * query-pack writes the same files into a folder); null when they cancel
 * the save dialog.
 */
export async function saveQueryPack(db: EvidenceDatabase, caseId: string, settings: HarvestQuerySettings): Promise<{ saved: SavedFile; files: number } | null> {
  const [record, pairs, audit] = await Promise.all([caseRecord(db, caseId), recordsOf(db, 'outputPairs', caseId), auditEventsOf(db, caseId)]);
  if (!record || !audit.length) throw new Error('This case no longer exists');
  const files = queryPack({ id: record.id, title: record.title, historyHead: audit.at(-1)!.hash }, pairs, { linkBy: settings.linkBy, linkColumns: settings.linkColumns, sessionGapSeconds: settings.sessionGapSeconds }, new Date().toISOString());
  const name = `${safeFileName(record.title, 'case', 60)} query pack`;
  const bytes = await queryPackZip(files, name);
  const file = await api.createFile({ title: 'Save query pack', suggestedName: `${name}.zip`, filters: [{ name: 'Zip', extensions: ['zip'] }] });
  if (!file) return null;
  try {
    await api.appendToFile(file.token, bytes);
    return { saved: await api.commitFile(file.token), files: files.length };
  } finally {
    await api.closeFile(file.token);
  }
}
