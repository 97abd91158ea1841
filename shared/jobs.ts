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
