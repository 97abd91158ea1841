import type { AuditEntry } from '../audit/audit-chain';
import { bindRecords } from '../audit/record-binding';
import type { SourceDependents } from '../claims/targets';
import type { CaseChange } from '../model/case-change';
import type { CaseRecords } from '../model/case-data';
import { pairOutputs, type SourceRecord } from '../model/records';

/** The records read from a source, which go with it; links and annotations stay, and show as broken. */
export interface RecordsOfSource {
  outputPairs: string[];
  tosVersions: string[];
  tosClauses: string[];
  /** Documents left with no version. */
  tosDocuments: string[];
}

export function recordsOfSource(records: Pick<CaseRecords, 'outputPairs' | 'tosVersions' | 'tosClauses'>, sourceId: string): RecordsOfSource {
  const versions = records.tosVersions.filter((v) => v.sourceId === sourceId);
  const gone = new Set(versions.map((v) => v.id));
  const documents = [...new Set(versions.map((v) => v.documentId))].filter((documentId) => records.tosVersions.every((v) => v.documentId !== documentId || gone.has(v.id)));
  return {
    outputPairs: records.outputPairs.filter((p) => pairOutputs(p).some((o) => o.ref.sourceId === sourceId)).map((p) => p.id),
    tosVersions: [...gone],
    tosClauses: records.tosClauses.filter((c) => gone.has(c.versionId)).map((c) => c.id),
    tosDocuments: documents,
  };
}

/** The audit entry of a source's removal: what went, what now shows as broken, and the records it unbinds. */
export function sourceRemovedEntry(source: SourceRecord, dependents: SourceDependents, removed: RecordsOfSource, actor: string): AuditEntry {
  return {
    actor,
    action: 'source.removed',
    subject: source.fileName,
    details: {
      sourceId: source.id,
      sha256: source.sha256,
      removed: { logRows: dependents.logRows, outputPairs: dependents.pairs, tosClauses: dependents.clauses },
      brokenLinks: dependents.links.map((l) => l.id),
      brokenAnnotations: dependents.annotations.map((a) => a.id),
      findingsCitingIt: dependents.findings.map((f) => f.id),
    },
    records: bindRecords({ remove: { sources: [source.id], ...removed } }),
  };
}

/**
 * The change a source's removal makes: the source, its original bytes, its
 * log rows and every record read from it go; links and annotations stay and
 * show as broken; the history records what went and what broke.
 */
export function sourceRemoval(records: Pick<CaseRecords, 'outputPairs' | 'tosVersions' | 'tosClauses'>, source: SourceRecord, dependents: SourceDependents, actor: string): CaseChange {
  const removed = recordsOfSource(records, source.id);
  return { remove: { sources: [source.id], ...removed }, removedSources: [source.id], audit: [sourceRemovedEntry(source, dependents, removed, actor)] };
}
