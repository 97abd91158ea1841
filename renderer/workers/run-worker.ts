import { CancellationError, errorFromData } from '../../shared/errors';
import type { JobControl } from '../../shared/jobs';
import { replyOf } from '../../shared/ipc/desktop-api';
import type { FromJobWorker, JobKind, ToJobWorker } from './job-protocol';

export interface WorkerOptions<Question, Answer> extends JobControl {
  /** Answers the job's questions; a job that asks none needs none. */
  ask?(question: Question): Promise<Answer>;
  /**
   * A job that only reads is ended at once on cancel. One that writes is
   * told, and ends on its own after undoing what it wrote.
   */
  writes?: boolean;
  /** Named in the error when the worker itself dies. */
  what: string;
}

/**
 * Runs one job in a worker that ends with it (see job-protocol.ts); the one
 * way the page runs a worker. The worker is created by the caller, as the
 * bundler needs `new Worker(new URL(...))` written where the worker is.
 * Resolves with the job's result; rejects with its error, or with a
 * CancellationError once the signal aborts.
 */
export function runWorker<K extends JobKind<unknown, unknown, unknown, unknown>>(worker: Worker, start: K['start'], options: WorkerOptions<K['question'], K['answer']>): Promise<K['result']> {
  const send = (message: ToJobWorker<K['start'], K['answer']>) => worker.postMessage(message);
  const { signal } = options;
  return new Promise<K['result']>((resolve, reject) => {
    const onAbort = () => {
      if (options.writes) return send({ type: 'cancel' });
      worker.terminate();
      reject(new CancellationError(`The ${options.what} was cancelled`));
    };
    const end = () => {
      signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    worker.onmessage = (event: MessageEvent<FromJobWorker<K['result'], K['question']>>) => {
      const m = event.data;
      if (m.type === 'progress') options.progress?.(m.phase, m.done, m.total);
      else if (m.type === 'logs') {
        const call = window.api.logs[m.method] as (...args: unknown[]) => Promise<unknown>;
        void replyOf(() => call(...m.args)).then((reply) => send({ type: 'logs-reply', call: m.call, reply }));
      }
      else if (m.type === 'ask') {
        if (options.ask) void options.ask(m.question).then((answer) => send({ type: 'answer', answer }));
        else {
          end();
          reject(new Error(`The ${options.what} asked a question nobody answers`));
        }
      } else if (m.type === 'done') resolve(m.result);
      else if (m.type === 'failed') reject(errorFromData(m.error));
      else end();
    };
    worker.onerror = (event) => {
      end();
      reject(new Error(event.message || `The ${options.what} stopped unexpectedly`));
    };
    if (signal?.aborted) {
      worker.terminate();
      return reject(new CancellationError(`The ${options.what} was cancelled`));
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    send({ type: 'start', start });
  });
}
