import { CancellationError } from './errors';

/** Where long work is: a phase, and how far through it (a total of 0: not known). */
export interface Progress {
  phase: string;
  done: number;
  total: number;
}

/**
 * What every long job takes, in the app, the CLI and the tests: a signal that
 * stops it, and somewhere to say how far it is. A stopped job throws a
 * CancellationError, having changed nothing.
 */
export interface JobControl {
  signal?: AbortSignal;
  progress?(phase: string, done: number, total: number): void;
}

/** Throws the job's CancellationError, with what was (not) done, once its signal is aborted. */
export function stopIfCancelled(job: JobControl | undefined, message: string): void {
  if (job?.signal?.aborted) throw new CancellationError(message);
}

/** A job another process runs, as its status is read: running with its progress, or ended. */
export type ReadStatus<Ended> = { state: 'running'; phase: string; done: number; total: number } | Ended;

/**
 * Reads a job's status every `everyMs` until it has ended, passing its
 * progress on: how the page follows work the main process does for it.
 */
export async function untilEnded<Ended extends { state: string }>(read: () => Promise<ReadStatus<Ended>>, progress: JobControl['progress'], everyMs: number): Promise<Ended> {
  for (;;) {
    const status = await read();
    if (status.state !== 'running') return status as Ended;
    const { phase, done, total } = status as Progress;
    progress?.(phase, done, total);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
