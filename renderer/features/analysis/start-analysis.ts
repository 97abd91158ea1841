import type { CaseAnalysis } from '../../../shared/analysis/case-analysis';
import type { JobControl } from '../../../shared/jobs';
import { runWorker } from '../../workers/run-worker';
import type { AnalysisJob } from './analysis-worker';

/** Runs the case analysis in its own worker; a cancel ends it at once (see runWorker). */
export function startAnalysis(start: AnalysisJob['start'], job: JobControl): Promise<CaseAnalysis> {
  const worker = new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' });
  return runWorker<AnalysisJob>(worker, start, { ...job, what: 'analysis' });
}
