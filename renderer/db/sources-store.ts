import Dexie from 'dexie';
import { bindRecords } from '../../shared/audit/record-binding';
import type { SourceDependents } from '../../shared/claims/targets';
import { pairOutputs, type SourceRecord } from '../../shared/model/records';
import { appendAudit } from './case-store';
import type { EvidenceDatabase } from './database';
import { deleteLogRows, logTables } from './log-store';
import { BLOCK_ROWS } from '../../shared/log-store/log-blocks';

/** Blocks of log rows deleted per step, between which progress is reported and Cancel is honoured. */
const BLOCKS_PER_STEP = 20;

export class RemovalCancelled extends Error {
  override name = 'RemovalCancelled';
}

export interface RemovalControl {
  onProgress(done: number, total: number): void;
  isCancelled(): boolean;
}

/**
 * Removes an imported file, its original bytes and every record read from
 * it, and records what was removed and what now shows as broken. Links and
 * annotations are kept: the chart shows them as broken. It is one
 * transaction, deleted in steps so progress shows: a cancel (or a failure)
 * part-way rolls every step back and leaves the case as it was.
 */
export async function removeSource(db: EvidenceDatabase, source: SourceRecord, dependents: SourceDependents, actor: string, control?: RemovalControl): Promise<void> {
  const tables = [db.sources, db.originalChunks, ...logTables(db), db.outputPairs, db.tosDocuments, db.tosVersions, db.tosClauses, db.auditEvents, db.cases];
  const blocks = db.logBlocks.where('[sourceId+block]').between([source.id, -Infinity], [source.id, Infinity]);
  await db.transaction('rw', tables, async () => {
    const total = await blocks.clone().count();
    for (let done = 0; done < total; ) {
      if (control?.isCancelled()) throw new RemovalCancelled(`Removal of ${source.fileName} cancelled; nothing was removed`);
      const keys = await blocks.clone().limit(BLOCKS_PER_STEP).primaryKeys();
      await db.logBlocks.bulkDelete(keys);
      done += keys.length;
      control?.onProgress(Math.min(done * BLOCK_ROWS, source.recordCount), source.recordCount);
      if (keys.length === 0) break;
    }
    if (control?.isCancelled()) throw new RemovalCancelled(`Removal of ${source.fileName} cancelled; nothing was removed`);
    await deleteLogRows(db, source.id);
    await db.originalChunks.where('[sourceId+seq]').between([source.id, Dexie.minKey], [source.id, Dexie.maxKey]).delete();
    const pairs = await db.outputPairs
      .where('caseId')
      .equals(source.caseId)
      .filter((p) => pairOutputs(p).some((o) => o.ref.sourceId === source.id))
      .primaryKeys();
    await db.outputPairs.bulkDelete(pairs);
    const versions = await db.tosVersions.where('caseId').equals(source.caseId).filter((v) => v.sourceId === source.id).toArray();
    const clauses: string[] = [];
    const documents: string[] = [];
    for (const version of versions) {
      clauses.push(...(await db.tosClauses.where('versionId').equals(version.id).primaryKeys()));
      await db.tosClauses.where('versionId').equals(version.id).delete();
      await db.tosVersions.delete(version.id);
      if ((await db.tosVersions.where('documentId').equals(version.documentId).count()) === 0) {
        await db.tosDocuments.delete(version.documentId);
        documents.push(version.documentId);
      }
    }
    await db.sources.delete(source.id);
    await appendAudit(db, source.caseId, {
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
      records: bindRecords({ remove: { sources: [source.id], outputPairs: pairs, tosVersions: versions.map((v) => v.id), tosClauses: clauses, tosDocuments: documents } }),
    });
  });
}
