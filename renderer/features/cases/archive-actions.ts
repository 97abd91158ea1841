import { ArchiveError, Refusal } from '../../../shared/errors';
import { safeFileName } from '../../../shared/file-names';
import { ARCHIVE_EXTENSION, archiveOfBytes, type ArchiveFile } from '../../../shared/archive/archive-format';
import { openCaseArchive, type CaseArchive } from '../../../shared/archive/archive-reader';
import { writeCaseArchive } from '../../../shared/archive/archive-writer';
import type { JobControl } from '../../../shared/jobs';
import { sealerCheck, type ArchiveSeal } from '../../../shared/archive/archive-seal';
import { joinBytes } from '../../../shared/bytes';
import { MAX_READ_BYTES, type SavedFile } from '../../../shared/ipc/contract';
import type { CaseRecord } from '../../../shared/model/records';
import { api } from '../../api';
import { caseArchiveContents, caseFromArchive, storeCase, storeMerge } from '../../db/archive-store';
import { STORED_TABLES, loadCaseRecords } from '../../db/case-store';
import { mergeCases, planMerge, type MergeConflict, type MergeSide, type Side } from '../../../shared/audit/merge';
import { mergeSideOf } from '../../../shared/archive/merge-archives';
import type { ExistingCaseChoice } from './MergeDialogs';
import { caseRecord } from '../../db/case-store';
import { db } from '../../db/db';
import demoCaseUrl from '../../../fixtures/demo.evcase?url';

const ARCHIVE_FILTERS = [{ name: 'Case archive', extensions: [ARCHIVE_EXTENSION] }];

/** Bytes gathered before each write to the desktop side: few calls, little memory. */
const WRITE_BYTES = 8 * 1024 * 1024;

export type ArchiveJob = Required<JobControl>;

/** The identity to seal an archive with; the passphrase only for one the OS does not keep. */
export interface ArchiveSealing {
  identityId: string;
  passphrase?: string;
}

export function archiveFileName(title: string): string {
  return `${safeFileName(title, 'case', 80)}.${ARCHIVE_EXTENSION}`;
}

/**
 * Writes the case to an .evcase file the user chooses, streamed from the
 * store a source at a time; null when they cancel the dialog. Nothing is at
 * the path unless the whole archive was written.
 */
export async function saveCaseArchive(caseId: string, job: ArchiveJob, sealing: ArchiveSealing | null): Promise<SavedFile | null> {
  const record = await caseRecord(db, caseId);
  if (!record) throw new Refusal('This case no longer exists', 'gone');
  const file = await api.createFile({ title: 'Save case archive', suggestedName: archiveFileName(record.title), filters: ARCHIVE_FILTERS });
  if (!file) return null;
  let pending: Uint8Array[] = [];
  let size = 0;
  const flush = async () => {
    if (size === 0) return;
    const bytes = joinBytes(pending, size);
    [pending, size] = [[], 0];
    await api.appendToFile(file.token, bytes);
  };
  const out = new WritableStream<Uint8Array>({
    async write(chunk) {
      pending.push(chunk.slice());
      size += chunk.length;
      if (size >= WRITE_BYTES) await flush();
    },
    close: flush,
  });
  try {
    const seal = sealing ? (manifest: Uint8Array) => api.sealArchive({ manifest, ...sealing }) : undefined;
    await writeCaseArchive(out, await caseArchiveContents(db, caseId), new Date(), { ...job, seal });
    return await api.commitFile(file.token);
  } finally {
    await api.closeFile(file.token);
  }
}

/**
 * Opens an .evcase file the user picks, read in ranges as it is used. The
 * archive is checked as it is stored (records, rows, originals' SHA-256,
 * audit history); a refused archive throws ArchiveError and stores nothing.
 * If the case is already here, `confirmReplace` decides, and the whole
 * archive is checked before the copy here is removed. With an expected
 * sealer, an archive sealed by any other certificate, or not sealed, is
 * refused before anything is stored.
 */
