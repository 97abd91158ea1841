import { diffWords } from 'diff';
import type { TosClause } from '../model/records';
import { clauseBody } from '../import/tos-import';

export type RedlineStatus = 'unchanged' | 'renumbered' | 'changed' | 'added' | 'removed';

export interface RedlineSegment {
  text: string;
  kind: 'same' | 'inserted' | 'deleted';
}

export interface RedlineClause {
  status: RedlineStatus;
  from: TosClause | null;
  to: TosClause | null;
  /** Word-level changes of a changed clause; null when too large to diff exactly. */
  segments: RedlineSegment[] | null;
}

type Clause = Pick<TosClause, 'number' | 'text' | 'headingPath' | 'order'>;

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

function similarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  const union = wa.size + wb.size - shared;
  return union ? shared / union : 1;
}

const MIN_SIMILARITY = 0.5;

/**
 * Aligns the clauses of two versions and marks the changes as a lawyer
 * reads them: the same text under a new number is renumbered, not removed
 * and added; a clause kept under its number or, when renumbered, recognised
 * by its wording, is changed with word-level insertions and deletions.
 */
export function redline<C extends Clause>(fromClauses: readonly C[], toClauses: readonly C[], maxEditLength = 2000): (Omit<RedlineClause, 'from' | 'to'> & { from: C | null; to: C | null })[] {
  const body = new Map<C, string>();
  for (const c of [...fromClauses, ...toClauses]) body.set(c, clauseBody(c.text).replace(/\s+/g, ' '));
  const matchOf = new Map<C, C>();
  const taken = new Set<C>();
  const pairUp = (accept: (f: C, t: C) => boolean) => {
    for (const t of toClauses) {
      if (matchOf.has(t)) continue;
      const f = fromClauses.find((candidate) => !taken.has(candidate) && accept(candidate, t));
      if (f) {
        matchOf.set(t, f);
        taken.add(f);
      }
    }
  };
  pairUp((f, t) => body.get(f) === body.get(t) && f.number === t.number);
  pairUp((f, t) => body.get(f) === body.get(t));
  pairUp((f, t) => f.number !== '' && f.number === t.number && similarity(body.get(f)!, body.get(t)!) >= MIN_SIMILARITY / 2);
  pairUp((f, t) => similarity(body.get(f)!, body.get(t)!) >= MIN_SIMILARITY);

  const out: (Omit<RedlineClause, 'from' | 'to'> & { from: C | null; to: C | null })[] = [];
  const emitted = new Set<C>();
  const emitRemovedBefore = (order: number) => {
    for (const f of fromClauses) {
      if (f.order < order && !taken.has(f) && !emitted.has(f)) {
        out.push({ status: 'removed', from: f, to: null, segments: null });
        emitted.add(f);
      }
    }
  };
  for (const t of toClauses) {
    const f = matchOf.get(t);
    if (!f) {
      out.push({ status: 'added', from: null, to: t, segments: null });
      continue;
    }
    emitRemovedBefore(f.order);
    const same = body.get(f) === body.get(t);
    const status: RedlineStatus = same ? (f.number === t.number ? 'unchanged' : 'renumbered') : 'changed';
    out.push({ status, from: f, to: t, segments: same ? null : wordChanges(body.get(f)!, body.get(t)!, maxEditLength) });
  }
  emitRemovedBefore(Infinity);
  return out;
}

/** Word-level insertions and deletions, or null when the texts differ by more than maxEditLength words. */
export function wordChanges(from: string, to: string, maxEditLength: number): RedlineSegment[] | null {
  const changes = diffWords(from, to, { maxEditLength });
  if (!changes) return null;
  return changes.map((c) => ({ text: c.value, kind: c.added ? 'inserted' : c.removed ? 'deleted' : 'same' }));
}
