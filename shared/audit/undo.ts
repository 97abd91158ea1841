import { brokenReference } from '../claims/references';
import { Refusal } from '../errors';
import { changedRows, type CaseChange, type ChangedTable } from '../model/case-change';
import type { CaseData } from '../model/case-data';
import type { PriorRecords } from '../model/prior-records';
import type { AuditEvent, CaseRecord } from '../model/records';
import { actionLabel } from './audit-actions';
import { MERGE_ACTION } from './merge';
import { bindRecords } from './record-binding';

type Row = { id: string };
type Case = Omit<CaseData, 'originals' | 'logEntries'>;

/** Refused: the change cannot be undone as things stand, and why. Nothing is changed. */
const refuse = (message: string) => new Refusal(message, 'refused');

/**
 * The change that undoes event #seq: the records it replaced or removed put
 * back as they were, the ones it added removed, in a new event ("Change
 * undone") that names it. Nothing in the history is removed, and undoing an
 * undo is a redo. Refused, with the reason, when the event kept no prior
 * records (recorded by an earlier version), when a later event changed the
 * same records, when a removed file's rows or bytes are gone, or when what
 * is left would point at a record the undo takes away.
 */
export function undoChange(data: Case, seq: number, actor: string): CaseChange {
  const event = data.audit.find((e) => e.seq === seq);
  if (!event) throw refuse(`The history has no event #${seq}`);
  const what = `event #${seq} (${actionLabel(event.action)}: ${event.subject})`;
  if (event.action === MERGE_ACTION) throw refuse(`${what} is a merge: it binds the records chosen between two copies and cannot be undone; keep working from the copy you had before it instead`);
  if (!event.records || Object.keys(event.records).length === 0) throw refuse(`${what} changed no records, so there is nothing to undo`);
  const prior = event.details.prior as PriorRecords | undefined;
  if (!prior) throw refuse(`${what} was recorded by an earlier version of the app, which did not keep the records it replaced, so it cannot be undone`);
  for (const later of data.audit.filter((e) => e.seq > seq)) {
    const touched = Object.entries(later.records ?? {}).find(([table, ids]) => Object.keys(ids).some((id) => id in (event.records![table] ?? {})));
    if (touched) throw refuse(`${what} cannot be undone: event #${later.seq} (${actionLabel(later.action)}: ${later.subject}) changed the same records since; undo it first`);
  }
  const put: Partial<Record<ChangedTable, Row[]>> = {};
  const remove: Partial<Record<ChangedTable, string[]>> = {};
  let restoredCase: CaseRecord | undefined;
  for (const [table, ids] of Object.entries(event.records)) {
    for (const id of Object.keys(ids)) {
      const before = prior[table]?.[id];
      if (table === 'case') {
        if (before) restoredCase = { ...(before as unknown as CaseRecord), updatedAt: data.case.updatedAt };
      } else if (before) (put[table as ChangedTable] ??= []).push(before as unknown as Row);
      else (remove[table as ChangedTable] ??= []).push(id);
    }
  }
  // A file's bytes and log rows go with it; its record alone cannot bring them back.
  const present = new Set(data.sources.map((source) => source.id));
  if ((put.sources ?? []).some((source) => !present.has(source.id))) throw refuse(`${what} would bring back a file whose original bytes and log rows are not kept once it is removed; import the file again instead`);
  const removedSources = remove.sources ?? [];
  if (removedSources.length && Object.values(put).some((rows) => rows.length)) throw refuse(`${what} both added a file and changed other records, and cannot be undone in one step`);
  checkNothingBreaks(data, put, remove, what);
  const change = { put, remove, ...(restoredCase && { case: restoredCase }) } as CaseChange;
  return {
    ...change,
    ...(removedSources.length && { removedSources }),
    audit: [{ actor, action: 'change.undone', subject: undoSubject(data, event), details: { event: seq, eventHash: event.hash }, records: bindRecords({ ...(restoredCase && { case: restoredCase }), put, remove }) }],
  };
}

/** "Undo of event #12: Claim added — …", or for an undo undone "Redo of event #12: …", naming the change it brings back. */
function undoSubject(data: Case, event: AuditEvent): string {
  // Undoing an undo redoes its change; undoing that redo undoes it again: named by the change itself.
  let change = event;
  let undo = true;
  for (let next = event; next.action === 'change.undone'; ) {
    const target = data.audit.find((e) => e.seq === next.details.event);
    if (!target) break;
    [change, next, undo] = [target, target, !undo];
  }
  return `${undo ? 'Undo' : 'Redo'} of event #${change.seq}: ${actionLabel(change.action)} — ${change.subject}`;
}

/** The events whose change stands: each undo that stands cancels the event it names (an undo undone cancels nothing). */
function standing(audit: readonly AuditEvent[]): AuditEvent[] {
  const cancelled = new Set<number>();
  const kept: AuditEvent[] = [];
  for (const event of [...audit].reverse()) {
    if (cancelled.has(event.seq)) continue;
    kept.push(event);
    if (event.action === 'change.undone' && typeof event.details.event === 'number') cancelled.add(event.details.event);
  }
  return kept;
}

const isUndo = (audit: readonly AuditEvent[], event: AuditEvent) => event.action === 'change.undone' && audit.find((e) => e.seq === event.details.event)?.action !== 'change.undone';
/** Events Undo passes over: where a history starts or is bound, and merges, which cannot be undone. */
const NEVER_UNDONE = new Set(['case.created', 'records.bound', MERGE_ACTION]);

/** The event Undo (Ctrl+Z) undoes: the latest change that stands, passing over undos already made, so each press goes one change further back. */
export function nextUndo(audit: readonly AuditEvent[]): AuditEvent | null {
  return standing(audit).find((e) => !isUndo(audit, e) && e.records && Object.keys(e.records).length > 0 && !NEVER_UNDONE.has(e.action)) ?? null;
}

/** The undo Redo (Ctrl+Shift+Z) undoes: the latest undo that stands, passing over redos already made; none once another change was made. */
export function nextRedo(audit: readonly AuditEvent[]): AuditEvent | null {
  const latest = standing(audit).find((e) => !(e.action === 'change.undone' && !isUndo(audit, e)));
  return latest && isUndo(audit, latest) ? latest : null;
}

/** Refuses an undo after which an element, a link or an annotation would point at a record it takes away. */
function checkNothingBreaks(data: Case, put: Partial<Record<ChangedTable, Row[]>>, remove: Partial<Record<ChangedTable, string[]>>, what: string): void {
  const after = Object.fromEntries(REFERRING.map((table) => [table, changedRows(data[table] as Row[], put[table], remove[table])])) as unknown as Case;
  const broken = brokenReference(data, after);
  if (broken) throw refuse(`${what} cannot be undone: ${broken}; undo or remove that first`);
}

const REFERRING = ['sources', 'outputPairs', 'tosDocuments', 'tosVersions', 'tosClauses', 'claims', 'elements', 'links', 'annotations', 'findings'] as const;
