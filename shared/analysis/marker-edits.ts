import { Refusal } from '../errors';
import type { CaseEdit, ClaimsState } from '../claims/case-edit';
import { newId } from '../ids';
import { Marker, type MarkerKind } from '../model/records';
import { describeIssues } from '../validation';

export interface MarkerFields {
  kind: MarkerKind;
  label: string;
  pattern: string;
  regex: boolean;
}

/** A marker as the user typed it, checked: the error names the field at fault. */
function checked(marker: Marker): Marker {
  const result = Marker.safeParse(marker);
  if (!result.success) throw new Refusal(describeIssues(result.error), 'invalid');
  return result.data;
}

/** Adds a marker at the end of the case's list, or changes one (by id). */
export function saveMarker(state: ClaimsState, fields: MarkerFields, actor: string, id?: string): CaseEdit {
  const existing = id ? state.markers.find((m) => m.id === id) : undefined;
  if (id && !existing) throw new Refusal('This marker no longer exists', 'gone');
  const marker = checked({ id: id ?? newId(), caseId: state.caseId, order: existing?.order ?? state.markers.reduce((n, m) => Math.max(n, m.order + 1), 0), ...fields });
  const was = existing && { was: { kind: existing.kind, label: existing.label, pattern: existing.pattern, regex: existing.regex } };
  return {
    put: { markers: [marker] },
    remove: {},
    audit: [{ actor, action: existing ? 'marker.changed' : 'marker.added', subject: marker.label, details: { markerId: marker.id, kind: marker.kind, pattern: marker.pattern, regex: marker.regex, ...was } }],
  };
}

export function removeMarker(state: ClaimsState, markerId: string, actor: string): CaseEdit {
  const marker = state.markers.find((m) => m.id === markerId);
  if (!marker) throw new Refusal('This marker no longer exists', 'gone');
  return { put: {}, remove: { markers: [marker.id] }, audit: [{ actor, action: 'marker.removed', subject: marker.label, details: { markerId: marker.id, kind: marker.kind, pattern: marker.pattern, regex: marker.regex } }] };
}
