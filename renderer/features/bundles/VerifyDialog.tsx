import { useState, type FormEvent } from 'react';
import { normaliseFingerprint } from '../../../shared/bundle/fingerprint';
import type { Verification } from '../../../shared/bundle/verify-bundle';
import type { IdentitySummary } from '../../../shared/ipc/contract';
import { api } from '../../api';
import { FormFooter } from '../../components/FormFooter';
import { Modal } from '../../components/Modal';
import { errorText } from '../../components/notices';

const ANYONE = '';
const TYPED = 'typed';

/**
 * Verify bundle…: who the bundle must be signed by, then the file. A name on
 * a certificate proves nothing (anyone can make one in any name), so the
 * signer is checked by fingerprint: one of the identities on this computer,
 * or one the signer gave the reader by other means.
 */
export function VerifyDialog({ identities, onClose, onReport }: { identities: IdentitySummary[]; onClose: () => void; onReport: (report: Verification) => void }) {
  const [choice, setChoice] = useState(ANYONE);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const expectedSigner = choice === ANYONE ? null : choice === TYPED ? normaliseFingerprint(typed) : choice;
    if (choice === TYPED && !expectedSigner) {
      setError('Certificate fingerprint: type or paste its 64 hex digits (SHA-256), with or without colons');
      return;
    }
    setBusy(true);
    try {
      const report = await api.verifyBundle({ expectedSigner });
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
        <label className="field">
          <span className="field-label">Must be signed by</span>
          <select value={choice} aria-label="Must be signed by" onChange={(e) => setChoice(e.target.value)}>
            <option value={ANYONE}>Anyone: report who signed it</option>
            {identities.map((i) => (
              <option key={i.id} value={i.fingerprint}>
                {i.name}
                {i.organisation && `, ${i.organisation}`} ({i.fingerprint.slice(0, 11)}…)
              </option>
            ))}
            <option value={TYPED}>The certificate with this fingerprint…</option>
          </select>
        </label>
        {choice === TYPED && (
          <label className="field">
            <span className="field-label">Certificate fingerprint (SHA-256)</span>
            <input className="mono" value={typed} aria-label="Certificate fingerprint (SHA-256)" placeholder="3F:A1:…" onChange={(e) => setTyped(e.target.value)} />
          </label>
        )}
        <FormFooter error={error} onCancel={onClose} submit={busy ? 'Verifying…' : 'Choose bundle…'} disabled={busy} />
      </form>
    </Modal>
  );
}
