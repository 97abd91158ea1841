import { bindRecords, recordsAsOf, type BoundRecords, type RecordHashes } from '../audit/record-binding';
import type { AuditEvent, Target } from '../model/records';
import type { BundlePlan } from './bundle-plan';

/** Where a link's or an annotation's target is kept, by kind: log rows are bound through their source's rowsSha256. */
const TARGET_TABLE = { logRows: 'sources', outputPair: 'outputPairs', tosClause: 'tosClauses', finding: 'findings', annotation: 'annotations', source: 'sources' } as const;
type ShownTable = 'claims' | 'elements' | 'links' | (typeof TARGET_TABLE)[keyof typeof TARGET_TABLE];

/**
 * The records a bundle shows, with the hashes that bind them in the case's
 * history: what its manifest anchors, so a case re-bound, or a record
 * changed, after the bundle was served cannot pass for the one it was made from.
 */
export function shownRecords(records: BoundRecords, plan: BundlePlan): { [table: string]: { [id: string]: string } } {
  const ids = new Map<ShownTable, Set<string>>();
  const add = (table: ShownTable, id: string) => (ids.get(table) ?? ids.set(table, new Set()).get(table)!).add(id);
  const addTarget = (target: Target, depth: number) => {
    add(TARGET_TABLE[target.kind], target.id);
    const annotation = target.kind === 'annotation' && depth === 0 ? records.annotations.find((a) => a.id === target.id) : undefined;
    if (annotation) addTarget(annotation.target, 1);
  };
  for (const { claim, elements } of plan.claims) {
    add('claims', claim.id);
    for (const { element, links } of elements) {
      add('elements', element.id);
      for (const { link } of links) add('links', link.id);
    }
  }
  for (const exhibit of plan.exhibits) addTarget(exhibit.target, 0);
  for (const source of plan.originals) add('sources', source.id);
  const put = Object.fromEntries([...ids].map(([table, set]) => [table, (records[table] as readonly { id: string }[]).filter((row) => set.has(row.id))]));
  // Nothing is removed here, so every hash is a string.
  const hashes = Object.entries(bindRecords({ case: records.case, put }));
  return Object.fromEntries(hashes.map(([table, rows]) => [table, Object.fromEntries(Object.entries(rows).filter((row): row is [string, string] => row[1] !== null))]));
}

export interface AnchorCheck {
  ok: boolean;
  detail: string;
}

/**
 * A bundle's records against the case's history: the history as it stood at
 * the bundle's head must have recorded exactly the records the bundle
 * shows; a record changed since is named with the event that changed it.
 */
export function anchorCheck(shown: RecordHashes | null, head: { events: number } | null, audit: readonly AuditEvent[]): AnchorCheck {
  if (!shown || !head) return { ok: false, detail: 'the bundle was made before bundles recorded the records they show, so it cannot be checked against a case' };
  const atHead = recordsAsOf(audit, head.events);
  if (!atHead) return { ok: false, detail: `the case’s history was not bound when the bundle was made (event #${head.events}), so it cannot vouch for what the bundle shows` };
  const now = recordsAsOf(audit, Number.MAX_SAFE_INTEGER)!;
  const differ: string[] = [];
  const changedSince: string[] = [];
  let count = 0;
  for (const [table, hashes] of Object.entries(shown)) {
    for (const [id, hash] of Object.entries(hashes)) {
      count++;
      const then = atHead.get(table)?.get(id);
      if (!then || then.hash !== hash) differ.push(`${table} ${id}${then ? `, recorded by event #${then.event.seq} (${then.event.action}), is not what the bundle shows` : ' is not in the history the bundle was made from'}`);
      const last = now.get(table)?.get(id);
      if (last && last.hash !== hash && last.event.seq > head.events) changedSince.push(`${table} ${id} by event #${last.event.seq} (${last.event.action}${last.hash === null ? ', removed' : ''})`);
    }
  }
  if (differ.length) return { ok: false, detail: `${differ.length} of the ${count} records the bundle shows differ from the case’s history where the bundle says it was made: ${differ.slice(0, 3).join('; ')}${differ.length > 3 ? `; and ${differ.length - 3} more` : ''}` };
  return { ok: true, detail: `the ${count} records the bundle shows are the ones the case’s history had bound at event #${head.events}${changedSince.length ? `; changed since, in the history: ${changedSince.slice(0, 3).join('; ')}${changedSince.length > 3 ? `; and ${changedSince.length - 3} more` : ''}` : ', none changed since'}` };
}
