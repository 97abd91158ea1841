import { stopIfCancelled, type JobControl } from '../../../shared/jobs';
import type { SourceDependents } from '../../../shared/claims/targets';
import { sourceRemoval } from '../../../shared/import/source-removal';
import type { SourceRecord } from '../../../shared/model/records';
import { commitChange, loadCaseRecords } from '../../db/case-store';
import type { EvidenceDatabase } from '../../db/database';
import { deleteLogBlocksInSteps } from '../../db/log-store';

/**
 * Removes an imported file, its original bytes and every record read from
 * it, and records what was removed and what now shows as broken. Links and
 * annotations are kept: the chart shows them as broken. It is one
 * transaction, deleted in steps so progress shows: a cancel (or a failure)
 * part-way rolls every step back and leaves the case as it was.
 */
export async function removeSource(db: EvidenceDatabase, source: SourceRecord, dependents: SourceDependents, actor: string, job?: JobControl): Promise<void> {
  const cancelled = `Removal of ${source.fileName} cancelled; nothing was removed`;
  await db.transaction('rw', db.tables, async () => {
    // The log rows first, in steps: the bulk of the work, with progress and a chance to cancel between steps.
    stopIfCancelled(job, cancelled);
    await deleteLogBlocksInSteps(db, source.id, (rows) => {
      job?.progress?.('Removing rows', Math.min(rows, source.recordCount), source.recordCount);
      stopIfCancelled(job, cancelled);
    });
    stopIfCancelled(job, cancelled);
    await commitChange(db, source.caseId, async () => {
      return sourceRemoval(await loadCaseRecords(db, source.caseId, ['outputPairs', 'tosVersions', 'tosClauses']), source, dependents, actor);
    });
  });
}
