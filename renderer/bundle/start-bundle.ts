import type { BundleManifest } from '../../shared/bundle/bundle-manifest';
import type { FromBundleWorker, ToBundleWorker } from './bundle-worker';

export interface BuiltBundle {
  bytes: Uint8Array;
  manifest: BundleManifest;
  pages: number;
}

export interface RunningBundle {
  cancel(): void;
  /** The bundle, or null when cancelled. */
  done: Promise<BuiltBundle | null>;
}

/** Builds a bundle in its own worker, which ends with it; Cancel ends the worker at once and nothing is written. */
export function startBundle(request: Omit<ToBundleWorker, 'type'>, onProgress: (phase: string, done: number, total: number) => void): RunningBundle {
  const worker = new Worker(new URL('./bundle-worker.ts', import.meta.url), { type: 'module' });
  let cancel = () => {};
  const done = new Promise<BuiltBundle | null>((resolve, reject) => {
    cancel = () => {
      worker.terminate();
      resolve(null);
    };
    worker.onmessage = (event: MessageEvent<FromBundleWorker>) => {
      const m = event.data;
      if (m.type === 'progress') return onProgress(m.phase, m.done, m.total);
      worker.terminate();
      if (m.type === 'done') resolve({ bytes: m.bytes, manifest: m.manifest, pages: m.pages });
      else reject(new Error(m.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || 'The bundle export stopped unexpectedly'));
    };
  });
  worker.postMessage({ type: 'start', ...request } satisfies ToBundleWorker);
  return { cancel, done };
}
