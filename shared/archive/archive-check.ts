import { count } from '../text/count';
import { stopIfCancelled, type JobControl } from '../jobs';
import type { CaseArchive } from './archive-reader';

/** What reading a whole archive checked. */
export interface ContentsCheck {
  logRows: number;
  originals: number;
  originalBytes: number;
}

/**
 * Reads every log row and every original of an opened archive, as a
 * reviewer's check of a case must: each log's rows against the digest its
 * source recorded at import, each original against its SHA-256. The
 * archive's readers throw ArchiveError, naming the file, at the first
 * difference; nothing is kept.
 */
export async function checkArchiveContents(archive: CaseArchive, job: JobControl = {}): Promise<ContentsCheck> {
  let logRows = 0;
  for (const log of archive.logs) {
    for await (const batch of archive.logBatches(log, job.signal)) {
      stopIfCancelled(job, 'The check was cancelled');
      logRows += batch.length;
      job.progress?.('Reading the log rows', logRows, archive.logRows);
    }
  }
  const total = archive.records.sources.reduce((n, s) => n + s.size, 0);
  let originalBytes = 0;
  for (const source of archive.records.sources) {
    for await (const chunk of archive.original(source.id, job.signal)) {
      stopIfCancelled(job, 'The check was cancelled');
      originalBytes += chunk.length;
      job.progress?.('Hashing the originals', originalBytes, total);
    }
  }
  return { logRows, originals: archive.records.sources.length, originalBytes };
}

/** One line for what was read, as info and the app say it. */
export function describeContentsCheck(check: ContentsCheck | null): string {
  if (!check) return 'Fast check: the log rows and original files were NOT read; only the records and the history were checked.';
  return `Read and checked: ${count(check.logRows, 'log row')} against the digests recorded at import, and ${count(check.originals, 'original file')} (${count(check.originalBytes, 'byte')}) against the SHA-256 recorded at import.`;
}
