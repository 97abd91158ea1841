import { canonicalJson, type Json } from '../canonical-json';
import { sha256Hex } from '../hash';
import type { CaseChange } from '../model/case-change';
import type { CaseRecords, RecordTable } from '../model/case-data';
import type { AuditEvent, CaseRecord, SourceRecord } from '../model/records';
import { Refusal } from '../errors';
import { SOFTWARE_VERSION } from '../version';
import type { AuditEntry } from './audit-chain';

/**
 * Binding records to the history: each audit event carries the hash of
 * every record it created or changed, and null for every record it
 * removed. Replaying the events gives the records the case must hold, byte
 * for byte; anything else was changed outside the app.
 *
 * Log rows, millions per file, are not listed one by one: their source
 * record carries the SHA-256 of its rows (rowsSha256), and the source
 * record is bound like any other.
 */
export type BoundTable = Exclude<RecordTable, 'logEntries'> | 'case';
export const BOUND_TABLES: readonly BoundTable[] = ['case', 'sources', 'outputPairs', 'tosDocuments', 'tosVersions', 'tosClauses', 'claims', 'elements', 'links', 'annotations', 'findings', 'bundles', 'markers', 'annotationLabels', 'analysisPlans'];

/** By table, by record id: the record's hash after the event, or null for a record the event removed. */
export type RecordHashes = { [table: string]: { [id: string]: string | null } };

/** Events after which the case holds exactly the records they list: where binding starts. */
const BASELINES = new Set(['case.created', 'records.bound']);

/** The first baseline of a history, where its binding starts and stays: a later one would re-base it. */
function firstBaseline(audit: readonly AuditEvent[]): number {
  return audit.findIndex((event) => event.records !== undefined && BASELINES.has(event.action));
}

/** True once a history has been bound (from its creation or as found): it can never be bound again. */
export function isBound(audit: readonly AuditEvent[]): boolean {
  return firstBaseline(audit) >= 0;
}

/** The SHA-256 a record is bound by: of its canonical JSON (keys sorted; a field set to undefined counts as absent, as in JSON). */
export function recordHash(record: object): string {
  return sha256Hex(canonicalJson(JSON.parse(JSON.stringify(record)) as Json));
}

/** The case's own record as bound: everything but updatedAt, which every event moves. */
function caseHash(record: CaseRecord): string {
  const { updatedAt: _moves, ...bound } = record;
  return recordHash(bound);
}

type Rows = { [T in Exclude<BoundTable, 'case'>]?: readonly { id: string }[] };
type Ids = { [T in Exclude<BoundTable, 'case'>]?: readonly string[] };

/** What an audit entry carries for the records a change puts (new or replacing) and removes. */
export function bindRecords(change: { case?: CaseRecord; put?: Rows; remove?: Ids }): RecordHashes {
  const hashes: RecordHashes = {};
  const table = (name: string) => (hashes[name] ??= {});
  if (change.case) table('case')[change.case.id] = caseHash(change.case);
  for (const [name, rows] of Object.entries(change.put ?? {})) for (const row of rows ?? []) table(name)[row.id] = recordHash(row);
  for (const [name, ids] of Object.entries(change.remove ?? {})) for (const id of ids ?? []) table(name)[id] = null;
  return hashes;
}

/** The records of a case as the binding reads them. */
export type BoundRecords = { case: CaseRecord } & Omit<CaseRecords, 'logEntries'>;

function allRecords(records: BoundRecords): RecordHashes {
  const { case: record, ...tables } = records;
  const put: Rows = {};
  for (const name of BOUND_TABLES) if (name !== 'case') (put as Record<string, readonly { id: string }[]>)[name] = tables[name];
  return bindRecords({ case: record, put });
}

/**
 * Binds a case made before records were bound: every record as found, said
 * to be so, in one entry; logs imported before their rows were hashed get
 * the digest of their rows as stored (`rowsSha256`, by source id). From it
 * on, every change is checked.
 */
