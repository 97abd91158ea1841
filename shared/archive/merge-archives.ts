import type { MergeSide, MergedCase } from '../audit/merge';
import type { ArchiveContents } from './archive-format';
import type { CaseArchive } from './archive-reader';

/** An opened archive as one side of a merge. */
export function mergeSideOf(archive: CaseArchive): MergeSide {
  return { name: archive.fileName, audit: archive.audit, records: { case: archive.case, ...archive.records } };
}

/**
 * The merged case as an archive's contents: each log and original copied,
 * compressed as it is, from the archive its source came from, so two copies
 * of millions of rows merge without reading a row into memory.
 */
export function mergedContents(a: CaseArchive, b: CaseArchive, merged: MergedCase): ArchiveContents {
  const archiveOf = (sourceId: string) => (merged.sourceFrom.get(sourceId) === 'b' ? b : a);
  const logsOf = new Map([a, b].map((archive) => [archive, new Map(archive.logParts().map((log) => [log.sourceId, log]))]));
  const { case: record, ...records } = merged.records;
  return {
    logs: records.sources.flatMap((source) => logsOf.get(archiveOf(source.id))!.get(source.id) ?? []),
    rest: async () => ({ case: record, audit: merged.audit, records, originals: records.sources.map((source) => archiveOf(source.id).copyOfOriginal(source)) }),
  };
}
