import { runWorker, type RunningJob } from '../workers/run-worker';
import type { BuiltBundle, ToBundleWorker } from './bundle-worker';

export type RunningBundle = RunningJob<BuiltBundle>;

/** Builds a bundle in its own worker; Cancel ends it at once and nothing is written (see runWorker). */
export function startBundle(request: Omit<ToBundleWorker, 'type'>, onProgress: (phase: string, done: number, total: number) => void): RunningBundle {
  const worker = new Worker(new URL('./bundle-worker.ts', import.meta.url), { type: 'module' });
  return runWorker<BuiltBundle>(worker, { type: 'start', ...request } satisfies ToBundleWorker, onProgress, 'bundle export');
}
