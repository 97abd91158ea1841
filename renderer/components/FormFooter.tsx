import type { ReactNode } from 'react';
import { ErrorBanner } from './ErrorBanner';

/** The end of a dialog's form: why it was refused, if it was, then Cancel and the submit button. */
export function FormFooter({ error, onCancel, submit, disabled }: { error: string | null; onCancel: () => void; submit: ReactNode; disabled?: boolean }) {
  return (
    <>
      <ErrorBanner error={error} />
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={disabled}>
          {submit}
        </button>
      </div>
    </>
  );
}
