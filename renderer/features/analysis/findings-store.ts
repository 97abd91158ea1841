import { findingSavedEntry } from '../../../shared/analysis/findings';
import type { Finding } from '../../../shared/model/records';
import { appendAudit } from '../../db/case-store';
import type { EvidenceDatabase } from '../../db/database';
import { accountRows } from '../../db/log-store';

/** Stores a finding and records it in the case history. */
export async function saveFinding(db: EvidenceDatabase, finding: Finding): Promise<void> {
  await db.transaction('rw', db.findings, db.auditEvents, db.cases, async () => {
    await db.findings.add(finding);
    await appendAudit(db, finding.caseId, findingSavedEntry(finding));
  });
}

/** The log rows of some accounts, as references, for a finding about them. */
export async function rowsOfAccounts(db: EvidenceDatabase, caseId: string, accounts: readonly string[]) {
  const rows: { sourceId: string; line: number }[] = [];
  for (const account of accounts) for (const e of await accountRows(db, caseId, account)) rows.push({ sourceId: e.sourceId, line: e.line });
  return rows;
}
