import { brokenReference } from '../claims/references';
import { Refusal } from '../errors';
import type { Json } from '../canonical-json';
import type { AuditEvent, CaseRecord } from '../model/records';
import { actionLabel, type AuditAction } from './audit-actions';
import { nextAuditEvent, verifyAuditChain } from './audit-chain';
import { BOUND_TABLES, recordHash, recordsAsOf, type BoundRecords, type RecordHashes } from './record-binding';

/**
 * Two copies of one case that diverged, brought into one history. The
 * changes made on each side since their last common event are replayed in
 * time order (each side's own order kept) on top of it, and a merge event
 * names both heads. A record changed on both sides, differently, is a
 * conflict: it is shown to a person, who takes one side; it is never
 * resolved silently.
 */
export type Side = 'a' | 'b';

/** One copy: its history and its records as they are now. */
export interface MergeSide {
  name: string;
  audit: readonly AuditEvent[];
  records: BoundRecords;
}

/** The last event of a side that touched a record. */
export interface ChangedBy {
  seq: number;
  at: string;
  actor: string;
  action: string;
}

export interface MergeConflict {
  /** "table/id": how a choice names it. */
  key: string;
  table: string;
  id: string;
  /** The record in words: its title, text or label. */
  label: string;
  a: { record: object | null; by: ChangedBy };
  b: { record: object | null; by: ChangedBy };
  /** Each field that differs, with both values in short. */
  fields: { field: string; a: string; b: string }[];
}

export type MergePlan =
  | { kind: 'same' }
  /** One side already holds every change of the other: the result is that side as it is. */
  | { kind: 'take'; side: Side }
  | { kind: 'merge'; base: { seq: number; hash: string }; fromA: number; fromB: number; conflicts: MergeConflict[] };

export interface MergedCase {
  records: BoundRecords;
  audit: AuditEvent[];
  /** Where each source's bytes and rows come from. */
  sourceFrom: Map<string, Side>;
}

export const MERGE_ACTION = 'case.merged' satisfies AuditAction;

const refuse = (message: string) => new Refusal(message, 'refused');

/** Each event's first hash: a replayed event keeps the one it had before it was first replayed (the merge that replayed it lists it). */
export function originsOf(audit: readonly AuditEvent[]): Map<string, string> {
  const origins = new Map<string, string>();
  for (const event of audit) {
    const replayed = event.action === MERGE_ACTION ? (event.details.replayed as [string, string][] | undefined) : undefined;
    for (const [origin, hash] of replayed ?? []) origins.set(hash, origin);
  }
  return new Map(audit.map((event) => [event.hash, origins.get(event.hash) ?? event.hash]));
}

interface Divergence {
  base: number;
  originsA: Map<string, string>;
  originsB: Map<string, string>;
  /** Events after the base that the other side does not hold. */
  newA: AuditEvent[];
  newB: AuditEvent[];
}

function diverge(a: MergeSide, b: MergeSide): Divergence {
  const caseA = a.records.case.id;
  const caseB = b.records.case.id;
  if (caseA !== caseB) throw refuse(`${a.name} and ${b.name} are different cases (“${a.records.case.title}”, ${caseA}; “${b.records.case.title}”, ${caseB}): only copies of one case merge`);
  for (const side of [a, b]) {
    const check = verifyAuditChain(side.audit);
    if (!check.verified) throw refuse(`${side.name}: its history does not verify (${check.problems[0]!.message}), so it cannot be merged`);
  }
  let base = 0;
  while (base < a.audit.length && base < b.audit.length && a.audit[base]!.hash === b.audit[base]!.hash) base++;
  if (base === 0) throw refuse(`${a.name} and ${b.name} share no history: their first events differ, so they are not copies of one case`);
  const originsA = originsOf(a.audit);
  const originsB = originsOf(b.audit);
  const knownA = new Set(originsA.values());
  const knownB = new Set(originsB.values());
  return {
    base,
    originsA,
    originsB,
    newA: a.audit.slice(base).filter((e) => !knownB.has(originsA.get(e.hash)!)),
    newB: b.audit.slice(base).filter((e) => !knownA.has(originsB.get(e.hash)!)),
  };
}

/** The records a side's own events changed, and the last of those events for each. */
function touched(events: readonly AuditEvent[]): Map<string, ChangedBy> {
  const by = new Map<string, ChangedBy>();
  for (const e of events) for (const [table, ids] of Object.entries(e.records ?? {})) for (const id of Object.keys(ids)) by.set(`${table}/${id}`, { seq: e.seq, at: e.at, actor: e.actor, action: actionLabel(e.action) });
  return by;
}

