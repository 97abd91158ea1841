/// <reference lib="webworker" />
// Checks a case's records against its history off the UI thread: hashing a
// million log rows takes seconds. The same check as the CLI's and an archive's.
// First, once, a case stored before the log engine has its logs moved into it,
// and rows of imports the app was closed during are removed.
import type { BindingCheck } from '../../../shared/audit/record-binding';
import { moveBlockStoreLogs } from '../../db/block-store-move';
import { checkStoredCase } from '../../db/case-store';
import { keepOnlyCaseLogs } from '../../db/log-store';
import { EvidenceDatabase } from '../../db/database';
import type { JobKind } from '../../workers/job-protocol';
import { serveJob } from '../../workers/serve-job';

/** `known`: each log's rows digest already taken in this session (rows never change after import). */
export type RecordsCheckJob = JobKind<{ caseId: string; known: [string, string][] }, { check: BindingCheck; known: [string, string][] }>;

// It only reads: closing the case ends the worker at once (see runWorker).
serveJob<RecordsCheckJob>(async ({ caseId, known }, job) => {
  const digests = new Map(known);
  const db = new EvidenceDatabase();
  await moveBlockStoreLogs(db, caseId, job);
  await keepOnlyCaseLogs(db, caseId);
  const check = await checkStoredCase(db, caseId, digests, job);
  return { check, known: [...digests] };
});
