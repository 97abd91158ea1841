import type { EvidenceDatabase } from '../../db/database';
import { accountRows } from '../../db/log-store';

/** The log rows of some accounts, as references, for a finding about them. */
export async function rowsOfAccounts(db: EvidenceDatabase, caseId: string, accounts: readonly string[]) {
  const rows: { sourceId: string; line: number }[] = [];
  for (const account of accounts) for (const e of await accountRows(db, caseId, account)) rows.push({ sourceId: e.sourceId, line: e.line });
  return rows;
}
