import { Refusal } from '../errors';
import type { CaseEdit, ClaimsState } from '../claims/case-edit';
import { newId } from '../ids';
import { Marker, MarkerKind, type Annotation } from '../model/records';
import { annotatedWords, type TargetCatalog } from '../claims/targets';
import { describeIssues } from '../validation';

export interface MarkerFields {
  kind: MarkerKind;
  label: string;
  pattern: string;
  regex: boolean;
  postHoc?: true;
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
  // A marker stays post hoc once it was: editing a phrase seen in the answers does not make it declared beforehand.
  if (existing?.postHoc) marker.postHoc = true;
  return {
    put: { markers: [marker] },
    remove: {},
    audit: [{ actor, action: existing ? 'marker.changed' : 'marker.added', subject: marker.label, details: { markerId: marker.id, kind: marker.kind, pattern: marker.pattern, regex: marker.regex, ...(marker.postHoc && { postHoc: true }), ...was } }],
  };
}

export function removeMarker(state: ClaimsState, markerId: string, actor: string): CaseEdit {
  const marker = state.markers.find((m) => m.id === markerId);
  if (!marker) throw new Refusal('This marker no longer exists', 'gone');
  return { put: {}, remove: { markers: [marker.id] }, audit: [{ actor, action: 'marker.removed', subject: marker.label, details: { markerId: marker.id, kind: marker.kind, pattern: marker.pattern, regex: marker.regex } }] };
}

/** Several markers added at the end of the list in one change (the proposals taken together). */
export function addMarkers(state: ClaimsState, list: readonly MarkerFields[], actor: string): CaseEdit {
  const markers = [...state.markers];
  const edits = list.map((fields) => {
    const edit = saveMarker({ ...state, markers }, fields, actor);
    markers.push(...edit.put.markers!);
    return edit;
  });
  return { put: { markers: edits.flatMap((e) => e.put.markers!) }, remove: {}, audit: edits.flatMap((e) => e.audit) };
}

/** The longest pattern a marker may have, as the marker schema allows. */
const MAX_PATTERN = 500;

/**
 * An annotated phrase as a marker: the words themselves, matched literally,
 * marked post hoc because they were chosen after reading the answers.
 */
export function markerFromPhrase(words: string, kind: MarkerFields['kind'] = 'phrase'): MarkerFields & { postHoc: true } {
  const pattern = words.trim().slice(0, MAX_PATTERN);
  const oneLine = pattern.replace(/\s+/g, ' ');
  const label = oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine;
  return { kind, label, pattern, regex: false, postHoc: true };
}

/**
 * The words an annotation marks, as a post hoc marker in one step: literal,
 * of the annotation's kind where its label names one, and recorded in the
 * history with the annotation it came from. A phrase the list already
 * holds is refused.
 */
export function markerFromAnnotation(state: ClaimsState, annotation: Annotation, catalog: TargetCatalog, actor: string): CaseEdit {
  const words = annotatedWords(annotation.target, catalog);
  if (words === null || !words.trim()) throw new Refusal(`The annotation “${annotation.label}” does not mark words of a model’s answer`, 'invalid');
  const kind = MarkerKind.options.find((k) => annotation.label.toLowerCase().includes(k)) ?? (/refus/i.test(annotation.label) ? 'refusal' : 'phrase');
  const fields = markerFromPhrase(words, kind);
  const same = state.markers.find((m) => !m.regex && m.pattern === fields.pattern);
  if (same) throw new Refusal(`The marker “${same.label}” already counts these words`, 'conflict');
  const edit = saveMarker(state, fields, actor);
  edit.audit[0]!.details = { ...edit.audit[0]!.details, fromAnnotation: annotation.id };
  return edit;
}
