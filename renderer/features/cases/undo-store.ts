import { nextRedo, nextUndo, undoChange } from '../../../shared/audit/undo';
import { Refusal } from '../../../shared/errors';
import { RECORD_TABLE_NAMES } from '../../../shared/model/case-data';
import { commitChange, loadCaseRecords } from '../../db/case-store';
import type { EvidenceDatabase } from '../../db/database';

/**
 * Undoes a change of the case as a new change (the CLI's undo): the latest
 * that stands, the latest undo for a redo, or the event named. Worked out
 * inside the transaction, from the case as it is then. Returns what the
 * history now says ("Undo of event #12: Claim added — …").
 */
export async function undoInCase(db: EvidenceDatabase, caseId: string, actor: string, which: 'undo' | 'redo' | number): Promise<string> {
  const change = await commitChange(db, caseId, async () => {
    const data = await loadCaseRecords(db, caseId, RECORD_TABLE_NAMES.filter((table) => table !== 'logEntries'));
    const seq = typeof which === 'number' ? which : (which === 'redo' ? nextRedo : nextUndo)(data.audit)?.seq;
    if (seq === undefined) throw new Refusal(`There is nothing to ${which}`, 'refused');
    return undoChange(data, seq, actor);
  });
  return change.audit[0]!.subject;
}
