import type { JobControl } from '../shared/jobs';

/**
 * Progress on one line of the terminal's stderr, rewritten at most ten
 * times a second and cleared when done; nothing when stderr is not a
 * terminal, so piped output and tests stay clean. Ctrl-C stops a command.
 */
export function progressOnTerminal(stream: NodeJS.WriteStream = process.stderr): JobControl['progress'] {
  if (!stream.isTTY) return undefined;
  let last = 0;
  return (phase, done, total) => {
    const now = Date.now();
    if (now - last < 100 && done < total) return;
    last = now;
    const share = total > 0 ? ` ${Math.floor((100 * done) / total)}%` : '';
    stream.write(`\r${phase}: ${done.toLocaleString('en-US')}${total > 0 ? ` of ${total.toLocaleString('en-US')}` : ''}${share}\x1b[K${done >= total && total > 0 ? '\r\x1b[K' : ''}`);
  };
}
