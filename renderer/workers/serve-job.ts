/// <reference lib="webworker" />
import { errorData } from '../../shared/errors';
import { unwrap, type LogApi, type Reply } from '../../shared/ipc/desktop-api';
import { connectLogEngine } from '../db/log-store';
import type { JobControl } from '../../shared/jobs';
import type { FromJobWorker, JobKind, ToJobWorker } from './job-protocol';

/** What a job gets in its worker: the shared job control, a way to ask the page, and somewhere to leave clean-up for after its answer. */
export interface WorkerJob<Question, Answer> extends Required<JobControl> {
  ask(question: Question): Promise<Answer>;
  /** Work to finish after the page has had the answer (removing what a cancelled import wrote). */
  afterwards(work: () => Promise<void>): void;
}

/** Progress is posted at most this often: a job may report thousands of steps a second. */
const PROGRESS_EVERY_MS = 100;

/**
 * Serves one job in this worker: runs `run` with the start message, and
 * posts its progress, questions and answer (see job-protocol.ts).
 */
export function serveJob<K extends JobKind<unknown, unknown, unknown, unknown>>(run: (start: K['start'], job: WorkerJob<K['question'], K['answer']>) => Promise<K['result']>, transfer: (result: K['result']) => Transferable[] = () => []): void {
  const post = (message: FromJobWorker<K['result'], K['question']>, moved: Transferable[] = []) => postMessage(message, moved);
  // The log engine, through the page: each call posted with a number, its reply matched by it.
  const calls = new Map<number, (reply: Reply<unknown>) => void>();
  let lastCall = 0;
  const relay = (method: keyof LogApi) => (...args: unknown[]) =>
    new Promise((resolve) => {
      const call = ++lastCall;
      calls.set(call, resolve);
      post({ type: 'logs', call, method, args } as FromJobWorker<K['result'], K['question']>);
    }).then((reply) => unwrap(reply as Reply<unknown>));
  connectLogEngine(new Proxy({} as LogApi, { get: (_target, method) => relay(method as keyof LogApi) }));
  const cancel = new AbortController();
  const cleanUps: (() => Promise<void>)[] = [];
  let answer: ((value: K['answer']) => void) | null = null;
  let lastProgress = 0;
  const job: WorkerJob<K['question'], K['answer']> = {
    signal: cancel.signal,
    progress(phase, done, total) {
      const now = Date.now();
      if (now - lastProgress < PROGRESS_EVERY_MS && done < total) return;
      lastProgress = now;
      post({ type: 'progress', phase, done, total });
    },
    ask: (question) =>
      new Promise((resolve, reject) => {
        answer = resolve;
        cancel.signal.addEventListener('abort', () => reject(cancel.signal.reason), { once: true });
        post({ type: 'ask', question });
      }),
    afterwards: (work) => void cleanUps.push(work),
  };
  onmessage = (event: MessageEvent<ToJobWorker<K['start'], K['answer']>>) => {
    const message = event.data;
    if (message.type === 'logs-reply') {
      calls.get(message.call)?.(message.reply);
      calls.delete(message.call);
    } else if (message.type === 'cancel') cancel.abort();
    else if (message.type === 'answer') answer?.(message.answer);
    else {
      run(message.start, job)
        .then(
          (result) => post({ type: 'done', result }, transfer(result)),
          (error: unknown) => post({ type: 'failed', error: errorData(error) }),
        )
        .then(async () => {
          for (const work of cleanUps) await work();
        })
        .finally(() => post({ type: 'ended' }));
    }
  };
}
