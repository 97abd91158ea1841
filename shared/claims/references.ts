import type { CaseRecords } from '../model/case-data';
import { resolveTarget, targetCatalog } from './targets';

type Referring = Pick<CaseRecords, 'sources' | 'outputPairs' | 'tosDocuments' | 'tosVersions' | 'tosClauses' | 'claims' | 'elements' | 'links' | 'annotations' | 'findings'>;

/**
 * The first reference a change would break, in words, or null: an element
 * whose claim is gone, a link whose element is gone, or a link or an
 * annotation whose evidence is gone, where it was there before. A reference
 * already broken before is not the change's doing.
 */
export function brokenReference(before: Referring, after: Referring): string | null {
  const claims = new Set(after.claims.map((c) => c.id));
  const orphan = after.elements.find((e) => !claims.has(e.claimId));
  if (orphan) return `the element “${orphan.text.slice(0, 60)}” would belong to a claim that is gone`;
  const elements = new Set(after.elements.map((e) => e.id));
  const unlinked = after.links.find((l) => !elements.has(l.elementId));
  if (unlinked) return `the link “${unlinked.note.slice(0, 60)}” would be on an element that is gone`;
  const was = targetCatalog(before);
  const is = targetCatalog(after);
  for (const item of [...after.links, ...after.annotations]) {
    if (!resolveTarget(item.target, was).broken && resolveTarget(item.target, is).broken) {
      return `${'note' in item ? `the link “${item.note.slice(0, 60)}”` : `the annotation “${item.label}”`} would point at a record that is gone`;
    }
  }
  return null;
}
