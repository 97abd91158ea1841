import { markReview, signOffChange, signOffStatement, statementBytes, type ReviewState } from '../../../shared/audit/review';
import { commitChange, loadCaseRecords } from '../../db/case-store';
import type { EvidenceDatabase } from '../../db/database';
import { api } from '../../api';
import type { ArchiveSealing } from './archive-actions';

const REVIEWED_TABLES = ['sources', 'claims', 'elements', 'links', 'findings', 'bundles'] as const;

/** The case as a reviewer reads it: what can be marked, its bundles, its history. */
export const caseForReview = (db: EvidenceDatabase, caseId: string) => loadCaseRecords(db, caseId, REVIEWED_TABLES);

/** Marks one item; returns what the history now says ("Approved: Claim: …"). */
export async function markInCase(db: EvidenceDatabase, caseId: string, target: { table: string; id: string }, state: ReviewState, note: string, actor: string): Promise<string> {
  const change = await commitChange(db, caseId, async () => markReview(await caseForReview(db, caseId), target, state, note, actor));
  return change.audit[0]!.subject;
}

/** Signs off the case or one of its bundles, signed by the identity chosen (by the desktop side, which holds its key), or unsigned. */
export async function signOffInCase(db: EvidenceDatabase, caseId: string, reviewer: string, bundleId: string | null, sealing: ArchiveSealing | null): Promise<string> {
  const statement = signOffStatement(await caseForReview(db, caseId), reviewer, bundleId);
  const signature = sealing ? await api.sealArchive({ manifest: statementBytes(statement), ...sealing }) : null;
  const change = await commitChange(db, caseId, () => signOffChange(statement, signature));
  return change.audit[0]!.subject;
}
