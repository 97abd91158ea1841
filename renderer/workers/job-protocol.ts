import type { ErrorData } from '../../shared/errors';
import type { LogApi, Reply } from '../../shared/ipc/desktop-api';

/**
 * The one protocol between the page and a job's worker. The page starts the
 * job, may cancel it, and answers its questions (an import asks what to do
 * with rows it could not read); the worker reports progress, asks, and ends
 * with its result or its error as data (a cancellation stays one by name).
 * `ended` comes last, after any clean-up that follows the answer: the worker
 * can then be closed. A worker has no desktop API: its calls to the log
 * engine are relayed by the page (`logs`, answered by `logs-reply`).
 */
export type ToJobWorker<Start, Answer> = { type: 'start'; start: Start } | { type: 'cancel' } | { type: 'answer'; answer: Answer } | { type: 'logs-reply'; call: number; reply: Reply<unknown> };

export type LogCall = { [M in keyof LogApi]: { method: M; args: Parameters<LogApi[M]> } }[keyof LogApi];

export type FromJobWorker<Result, Question> =
  | { type: 'progress'; phase: string; done: number; total: number }
  | ({ type: 'logs'; call: number } & LogCall)
  | { type: 'ask'; question: Question }
  | { type: 'done'; result: Result }
  | { type: 'failed'; error: ErrorData }
  | { type: 'ended' };

/** A job a worker runs, typed once for both sides: what starts it, what it returns, what it may ask and be answered. */
export interface JobKind<Start, Result, Question = never, Answer = never> {
  start: Start;
  result: Result;
  question: Question;
  answer: Answer;
}
