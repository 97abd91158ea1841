import type { AuditEntry } from '../audit/audit-chain';
import { bindRecords } from '../audit/record-binding';
import { sourceDependents, targetCatalog, type SourceDependents } from '../claims/targets';
import { recordChange, type CaseData, type CaseRecords } from '../model/case-data';
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

/** Removes a source, its original and every record read from it from a case in memory (the CLI), as the app removes it from its store. */
export function removeSourceFrom(data: CaseData, sourceId: string, actor: string): { source: SourceRecord; dependents: SourceDependents } {
  const source = data.sources.find((s) => s.id === sourceId);
  if (!source) throw new Error(`No file with the id ${sourceId} in this case`);
  const dependents = sourceDependents(sourceId, targetCatalog(data), data.links);
  const removed = recordsOfSource(data, sourceId);
  const without = <T extends { id: string }>(rows: T[], ids: readonly string[]) => {
    const gone = new Set(ids);
    return rows.filter((row) => !gone.has(row.id));
  };
  data.outputPairs = without(data.outputPairs, removed.outputPairs);
  data.tosClauses = without(data.tosClauses, removed.tosClauses);
  data.tosVersions = without(data.tosVersions, removed.tosVersions);
  data.tosDocuments = without(data.tosDocuments, removed.tosDocuments);
  data.sources = without(data.sources, [sourceId]);
  data.logEntries = data.logEntries.filter((row) => row.sourceId !== sourceId);
  data.originals.delete(sourceId);
  recordChange(data, sourceRemovedEntry(source, dependents, removed, actor));
  return { source, dependents };
}
