import { useEffect, useRef, useState } from 'react';
import type { BindingCheck } from '../../shared/audit/record-binding';
import { runWorker } from '../workers/run-worker';
import type { RecordsCheckResult, ToRecordsCheckWorker } from './records-check-worker';

export type RecordsCheck = { status: 'checking'; done: number; total: number } | { status: 'done'; check: BindingCheck } | { status: 'failed'; message: string };

/**
 * Checks the open case's records against its history, in a worker, when it
 * opens and after every change (a new event). Each log's rows are hashed
 * once per opening: they never change after import.
 */
export function useRecordsCheck(caseId: string, events: number | undefined): RecordsCheck {
  const [state, setState] = useState<RecordsCheck>({ status: 'checking', done: 0, total: 0 });
  const logDigests = useRef({ caseId, known: [] as [string, string][] });
  useEffect(() => {
    if (events === undefined) return;
    if (logDigests.current.caseId !== caseId) logDigests.current = { caseId, known: [] };
    const worker = new Worker(new URL('./records-check-worker.ts', import.meta.url), { type: 'module' });
    const job = runWorker<RecordsCheckResult>(worker, { caseId, known: logDigests.current.known } satisfies ToRecordsCheckWorker, (_phase, done, total) => setState({ status: 'checking', done, total }), 'records check');
    job.done.then(
      (result) => {
        if (!result) return;
        logDigests.current = { caseId, known: result.known };
        setState({ status: 'done', check: result.check });
      },
      (error: unknown) => setState({ status: 'failed', message: (error as Error).message }),
    );
    return () => job.cancel();
  }, [caseId, events]);
  return state;
}
