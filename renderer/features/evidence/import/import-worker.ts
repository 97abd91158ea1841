/// <reference lib="webworker" />
// Runs one import off the UI thread; the page stays responsive and can cancel.
import './pdf-worker';
import { EvidenceDatabase } from '../../../db/database';
import type { JobKind } from '../../../workers/job-protocol';
import { serveJob } from '../../../workers/serve-job';
import { runImportJob, type ImportJob, type ImportOutcome, type ImportReview } from './import-jobs';

/** An import asks, when some rows could not be read, whether to import the good ones (true) or none. */
export type ImportWorkerJob = JobKind<ImportJob, ImportOutcome, ImportReview, boolean>;

const db = new EvidenceDatabase();
serveJob<ImportWorkerJob>((job, control) => runImportJob(db, job, control));
