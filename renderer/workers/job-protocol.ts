import type { ErrorData } from '../../shared/errors';

/**
 * The one protocol between the page and a job's worker. The page starts the
 * job, may cancel it, and answers its questions (an import asks what to do
 * with rows it could not read); the worker reports progress, asks, and ends
 * with its result or its error as data (a cancellation stays one by name).
 * `ended` comes last, after any clean-up that follows the answer: the worker
 * can then be closed.
 */
export type ToJobWorker<Start, Answer> = { type: 'start'; start: Start } | { type: 'cancel' } | { type: 'answer'; answer: Answer };

export type FromJobWorker<Result, Question> =
  | { type: 'progress'; phase: string; done: number; total: number }
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
