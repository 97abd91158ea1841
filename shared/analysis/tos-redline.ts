import { diffWords } from 'diff';
import type { TosClause } from '../model/records';
import { numberingOf } from '../tos/numbering';

/**
 * `formatting`: the words are the same once invisible characters, emphasis,
 * escapes, link targets, typographic quotes and spacing are set aside; shown
 * apart and never counted as a change.
 */
export type RedlineStatus = 'unchanged' | 'formatting' | 'renumbered' | 'changed' | 'added' | 'removed';

export interface RedlineSegment {
  text: string;
  kind: 'same' | 'inserted' | 'deleted';
}

type Clause = Pick<TosClause, 'number' | 'citation' | 'text' | 'headingPath' | 'order'> & { markup?: string };

export interface RedlineLine<C extends Clause> {
  status: RedlineStatus;
  from: C | null;
  to: C | null;
  /** Word-level changes of a changed clause; null when too large to diff exactly. */
  segments: RedlineSegment[] | null;
}

/** Invisible and format characters (word joiners, zero-width spaces, soft hyphens, BOM) that change no word a reader sees. */
const INVISIBLE = /[\p{Cf}\u00ad]/gu;

/** A clause's words for comparison: invisible characters, typographic variants and spacing set aside. */
export function comparableText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[‘’‚′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A clause's words without its own number and list mark, so a renumbered clause is recognised. */
function bodyOf(text: string): string {
  const plain = comparableText(text).replace(/^(?:[•\-*]\s*|\d{1,3}\.\s+(?=\S))/, '');
  const numbering = numberingOf(plain);
  return (numbering ? numbering.rest : plain).trim();
}

const wordsOf = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  const union = a.size + b.size - shared;
  return union ? shared / union : 1;
}

const MIN_SIMILARITY = 0.5;

/** Versions published in different formats (Markdown then HTML) differ in all their markup; only markup of one kind is compared. */
const markupKind = (markup: string | undefined) => (markup === undefined ? 'none' : /^\s*</.test(markup) ? 'html' : 'markdown');

/**
 * Aligns the clauses of two versions and marks the changes as a lawyer
 * reads them: the same words under a new number are renumbered; the same
 * words differently dressed (invisible characters, emphasis, a link target)
 * are formatting only; a clause kept under its citation, or recognised by
 * its heading and wording, is changed with word-level insertions and
 * deletions. The result is in the later version's order, with removed
 * clauses where they stood.
 */
