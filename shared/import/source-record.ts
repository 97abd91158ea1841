import type { AuditEntry } from '../audit/audit-chain';
import { bindRecords } from '../audit/record-binding';
import { newId } from '../ids';
import type { CaseChange } from '../model/case-change';
import type { CaseRecords } from '../model/case-data';
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
export type ImportedTables = Pick<CaseRecords, 'sources'> & Partial<Pick<CaseRecords, 'logEntries' | 'outputPairs' | 'tosDocuments' | 'tosVersions' | 'tosClauses'>> & { originals?: ReadonlyMap<string, Uint8Array> };

/**
 * The change an import makes: its sources and the records read from them,
 * their original bytes, and one audit entry per source with its hash, the
 * last binding every record added. Log rows are bound through their
 * source's rowsSha256; the app stores them as it reads them, before the
 * change, so only an import read into memory carries them.
 */
export function importChange(records: ImportedTables): CaseChange {
  const { sources, logEntries = [], outputPairs = [], tosDocuments = [], tosVersions = [], tosClauses = [], originals } = records;
  const put = { sources, outputPairs, tosDocuments, tosVersions, tosClauses };
  const audit = sources.map((source, i): AuditEntry => ({
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
    ...(i === sources.length - 1 && { records: bindRecords({ put }) }),
  }));
  return { put, ...(logEntries.length > 0 && { logRows: logEntries }), ...(originals && { originals }), audit };
}
