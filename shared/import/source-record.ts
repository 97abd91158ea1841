import type { AuditEntry } from '../audit/audit-chain';
import { bindRecords } from '../audit/record-binding';
import { newId } from '../ids';
import type { EvidenceKind, SourceRecord } from '../model/records';
import type { RowRejection } from './rejections';

export const KEPT_REJECTIONS = 1000;

/** One source record for one imported file. */
export function makeSource(input: {
  caseId: string;
  id?: string;
  kind: EvidenceKind;
  fileName: string;
  size: number;
  sha256: string;
  actor: string;
  now: Date;
  recordCount: number;
  rejectedCount: number;
  rejectedRows?: readonly RowRejection[];
  lineCheckpoints?: number[];
  settings: Record<string, unknown>;
}): SourceRecord {
  return {
    id: input.id ?? newId(),
    caseId: input.caseId,
    kind: input.kind,
    fileName: input.fileName,
    size: input.size,
    sha256: input.sha256,
    importedAt: input.now.toISOString(),
    importedBy: input.actor,
    recordCount: input.recordCount,
    rejectedCount: input.rejectedCount,
    rejectedRows: (input.rejectedRows ?? []).slice(0, KEPT_REJECTIONS).map(({ line, reason }) => ({ line, reason })),
    lineCheckpoints: input.lineCheckpoints ?? [],
    settings: input.settings,
  };
}

/** What an import adds to a case besides log rows (which its log source's rowsSha256 binds). */
export interface ImportedTables {
  sources: readonly SourceRecord[];
  outputPairs?: readonly { id: string }[];
  tosDocuments?: readonly { id: string }[];
  tosVersions?: readonly { id: string }[];
  tosClauses?: readonly { id: string }[];
}

/** One audit entry per imported source, with its hash; the last binds every record the import adds. */
export function importAuditEntries(records: ImportedTables): AuditEntry[] {
  const { sources, outputPairs, tosDocuments, tosVersions, tosClauses } = records;
  return sources.map((source, i) => ({
    actor: source.importedBy,
    action: 'source.imported',
    subject: source.fileName,
    details: {
      sourceId: source.id,
      kind: source.kind,
      sha256: source.sha256,
      size: source.size,
      records: source.recordCount,
      rejected: source.rejectedCount,
    },
    ...(i === sources.length - 1 && { records: bindRecords({ put: { sources, outputPairs, tosDocuments, tosVersions, tosClauses } }) }),
  }));
}