type Rows = Record<string, readonly { id: string }[]>;
const tableRows = (records: BoundRecords, table: string): readonly { id: string }[] => (table === 'case' ? [records.case] : (records as unknown as Rows)[table]!);
/** As bound: the case's own record without updatedAt, which every event moves. */
const boundHash = (table: string, record: object | undefined): string | null => {
  if (!record) return null;
  if (table !== 'case') return recordHash(record);
  const { updatedAt: _moves, ...bound } = record as CaseRecord;
  return recordHash(bound);
};

const labelOf = (table: string, record: object | null): string => {
  if (table === 'case') return 'the case details';
  const r = (record ?? {}) as Record<string, unknown>;
  const text = [r.title, r.text, r.label, r.note, r.phrase, r.fileName, r.name].find((v): v is string => typeof v === 'string' && v.length > 0);
  return `${table.replace(/s$/, '')}${text ? ` “${text.length > 60 ? `${text.slice(0, 59)}…` : text}”` : ''}`;
};

const short = (value: unknown): string => {
  if (value === undefined) return '(none)';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
};

function fieldsThatDiffer(a: object | null, b: object | null): MergeConflict['fields'] {
  if (!a || !b) return [{ field: '(record)', a: a ? 'kept' : 'removed', b: b ? 'kept' : 'removed' }];
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return [...new Set([...Object.keys(ra), ...Object.keys(rb)])]
    .filter((field) => field !== 'updatedAt' && JSON.stringify(ra[field]) !== JSON.stringify(rb[field]))
    .map((field) => ({ field, a: short(ra[field]), b: short(rb[field]) }));
}

/** What merging b into a would do: nothing, take one side whole, or replay both, with the records each side changed differently. */
export function planMerge(a: MergeSide, b: MergeSide): MergePlan {
  return planWith(a, b, diverge(a, b));
}

function planWith(a: MergeSide, b: MergeSide, { base, newA, newB }: Divergence): MergePlan {
  if (newA.length === 0 && newB.length === 0) return { kind: 'same' };
  if (newA.length === 0) return { kind: 'take', side: 'b' };
  if (newB.length === 0) return { kind: 'take', side: 'a' };
  const byA = touched(newA);
  const byB = touched(newB);
  const conflicts: MergeConflict[] = [];
  for (const [key, changedA] of byA) {
    const changedB = byB.get(key);
    if (!changedB) continue;
    const [table, id] = key.split('/') as [string, string];
    const recordA = tableRows(a.records, table).find((r) => r.id === id) ?? null;
    const recordB = tableRows(b.records, table).find((r) => r.id === id) ?? null;
    if (boundHash(table, recordA ?? undefined) === boundHash(table, recordB ?? undefined)) continue;
    conflicts.push({ key, table, id, label: labelOf(table, recordA ?? recordB), a: { record: recordA, by: changedA }, b: { record: recordB, by: changedB }, fields: fieldsThatDiffer(recordA, recordB) });
  }
  conflicts.sort((x, y) => x.key.localeCompare(y.key));
  return { kind: 'merge', base: { seq: base, hash: a.audit[base - 1]!.hash }, fromA: newA.length, fromB: newB.length, conflicts };
}

/** Each side's events after the base in one list, in time order, each side's own order kept; b's events a already holds left out. */
function interleave(a: readonly AuditEvent[], b: readonly AuditEvent[]): { event: AuditEvent; side: Side }[] {
  const out: { event: AuditEvent; side: Side }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const takeA = j >= b.length || (i < a.length && a[i]!.at <= b[j]!.at);
    out.push(takeA ? { event: a[i++]!, side: 'a' } : { event: b[j++]!, side: 'b' });
  }
  return out;
}

/**
 * The merged case: the records each side changed alone, as that side has
 * them; a conflict as `choices` says (by key, "a" or "b"); the history
 * replayed in time order and closed by a merge event that names both heads
 * and binds every record the replayed events alone do not account for (a
 * conflict's chosen record). Refused while a conflict has no choice, or
 * when the result would leave a reference broken.
 */
