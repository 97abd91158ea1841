/// <reference lib="webworker" />
// Runs the case analysis off the UI thread: the same analyzeCase as the CLI.
// The result is stored with its fingerprint, so it is shown again until the
// evidence, the plan, the markers or the settings change.
import { analysisFingerprint, analyzeCase, type CaseAnalysis } from '../../../shared/analysis/case-analysis';
import type { CampaignSettings } from '../../../shared/analysis/campaign';
import type { PairSettings } from '../../../shared/analysis/pair-metrics';
import { EvidenceDatabase } from '../../db/database';
import { keepAnalysis, loadAnalysedData, recordAttributionRuns } from './analysis-store';
import type { JobKind } from '../../workers/job-protocol';
import { serveJob } from '../../workers/serve-job';

export type AnalysisJob = JobKind<{ caseId: string; actor: string; pairs: Partial<PairSettings>; campaign: CampaignSettings }, CaseAnalysis>;

// It only reads until the end, so a cancel ends the worker at once (see runWorker). Each attribution it ran is
// then recorded in the case's history in one transaction: a run that finished is never left out of it.
serveJob<AnalysisJob>(async ({ caseId, actor, ...settings }, job) => {
  const db = new EvidenceDatabase();
  job.progress('Reading the case', 0, 0);
  const data = await loadAnalysedData(db, caseId);
  const analysis = await analyzeCase(data, settings, job);
  await recordAttributionRuns(db, caseId, analysis, actor);
  await keepAnalysis(db, { caseId, fingerprint: analysisFingerprint(data, settings), ranAt: new Date().toISOString(), analysis });
  return analysis;
});
