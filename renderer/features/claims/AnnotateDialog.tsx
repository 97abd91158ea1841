import { useState, type FormEvent } from 'react';
import { addAnnotation } from '../../../shared/claims/evidence-edits';
import { resolveTarget } from '../../../shared/claims/targets';
import type { Target } from '../../../shared/model/records';
import { FormFooter } from '../../components/FormFooter';
import { Modal } from '../../components/Modal';
import { useCaseActions } from '../cases';
import { useCommit } from './use-commit';
import { useCaseEvidence } from './use-case-evidence';

/** An expert's label and comment on a span of an output, a clause or a log row; author and time are recorded. */
export function AnnotateDialog({ target, onClose }: { target: Target; onClose: () => void }) {
  const { caseId, actor } = useCaseActions();
  const evidence = useCaseEvidence(caseId);
  const [label, setLabel] = useState('');
  const [comment, setComment] = useState('');
  const { error, commit } = useCommit();
  if (!evidence) return null;
  const resolved = resolveTarget(target, evidence.catalog);
  const labels = [...evidence.state.annotationLabels].sort((a, b) => a.order - b.order);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await commit((s) => addAnnotation(s, { target, label, comment: comment.trim() }, actor).edit)) onClose();
  };

  return (
    <Modal title="Annotate" onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} className="form">
        <p className="evidence-title">{resolved.title}</p>
        {!resolved.broken && resolved.quote && <blockquote className="quote">{resolved.quote}</blockquote>}
        <label className="field">
          <span className="field-label">Label</span>
          <select value={label} onChange={(e) => setLabel(e.target.value)} aria-label="Label">
            <option value="">Choose a label…</option>
            {labels.map((l) => (
              <option key={l.id} value={l.name}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Comment</span>
          <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={4} aria-label="Comment" />
        </label>
        <p className="muted small">Recorded as made by {actor} now. The list of labels is edited under Claims › Annotations.</p>
        <FormFooter error={error} onCancel={onClose} submit="Save annotation" />
      </form>
    </Modal>
  );
}
