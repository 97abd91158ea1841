/// <reference lib="webworker" />
// Runs the case analysis off the UI thread: the same analyzeCase as the CLI.
// The result is stored with its fingerprint, so it is shown again until the
// evidence, the plan, the markers or the settings change.
import { analysisFingerprint, analyzeCase, type CaseAnalysis } from '../../shared/analysis/case-analysis';
import type { CampaignSettings } from '../../shared/analysis/campaign';
import type { PairSettings } from '../../shared/analysis/pair-metrics';
import { EvidenceDatabase } from '../db/database';
import { caseLogChunks } from '../db/log-store';
import type { FromJobWorker } from '../workers/run-worker';

export type ToAnalysisWorker = { type: 'start'; caseId: string; pairs: Partial<PairSettings>; campaign: CampaignSettings };
export type FromAnalysisWorker = FromJobWorker<CaseAnalysis>;

const post = (message: FromAnalysisWorker) => postMessage(message);

// Cancel ends this worker (see runWorker), so it never has to look for a cancel itself.
onmessage = async (event: MessageEvent<ToAnalysisWorker>) => {
  const message = event.data;
  try {
    const db = new EvidenceDatabase();
    post({ type: 'progress', phase: 'Reading the case', done: 0, total: 0 });
    const { caseId } = message;
    const [outputPairs, tosDocuments, tosVersions, markers, sources, analysisPlans] = await Promise.all([
      db.outputPairs.where('caseId').equals(caseId).toArray(),
      db.tosDocuments.where('caseId').equals(caseId).toArray(),
      db.tosVersions.where('caseId').equals(caseId).toArray(),
      db.markers.where('caseId').equals(caseId).toArray(),
      db.sources.where('caseId').equals(caseId).toArray(),
      db.analysisPlans.where('caseId').equals(caseId).toArray(),
    ]);
    const data = { outputPairs, tosDocuments, tosVersions, logChunks: caseLogChunks(db, caseId), markers, sources, analysisPlans };
    const settings = { pairs: message.pairs, campaign: message.campaign };
    const analysis = await analyzeCase(data, settings, {
      isCancelled: () => false,
      onProgress: (phase, done, total) => post({ type: 'progress', phase, done, total }),
    });
    if (!analysis) return;
    await db.analysisRuns.put({ caseId, fingerprint: analysisFingerprint(data, settings), ranAt: new Date().toISOString(), analysis });
    post({ type: 'done', result: analysis });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
