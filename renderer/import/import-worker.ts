/// <reference lib="webworker" />
// Runs one import off the UI thread; the page stays responsive and can cancel.
import './pdf-worker';
import { EvidenceDatabase } from '../db/database';
import { runImportJob } from './import-jobs';
import type { FromImportWorker, ToImportWorker } from './worker-protocol';

const db = new EvidenceDatabase();
const cancel = new AbortController();
let cleanUp: (() => Promise<void>) | null = null;
let answer: ((accept: boolean) => void) | null = null;
let lastProgress = 0;

const post = (message: FromImportWorker) => postMessage(message);

onmessage = (event: MessageEvent<ToImportWorker>) => {
  const message = event.data;
  if (message.type === 'cancel') {
    cancel.abort();
    answer?.(false);
  } else if (message.type === 'decide') {
    answer?.(message.accept);
  } else {
    runImportJob(db, message.job, {
      signal: cancel.signal,
      afterCancel: (work) => (cleanUp = work),
      onProgress: (progress) => {
        const now = Date.now();
        if (now - lastProgress < 100 && progress.bytesRead < progress.totalBytes) return;
        lastProgress = now;
        post({ type: 'progress', progress });
      },
      decide: (review) =>
        new Promise<boolean>((resolve) => {
          answer = resolve;
          post({ type: 'review', review });
        }),
    })
      .then(
        (outcome) => post({ type: 'finished', outcome }),
        (error: unknown) => post({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
      )
      .then(() => cleanUp?.())
      .finally(() => post({ type: 'done' }));
  }
};
