/**
 * The kinds of failure every side tells apart:
 *
 * - a Refusal: what was asked cannot be done as asked (a file that cannot be
 *   read, a wrong passphrase, a name taken). Its message says why and names
 *   what is at fault; nothing was changed. The CLI prints it and exits 1; the
 *   app shows it. Each kind has its own class below it, and a code; the
 *   plain ones say 'invalid' (input that does not pass its rules), 'gone'
 *   (a record removed meanwhile, in another window) or 'integrity' (bytes
 *   that no longer match the SHA-256 recorded for them).
 * - a CancellationError: the user stopped the work; nothing was changed.
 * - anything else: a bug, shown with its stack.
 */
export class Refusal extends Error {
  override name = 'Refusal';
  constructor(
    message: string,
    readonly code: RefusalCode = 'refused',
  ) {
    super(message);
  }
}

/** Every kind of refusal, by code: the plain ones, then those with a class of their own below. */
export const REFUSAL_CODES = ['refused', 'invalid', 'gone', 'integrity', 'conflict', 'review-only', 'unusable-file', 'archive', 'bundle', 'identity', 'file-exists', 'case-exists'] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];
const isRefusalCode = (code: string): code is RefusalCode => (REFUSAL_CODES as readonly string[]).includes(code);

// The refusals a side tells apart by kind, all here: the app and the CLI report the same code for the same bad input.
/** A file that cannot be imported as it is: the message names the file and, where there is one, the line. */
export class UnusableFileError extends Refusal {
  override name = 'UnusableFileError';
  override readonly code = 'unusable-file';
}

/** An archive that was refused; the message says what is wrong with it. */
export class ArchiveError extends Refusal {
  override name = 'ArchiveError';
  override readonly code = 'archive';
}

/** A bundle that cannot be made as asked (no claims, no evidence linked, a claim that is gone). */
export class BundleError extends Refusal {
  override name = 'BundleError';
  override readonly code = 'bundle';
}

/** A signing identity that could not be made, read or used; the message says why, for the user. */
export class IdentityError extends Refusal {
  override name = 'IdentityError';
  override readonly code = 'identity';
}

/** An existing file at the target when it must not be replaced. */
export class FileExistsError extends Refusal {
  override name = 'FileExistsError';
  override readonly code = 'file-exists';
}

export class CaseExistsError extends Refusal {
  override name = 'CaseExistsError';
  override readonly code = 'case-exists';
}

export class CancellationError extends Error {
  override name = 'CancellationError';
}

/** A cancellation, ours or an aborted AbortSignal's, recognised by name: errors crossing a worker or IPC keep only their name and message. */
export function isCancellation(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'CancellationError' || name === 'AbortError';
}

/** An error as data, as it crosses IPC or a worker, where an Error keeps only its message. */
export interface ErrorData {
  name: string;
  code?: string;
  message: string;
}

export function errorData(error: unknown): ErrorData {
  if (error instanceof Refusal) return { name: error.name, code: error.code, message: error.message };
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: 'Error', message: String(error) };
}

/** The error again on the other side: a refusal with its name and code, a cancellation as such. */
export function errorFromData(data: ErrorData): Error {
  const error = data.code !== undefined ? new Refusal(data.message, isRefusalCode(data.code) ? data.code : 'refused') : isCancellation(data) ? new CancellationError(data.message) : new Error(data.message);
  error.name = data.name;
  return error;
}
