import { useEffect, useRef, useState } from 'react';
import type { BindingCheck } from '../../../shared/audit/record-binding';
import { isCancellation } from '../../../shared/errors';
import { runWorker } from '../../workers/run-worker';
import type { RecordsCheckJob } from './records-check-worker';

export type RecordsCheck = { status: 'checking'; phase: string; done: number; total: number } | { status: 'done'; check: BindingCheck } | { status: 'failed'; message: string };

/**
 * Checks the open case's records against its history, in a worker, when it
 * opens and after every change (a new event), after moving a case stored
 * before the log engine into it. Each log's rows are hashed
 * once per opening: they never change after import.
 */
export function useRecordsCheck(caseId: string, events: number | undefined): RecordsCheck {
  const [state, setState] = useState<RecordsCheck>({ status: 'checking', phase: '', done: 0, total: 0 });
  const logDigests = useRef({ caseId, known: [] as [string, string][] });
  useEffect(() => {
    if (events === undefined) return;
    if (logDigests.current.caseId !== caseId) logDigests.current = { caseId, known: [] };
    const worker = new Worker(new URL('./records-check-worker.ts', import.meta.url), { type: 'module' });
    const closed = new AbortController();
    runWorker<RecordsCheckJob>(worker, { caseId, known: logDigests.current.known }, { signal: closed.signal, progress: (phase, done, total) => setState({ status: 'checking', phase, done, total }), what: 'records check' }).then(
      (result) => {
        logDigests.current = { caseId, known: result.known };
        setState({ status: 'done', check: result.check });
      },
      (error: unknown) => isCancellation(error) || setState({ status: 'failed', message: (error as Error).message }),
    );
    return () => closed.abort();
  }, [caseId, events]);
  return state;
}
