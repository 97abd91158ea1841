import { Refusal } from '../errors';
import { newId } from '../ids';
import { Annotation, AnnotationLabel, EvidenceLink, type Target } from '../model/records';
import { parseOrThrow } from '../validation';
import type { CaseEdit, ClaimsState } from './case-edit';
import { targetDetails } from './targets';

export interface LinkFields {
  note: string;
  stance: EvidenceLink['stance'];
}

export interface AnnotationFields {
  label: string;
  comment: string;
}

const nothing: CaseEdit = { put: {}, remove: {}, audit: [] };

function linkOf(state: ClaimsState, linkId: string): EvidenceLink {
  const link = state.links.find((l) => l.id === linkId);
  if (!link) throw new Refusal('This link no longer exists', 'gone');
  return link;
}

function annotationOf(state: ClaimsState, annotationId: string): Annotation {
  const annotation = state.annotations.find((a) => a.id === annotationId);
  if (!annotation) throw new Refusal('This annotation no longer exists', 'gone');
  return annotation;
}

/** Links a piece of evidence to an element, with what it shows and whether it supports or undermines it. */
export function addLink(state: ClaimsState, input: { elementId: string; target: Target } & LinkFields, actor: string, now: Date = new Date()): { edit: CaseEdit; link: EvidenceLink } {
  if (!input.elementId) throw new Refusal('Link: element: choose the element this evidence goes to', 'invalid');
  const element = state.elements.find((e) => e.id === input.elementId);
  if (!element) throw new Refusal('This element no longer exists', 'gone');
  const link = parseOrThrow(EvidenceLink, { id: newId(), caseId: state.caseId, ...input, createdAt: now.toISOString(), createdBy: actor }, 'Link');
  return {
    link,
    edit: { put: { links: [link] }, remove: {}, audit: [{ actor, action: 'link.added', subject: element.text, details: { linkId: link.id, elementId: element.id, claimId: element.claimId, target: targetDetails(link.target), note: link.note, stance: link.stance } }] },
  };
}

export function updateLink(state: ClaimsState, linkId: string, fields: LinkFields, actor: string): CaseEdit {
  const current = linkOf(state, linkId);
  const link = parseOrThrow(EvidenceLink, { ...current, ...fields }, 'Link');
  if (link.note === current.note && link.stance === current.stance) return nothing;
  return {
    put: { links: [link] },
    remove: {},
    audit: [{ actor, action: 'link.changed', subject: link.note || link.target.kind, details: { linkId, note: { from: current.note, to: link.note }, stance: { from: current.stance, to: link.stance } } }],
  };
}

export function removeLink(state: ClaimsState, linkId: string, actor: string): CaseEdit {
  const link = linkOf(state, linkId);
  return { put: {}, remove: { links: [linkId] }, audit: [{ actor, action: 'link.removed', subject: link.note || link.target.kind, details: { linkId, elementId: link.elementId, target: targetDetails(link.target), note: link.note, stance: link.stance } }] };
}

/** An expert's annotation of a span (or the whole) of an output, a clause or a log row. */
export function addAnnotation(state: ClaimsState, input: { target: Target } & AnnotationFields, actor: string, now: Date = new Date()): { edit: CaseEdit; annotation: Annotation } {
  const annotation = parseOrThrow(Annotation, { id: newId(), caseId: state.caseId, ...input, author: actor, createdAt: now.toISOString() }, 'Annotation');
  return {
    annotation,
    edit: { put: { annotations: [annotation] }, remove: {}, audit: [{ actor, action: 'annotation.added', subject: annotation.label, details: { annotationId: annotation.id, target: targetDetails(annotation.target), comment: annotation.comment } }] },
  };
}

export function updateAnnotation(state: ClaimsState, annotationId: string, fields: AnnotationFields, actor: string): CaseEdit {
  const current = annotationOf(state, annotationId);
  const annotation = parseOrThrow(Annotation, { ...current, ...fields }, 'Annotation');
  if (annotation.label === current.label && annotation.comment === current.comment) return nothing;
  return {
    put: { annotations: [annotation] },
    remove: {},
    audit: [{ actor, action: 'annotation.changed', subject: annotation.label, details: { annotationId, label: { from: current.label, to: annotation.label }, comment: { from: current.comment, to: annotation.comment } } }],
  };
}

/** The links that point at an annotation, which removing it unlinks. */
export function annotationImpact(state: ClaimsState, annotationId: string): EvidenceLink[] {
  return state.links.filter((l) => l.target.kind === 'annotation' && l.target.id === annotationId);
}

export function removeAnnotation(state: ClaimsState, annotationId: string, actor: string): CaseEdit {
  const annotation = annotationOf(state, annotationId);
  const links = annotationImpact(state, annotationId);
  return {
    put: {},
    remove: { annotations: [annotationId], links: links.map((l) => l.id) },
    audit: [{ actor, action: 'annotation.removed', subject: annotation.label, details: { annotationId, target: targetDetails(annotation.target), comment: annotation.comment, unlinked: links.map((l) => ({ linkId: l.id, elementId: l.elementId, note: l.note })) } }],
  };
}

function checkedLabel(state: ClaimsState, label: AnnotationLabel): AnnotationLabel {
  const parsed = parseOrThrow(AnnotationLabel, label, 'Label');
  const clash = state.annotationLabels.find((l) => l.id !== parsed.id && l.name.toLowerCase() === parsed.name.toLowerCase());
  if (clash) throw new Refusal(`Label: “${clash.name}” is already in the list`, 'invalid');
  return parsed;
}

export function addLabel(state: ClaimsState, name: string, actor: string): CaseEdit {
  const label = checkedLabel(state, { id: newId(), caseId: state.caseId, order: state.annotationLabels.reduce((n, l) => Math.max(n, l.order + 1), 0), name });
  return { put: { annotationLabels: [label] }, remove: {}, audit: [{ actor, action: 'label.added', subject: label.name, details: { labelId: label.id } }] };
}

/** Renames a label in the list; annotations already made keep the name they were given. */
export function renameLabel(state: ClaimsState, labelId: string, name: string, actor: string): CaseEdit {
  const current = state.annotationLabels.find((l) => l.id === labelId);
  if (!current) throw new Refusal('This label no longer exists', 'gone');
  const label = checkedLabel(state, { ...current, name });
  if (label.name === current.name) return nothing;
  return { put: { annotationLabels: [label] }, remove: {}, audit: [{ actor, action: 'label.renamed', subject: label.name, details: { labelId, from: current.name, to: label.name } }] };
}

export function removeLabel(state: ClaimsState, labelId: string, actor: string): CaseEdit {
  const label = state.annotationLabels.find((l) => l.id === labelId);
  if (!label) throw new Refusal('This label no longer exists', 'gone');
  return { put: {}, remove: { annotationLabels: [labelId] }, audit: [{ actor, action: 'label.removed', subject: label.name, details: { labelId } }] };
}
