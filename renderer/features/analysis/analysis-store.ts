import type { AnalysedData, CaseAnalysis } from '../../../shared/analysis/case-analysis';
import { attributionRunsChange } from '../../../shared/analysis/attribution-runs';
import { commitChange, loadCaseRecords } from '../../db/case-store';
import type { AnalysisRun, EvidenceDatabase } from '../../db/database';
import { caseLogAnalyses } from '../../db/log-store';

/** What the analysis reads of a case: its pairs, terms, markers, files, plans and history, and its log rows chunk by chunk. */
export async function loadAnalysedData(db: EvidenceDatabase, caseId: string): Promise<AnalysedData> {
  const { outputPairs, tosDocuments, tosVersions, markers, sources, analysisPlans, audit } = await loadCaseRecords(db, caseId, ['outputPairs', 'tosDocuments', 'tosVersions', 'markers', 'sources', 'analysisPlans']);
  const logs = caseLogAnalyses(db, caseId);
  return { outputPairs, tosDocuments, tosVersions, logChunks: logs.chunks, campaign: logs.campaign, prompts: logs.prompts, markers, sources, analysisPlans, audit };
}

/** The last analysis of a case, kept with the fingerprint of what it read. */
export function lastAnalysis(db: EvidenceDatabase, caseId: string): Promise<AnalysisRun | undefined> {
  return db.analysisRuns.get(caseId);
}

export async function keepAnalysis(db: EvidenceDatabase, run: AnalysisRun): Promise<void> {
  await db.analysisRuns.put(run);
}

/** Records each attribution of an analysis in the case's history (analysis.run), so every run and its panel stays visible. */
export async function recordAttributionRuns(db: EvidenceDatabase, caseId: string, analysis: CaseAnalysis, actor: string): Promise<void> {
  const results = [analysis.attribution ?? [], analysis.furtherSuspects].flat();
  if (results.length) await commitChange(db, caseId, () => attributionRunsChange(results, actor));
}
