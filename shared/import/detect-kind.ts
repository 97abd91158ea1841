import { isCombinedPairs, readObjects } from './pairs-import';

/** What a dropped file most likely is: a log, a pairs file, one model's answers, or terms. */
export type ImportKind = 'log' | 'pairs' | 'answers' | 'tos';

const ANSWER_KEYS = /"(output|generator|choices|response|answer|completion)"\s*:/;

/**
 * A first guess from the name and the start of the file, shown to the user,
 * who can change it before importing.
 */
export function guessImportKind(fileName: string, sample: string): ImportKind {
  if (/\.(md|markdown|html?|txt|pdf)$/i.test(fileName)) return 'tos';
  const start = sample.trimStart();
  if (start.startsWith('[')) return 'answers';
  const firstLines = start.split('\n').slice(0, 5).join('\n');
  if (isCombinedPairs(readObjects(firstLines).objects)) return 'pairs';
  if (start.startsWith('{') && ANSWER_KEYS.test(firstLines) && !/"(timestamp|ts|time|created_at)"\s*:/.test(firstLines)) return 'answers';
  return 'log';
}