export function mergeCases(a: MergeSide, b: MergeSide, choices: ReadonlyMap<string, Side>, actor: string, now: Date = new Date()): MergedCase {
  const divergence = diverge(a, b);
  const plan = planWith(a, b, divergence);
  if (plan.kind !== 'merge') throw refuse(plan.kind === 'same' ? `${a.name} and ${b.name} hold the same history: there is nothing to merge` : `${plan.side === 'a' ? a.name : b.name} already holds every change of the other: use it as it is`);
  const open = plan.conflicts.filter((c) => !choices.has(c.key));
  if (open.length) throw refuse(`${open.length} record(s) were changed differently in ${a.name} and ${b.name}, and each needs a choice: ${open.map((c) => c.key).join(', ')}`);
  const { base, originsA, originsB, newA, newB } = divergence;
  const byB = touched(newB);
  const byA = touched(newA);
  const sideOf = (key: string): Side => choices.get(key) ?? (byB.has(key) && !byA.has(key) ? 'b' : 'a');

  const records = { case: a.records.case } as unknown as Record<string, unknown>;
  for (const table of BOUND_TABLES) {
    const rowsA = tableRows(a.records, table);
    const rowsB = new Map(tableRows(b.records, table).map((r) => [r.id, r]));
    const merged: { id: string }[] = [];
    for (const row of rowsA) {
      const from = sideOf(`${table}/${row.id}`);
      const kept = from === 'a' ? row : rowsB.get(row.id);
      if (kept) merged.push(kept);
    }
    const inA = new Set(rowsA.map((r) => r.id));
    for (const [id, row] of rowsB) if (!inA.has(id) && sideOf(`${table}/${id}`) === 'b') merged.push(row);
    records[table] = table === 'case' ? merged[0] : merged;
  }
  const result = records as unknown as BoundRecords;
  if (!(result.case as CaseRecord | undefined)) throw refuse('The merge would leave the case without its details');
  const broken = [a, b].map((side) => brokenReference(side.records, result)).find(Boolean);
  if (broken) throw refuse(`${a.name} and ${b.name} cannot be merged as chosen: ${broken}; change one copy, or choose the other side, and merge again`);

  const sourceFrom = new Map<string, Side>(result.sources.map((s) => [s.id, a.records.sources.some((x) => x.id === s.id) ? 'a' : 'b']));
  const audit = replayHistory(a, b, base, { originsA, originsB, newB }, actor, now, plan, choices, result);
  return { records: { ...result, case: { ...result.case, updatedAt: audit.at(-1)!.at } }, audit, sourceFrom };
}

function replayHistory(
  a: MergeSide,
  b: MergeSide,
  base: number,
  sides: { originsA: Map<string, string>; originsB: Map<string, string>; newB: AuditEvent[] },
  actor: string,
  now: Date,
  plan: Extract<MergePlan, { kind: 'merge' }>,
  choices: ReadonlyMap<string, Side>,
  result: BoundRecords,
): AuditEvent[] {
  const caseId = result.case.id;
  const audit = a.audit.slice(0, base);
  const origin = (side: Side, event: AuditEvent) => (side === 'a' ? sides.originsA : sides.originsB).get(event.hash)!;
  const placed = new Map<string, AuditEvent>(audit.map((e) => [e.hash, e]));
  // An undo names the event it undoes by its number and hash on its own side: found again by that event's first hash.
  const bySeq = { a: new Map(a.audit.map((e) => [e.seq, e])), b: new Map(b.audit.map((e) => [e.seq, e])) };
  const replayed: [string, string][] = [];
  for (const { event, side } of interleave(a.audit.slice(base), sides.newB)) {
    let details = event.details;
    const undone = event.action === 'change.undone' ? bySeq[side].get(details.event as number) : undefined;
    if (undone) {
      const target = placed.get(origin(side, undone));
      if (target) details = { ...details, event: target.seq, eventHash: target.hash };
    }
    const next = nextAuditEvent(caseId, audit.at(-1), { ...event, details }, new Date(event.at));
    audit.push(next);
    placed.set(origin(side, event), next);
    if (next.hash !== event.hash) replayed.push([origin(side, event), next.hash]);
  }
  const choiceList: { [key: string]: Json } = Object.fromEntries(plan.conflicts.map((c) => [c.key, choices.get(c.key)!]));
  const mergeEvent = nextAuditEvent(
    caseId,
    audit.at(-1),
    {
      actor,
      action: MERGE_ACTION,
      subject: `Merged ${a.name} and ${b.name}: ${plan.fromA} change(s) from the first, ${plan.fromB} from the second${plan.conflicts.length ? `, ${plan.conflicts.length} chosen by hand` : ''}`,
      details: { heads: { a: a.audit.at(-1)!.hash, b: b.audit.at(-1)!.hash }, base: plan.base, replayed, choices: choiceList },
      records: unaccounted(audit, result),
    },
    now,
  );
  return [...audit, mergeEvent];
}

/** The records the replayed history does not leave as the merge has them (a conflict's choice), bound by the merge event. */
function unaccounted(audit: readonly AuditEvent[], result: BoundRecords): RecordHashes {
  const expected = recordsAsOf(audit, audit.at(-1)!.seq);
  // A history never bound binds nothing: a merge event is not where binding may start.
  if (!expected) return {};
  const hashes: RecordHashes = {};
  for (const table of BOUND_TABLES) {
    const rows = tableRows(result, table);
    const recorded = expected.get(table);
    const present = new Set<string>();
    for (const row of rows) {
      present.add(row.id);
      const hash = boundHash(table, row)!;
      if (recorded?.get(row.id)?.hash !== hash) (hashes[table] ??= {})[row.id] = hash;
    }
    for (const [id, last] of recorded ?? []) if (last.hash !== null && !present.has(id)) (hashes[table] ??= {})[id] = null;
  }
  return hashes;
}
