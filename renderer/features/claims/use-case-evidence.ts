import { useLiveQuery } from 'dexie-react-hooks';
import { EDITABLE_TABLES, claimsStateOf, type ClaimsState } from '../../../shared/claims/case-edit';
import { targetCatalog, type TargetCatalog } from '../../../shared/claims/targets';
import { db } from '../../db/db';
import { loadCaseRecords } from '../../db/case-store';

export interface CaseEvidence {
  state: ClaimsState;
  catalog: TargetCatalog;
}

async function loadCaseEvidence(caseId: string): Promise<CaseEvidence> {
  const records = await loadCaseRecords(db, caseId, [...EDITABLE_TABLES, 'sources', 'outputPairs', 'tosClauses', 'tosVersions', 'tosDocuments', 'findings']);
  return { state: claimsStateOf(records), catalog: targetCatalog(records) };
}

/** The case's claims and everything they can link to, kept up to date as either changes. Log rows are not loaded. */
export function useCaseEvidence(caseId: string): CaseEvidence | undefined {
  return useLiveQuery(() => loadCaseEvidence(caseId), [caseId]);
}
