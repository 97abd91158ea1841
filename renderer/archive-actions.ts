import { ARCHIVE_EXTENSION, readCaseArchive, writeCaseArchive } from '../shared/archive/case-archive';
import type { SavedFile } from '../shared/ipc/contract';
import type { CaseRecord } from '../shared/model/records';
import { api } from './api';
import { CaseExistsError, loadCaseData, storeCaseData } from './db/case-store';
import { db } from './db/db';
import demoCaseUrl from '../fixtures/demo.evcase?url';

const ARCHIVE_FILTERS = [{ name: 'Case archive', extensions: [ARCHIVE_EXTENSION] }];

export function archiveFileName(title: string): string {
  const base = title.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'case';
  return `${base}.${ARCHIVE_EXTENSION}`;
}

/** Writes the case to an .evcase file the user chooses; null when they cancel. */
export async function saveCaseArchive(caseId: string): Promise<SavedFile | null> {
  const data = await loadCaseData(db, caseId);
  const bytes = writeCaseArchive(data);
  return api.saveFile({ title: 'Save case archive', suggestedName: archiveFileName(data.case.title), filters: ARCHIVE_FILTERS, bytes });
}

/**
 * Reads an .evcase file the user picks, checks it whole, and stores it. A
 * refused archive throws ArchiveError and stores nothing. If the case is
 * already here, `confirmReplace` decides.
 */
export async function openCaseArchive(confirmReplace: (title: string) => Promise<boolean>): Promise<CaseRecord | null> {
  const [file] = await api.openFiles({ title: 'Open case archive', filters: ARCHIVE_FILTERS, multiple: false });
  if (!file) return null;
  return storeArchive(file.bytes, file.name, confirmReplace);
}

/** Opens the demo case that ships with the app (built by `npm run fixtures`). */
export async function openDemoCase(confirmReplace: (title: string) => Promise<boolean>): Promise<CaseRecord | null> {
  const response = await fetch(demoCaseUrl);
  if (!response.ok) throw new Error(`The demo case could not be read (${response.status})`);
  return storeArchive(new Uint8Array(await response.arrayBuffer()), 'demo.evcase', confirmReplace);
}

async function storeArchive(bytes: Uint8Array, fileName: string, confirmReplace: (title: string) => Promise<boolean>): Promise<CaseRecord | null> {
  const data = readCaseArchive(bytes, fileName);
  try {
    await storeCaseData(db, data, { replace: false });
  } catch (error) {
    if (!(error instanceof CaseExistsError) || !(await confirmReplace(data.case.title))) {
      if (error instanceof CaseExistsError) return null;
      throw error;
    }
    await storeCaseData(db, data, { replace: true });
  }
  return data.case;
}