export function redline<C extends Clause>(fromClauses: readonly C[], toClauses: readonly C[], maxEditLength = 2000): RedlineLine<C>[] {
  const body = new Map<C, string>();
  const words = new Map<C, Set<string>>();
  const headed = new Map<C, Set<string>>();
  for (const c of [...fromClauses, ...toClauses]) {
    body.set(c, bodyOf(c.text));
    words.set(c, wordsOf(body.get(c)!));
    headed.set(c, wordsOf(`${c.headingPath.at(-1) ?? ''} ${body.get(c)}`));
  }
  const matchOf = new Map<C, C>();
  const taken = new Set<C>();
  const take = (t: C, f: C) => {
    matchOf.set(t, f);
    taken.add(f);
  };
  /** Pairs each later clause with the first earlier one of the same key that passes, in document order. */
  const pairByKey = (key: (c: C) => string | null, accept: (f: C, t: C) => boolean = () => true) => {
    const byKey = new Map<string, C[]>();
    for (const f of fromClauses) {
      const k = key(f);
      if (taken.has(f) || k === null) continue;
      const list = byKey.get(k);
      if (list) list.push(f);
      else byKey.set(k, [f]);
    }
    for (const t of toClauses) {
      const k = matchOf.has(t) ? null : key(t);
      const f = k === null ? undefined : byKey.get(k)?.find((candidate) => !taken.has(candidate) && accept(candidate, t));
      if (f) take(t, f);
    }
  };
  // With its heading a short clause is told apart from its neighbours; without it, one that moved under a new heading is still found.
  const similar = (f: C, t: C, at: number) => Math.max(jaccard(words.get(f)!, words.get(t)!), jaccard(headed.get(f)!, headed.get(t)!)) >= at;
  pairByKey((c) => `${c.citation}\u0000${body.get(c)}`);
  pairByKey((c) => body.get(c)!);
  pairByKey((c) => (c.number === '' ? null : c.citation), (f, t) => similar(f, t, MIN_SIMILARITY / 2));
  pairByKey((c) => c.citation, (f, t) => similar(f, t, MIN_SIMILARITY));
  // Last, by wording alone, among the clauses still unpaired.
  const unpaired = fromClauses.filter((f) => !taken.has(f));
  for (const t of toClauses) {
    if (matchOf.has(t)) continue;
    const f = unpaired.find((candidate) => !taken.has(candidate) && similar(candidate, t, MIN_SIMILARITY));
    if (f) take(t, f);
  }

  const out: RedlineLine<C>[] = [];
  // Removed clauses go where they stood: before the first later clause matched to one after them.
  const byOrder = [...fromClauses].sort((a, b) => a.order - b.order);
  let next = 0;
  const emitRemovedBefore = (order: number) => {
    for (; next < byOrder.length && byOrder[next]!.order < order; next++) {
      const f = byOrder[next]!;
      if (!taken.has(f)) out.push({ status: 'removed', from: f, to: null, segments: null });
    }
  };
  for (const t of toClauses) {
    const f = matchOf.get(t);
    if (!f) {
      out.push({ status: 'added', from: null, to: t, segments: null });
      continue;
    }
    emitRemovedBefore(f.order);
    const sameWords = body.get(f) === body.get(t);
    const sameDress = f.text === t.text && (markupKind(f.markup) !== markupKind(t.markup) || (f.markup ?? f.text) === (t.markup ?? t.text));
    const status: RedlineStatus = !sameWords ? 'changed' : f.citation !== t.citation ? 'renumbered' : sameDress ? 'unchanged' : 'formatting';
    out.push({ status, from: f, to: t, segments: sameWords ? null : wordChanges(body.get(f)!, body.get(t)!, maxEditLength) });
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

export interface RedlineSummary {
  fromClauses: number;
  toClauses: number;
  changed: number;
  added: number;
  removed: number;
  renumbered: number;
  formatting: number;
  unchanged: number;
  /** Set when the two versions look split differently rather than rewritten: the redline should not be trusted before both outlines are compared. */
  splitWarning: string | null;
}

/** Above this share of clauses added or removed, a redline is more likely a different split than a rewrite. */
const SPLIT_WARNING_SHARE = 0.2;

/** The headline counts of a redline (formatting-only changes apart), and the warning when the versions seem split differently. */
export function summarizeRedline(lines: readonly RedlineLine<Clause>[]): RedlineSummary {
  const count = (status: RedlineStatus) => lines.filter((l) => l.status === status).length;
  const fromClauses = lines.filter((l) => l.from).length;
  const toClauses = lines.filter((l) => l.to).length;
  const added = count('added');
  const removed = count('removed');
  const addedShare = toClauses ? added / toClauses : 0;
  const removedShare = fromClauses ? removed / fromClauses : 0;
  const countGap = Math.abs(fromClauses - toClauses) / Math.max(fromClauses, toClauses, 1);
  const reasons = [
    removedShare > SPLIT_WARNING_SHARE && `${Math.round(removedShare * 100)}% of the earlier version’s clauses are removed`,
    addedShare > SPLIT_WARNING_SHARE && `${Math.round(addedShare * 100)}% of the later version’s clauses are added`,
    countGap > 0.5 && `the versions have ${fromClauses} and ${toClauses} clauses`,
  ].filter((r): r is string => typeof r === 'string');
  return {
    fromClauses,
    toClauses,
    changed: count('changed'),
    added,
    removed,
    renumbered: count('renumbered'),
    formatting: count('formatting'),
    unchanged: count('unchanged'),
    splitWarning: reasons.length ? `The two versions may have been split into clauses differently: ${reasons.join('; ')}. Compare both outlines before relying on this redline.` : null,
  };
}
