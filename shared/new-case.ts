import { defaultMarkers } from './analysis/markers';
import { nextAuditEvent } from './audit/audit-chain';
import { bindRecords } from './audit/record-binding';
import { defaultAnnotationLabels } from './claims/annotation-labels';
import { newId } from './ids';
import { emptyRecords, type CaseData, type CaseRecords } from './model/case-data';
import { CaseFields, type CaseFieldsInput, type CaseRecord } from './model/records';

// A new case starts with lists the analysis and the claims define, so it is made here, above the model, not in it.

/** The editable lists a case starts with, and that a case made before they existed is given. */
export function defaultLists(caseId: string): Pick<CaseRecords, 'markers' | 'annotationLabels'> {
  return { markers: defaultMarkers(caseId), annotationLabels: defaultAnnotationLabels(caseId) };
}

/** A new case, with the default marker and annotation label lists, and its creation recorded as the first audit event. */
export function createCaseData(input: CaseFieldsInput, actor: string, now: Date = new Date()): CaseData {
  const fields = CaseFields.parse(input);
  const at = now.toISOString();
  const record: CaseRecord = { ...fields, id: newId(), createdAt: at, createdBy: actor, updatedAt: at };
  const lists = defaultLists(record.id);
  const created = nextAuditEvent(record.id, undefined, { actor, action: 'case.created', subject: record.title, details: { ...fields }, records: bindRecords({ case: record, put: lists }) }, now);
  return { case: record, audit: [created], originals: new Map(), ...emptyRecords(), ...lists };
}
