/**
 * The kinds of failure every side tells apart:
 *
 * - a Refusal: what was asked cannot be done as asked (a file that cannot be
 *   read, a wrong passphrase, a name taken). Its message says why and names
 *   what is at fault; nothing was changed. The CLI prints it and exits 1; the
 *   app shows it. Each kind has its own class below it, and a code.
 * - a CancellationError: the user stopped the work; nothing was changed.
 * - anything else: a bug, shown with its stack.
 */
export class Refusal extends Error {
  override name = 'Refusal';
  constructor(
    message: string,
    readonly code: string = 'refused',
  ) {
    super(message);
  }
}

export class CancellationError extends Error {
  override name = 'CancellationError';
}

/** A cancellation, ours or an aborted AbortSignal's, recognised by name: errors crossing a worker or IPC keep only their name and message. */
export function isCancellation(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'CancellationError' || name === 'AbortError';
}
