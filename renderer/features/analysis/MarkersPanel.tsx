import { useState } from 'react';
import { MARKER_KIND_LABELS } from '../../../shared/analysis/markers';
import { MarkerKind, type Marker } from '../../../shared/model/records';
import { useConfirm } from '../../components/use-confirm';
import { db } from '../../db/db';
import { removeMarker, saveMarker, type MarkerFields } from '../../../shared/analysis/marker-edits';
import { commitEdit } from '../claims';

const BLANK: MarkerFields = { kind: 'self-identification', label: '', pattern: '', regex: false };

/** One marker being added or edited; the error says which field is wrong. */
function MarkerEditor({ initial, onSave, onCancel }: { initial: MarkerFields; onSave: (fields: MarkerFields) => Promise<void>; onCancel: () => void }) {
  const [fields, setFields] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const set = (change: Partial<MarkerFields>) => setFields({ ...fields, ...change });
  const submit = async () => {
    try {
      await onSave(fields);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <form
      className="marker-editor"
      aria-label="Marker"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="field-row compact">
        <label className="field">
          <span className="field-label">Kind</span>
          <select value={fields.kind} onChange={(e) => set({ kind: MarkerKind.parse(e.target.value) })}>
            {MarkerKind.options.map((k) => (
              <option key={k} value={k}>
                {MARKER_KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Label</span>
          <input name="label" value={fields.label} onChange={(e) => set({ label: e.target.value })} />
        </label>
        <label className="field wide">
          <span className="field-label">Pattern</span>
          <input name="pattern" value={fields.pattern} onChange={(e) => set({ pattern: e.target.value })} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={fields.regex} onChange={(e) => set({ regex: e.target.checked })} /> Regular expression
        </label>
        <button type="submit" className="primary">
          Save marker
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/**
 * The case's marker list: phrases the analysis looks for in every output.
 * It is data, kept in the case and recorded in every analysis that used it.
 */
export function MarkersPanel({ caseId, actor, markers }: { caseId: string; actor: string; markers: Marker[] }) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [confirmElement, confirm] = useConfirm();
  const sorted = [...markers].sort((a, b) => a.order - b.order);
  const remove = async (marker: Marker) => {
    if (await confirm({ title: 'Remove marker', message: `Remove “${marker.label}” from this case's markers? Analyses already saved as findings keep the list they used.`, confirmLabel: 'Remove', danger: true })) {
      await commitEdit(db, marker.caseId, (state) => removeMarker(state, marker.id, actor));
    }
  };
  return (
    <details className="markers-panel">
      <summary>
        Markers the analysis looks for ({markers.length}): self-identification, refusal templates, characteristic phrases
      </summary>
      <p className="muted small">Literal text matches whole words in any case; a regular expression is matched as written, ignoring case. Matches are highlighted in the pair view and counted per model.</p>
      <table className="table markers-table">
        <thead>
          <tr>
            <th>Kind</th>
            <th>Label</th>
            <th>Pattern</th>
            <th aria-label="Actions" />
          </tr>
        </thead>
        <tbody>
          {sorted.map((m) =>
            editing === m.id ? (
              <tr key={m.id}>
                <td colSpan={4}>
                  <MarkerEditor initial={m} onCancel={() => setEditing(null)} onSave={async (fields) => {
                      await commitEdit(db, caseId, (state) => saveMarker(state, fields, actor, m.id));
                      setEditing(null);
                    }}
                  />
                </td>
              </tr>
            ) : (
              <tr key={m.id}>
                <td className="nowrap small">{MARKER_KIND_LABELS[m.kind]}</td>
                <td>
                  {m.label}
                  {m.postHoc && <div className="muted small">post hoc: made from an annotated phrase; described, not tested</div>}
                </td>
                <td>
                  <code>{m.pattern}</code>
                  {m.regex && <span className="muted small"> (regular expression)</span>}
                </td>
                <td className="nowrap">
                  <button type="button" aria-label={`Edit marker ${m.label}`} onClick={() => setEditing(m.id)}>
                    Edit
                  </button>{' '}
                  <button type="button" aria-label={`Remove marker ${m.label}`} onClick={() => void remove(m)}>
                    Remove
                  </button>
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
      {editing === 'new' ? (
        <MarkerEditor initial={BLANK} onCancel={() => setEditing(null)} onSave={async (fields) => {
            await commitEdit(db, caseId, (state) => saveMarker(state, fields, actor));
            setEditing(null);
          }}
        />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>
          Add marker
        </button>
      )}
      {confirmElement}
    </details>
  );
}
