import type { CaseAnalysis } from '../../shared/analysis/case-analysis';
import type { CampaignSettings } from '../../shared/analysis/campaign';
import type { PairSettings } from '../../shared/analysis/pair-metrics';
import { runWorker, type RunningJob } from '../workers/run-worker';
import type { ToAnalysisWorker } from './analysis-worker';

export type RunningAnalysis = RunningJob<CaseAnalysis>;

/** Runs the case analysis in its own worker; Cancel ends it at once (see runWorker). */
export function startAnalysis(caseId: string, settings: { pairs: Partial<PairSettings>; campaign: CampaignSettings }, onProgress: (phase: string, done: number, total: number) => void): RunningAnalysis {
  const worker = new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' });
  return runWorker<CaseAnalysis>(worker, { type: 'start', caseId, ...settings } satisfies ToAnalysisWorker, onProgress, 'analysis');
}
