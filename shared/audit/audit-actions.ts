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
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
