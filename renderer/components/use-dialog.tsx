import { useCallback, useState, type ReactNode } from 'react';

/**
 * A dialog as a promise, for a question with more than a yes or no:
 * `const answer = await ask((done) => <SomeDialog onDone={done} />)`; null
 * when it is closed without an answer.
 */
export function useDialog(): [ReactNode, <T>(render: (done: (answer: T | null) => void) => ReactNode) => Promise<T | null>] {
  const [open, setOpen] = useState<ReactNode>(null);
  const ask = useCallback(
    <T,>(render: (done: (answer: T | null) => void) => ReactNode) =>
      new Promise<T | null>((resolve) => {
        const done = (answer: T | null) => {
          setOpen(null);
          resolve(answer);
        };
        setOpen(render(done));
      }),
    [],
  );
  return [open, ask];
}
