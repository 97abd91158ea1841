import type { WrittenBundle } from '../../../shared/bundle/write-bundle';
import type { JobControl } from '../../../shared/jobs';
import { runWorker } from '../../workers/run-worker';
import type { BundleJob } from './bundle-worker';

/** The pages a bundle will have, counted by laying it out as the export will (its files neither written nor attached). */
export async function countBundlePages(start: Omit<BundleJob['start'], 'layoutOnly'>, signal: AbortSignal): Promise<number> {
  return (await startBundle({ ...start, layoutOnly: true }, { signal })).pages;
}

/** Lays a bundle out in its own worker; a cancel ends it at once and nothing is written (see runWorker). */
export function startBundle(start: BundleJob['start'], job: JobControl): Promise<WrittenBundle> {
  const worker = new Worker(new URL('./bundle-worker.ts', import.meta.url), { type: 'module' });
  return runWorker<BundleJob>(worker, start, { ...job, what: 'bundle export' });
}
