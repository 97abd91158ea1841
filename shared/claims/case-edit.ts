import type { AuditEntry } from '../audit/audit-chain';
import { bindRecords } from '../audit/record-binding';
import type { CaseChange } from '../model/case-change';
import type { CaseData, CaseRecords } from '../model/case-data';

/** The tables counsel and experts edit by hand while building the case. */
export const EDITABLE_TABLES = ['claims', 'elements', 'links', 'annotations', 'annotationLabels', 'markers'] as const;
export type EditableTable = (typeof EDITABLE_TABLES)[number];

/** What an edit is computed from: the case's claims, evidence links, annotations, labels and markers. */
export type ClaimsState = { caseId: string } & Pick<CaseRecords, EditableTable>;

/**
 * An edit of the tables counsel and experts edit by hand: rows to store
 * (new or replacing one with the same id), rows to remove, and the audit
 * entries that describe it. The edit functions compute it from the case's
 * claims state; editChange makes it the CaseChange both appliers apply.
 */
export interface CaseEdit {
  put: { [K in EditableTable]?: CaseRecords[K] };
  remove: { [K in EditableTable]?: string[] };
  audit: AuditEntry[];
}

export function claimsStateOf(data: Pick<CaseData, 'case' | EditableTable>): ClaimsState {
  const { claims, elements, links, annotations, annotationLabels, markers } = data;
  return { caseId: data.case.id, claims, elements, links, annotations, annotationLabels, markers };
}

/** An edit's audit entries as they are recorded: the last binds the rows the edit puts and removes. */
export function editAudit(edit: CaseEdit): AuditEntry[] {
  return edit.audit.map((entry, i) => (i === edit.audit.length - 1 ? { ...entry, records: bindRecords({ put: edit.put, remove: edit.remove }) } : entry));
}

/** The change an edit makes, its last audit entry binding the rows it puts and removes. */
export function editChange(edit: CaseEdit): CaseChange {
  return { put: edit.put, remove: edit.remove, audit: editAudit(edit) };
}
