import type { AuditEntry } from '../audit/audit-chain';
import { bindRecords } from '../audit/record-binding';
import { recordChange, type CaseData, type CaseRecords } from '../model/case-data';

/** The tables counsel and experts edit by hand while building the case. */
export const EDITABLE_TABLES = ['claims', 'elements', 'links', 'annotations', 'annotationLabels', 'markers'] as const;
export type EditableTable = (typeof EDITABLE_TABLES)[number];

/** What an edit is computed from: the case's claims, evidence links, annotations, labels and markers. */
export type ClaimsState = { caseId: string } & Pick<CaseRecords, EditableTable>;

/**
 * One change to a case, as data: rows to store (new or replacing one with
 * the same id), rows to remove, and the audit entries that describe it. The
 * edit functions compute it; the Dexie store and the in-memory case apply it
 * the same way, so the app, the CLI and the demo fixture make identical changes.
 */
export interface CaseEdit {
  put: { [K in EditableTable]?: CaseRecords[K] };
  remove: { [K in EditableTable]?: string[] };
  audit: AuditEntry[];
}

export function claimsStateOf(data: CaseData): ClaimsState {
  const { claims, elements, links, annotations, annotationLabels, markers } = data;
  return { caseId: data.case.id, claims, elements, links, annotations, annotationLabels, markers };
}

type AnyRow = { id: string };

/** The rows of one table after an edit: replaced rows keep their place, new ones come last. */
export function editedRows<T extends AnyRow>(rows: readonly T[], put: readonly T[] = [], remove: readonly string[] = []): T[] {
  const removed = new Set(remove);
  const replacing = new Map(put.map((row) => [row.id, row]));
  const kept = rows.filter((row) => !removed.has(row.id)).map((row) => replacing.get(row.id) ?? row);
  const present = new Set(rows.map((row) => row.id));
  return [...kept, ...put.filter((row) => !present.has(row.id))];
}

/** An edit's audit entries as they are recorded: the last binds the rows the edit puts and removes. */
export function editAudit(edit: CaseEdit): AuditEntry[] {
  return edit.audit.map((entry, i) => (i === edit.audit.length - 1 ? { ...entry, records: bindRecords({ put: edit.put, remove: edit.remove }) } : entry));
}

/** Applies an edit to a case held in memory (the CLI, the demo fixture, tests). */
export function applyEdit(data: CaseData, edit: CaseEdit, now: Date = new Date()): void {
  const tables = data as unknown as Record<EditableTable, AnyRow[]>;
  const put = edit.put as Partial<Record<EditableTable, AnyRow[]>>;
  for (const table of EDITABLE_TABLES) tables[table] = editedRows(tables[table], put[table], edit.remove[table]);
  for (const entry of editAudit(edit)) recordChange(data, entry, now);
}
