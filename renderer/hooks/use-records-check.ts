import { useEffect, useRef, useState } from 'react';
import type { BindingCheck } from '../../shared/audit/record-binding';
import { checkStoredCase } from '../db/case-store';
import { db } from '../db/db';

export type RecordsCheck = { status: 'checking'; done: number; total: number } | { status: 'done'; check: BindingCheck } | { status: 'failed'; message: string };

/**
 * Checks the open case's records against its history when it opens and
 * after every change (a new event). Each log's rows are hashed once per
 * opening: they never change after import, and hashing a million takes seconds.
 */
export function useRecordsCheck(caseId: string, events: number | undefined): RecordsCheck {
  const [state, setState] = useState<RecordsCheck>({ status: 'checking', done: 0, total: 0 });
  const logDigests = useRef({ caseId, known: new Map<string, string>() });
  useEffect(() => {
    if (events === undefined) return;
    if (logDigests.current.caseId !== caseId) logDigests.current = { caseId, known: new Map() };
    const abort = new AbortController();
    checkStoredCase(db, caseId, logDigests.current.known, abort.signal, (done, total) => setState({ status: 'checking', done, total })).then(
      (check) => setState({ status: 'done', check }),
      (error: unknown) => abort.signal.aborted || setState({ status: 'failed', message: (error as Error).message }),
    );
    return () => abort.abort();
  }, [caseId, events]);
  return state;
}
