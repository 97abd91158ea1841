/// <reference lib="webworker" />
// Checks a case's records against its history off the UI thread: hashing a
// million log rows takes seconds. The same check as the CLI's and an archive's.
import type { BindingCheck } from '../../shared/audit/record-binding';
import { checkStoredCase } from '../db/case-store';
import { EvidenceDatabase } from '../db/database';
import type { FromJobWorker } from '../workers/run-worker';

/** `known`: each log's rows digest already taken in this session (rows never change after import). */
export type ToRecordsCheckWorker = { caseId: string; known: [string, string][] };
export type RecordsCheckResult = { check: BindingCheck; known: [string, string][] };

const post = (message: FromJobWorker<RecordsCheckResult>) => postMessage(message);

// Closing the case ends this worker (see runWorker): it only reads.
onmessage = async (event: MessageEvent<ToRecordsCheckWorker>) => {
  try {
    const known = new Map(event.data.known);
    const check = await checkStoredCase(new EvidenceDatabase(), event.data.caseId, known, (done, total) => post({ type: 'progress', phase: 'Hashing the log rows', done, total }));
    post({ type: 'done', result: { check, known: [...known] } });
  } catch (error) {
    post({ type: 'failed', message: (error as Error).message });
  }
};
