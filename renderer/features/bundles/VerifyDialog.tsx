import { useState, type FormEvent } from 'react';
import type { Verification } from '../../../shared/bundle/verify-bundle';
import type { IdentitySummary } from '../../../shared/ipc/contract';
import { api } from '../../api';
import { useExpectedIdentity } from '../../components/ExpectedIdentityField';
import { FormFooter } from '../../components/FormFooter';
import { Modal } from '../../components/Modal';
import { errorText } from '../../components/notices';

/** Verify bundle…: who the bundle must be signed by, then the file. */
export function VerifyDialog({ identities, onClose, onReport }: { identities: IdentitySummary[]; onClose: () => void; onReport: (report: Verification) => void }) {
  const [signerField, expected] = useExpectedIdentity('Must be signed by', 'Anyone: report who signed it', identities);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const signer = expected();
    if ('invalid' in signer) {
      setError(signer.invalid);
      return;
    }
    setBusy(true);
    try {
      const report = await api.verifyBundle({ expectedSigner: signer.fingerprint });
      if (report) onReport(report);
    } catch (e) {
      setError(`The bundle could not be verified: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="Verify bundle" onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p className="muted small">Checks that the signature covers the whole file, that nothing was added after signing, that every attached original matches its SHA-256 and that the Bates numbers run without gaps.</p>
        {signerField}
        <FormFooter error={error} onCancel={onClose} submit={busy ? 'Verifying…' : 'Choose bundle…'} disabled={busy} />
      </form>
    </Modal>
  );
}
