import { useEffect, useState } from 'react';
import type { IdentitySummary } from '../../shared/ipc/contract';
import { api } from '../api';
import { Modal } from './Modal';

/** Your name: the name, and the signing identity if any, recorded with every change you make. */
export function ActorForm({ actor, identity, onSave, onClose }: { actor: string; identity: string | null; onSave: (name: string, fingerprint: string | null) => void; onClose: () => void }) {
  const [name, setName] = useState(actor);
  const [fingerprint, setFingerprint] = useState(identity ?? '');
  const [identities, setIdentities] = useState<IdentitySummary[]>([]);
  useEffect(() => void api.listIdentities().then(setIdentities, () => setIdentities([])), []);
  return (
    <Modal title="Your name" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onSave(name, fingerprint || null);
        }}
      >
        <label className="field">
          <span className="field-label">Name recorded in the case history</span>
          <input name="actor" value={name} autoFocus onChange={(e) => setName(e.target.value)} />
          {!name.trim() && <span className="field-error">A name is required</span>}
        </label>
        <label className="field">
          <span className="field-label">Signing identity recorded with each change</span>
          <select value={fingerprint} onChange={(e) => setFingerprint(e.target.value)}>
            <option value="">None: the name only</option>
            {identities.map((i) => (
              <option key={i.id} value={i.fingerprint}>
                {i.name}
                {i.organisation ? `, ${i.organisation}` : ''} ({i.fingerprint.slice(0, 11)}…)
              </option>
            ))}
          </select>
        </label>
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!name.trim()}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
