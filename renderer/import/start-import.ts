import type { ImportJob, ImportOutcome, ImportProgress, ImportReview } from './import-jobs';
import type { FromImportWorker, ToImportWorker } from './worker-protocol';

export interface RunningImport {
  cancel(): void;
  decide(accept: boolean): void;
  done: Promise<ImportOutcome>;
}

/** Starts an import in its own worker; the worker ends once the import and any clean-up after a cancel are over. */
export function startImport(job: ImportJob, on: { progress(p: ImportProgress): void; review(r: ImportReview): void }): RunningImport {
  const worker = new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
  const send = (message: ToImportWorker) => worker.postMessage(message);
  const done = new Promise<ImportOutcome>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromImportWorker>) => {
      const message = event.data;
      if (message.type === 'progress') on.progress(message.progress);
      else if (message.type === 'review') on.review(message.review);
      else if (message.type === 'finished') resolve(message.outcome);
      else if (message.type === 'failed') reject(new Error(message.message));
      else worker.terminate();
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The import stopped unexpectedly'));
    };
  });
  send({ type: 'start', job });
  return { cancel: () => send({ type: 'cancel' }), decide: (accept) => send({ type: 'decide', accept }), done };
}
