import { Refusal } from '../errors';
import { newId } from '../ids';
import { Claim, ClaimElement, type EvidenceLink } from '../model/records';
import { parseOrThrow } from '../validation';
import type { CaseEdit, ClaimsState } from './case-edit';
import { claimTemplate } from './claim-templates';
import { targetDetails } from './targets';

export interface ClaimFields {
  theory: string;
  title: string;
  description: string;
}

const nextOrder = (rows: readonly { order: number }[]) => rows.reduce((n, row) => Math.max(n, row.order + 1), 0);
const byOrder = <T extends { order: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.order - b.order);

function claimOf(state: ClaimsState, claimId: string): Claim {
  const claim = state.claims.find((c) => c.id === claimId);
  if (!claim) throw new Refusal('This claim no longer exists', 'gone');
  return claim;
}

function elementOf(state: ClaimsState, elementId: string): ClaimElement {
  const element = state.elements.find((e) => e.id === elementId);
  if (!element) throw new Refusal('This element no longer exists', 'gone');
  return element;
}

/** Rows renumbered 0..n-1 after `moved` changes place; only rows whose order changed are returned. */
function reordered<T extends { id: string; order: number }>(rows: readonly T[], movedId: string, delta: -1 | 1): T[] {
  const sorted = byOrder(rows);
  const from = sorted.findIndex((r) => r.id === movedId);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= sorted.length) return [];
  [sorted[from], sorted[to]] = [sorted[to]!, sorted[from]!];
  return sorted.flatMap((row, order) => (row.order === order ? [] : [{ ...row, order }]));
}

/** A new claim from a template (the theory's elements written out), at the end of the chart. */
export function addClaim(state: ClaimsState, templateId: string, actor: string): { edit: CaseEdit; claim: Claim } {
  const template = claimTemplate(templateId);
  const claim = parseOrThrow(Claim, { id: newId(), caseId: state.caseId, order: nextOrder(state.claims), theory: template.theory, title: template.title, description: template.description }, 'Claim');
  const elements = template.elements.map((text, order) => ({ id: newId(), caseId: state.caseId, claimId: claim.id, order, text }));
  return {
    claim,
    edit: {
      put: { claims: [claim], elements },
      remove: {},
      audit: [{ actor, action: 'claim.created', subject: claim.title, details: { claimId: claim.id, template: template.id, theory: claim.theory, elements: elements.map((e) => e.text) } }],
    },
  };
}

export function updateClaim(state: ClaimsState, claimId: string, fields: ClaimFields, actor: string): CaseEdit {
  const current = claimOf(state, claimId);
  const claim = parseOrThrow(Claim, { ...current, ...fields }, 'Claim');
  const changed = (['theory', 'title', 'description'] as const).filter((key) => current[key] !== claim[key]);
  if (changed.length === 0) return { put: {}, remove: {}, audit: [] };
  return {
    put: { claims: [claim] },
    remove: {},
    audit: [{ actor, action: 'claim.changed', subject: claim.title, details: { claimId, ...Object.fromEntries(changed.map((key) => [key, { from: current[key], to: claim[key] }])) } }],
  };
}

export function moveClaim(state: ClaimsState, claimId: string, delta: -1 | 1, actor: string): CaseEdit {
  const claim = claimOf(state, claimId);
  const claims = reordered(state.claims, claimId, delta);
  if (claims.length === 0) return { put: {}, remove: {}, audit: [] };
  return { put: { claims }, remove: {}, audit: [{ actor, action: 'claim.moved', subject: claim.title, details: { claimId, order: byOrder(state.claims.map((c) => claims.find((m) => m.id === c.id) ?? c)).map((c) => c.id) } }] };
}

/** What deleting a claim takes with it: its elements and the evidence linked to them. */
export function claimImpact(state: ClaimsState, claimId: string): { elements: ClaimElement[]; links: EvidenceLink[] } {
  const elements = state.elements.filter((e) => e.claimId === claimId);
  const ids = new Set(elements.map((e) => e.id));
  return { elements, links: state.links.filter((l) => ids.has(l.elementId)) };
}

export function deleteClaim(state: ClaimsState, claimId: string, actor: string): CaseEdit {
  const claim = claimOf(state, claimId);
  const { elements, links } = claimImpact(state, claimId);
  const rest = byOrder(state.claims.filter((c) => c.id !== claimId)).flatMap((c, order) => (c.order === order ? [] : [{ ...c, order }]));
  return {
    put: { claims: rest },
    remove: { claims: [claimId], elements: elements.map((e) => e.id), links: links.map((l) => l.id) },
    audit: [{ actor, action: 'claim.deleted', subject: claim.title, details: { claimId, theory: claim.theory, elements: elements.map((e) => e.text), unlinked: links.map((l) => ({ linkId: l.id, target: targetDetails(l.target), note: l.note })) } }],
  };
}

export function addElement(state: ClaimsState, claimId: string, text: string, actor: string): CaseEdit {
  const claim = claimOf(state, claimId);
  const element = parseOrThrow(ClaimElement, { id: newId(), caseId: state.caseId, claimId, order: nextOrder(state.elements.filter((e) => e.claimId === claimId)), text }, 'Element');
  return { put: { elements: [element] }, remove: {}, audit: [{ actor, action: 'element.added', subject: element.text, details: { claimId, claim: claim.title, elementId: element.id } }] };
}

export function updateElement(state: ClaimsState, elementId: string, text: string, actor: string): CaseEdit {
  const current = elementOf(state, elementId);
  const element = parseOrThrow(ClaimElement, { ...current, text }, 'Element');
  if (element.text === current.text) return { put: {}, remove: {}, audit: [] };
  return { put: { elements: [element] }, remove: {}, audit: [{ actor, action: 'element.changed', subject: element.text, details: { elementId, claimId: element.claimId, text: { from: current.text, to: element.text } } }] };
}

export function moveElement(state: ClaimsState, elementId: string, delta: -1 | 1, actor: string): CaseEdit {
  const element = elementOf(state, elementId);
  const siblings = state.elements.filter((e) => e.claimId === element.claimId);
  const elements = reordered(siblings, elementId, delta);
  if (elements.length === 0) return { put: {}, remove: {}, audit: [] };
  return { put: { elements }, remove: {}, audit: [{ actor, action: 'element.moved', subject: element.text, details: { elementId, claimId: element.claimId, delta } }] };
}

/** The evidence that deleting an element unlinks. */
export function elementImpact(state: ClaimsState, elementId: string): EvidenceLink[] {
  return state.links.filter((l) => l.elementId === elementId);
}

export function deleteElement(state: ClaimsState, elementId: string, actor: string): CaseEdit {
  const element = elementOf(state, elementId);
  const links = elementImpact(state, elementId);
  const rest = byOrder(state.elements.filter((e) => e.claimId === element.claimId && e.id !== elementId)).flatMap((e, order) => (e.order === order ? [] : [{ ...e, order }]));
  return {
    put: { elements: rest },
    remove: { elements: [elementId], links: links.map((l) => l.id) },
    audit: [{ actor, action: 'element.deleted', subject: element.text, details: { elementId, claimId: element.claimId, unlinked: links.map((l) => ({ linkId: l.id, target: targetDetails(l.target), note: l.note })) } }],
  };
}
