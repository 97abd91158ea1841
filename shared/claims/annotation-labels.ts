import { newId } from '../ids';
import type { AnnotationLabel } from '../model/records';

/** The labels experts use most when comparing outputs; each case can change its list. */
export const DEFAULT_ANNOTATION_LABELS = ['verbatim run', 'same structure', 'same refusal template', 'self-identification', 'characteristic phrase', 'other'];

export function defaultAnnotationLabels(caseId: string): AnnotationLabel[] {
  return DEFAULT_ANNOTATION_LABELS.map((name, order) => ({ id: newId(), caseId, order, name }));
}
