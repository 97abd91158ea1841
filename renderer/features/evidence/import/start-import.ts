import { runWorker, type WorkerOptions } from '../../../workers/run-worker';
import type { ImportJob, ImportOutcome, ImportReview } from './import-jobs';
import type { ImportWorkerJob } from './import-worker';

/** Runs an import in its own worker; a cancel is undone by the worker (it writes), which ends once it has. */
export function startImport(job: ImportJob, options: Omit<WorkerOptions<ImportReview, boolean>, 'writes' | 'what'>): Promise<ImportOutcome> {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  return runWorker<ImportWorkerJob>(worker, job, { ...options, writes: true, what: 'import' });
}
