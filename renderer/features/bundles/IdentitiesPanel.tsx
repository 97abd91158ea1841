import { useState, type FormEvent } from 'react';
import type { IdentitySummary } from '../../../shared/ipc/contract';
import { api } from '../../api';
import { FormFooter } from '../../components/FormFooter';
import { Modal } from '../../components/Modal';
import { errorText } from '../../components/notices';
import { useConfirm } from '../../components/use-confirm';

function NewIdentityDialog({ onClose, onMade }: { onClose: () => void; onMade: () => void }) {
  const [fields, setFields] = useState({ name: '', organisation: '', email: '', passphrase: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await api.createIdentity(fields);
      onMade();
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const field = (name: keyof typeof fields, label: string, type = 'text') => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input type={type} value={fields[name]} aria-label={label} onChange={(e) => setFields({ ...fields, [name]: e.target.value })} />
    </label>
  );
  return (
    <Modal title="New signing identity" onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p className="muted small">A self-signed certificate and key for signing bundles. The key stays in this app’s own data on this computer, never in a case or an archive. A self-signed signature proves a bundle is unchanged; it does not prove who signed it as a certificate from an authority would.</p>
        {field('name', 'Name of the signer')}
        {field('organisation', 'Organisation')}
        {field('email', 'Email')}
        {field('passphrase', 'Passphrase (at least 8 characters)', 'password')}
        <FormFooter error={error} onCancel={onClose} submit={busy ? 'Creating…' : 'Create identity'} disabled={busy} />
      </form>
    </Modal>
  );
}

function ImportIdentityDialog({ onClose, onMade }: { onClose: () => void; onMade: () => void }) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      if (await api.importIdentity(passphrase)) {
        onMade();
        onClose();
      }
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <Modal title="Import signing identity" onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <p className="muted small">Choose a PKCS#12 file (.p12 or .pfx) with its certificate and key; its passphrase opens it here to check it before it is kept.</p>
        <label className="field">
          <span className="field-label">Passphrase of the file</span>
          <input type="password" value={passphrase} aria-label="Passphrase of the file" onChange={(e) => setPassphrase(e.target.value)} />
        </label>
        <FormFooter error={error} onCancel={onClose} submit="Choose file…" />
      </form>
    </Modal>
  );
}

/** The signing identities kept on this computer, for every case. */
export function IdentitiesPanel({ identities, onChanged }: { identities: IdentitySummary[]; onChanged: () => void }) {
  const [dialog, setDialog] = useState<'new' | 'import' | null>(null);
  const [confirmation, confirm] = useConfirm();
  const remove = async (identity: IdentitySummary) => {
    const ok = await confirm({ title: 'Remove signing identity', confirmLabel: 'Remove', danger: true, message: <p>Remove the identity of {identity.name} from this computer? Bundles it signed stay valid; it can sign no more unless imported again from a .p12.</p> });
    if (!ok) return;
    await api.removeIdentity(identity.id);
    onChanged();
  };
  return (
    <div className="identities">
      <div className="section-head">
        <h3>Signing identities on this computer</h3>
        <div className="actions">
          <button type="button" onClick={() => setDialog('import')}>
            Import .p12…
          </button>
          <button type="button" onClick={() => setDialog('new')}>
            New identity…
          </button>
        </div>
      </div>
      {identities.length === 0 ? (
        <p className="muted small">None yet. Create a self-signed identity or import a .p12 to sign bundles; without one, a bundle is exported unsigned and says so on its cover.</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Signer</th>
              <th>Certificate SHA-256</th>
              <th>Valid to</th>
              <th>Key kept</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {identities.map((i) => (
              <tr key={i.id}>
                <td>
                  {i.name}
                  <div className="muted small">{[i.organisation, i.email].filter(Boolean).join(' · ')}</div>
                </td>
                <td className="mono hash" title={i.fingerprint}>
                  {i.fingerprint.slice(0, 23)}…{i.selfSigned ? ' (self-signed)' : ''}
                </td>
                <td className="nowrap">{i.validTo.slice(0, 10)}</td>
                <td className="small">{i.protection === 'os' ? 'sealed by the system' : 'passphrase asked at signing'}</td>
                <td className="row-actions">
                  <button type="button" className="danger-quiet" onClick={() => void remove(i)}>
                    Remove…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {dialog === 'new' && <NewIdentityDialog onClose={() => setDialog(null)} onMade={onChanged} />}
      {dialog === 'import' && <ImportIdentityDialog onClose={() => setDialog(null)} onMade={onChanged} />}
      {confirmation}
    </div>
  );
}
