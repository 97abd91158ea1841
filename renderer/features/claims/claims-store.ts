import { EDITABLE_TABLES, claimsStateOf, editChange, type CaseEdit, type ClaimsState } from '../../../shared/claims/case-edit';
import type { Annotation } from '../../../shared/model/records';
import { commitChange, loadCaseRecords } from '../../db/case-store';
import type { EvidenceDatabase } from '../../db/database';

/** The case's claims, elements, links, annotations, labels and markers, as the edit functions read them. */
export async function loadClaimsState(db: EvidenceDatabase, caseId: string): Promise<ClaimsState> {
  return claimsStateOf(await loadCaseRecords(db, caseId, EDITABLE_TABLES));
}

/** Computes an edit from the claims state as it is stored when the change is applied (see commitChange), and applies it. */
export async function commitEdit(db: EvidenceDatabase, caseId: string, build: (state: ClaimsState) => CaseEdit): Promise<void> {
  await commitChange(db, caseId, async () => editChange(build(await loadClaimsState(db, caseId))));
}

/** The annotations on one record (a pair, a clause, a file). */
export function annotationsOfTarget(db: EvidenceDatabase, targetId: string): Promise<Annotation[]> {
  return db.annotations.where('target.id').equals(targetId).toArray();
}

/** The annotations on any terms clause of a case. */
export function clauseAnnotations(db: EvidenceDatabase, caseId: string): Promise<Annotation[]> {
  return db.annotations.where('caseId').equals(caseId).filter((a) => a.target.kind === 'tosClause').toArray();
}
