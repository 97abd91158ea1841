/** What a job worker posts: progress while it works, then its result or why it failed. */
export type FromJobWorker<R> = { type: 'progress'; phase: string; done: number; total: number } | { type: 'done'; result: R } | { type: 'failed'; message: string };

export interface RunningJob<R> {
  cancel(): void;
  /** The result, or null when cancelled. */
  done: Promise<R | null>;
}

/**
 * Runs one job in a worker that ends with it. The worker is created by the
 * caller (the bundler needs `new Worker(new URL(...))` written out where the
 * worker is). Cancel ends it at once: job workers only read the case, and
 * whatever they make is written only after they are done.
 */
export function runWorker<R>(worker: Worker, start: unknown, onProgress: (phase: string, done: number, total: number) => void, what: string): RunningJob<R> {
  let cancel = () => {};
  const done = new Promise<R | null>((resolve, reject) => {
    cancel = () => {
      worker.terminate();
      resolve(null);
    };
    worker.onmessage = (event: MessageEvent<FromJobWorker<R>>) => {
      const m = event.data;
      if (m.type === 'progress') return onProgress(m.phase, m.done, m.total);
      worker.terminate();
      if (m.type === 'done') resolve(m.result);
      else reject(new Error(m.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || `The ${what} stopped unexpectedly`));
    };
  });
  worker.postMessage(start);
  return { cancel, done };
}
