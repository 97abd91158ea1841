import type { Claim, ClaimElement, EvidenceLink } from '../model/records';
import type { ClaimsState } from './case-edit';
import { resolveTarget, type ResolvedTarget, type TargetCatalog } from './targets';

export interface ChartEvidence {
  link: EvidenceLink;
  resolved: ResolvedTarget;
}

export interface ChartElement {
  element: ClaimElement;
  evidence: ChartEvidence[];
  supporting: number;
  undermining: number;
  broken: number;
  /** No evidence that still exists supports it: the chart makes it stand out. */
  unsupported: boolean;
}

export interface ChartClaim {
  claim: Claim;
  elements: ChartElement[];
  unsupported: number;
}

export interface ClaimChart {
  claims: ChartClaim[];
  totals: { claims: number; elements: number; links: number; unsupported: number; broken: number };
}

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;

/** Every claim, every element, the evidence under each, in chart order. */
export function buildClaimChart(state: ClaimsState, catalog: TargetCatalog): ClaimChart {
  const linksByElement = new Map<string, EvidenceLink[]>();
  for (const link of state.links) {
    const list = linksByElement.get(link.elementId);
    if (list) list.push(link);
    else linksByElement.set(link.elementId, [link]);
  }
  const elementsByClaim = new Map<string, ClaimElement[]>();
  for (const element of state.elements) {
    const list = elementsByClaim.get(element.claimId);
    if (list) list.push(element);
    else elementsByClaim.set(element.claimId, [element]);
  }
  const totals = { claims: state.claims.length, elements: 0, links: 0, unsupported: 0, broken: 0 };
  const claims = [...state.claims].sort(byOrder).map((claim): ChartClaim => {
    const elements = (elementsByClaim.get(claim.id) ?? []).sort(byOrder).map((element): ChartElement => {
      const evidence = (linksByElement.get(element.id) ?? [])
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
        .map((link) => ({ link, resolved: resolveTarget(link.target, catalog) }));
      const live = evidence.filter((e) => !e.resolved.broken);
      const supporting = live.filter((e) => e.link.stance === 'supports').length;
      const chartElement = { element, evidence, supporting, undermining: live.length - supporting, broken: evidence.length - live.length, unsupported: supporting === 0 };
      totals.elements++;
      totals.links += evidence.length;
      totals.broken += chartElement.broken;
      if (chartElement.unsupported) totals.unsupported++;
      return chartElement;
    });
    return { claim, elements, unsupported: elements.filter((e) => e.unsupported).length };
  });
  return { claims, totals };
}
