import { useEffect, useState, type FormEvent } from 'react';
import type { IdentitySummary } from '../../../shared/ipc/contract';
import { api } from '../../api';
import { useExpectedIdentity } from '../../components/ExpectedIdentityField';
import { FormFooter } from '../../components/FormFooter';
import { Modal } from '../../components/Modal';
import { errorText } from '../../components/notices';

/**
 * Open case archive…: who the archive must be sealed by, then the file. A
 * seal by a same-name key, or a seal removed, is refused here only when the
 * sealer is given by fingerprint.
 */
export function OpenArchiveDialog({ onClose, onOpen }: { onClose: () => void; onOpen: (expectedSealer: string | null) => void }) {
  const [identities, setIdentities] = useState<IdentitySummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => void api.listIdentities().then(setIdentities, (e: unknown) => setError(errorText(e))), []);
  const [sealerField, expected] = useExpectedIdentity('Must be sealed by', 'Anyone: report who sealed it, if anyone did', identities);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sealer = expected();
    if ('invalid' in sealer) setError(sealer.invalid);
    else onOpen(sealer.fingerprint);
  };
  return (
    <Modal title="Open case archive" onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <p className="muted small">
          Every record, log row and original file in the archive is read and checked against its history before the case is stored. A seal shows who wrote the archive; its name proves nothing on its own, so choose the certificate it must be sealed with when you know it.
        </p>
        {sealerField}
        <FormFooter error={error} onCancel={onClose} submit="Choose archive…" />
      </form>
    </Modal>
  );
}
