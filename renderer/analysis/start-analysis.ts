import type { CaseAnalysis } from '../../shared/analysis/case-analysis';
import type { CampaignSettings } from '../../shared/analysis/campaign';
import type { PairSettings } from '../../shared/analysis/pair-metrics';
import type { FromAnalysisWorker, ToAnalysisWorker } from './analysis-worker';

export interface RunningAnalysis {
  cancel(): void;
  /** The analysis, or null when cancelled. */
  done: Promise<CaseAnalysis | null>;
}

/** Runs the case analysis in its own worker, which ends with it. */
export function startAnalysis(caseId: string, settings: { pairs: PairSettings; campaign: CampaignSettings }, onProgress: (phase: string, done: number, total: number) => void): RunningAnalysis {
  const worker = new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' });
  const send = (message: ToAnalysisWorker) => worker.postMessage(message);
  let cancel = () => {};
  const done = new Promise<CaseAnalysis | null>((resolve, reject) => {
    // The worker only reads the case, so ending it at once loses nothing; a
    // message would wait until its comparison loop finished.
    cancel = () => {
      worker.terminate();
      resolve(null);
    };
    worker.onmessage = (event: MessageEvent<FromAnalysisWorker>) => {
      const m = event.data;
      if (m.type === 'progress') return onProgress(m.phase, m.done, m.total);
      worker.terminate();
      if (m.type === 'done') resolve(m.analysis);
      else reject(new Error(m.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'The analysis stopped unexpectedly'));
    };
  });
  send({ type: 'start', caseId, ...settings });
  return { cancel, done };
}
