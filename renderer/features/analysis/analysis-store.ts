import type { AnalysedData } from '../../../shared/analysis/case-analysis';
import { loadCaseRecords } from '../../db/case-store';
import type { AnalysisRun, EvidenceDatabase } from '../../db/database';
import { caseLogChunks } from '../../db/log-store';

/** What the analysis reads of a case: its pairs, terms, markers, files and plans, and its log rows chunk by chunk. */
export async function loadAnalysedData(db: EvidenceDatabase, caseId: string): Promise<AnalysedData> {
  const { outputPairs, tosDocuments, tosVersions, markers, sources, analysisPlans } = await loadCaseRecords(db, caseId, ['outputPairs', 'tosDocuments', 'tosVersions', 'markers', 'sources', 'analysisPlans']);
  return { outputPairs, tosDocuments, tosVersions, logChunks: caseLogChunks(db, caseId), markers, sources, analysisPlans };
}

/** The last analysis of a case, kept with the fingerprint of what it read. */
export function lastAnalysis(db: EvidenceDatabase, caseId: string): Promise<AnalysisRun | undefined> {
  return db.analysisRuns.get(caseId);
}

export async function keepAnalysis(db: EvidenceDatabase, run: AnalysisRun): Promise<void> {
  await db.analysisRuns.put(run);
}
