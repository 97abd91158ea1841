/**
 * Every action a case's history records, in one place: a change that names
 * another does not type-check. Histories are read with any action (an
 * archive from another version may hold one this list no longer has).
 */
export const AUDIT_ACTIONS = [
  'case.created',
  'case.renamed',
  'case.updated',
  'source.imported',
  'source.removed',
  'records.bound',
  'claim.created',
  'claim.changed',
  'claim.moved',
  'claim.deleted',
  'element.added',
  'element.changed',
  'element.moved',
  'element.deleted',
  'link.added',
  'link.changed',
  'link.removed',
  'annotation.added',
  'annotation.changed',
  'annotation.removed',
  'label.added',
  'label.renamed',
  'label.removed',
  'marker.added',
  'marker.changed',
  'marker.removed',
  'finding.saved',
  'plan.recorded',
  'analysis.run',
  'bundle.exported',
  'change.undone',
  'case.merged',
  'review.marked',
  'review.signed-off',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Each action as a reader of the history (a judge, a reviewer) reads it. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'case.created': 'Case created',
  'case.renamed': 'Case renamed',
  'case.updated': 'Case details changed',
  'source.imported': 'File imported',
  'source.removed': 'File removed',
  'records.bound': 'Records bound to the history',
  'claim.created': 'Claim added',
  'claim.changed': 'Claim changed',
  'claim.moved': 'Claim moved',
  'claim.deleted': 'Claim deleted',
  'element.added': 'Element added',
  'element.changed': 'Element changed',
  'element.moved': 'Element moved',
  'element.deleted': 'Element deleted',
  'link.added': 'Evidence linked',
  'link.changed': 'Link changed',
  'link.removed': 'Link removed',
  'annotation.added': 'Annotation added',
  'annotation.changed': 'Annotation changed',
  'annotation.removed': 'Annotation removed',
  'label.added': 'Annotation label added',
  'label.renamed': 'Annotation label renamed',
  'label.removed': 'Annotation label removed',
  'marker.added': 'Marker added',
  'marker.changed': 'Marker changed',
  'marker.removed': 'Marker removed',
  'finding.saved': 'Finding saved',
  'plan.recorded': 'Analysis plan recorded',
  'analysis.run': 'Analysis run',
  'bundle.exported': 'Bundle exported',
  'change.undone': 'Change undone',
  'case.merged': 'Copies merged',
  'review.marked': 'Marked in review',
  'review.signed-off': 'Signed off',
};

/** An action in words; one this version does not know (from another version's archive) as it was recorded. */
export function actionLabel(action: string): string {
  return (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
}
