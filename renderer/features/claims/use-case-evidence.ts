import { useLiveQuery } from 'dexie-react-hooks';
import type { ClaimsState } from '../../../shared/claims/case-edit';
import { targetCatalog, type TargetCatalog } from '../../../shared/claims/targets';
import { loadClaimsState } from './claims-store';
import { db } from '../../db/db';

export interface CaseEvidence {
  state: ClaimsState;
  catalog: TargetCatalog;
}

async function loadCaseEvidence(caseId: string): Promise<CaseEvidence> {
  const [state, sources, outputPairs, tosClauses, tosVersions, tosDocuments, findings] = await Promise.all([
    loadClaimsState(db, caseId),
    db.sources.where('caseId').equals(caseId).toArray(),
    db.outputPairs.where('caseId').equals(caseId).toArray(),
    db.tosClauses.where('caseId').equals(caseId).toArray(),
    db.tosVersions.where('caseId').equals(caseId).toArray(),
    db.tosDocuments.where('caseId').equals(caseId).toArray(),
    db.findings.where('caseId').equals(caseId).toArray(),
  ]);
  return { state, catalog: targetCatalog({ sources, outputPairs, tosClauses, tosVersions, tosDocuments, findings, annotations: state.annotations }) };
}

/** The case's claims and everything they can link to, kept up to date as either changes. Log rows are not loaded. */
export function useCaseEvidence(caseId: string): CaseEvidence | undefined {
  return useLiveQuery(() => loadCaseEvidence(caseId), [caseId]);
}
