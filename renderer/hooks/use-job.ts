import { useCallback, useRef, useState } from 'react';
import type { JobControl, Progress } from '../../shared/jobs';

/**
 * One long job a view runs, with its progress shown and a Cancel: `run`
 * hands the work the job control every long job takes, and `cancel` aborts
 * it (the work then throws a CancellationError). `progress` is null while
 * nothing runs.
 */
export function useJob() {
  const [progress, setProgress] = useState<Progress | null>(null);
  const controller = useRef<AbortController | null>(null);
  const run = useCallback(async <T>(work: (job: Required<JobControl>) => Promise<T>): Promise<T> => {
    const current = new AbortController();
    controller.current = current;
    setProgress({ phase: 'Starting', done: 0, total: 0 });
    try {
      return await work({ signal: current.signal, progress: (phase, done, total) => setProgress({ phase, done, total }) });
    } finally {
      controller.current = null;
      setProgress(null);
    }
  }, []);
  const cancel = useCallback(() => controller.current?.abort(), []);
  return { progress, run, cancel };
}
