import { z } from 'zod';
import { canonicalJson, type Json } from '../canonical-json';
import { checkCmsSignature } from '../bundle/cms-signature';
import type { CertificateSubject } from '../bundle/certificate';
import { Refusal } from '../errors';
import type { CaseChange } from '../model/case-change';
import type { CaseData } from '../model/case-data';
import type { AuditEvent } from '../model/records';
import { originsOf } from './merge';
import { recordHash } from './record-binding';

/**
 * A reviewer's work on a case: marks on what they checked and sign-offs.
 * Neither changes a record: both are events in the history, so a review
 * is kept, chained and carried in every archive like any change. A mark
 * binds the record as it was read (its hash): a record changed after its
 * mark counts as unreviewed again.
 */
export const REVIEW_TABLES = ['sources', 'claims', 'elements', 'links', 'findings'] as const;
export type ReviewTable = (typeof REVIEW_TABLES)[number];

export const ReviewState = z.enum(['reviewed', 'questioned', 'approved']);
export type ReviewState = z.infer<typeof ReviewState>;

export const REVIEW_ACTIONS = new Set(['review.marked', 'review.signed-off']);

const TABLE_WORDS: Record<ReviewTable, string> = { sources: 'Exhibit', claims: 'Claim', elements: 'Claim element', links: 'Link', findings: 'Finding' };
const STATE_WORDS: Record<ReviewState, string> = { reviewed: 'Reviewed', questioned: 'Questioned', approved: 'Approved' };

type Case = Omit<CaseData, 'originals' | 'logEntries'>;

export interface ReviewItem {
  table: ReviewTable;
  id: string;
  /** "Claim element: The defendant accepted the Terms". */
  label: string;
  /** As its latest mark left it; "unreviewed" when it has none, or the record changed after it. */
  state: ReviewState | 'unreviewed';
  /** True when a mark exists but the record changed after it. */
  changedSince: boolean;
  mark: { note: string; actor: string; at: string; seq: number } | null;
}

const cut = (text: string) => (text.length > 70 ? `${text.slice(0, 69)}…` : text);

function labelOf(table: ReviewTable, row: Record<string, unknown>): string {
  const text = [row.fileName, row.title, row.text, row.note].find((v): v is string => typeof v === 'string' && v.length > 0) ?? String(row.id);
  return `${TABLE_WORDS[table]}: ${cut(text)}`;
}

/** Every item a reviewer can mark, with what its latest mark says of it as it is now. */
export function reviewItems(data: Case): ReviewItem[] {
  const marks = new Map<string, AuditEvent>();
  for (const event of data.audit) if (event.action === 'review.marked') marks.set(`${String(event.details.table)}/${String(event.details.id)}`, event);
  return REVIEW_TABLES.flatMap((table) =>
    (data[table] as readonly { id: string }[]).map((row): ReviewItem => {
      const mark = marks.get(`${table}/${row.id}`);
      const current = mark?.details.recordHash === recordHash(row);
      return {
        table,
        id: row.id,
        label: labelOf(table, row as Record<string, unknown>),
        state: mark && current ? (mark.details.state as ReviewState) : 'unreviewed',
        changedSince: mark !== undefined && !current,
        mark: mark ? { note: String(mark.details.note ?? ''), actor: mark.actor, at: mark.at, seq: mark.seq } : null,
      };
    }),
  );
}

export type ReviewCounts = Record<ReviewItem['state'], number>;

export function reviewCounts(items: readonly ReviewItem[]): ReviewCounts {
  const counts: ReviewCounts = { approved: 0, reviewed: 0, questioned: 0, unreviewed: 0 };
  for (const item of items) counts[item.state]++;
  return counts;
}

