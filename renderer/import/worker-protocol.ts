import type { ImportJob, ImportOutcome, ImportProgress, ImportReview } from './import-jobs';

/** Messages from the page to the import worker. */
export type ToImportWorker = { type: 'start'; job: ImportJob } | { type: 'decide'; accept: boolean } | { type: 'cancel' };

/** Messages from the import worker to the page. */
export type FromImportWorker =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'review'; review: ImportReview }
  | { type: 'finished'; outcome: ImportOutcome }
  | { type: 'failed'; message: string }
  /** Sent last, after any clean-up that follows the outcome: the worker can be ended. */
  | { type: 'done' };
