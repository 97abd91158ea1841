import { useCallback, useState, type ReactNode } from 'react';
import { Modal } from './Modal';

export interface ConfirmOptions {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  danger?: boolean;
}

/** A confirmation dialog as a promise: `if (await confirm({...})) ...`. */
export function useConfirm(): [ReactNode, (options: ConfirmOptions) => Promise<boolean>] {
  const [pending, setPending] = useState<{ options: ConfirmOptions; resolve: (ok: boolean) => void } | null>(null);
  const confirm = useCallback(
    (options: ConfirmOptions) => new Promise<boolean>((resolve) => setPending({ options, resolve })),
    [],
  );
  const answer = (ok: boolean) => {
    pending?.resolve(ok);
    setPending(null);
  };
  const element = pending && (
    <Modal title={pending.options.title} onClose={() => answer(false)}>
      <div className="modal-body">{pending.options.message}</div>
      <div className="modal-actions">
        <button type="button" onClick={() => answer(false)}>
          Cancel
        </button>
        <button type="button" className={pending.options.danger ? 'danger' : 'primary'} onClick={() => answer(true)} autoFocus>
          {pending.options.confirmLabel}
        </button>
      </div>
    </Modal>
  );
  return [element, confirm];
}