/** "12 approved, 1 questioned, 3 unreviewed" (the kinds there are none of left out). */
export function countsInWords(counts: ReviewCounts): string {
  const parts = (['approved', 'reviewed', 'questioned', 'unreviewed'] as const).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}`);
  return parts.length ? parts.join(', ') : 'nothing to review';
}

const refuse = (message: string) => new Refusal(message, 'invalid');

/** A mark on one item, as a change that adds only its event; a question needs a note saying what is in doubt. */
export function markReview(data: Case, target: { table: string; id: string }, state: string, note: string, actor: string): CaseChange {
  const table = REVIEW_TABLES.find((t) => t === target.table);
  if (!table) throw refuse(`Only ${REVIEW_TABLES.map((t) => TABLE_WORDS[t].toLowerCase()).join(', ')} are marked in review, not “${target.table}”`);
  const parsed = ReviewState.safeParse(state);
  if (!parsed.success) throw refuse(`A review mark is reviewed, questioned or approved, not “${state}”`);
  const row = (data[table] as readonly { id: string }[]).find((r) => r.id === target.id);
  if (!row) throw refuse(`The case has no ${TABLE_WORDS[table].toLowerCase()} ${target.id}`);
  const trimmed = note.trim();
  if (parsed.data === 'questioned' && !trimmed) throw refuse('A question needs a note saying what is in doubt');
  const label = labelOf(table, row as Record<string, unknown>);
  return {
    audit: [{ actor, action: 'review.marked', subject: `${STATE_WORDS[parsed.data]}: ${label}`, details: { table, id: row.id, state: parsed.data, note: trimmed, recordHash: recordHash(row) } }],
  };
}

/** What a sign-off says, signed as canonical JSON: the case as its history stood, and the review's counts then. */
export interface SignOffStatement {
  [key: string]: Json;
  scope: 'case' | 'bundle';
  caseId: string;
  title: string;
  /** The hash and number of the last event before the sign-off: the case as it was signed off. */
  head: string;
  events: number;
  bundle: { id: string; fileName: string; sha256: string } | null;
  review: ReviewCounts;
  reviewer: string;
  signedAt: string;
}

export function signOffStatement(data: Case, reviewer: string, bundleId: string | null, now: Date = new Date()): SignOffStatement {
  let bundle: SignOffStatement['bundle'] = null;
  if (bundleId !== null) {
    const record = data.bundles.find((b) => b.id === bundleId || b.fileName === bundleId);
    if (!record) throw refuse(`The case has no bundle ${bundleId}: name one of ${data.bundles.map((b) => b.fileName).join(', ') || '(none exported yet)'}`);
    bundle = { id: record.id, fileName: record.fileName, sha256: record.sha256 };
  }
  const last = data.audit.at(-1)!;
  return { scope: bundle ? 'bundle' : 'case', caseId: data.case.id, title: data.case.title, head: last.hash, events: last.seq, bundle, review: reviewCounts(reviewItems(data)), reviewer, signedAt: now.toISOString() };
}

/** The bytes a sign-off's signature covers. */
export const statementBytes = (statement: SignOffStatement) => new TextEncoder().encode(canonicalJson(statement));

const base64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The sign-off as a change that adds only its event, with its detached CMS signature when the reviewer signed it. */
export function signOffChange(statement: SignOffStatement, signature: Uint8Array | null): CaseChange {
  const what = statement.bundle ? `the bundle ${statement.bundle.fileName}` : 'the case';
  return {
    audit: [{ actor: statement.reviewer, action: 'review.signed-off', subject: `${statement.reviewer} signed off ${what} (${countsInWords(statement.review)})`, details: { statement, signature: signature ? base64(signature) : null } }],
  };
}

export interface SignOffCheck {
  seq: number;
  statement: SignOffStatement;
  /** The certificate that signed it, when it is signed and the signature holds over the statement. */
  signer: CertificateSubject | null;
  /** False for a signature that does not hold, or a statement whose history is not this one. */
  ok: boolean;
  detail: string;
  /** Changes to the case's records after the history the sign-off names (review events not counted). */
  changesSince: number;
}

/** Every sign-off in a history, checked: its signature over its statement, and the history it names against this one. */
export async function checkSignOffs(audit: readonly AuditEvent[]): Promise<SignOffCheck[]> {
  const origins = originsOf(audit);
  const checks: SignOffCheck[] = [];
  for (const event of audit.filter((e) => e.action === 'review.signed-off')) {
    const statement = event.details.statement as SignOffStatement;
    const signature = event.details.signature;
    // After a merge the head was replayed with a new hash: found again by its first one.
    const head = audit.find((e) => e.hash === statement.head || origins.get(e.hash) === statement.head);
    const changesSince = head ? audit.filter((e) => e.seq > head.seq && !REVIEW_ACTIONS.has(e.action) && e.records && Object.keys(e.records).length > 0).length : 0;
    let signer: CertificateSubject | null = null;
    let ok = head !== undefined && statement.caseId === event.caseId && statement.reviewer === event.actor;
    let detail = head ? '' : 'the history it names is not this case’s';
    if (typeof signature === 'string') {
      const checked = await checkCmsSignature(fromBase64(signature), statementBytes(statement));
      if (checked.ok && checked.signer) signer = checked.signer;
      else ok = false;
      detail ||= checked.ok ? `signed by ${checked.signer?.name ?? 'an unnamed certificate'}, certificate SHA-256 ${checked.signer?.fingerprint ?? '?'}` : `the signature does not hold: ${checked.detail}`;
    } else detail ||= 'recorded without a signature: it names the reviewer but nothing proves who made it';
    checks.push({ seq: event.seq, statement, signer, ok, detail, changesSince });
  }
  return checks;
}

/** One line on a sign-off, for the app, the CLI and the bundle. */
export function describeSignOff(check: SignOffCheck): string {
  const s = check.statement;
  const what = s.bundle ? `the bundle ${s.bundle.fileName}` : 'the case';
  const since = check.changesSince ? `; ${check.changesSince} change(s) to the case since` : '; no change to the case since';
  return `${s.reviewer} signed off ${what} at event #${s.events} (${countsInWords(s.review)}): ${check.ok ? '' : 'NOT VALID: '}${check.detail}${since}`;
}

/**
 * Review mode: a case open for review takes marks and sign-offs, nothing
 * else. Every other change is refused, whatever view or command made it.
 */
export function checkReviewOnly(change: CaseChange): void {
  const edits = Object.keys(change.put ?? {}).length + Object.keys(change.remove ?? {}).length + (change.logRows?.length ?? 0) + (change.originals?.size ?? 0) + (change.removedSources?.length ?? 0) + (change.case ? 1 : 0);
  const other = change.audit.find((entry) => !REVIEW_ACTIONS.has(entry.action));
  if (edits > 0 || other) throw new Refusal('This case is open for review: it can be marked and signed off, but nothing in it can be edited. Leave review mode to edit it.', 'review-only');
}