export function bindAsFound(audit: readonly AuditEvent[], records: BoundRecords, actor: string, rowsSha256: ReadonlyMap<string, string> = new Map()): CaseChange {
  const first = firstBaseline(audit);
  if (first >= 0) throw new Refusal(`The records are already bound, since event #${audit[first]!.seq} (${audit[first]!.action}): a history is bound once, and binding it again would re-base it on whatever the case holds now`);
  const sources = records.sources.map((source) => (rowsSha256.has(source.id) ? { ...source, rowsSha256: rowsSha256.get(source.id)! } : source));
  const hashes = allRecords({ ...records, sources });
  const count = Object.values(hashes).reduce((n, t) => n + Object.keys(t).length, 0);
  const entry: AuditEntry = { actor, action: 'records.bound', subject: `${count} records bound as found`, details: { records: count, softwareVersion: SOFTWARE_VERSION }, records: hashes };
  return { put: { sources: sources.filter((source) => rowsSha256.has(source.id)) }, audit: [entry] };
}

export interface BindingProblem {
  table: string;
  id: string;
  /** The event that last recorded the record, or null when none did. */
  event: { seq: number; action: string } | null;
  message: string;
}

export interface BindingCheck {
  /** False for a case whose history began before records were bound and was never bound since. */
  bound: boolean;
  /** The event binding starts at. */
  since: number | null;
  /** True when binding starts at a records.bound event: the records were bound as found then, not from their import. */
  asFound: boolean;
  /** Records checked, log sources counted once. */
  records: number;
  problems: BindingProblem[];
}

const labelOf = (row: unknown): string => {
  const r = row as { title?: unknown; label?: unknown; fileName?: unknown; citation?: unknown; promptId?: unknown };
  const label = [r.title, r.label, r.fileName, r.citation, r.promptId].find((v): v is string => typeof v === 'string' && v.length > 0);
  return label ? ` (“${label.length > 60 ? `${label.slice(0, 59)}…` : label}”)` : '';
};

const TABLE_NAMES: Record<string, string> = { case: 'the case details', logEntries: 'the log rows' };

/** By table, by record id: the hash the last event to touch the record gave it, and that event. */
export type RecordedHashes = Map<string, Map<string, { hash: string | null; event: AuditEvent }>>;

/** The events' record hashes replayed in order; `changed` hears of a record recorded again with another hash. */
function replay(events: readonly AuditEvent[], changed?: (table: string, id: string, before: AuditEvent, event: AuditEvent) => void): RecordedHashes {
  const expected: RecordedHashes = new Map();
  for (const event of events) {
    for (const [table, hashes] of Object.entries(event.records ?? {})) {
      const rows = expected.get(table) ?? expected.set(table, new Map()).get(table)!;
      for (const [id, hash] of Object.entries(hashes)) {
        const before = rows.get(id);
        if (changed && hash !== null && before?.hash && before.hash !== hash) changed(table, id, before.event, event);
        rows.set(id, { hash, event });
      }
    }
  }
  return expected;
}

/** The records as the history had bound them once event #seq was made (from its first baseline), or null for a history never bound by then. */
export function recordsAsOf(audit: readonly AuditEvent[], seq: number): RecordedHashes | null {
  const start = firstBaseline(audit);
  if (start < 0 || audit[start]!.seq > seq) return null;
  return replay(audit.slice(start).filter((event) => event.seq <= seq));
}

/**
 * Checks that a case holds exactly the records its history accounts for:
 * each one as the last event that touched it recorded it, none the history
 * does not know, none missing. `logRows` gives the SHA-256 of each log
 * source's rows as read (logRowsHasher); a source not in it is not checked.
 */
