import { bindRecords } from '../../shared/audit/record-binding';
import { Marker, type MarkerKind } from '../../shared/model/records';
import { newId } from '../../shared/ids';
import { describeIssues } from '../../shared/validation';
import { appendAudit } from './case-store';
import type { EvidenceDatabase } from './database';

export interface MarkerFields {
  kind: MarkerKind;
  label: string;
  pattern: string;
  regex: boolean;
}

/** A marker as the user typed it, checked: the error names the field at fault. */
function checked(marker: Marker): Marker {
  const result = Marker.safeParse(marker);
  if (!result.success) throw new Error(describeIssues(result.error));
  return result.data;
}

/** Adds a marker at the end of the case's list, or saves changes to one, as an audit event. */
export async function saveMarker(db: EvidenceDatabase, caseId: string, fields: MarkerFields, actor: string, id?: string): Promise<void> {
  await db.transaction('rw', db.markers, db.auditEvents, db.cases, async () => {
    const existing = id ? await db.markers.get(id) : undefined;
    if (id && !existing) throw new Error('This marker no longer exists');
    const listed = await db.markers.where('caseId').equals(caseId).toArray();
    const marker = checked({ id: id ?? newId(), caseId, order: existing?.order ?? listed.reduce((n, m) => Math.max(n, m.order + 1), 0), ...fields });
    await db.markers.put(marker);
    await appendAudit(db, caseId, {
      actor,
      action: existing ? 'marker.changed' : 'marker.added',
      subject: marker.label,
      details: { markerId: marker.id, kind: marker.kind, pattern: marker.pattern, regex: marker.regex, ...(existing ? { was: { kind: existing.kind, label: existing.label, pattern: existing.pattern, regex: existing.regex } } : {}) },
      records: bindRecords({ put: { markers: [marker] } }),
    });
  });
}

export async function removeMarker(db: EvidenceDatabase, marker: Marker, actor: string): Promise<void> {
  await db.transaction('rw', db.markers, db.auditEvents, db.cases, async () => {
    await db.markers.delete(marker.id);
    await appendAudit(db, marker.caseId, { actor, action: 'marker.removed', subject: marker.label, details: { markerId: marker.id, kind: marker.kind, pattern: marker.pattern, regex: marker.regex }, records: bindRecords({ remove: { markers: [marker.id] } }) });
  });
}