export async function openCaseArchiveFile(expectedSealer: string | null, existing: WhenExists, job: ArchiveJob): Promise<OpenedArchive | null> {
  const file = await api.openFileForReading({ title: 'Open case archive', filters: ARCHIVE_FILTERS });
  if (!file) return null;
  try {
    const read = async (start: number, end: number) => {
      const parts: Uint8Array[] = [];
      for (let at = start; at < end; at += MAX_READ_BYTES) parts.push(await api.readFileRange(file.token, at, Math.min(MAX_READ_BYTES, end - at)));
      return joinBytes(parts);
    };
    return await storeArchive({ name: file.name, size: file.size, slice: read }, expectedSealer, existing, job);
  } finally {
    await api.closeFile(file.token);
  }
}

/** Opens the demo case that ships with the app (built by `npm run fixtures`). */
export async function openDemoCase(existing: WhenExists, job: ArchiveJob): Promise<OpenedArchive | null> {
  const response = await fetch(demoCaseUrl);
  if (!response.ok) throw new Error(`The demo case could not be read (${response.status})`);
  return storeArchive(archiveOfBytes(new Uint8Array(await response.arrayBuffer()), 'demo.evcase'), null, existing, job);
}

/** A case stored from an archive, and who sealed the archive (checked), if anyone did. */
export interface OpenedArchive {
  case: CaseRecord;
  seal: ArchiveSeal | null;
  /** What storing it read and checked: every log row and every original. */
  checked: { logRows: number; originals: number };
  /** What a merge with the copy here did, in words; absent when the archive was stored whole. */
  merged?: string;
}

/** What to do when the archive's case is already here: ask, then, for a merge, ask again for each record both copies changed. */
export interface WhenExists {
  actor: string;
  choose(title: string): Promise<ExistingCaseChoice | null>;
  resolve(conflicts: readonly MergeConflict[]): Promise<ReadonlyMap<string, Side> | null>;
}

async function storeArchive(file: ArchiveFile, expectedSealer: string | null, whenExists: WhenExists, job: ArchiveJob): Promise<OpenedArchive | null> {
  const archive = await openCaseArchive(file);
  try {
    const sealer = expectedSealer ? sealerCheck(archive.seal, expectedSealer) : null;
    if (sealer && !sealer.ok) throw new ArchiveError(`${file.name}: ${sealer.detail}`);
    const opened = { case: archive.case, seal: archive.seal, checked: { logRows: archive.logRows, originals: archive.records.sources.length } };
    const existing = await caseRecord(db, archive.case.id);
    const choice = existing ? await whenExists.choose(existing.title) : 'replace';
    if (!choice) return null;
    if (choice === 'merge') {
      const merged = await mergeWithArchive(archive, whenExists, job);
      return merged === null ? null : { ...opened, merged };
    }
    await storeCase(db, caseFromArchive(archive), { ...job, replace: existing !== undefined });
    return opened;
  } finally {
    await archive.close();
  }
}

/** Merges the archive into the copy of its case here (shared/audit/merge.ts); what it did, in words, or null when a choice was not made. */
async function mergeWithArchive(archive: CaseArchive, whenExists: WhenExists, job: ArchiveJob): Promise<string | null> {
  const { case: record, audit, logEntries: _none, ...tables } = await loadCaseRecords(db, archive.case.id, STORED_TABLES);
  const here: MergeSide = { name: 'the copy on this computer', audit, records: { case: record, ...tables } };
  const there = mergeSideOf(archive);
  const plan = planMerge(here, there);
  if (plan.kind === 'same' || (plan.kind === 'take' && plan.side === 'a')) return `The copy here already holds every change in ${archive.fileName}: nothing was changed`;
  if (plan.kind === 'take') {
    await storeCase(db, caseFromArchive(archive), { ...job, replace: true });
    return `${archive.fileName} holds every change made here and ${archive.audit.length - audit.length} more: the case is now as the archive has it`;
  }
  const choices = plan.conflicts.length ? await whenExists.resolve(plan.conflicts) : new Map<string, Side>();
  if (!choices) return null;
  const merged = mergeCases(here, there, choices, whenExists.actor);
  await storeMerge(db, caseFromArchive(archive), merged, job);
  return `Merged: ${plan.fromA} change(s) made here and ${plan.fromB} from ${archive.fileName}${plan.conflicts.length ? `, ${plan.conflicts.length} chosen by hand` : ''}, recorded as event #${merged.audit.at(-1)!.seq}`;
}