export function checkRecordBinding(audit: readonly AuditEvent[], records: BoundRecords, logRows: ReadonlyMap<string, string> = new Map()): BindingCheck {
  const start = firstBaseline(audit);
  if (start < 0) return { bound: false, since: null, asFound: false, records: 0, problems: [] };

  const problems: BindingProblem[] = [];
  const name = (table: string) => TABLE_NAMES[table] ?? `${table} record`;
  const eventOf = (event: AuditEvent) => `event #${event.seq} (${event.action})`;
  const expected = replay(audit.slice(start), (table, id, before, event) => {
    // A source is what was imported: its file's and its rows' digests never change, so an event that records
    // another would make a swapped original or edited rows look recorded.
    if (table === 'sources') problems.push({ table, id, event: { seq: event.seq, action: event.action }, message: `${eventOf(event)} records source ${id} anew, differing from what ${eventOf(before)} recorded: an imported file and its rows never change` });
  });
  // Every record the history knows is checked from its first baseline; a second one would vouch for records as found
  // after the first began to check them, which is how a changed record would be made to look recorded.
  for (const event of audit.slice(start + 1)) {
    if (event.action === 'records.bound' || (event.action === 'case.created' && event.records)) {
      problems.push({ table: 'case', id: event.caseId, event: { seq: event.seq, action: event.action }, message: `${eventOf(event)} binds the records again as found, but they are bound since ${eventOf(audit[start]!)}: a history is bound once, and a second binding would re-base it` });
    }
  }
  const ref = (event: AuditEvent) => ({ seq: event.seq, action: event.action });
  const { case: record, ...tables } = records;
  let count = 0;
  for (const table of BOUND_TABLES) {
    const rows: readonly { id: string }[] = table === 'case' ? [record] : tables[table];
    const recorded = expected.get(table) ?? new Map<string, { hash: string | null; event: AuditEvent }>();
    const present = new Set<string>();
    for (const row of rows) {
      count++;
      present.add(row.id);
      const what = `${name(table)} ${row.id}${labelOf(row)}`;
      const hash = table === 'case' ? caseHash(row as CaseRecord) : recordHash(row);
      const last = recorded.get(row.id);
      if (!last) problems.push({ table, id: row.id, event: null, message: `${what} is not in the case’s history: no event made it` });
      else if (last.hash === null) problems.push({ table, id: row.id, event: ref(last.event), message: `${what} is present, but ${eventOf(last.event)} removed it` });
      else if (last.hash !== hash) problems.push({ table, id: row.id, event: ref(last.event), message: `${what} differs from what ${eventOf(last.event)} recorded` });
    }
    for (const [id, last] of recorded) {
      if (last.hash !== null && !present.has(id)) problems.push({ table, id, event: ref(last.event), message: `${name(table)} ${id}, recorded by ${eventOf(last.event)}, is missing` });
    }
  }
  for (const source of tables.sources) {
    const actual = logRows.get(source.id);
    const problem = actual === undefined ? null : logRowsProblem(audit, source, actual);
    if (problem) problems.push(problem);
  }
  return { bound: true, since: audit[start]!.seq, asFound: audit[start]!.action === 'records.bound', records: count, problems };
}

/** The problem, if any, with a log's rows as read (their logRowsHasher digest), against the digest its source recorded at import. */
export function logRowsProblem(audit: readonly AuditEvent[], source: SourceRecord, actual: string): BindingProblem | null {
  if (source.kind !== 'log' || !source.rowsSha256 || actual === source.rowsSha256) return null;
  const event = [...audit].reverse().find((e) => e.records?.sources?.[source.id]);
  const by = event ? ` by event #${event.seq} (${event.action})` : '';
  return { table: 'logEntries', id: source.id, event: event ? { seq: event.seq, action: event.action } : null, message: `the log rows of ${source.fileName} differ from the rows recorded when it was imported${by}: SHA-256 ${actual}, recorded ${source.rowsSha256}` };
}

/** One line for a check's outcome, as the app, the CLI and an archive's refusal say it. */
export function describeBinding(check: BindingCheck): string {
  if (!check.bound) return 'records not bound: the case’s history began before records were bound to it';
  if (check.problems.length === 0) return `${check.records} records, each as its history recorded it (${check.asFound ? `records bound as found at event #${check.since}, not from import` : `bound since event #${check.since}, when the case was created`})`;
  const shown = check.problems.slice(0, 5).map((p) => p.message);
  const more = check.problems.length - shown.length;
  return `${differingRecords(check.problems.length)} from the case’s history: ${shown.join('; ')}${more ? `; and ${more} more` : ''}`;
}

/** “1 record differs”, “3 records differ”: how every side counts the records a check found changed. */
export function differingRecords(count: number): string {
  return count === 1 ? '1 record differs' : `${count} records differ`;
}
