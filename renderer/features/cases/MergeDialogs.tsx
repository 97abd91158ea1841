import { useState, type FormEvent } from 'react';
import type { MergeConflict, Side } from '../../../shared/audit/merge';
import { Modal } from '../../components/Modal';
import { formatTime } from '../../format';

export type ExistingCaseChoice = 'merge' | 'replace';

/** An archive of a case already here: merge the two, or replace the one here. */
export function ExistingCaseDialog({ title, onDone }: { title: string; onDone: (choice: ExistingCaseChoice | null) => void }) {
  return (
    <Modal title="This case is already on this computer" onClose={() => onDone(null)}>
      <div className="modal-body">
        <p>
          The archive holds a copy of <strong>“{title}”</strong>, which is already here.
        </p>
        <p>
          <strong>Merge</strong> brings the work done in each copy since they parted into one history, and asks you to choose wherever both changed the same record.{' '}
          <strong>Replace</strong> takes the archive’s copy and loses what was done here since.
        </p>
      </div>
      <div className="modal-actions">
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="button" className="danger" onClick={() => onDone('replace')}>
          Replace
        </button>
        <button type="button" className="primary" onClick={() => onDone('merge')} autoFocus>
          Merge
        </button>
      </div>
    </Modal>
  );
}

const NAMES: Record<Side, string> = { a: 'On this computer', b: 'In the archive' };

/** The records both copies changed, differently, side by side: a person chooses each; nothing is taken by default. */
export function MergeConflictsDialog({ conflicts, onDone }: { conflicts: readonly MergeConflict[]; onDone: (choices: Map<string, Side> | null) => void }) {
  const [choices, setChoices] = useState(new Map<string, Side>());
  const missing = conflicts.length - choices.size;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (missing === 0) onDone(choices);
  };
  return (
    <Modal title={`Choose between the two copies (${conflicts.length})`} onClose={() => onDone(null)}>
      <form className="form" onSubmit={submit}>
        <p className="muted small">Each record below was changed in both copies, differently. Choose the version to keep; the merge records your choice.</p>
        {conflicts.map((conflict) => (
          <fieldset key={conflict.key} className="conflict">
            <legend>{conflict.label}</legend>
            <div className="side-by-side">
              {(['a', 'b'] as const).map((side) => (
                <label key={side} className="conflict-side">
                  <input type="radio" name={conflict.key} checked={choices.get(conflict.key) === side} onChange={() => setChoices(new Map(choices).set(conflict.key, side))} />
                  <strong>{NAMES[side]}</strong>
                  <span className="muted small">
                    {conflict[side].record ? 'changed' : 'removed'} by {conflict[side].by.actor}, {formatTime(conflict[side].by.at)} ({conflict[side].by.action})
                  </span>
                  <ul className="plain small">
                    {conflict.fields.map((f) => (
                      <li key={f.field}>
                        {f.field}: “{side === 'a' ? f.a : f.b}”
                      </li>
                    ))}
                  </ul>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <div className="modal-actions">
          <button type="button" onClick={() => onDone(null)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={missing > 0}>
            {missing > 0 ? `Choose ${missing} more` : 'Merge'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
