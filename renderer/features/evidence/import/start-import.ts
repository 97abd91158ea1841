import { runWorker, type WorkerOptions } from '../../../workers/run-worker';
import { isCancellation } from '../../../../shared/errors';
import type { Progress } from '../../../../shared/jobs';
import { errorText } from '../../../components/notices';
import type { ImportJob, ImportOutcome, ImportReview } from './import-jobs';
import type { ImportWorkerJob } from './import-worker';

/** Runs an import in its own worker; a cancel is undone by the worker (it writes), which ends once it has. */
export function startImport(job: ImportJob, options: Omit<WorkerOptions<ImportReview, boolean>, 'writes' | 'what'>): Promise<ImportOutcome> {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  return runWorker<ImportWorkerJob>(worker, job, { ...options, writes: true, what: 'import' });
}

/** One import as the dialogs show it: running, waiting for a decision, or ended. */
export interface JobState {
  label: string;
  progress?: Progress;
  review?: ImportReview & { answer(accept: boolean): void };
  outcome?: ImportOutcome | { status: 'cancelled'; message: string };
  error?: string;
}

/** Runs one import in its worker, showing its progress, its question and how it ended through `show`. */
export async function importShown(job: ImportJob, signal: AbortSignal, show: (change: Partial<JobState>) => void): Promise<void> {
  try {
    const outcome = await startImport(job, {
      signal,
      progress: (phase, done, total) => show({ progress: { phase, done, total } }),
      ask: (review) =>
        new Promise<boolean>((resolve) =>
          show({
            review: {
              ...review,
              answer: (accept) => {
                show({ review: undefined });
                resolve(accept);
              },
            },
          }),
        ),
    });
    show({ outcome, review: undefined });
  } catch (error) {
    show({ ...(isCancellation(error) ? { outcome: { status: 'cancelled', message: (error as Error).message } } : { error: errorText(error) }), review: undefined });
  }
}
