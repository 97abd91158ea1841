import { stopIfCancelled, type JobControl } from '../../../shared/jobs';
import type { SourceDependents } from '../../../shared/claims/targets';
import { sourceRemoval } from '../../../shared/import/source-removal';
import type { SourceRecord } from '../../../shared/model/records';
import { commitChange, loadCaseRecords } from '../../db/case-store';
import type { EvidenceDatabase } from '../../db/database';

/**
 * Removes an imported file, its original bytes and every record read from
 * it, and records what was removed and what now shows as broken. Links and
 * annotations are kept: the chart shows them as broken. The records go in
 * one transaction; a log's rows, in the log engine, right after it.
 */
export async function removeSource(db: EvidenceDatabase, source: SourceRecord, dependents: SourceDependents, actor: string, job?: JobControl): Promise<void> {
  stopIfCancelled(job, `Removal of ${source.fileName} cancelled; nothing was removed`);
  job?.progress?.('Removing the records', 0, 0);
  await commitChange(db, source.caseId, async () => {
    return sourceRemoval(await loadCaseRecords(db, source.caseId, ['outputPairs', 'tosVersions', 'tosClauses']), source, dependents, actor);
  });
}
