import { useState, type FormEvent } from 'react';
import { addLink } from '../../../shared/claims/evidence-edits';
import { resolveTarget, TARGET_KIND_LABELS } from '../../../shared/claims/targets';
import type { EvidenceLink, Target } from '../../../shared/model/records';
import { FormFooter } from '../../components/FormFooter';
import { Modal } from '../../components/Modal';
import { useCaseActions } from '../cases';
import { useCommit } from './use-commit';
import { useCaseEvidence } from './use-case-evidence';

/** Links one piece of evidence to an element, with a note saying what it shows. */
export function LinkDialog({ target, elementId, onClose }: { target: Target; elementId?: string; onClose: () => void }) {
  const { caseId, actor } = useCaseActions();
  const evidence = useCaseEvidence(caseId);
  const [chosen, setChosen] = useState(elementId ?? '');
  const [note, setNote] = useState('');
  const [stance, setStance] = useState<EvidenceLink['stance']>('supports');
  const { error, commit } = useCommit();
  if (!evidence) return null;
  const { state, catalog } = evidence;
  const resolved = resolveTarget(target, catalog);
  const claims = [...state.claims].sort((a, b) => a.order - b.order);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await commit((s) => addLink(s, { elementId: chosen, target, note: note.trim(), stance }, actor).edit)) onClose();
  };

  return (
    <Modal title="Link to claim" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} className="form">
        <p className="evidence-title">
          <span className="kind-tag">{TARGET_KIND_LABELS[target.kind]}</span> {resolved.title}
        </p>
        {!resolved.broken && resolved.quote && <blockquote className="quote">{resolved.quote}</blockquote>}
        {claims.length === 0 ? (
          <p className="banner banner-bad">This case has no claims yet: add one in Claims first.</p>
        ) : (
          <label className="field">
            <span className="field-label">Element</span>
            <select value={chosen} onChange={(e) => setChosen(e.target.value)} aria-label="Element" disabled={elementId !== undefined}>
              <option value="">Choose an element…</option>
              {claims.map((claim) => (
                <optgroup key={claim.id} label={claim.title}>
                  {state.elements
                    .filter((e) => e.claimId === claim.id)
                    .sort((a, b) => a.order - b.order)
                    .map((e) => (
                      <option key={e.id} value={e.id}>
                        {e.order + 1}. {e.text.length > 110 ? `${e.text.slice(0, 110)}…` : e.text}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span className="field-label">Note: what this shows</span>
          <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} aria-label="Note" placeholder="e.g. shows account acct_7f3a accepted v2 of the terms on 2025-06-03" />
        </label>
        <fieldset className="field stance">
          <legend className="field-label">Stance</legend>
          {(['supports', 'undermines'] as const).map((s) => (
            <label key={s} className="checkbox">
              <input type="radio" name="stance" checked={stance === s} onChange={() => setStance(s)} /> {s === 'supports' ? 'Supports the element' : 'Undermines it'}
            </label>
          ))}
        </fieldset>
        <FormFooter error={error} onCancel={onClose} submit="Link" disabled={claims.length === 0} />
      </form>
    </Modal>
  );
}
