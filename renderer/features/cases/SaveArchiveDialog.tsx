import { useEffect, useState, type FormEvent } from 'react';
import type { IdentitySummary } from '../../../shared/ipc/contract';
import { api } from '../../api';
import type { ArchiveSealing } from './archive-actions';
import { FormFooter } from '../../components/FormFooter';
import { Modal } from '../../components/Modal';
import { errorText } from '../../components/notices';

const UNSEALED = '';

/**
 * Save case archive…: whether to seal it, and with which identity. A seal
 * is what lets the archive's reader tell it is the case as the sealer left
 * it; unsealed, anyone could have rewritten it whole.
 */
export function SaveArchiveDialog({ onClose, onSave }: { onClose: () => void; onSave: (sealing: ArchiveSealing | null) => void }) {
  const [identities, setIdentities] = useState<IdentitySummary[] | null>(null);
  const [identityId, setIdentityId] = useState(UNSEALED);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.listIdentities().then(
      (list) => {
        setIdentities(list);
        if (list[0]) setIdentityId(list[0].id);
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, []);
  const identity = identities?.find((i) => i.id === identityId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (identity?.protection === 'passphrase' && !passphrase) {
      setError(`Passphrase: the identity of ${identity.name} needs its passphrase to seal`);
      return;
    }
    onSave(identity ? { identityId: identity.id, ...(identity.protection === 'passphrase' ? { passphrase } : {}) } : null);
  };
  return (
    <Modal title="Save case archive" onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <p className="muted small">The archive holds the whole case: records, history and every original file. Sealed, it carries your signature over its manifest (the history’s last hash and every entry’s SHA-256), so whoever opens it sees that you sealed it and that nothing changed since.</p>
        <label className="field">
          <span className="field-label">Seal with</span>
          <select value={identityId} aria-label="Seal with" onChange={(e) => setIdentityId(e.target.value)}>
            {identities?.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
                {i.organisation && `, ${i.organisation}`}
              </option>
            ))}
            <option value={UNSEALED}>Do not seal</option>
          </select>
        </label>
        {identities?.length === 0 && <p className="small muted">No signing identity on this computer: make one under Bundles to seal archives.</p>}
        {identity?.protection === 'passphrase' && (
          <label className="field">
            <span className="field-label">Passphrase of the identity</span>
            <input type="password" value={passphrase} aria-label="Passphrase of the identity" onChange={(e) => {
                setPassphrase(e.target.value);
                setError(null);
              }}
            />
          </label>
        )}
        <FormFooter error={error} onCancel={onClose} submit="Choose file and save…" />
      </form>
    </Modal>
  );
}
