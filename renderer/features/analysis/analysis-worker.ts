/// <reference lib="webworker" />
// Runs the case analysis off the UI thread: the same analyzeCase as the CLI.
// The result is stored with its fingerprint, so it is shown again until the
// evidence, the plan, the markers or the settings change.
import { analysisFingerprint, analyzeCase, type CaseAnalysis } from '../../../shared/analysis/case-analysis';
import type { CampaignSettings } from '../../../shared/analysis/campaign';
import type { PairSettings } from '../../../shared/analysis/pair-metrics';
import { EvidenceDatabase } from '../../db/database';
import { caseLogChunks } from '../../db/log-store';
import type { JobKind } from '../../workers/job-protocol';
import { serveJob } from '../../workers/serve-job';

export type AnalysisJob = JobKind<{ caseId: string; pairs: Partial<PairSettings>; campaign: CampaignSettings }, CaseAnalysis>;

// It only reads until the end, so a cancel ends the worker at once (see runWorker).
serveJob<AnalysisJob>(async ({ caseId, ...settings }, job) => {
  const db = new EvidenceDatabase();
  job.progress('Reading the case', 0, 0);
  const [outputPairs, tosDocuments, tosVersions, markers, sources, analysisPlans] = await Promise.all([
    db.outputPairs.where('caseId').equals(caseId).toArray(),
    db.tosDocuments.where('caseId').equals(caseId).toArray(),
    db.tosVersions.where('caseId').equals(caseId).toArray(),
    db.markers.where('caseId').equals(caseId).toArray(),
    db.sources.where('caseId').equals(caseId).toArray(),
    db.analysisPlans.where('caseId').equals(caseId).toArray(),
  ]);
  const data = { outputPairs, tosDocuments, tosVersions, logChunks: caseLogChunks(db, caseId), markers, sources, analysisPlans };
  const analysis = await analyzeCase(data, settings, job);
  await db.analysisRuns.put({ caseId, fingerprint: analysisFingerprint(data, settings), ranAt: new Date().toISOString(), analysis });
  return analysis;
});
