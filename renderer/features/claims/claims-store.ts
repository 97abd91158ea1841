import { EDITABLE_TABLES, editAudit, type CaseEdit, type ClaimsState } from '../../../shared/claims/case-edit';
import { appendAudit } from '../../db/case-store';
import type { EvidenceDatabase } from '../../db/database';

/** The case's claims, elements, links, annotations, labels and markers, as the edit functions read them. */
export async function loadClaimsState(db: EvidenceDatabase, caseId: string): Promise<ClaimsState> {
  const tables = await Promise.all(EDITABLE_TABLES.map(async (name) => [name, await db.table(name).where('caseId').equals(caseId).toArray()] as const));
  return { caseId, ...Object.fromEntries(tables) } as ClaimsState;
}

/**
 * Computes an edit from the case as it is stored and applies it, audit
 * entries included, in one transaction: two windows editing at once never
 * work from a stale copy, and a failed edit changes nothing.
 */
export async function commitEdit(db: EvidenceDatabase, caseId: string, build: (state: ClaimsState) => CaseEdit): Promise<void> {
  await db.transaction('rw', [...EDITABLE_TABLES.map((name) => db.table(name)), db.auditEvents, db.cases], async () => {
    const edit = build(await loadClaimsState(db, caseId));
    for (const name of EDITABLE_TABLES) {
      const removed = edit.remove[name];
      if (removed?.length) await db.table(name).bulkDelete(removed);
      const rows = edit.put[name];
      if (rows?.length) await db.table(name).bulkPut(rows);
    }
    for (const entry of editAudit(edit)) await appendAudit(db, caseId, entry);
  });
}
