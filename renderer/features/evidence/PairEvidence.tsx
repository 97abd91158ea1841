import { annotationsOn } from '../../../shared/claims/targets';
import { useState } from 'react';
import { fieldOutput, type OutputPair, type Span } from '../../../shared/model/records';
import { AnnotationsList } from '../claims/AnnotationsList';
import { useCaseActions } from '../claims/case-actions';
import { useCaseEvidence } from '../claims/use-case-evidence';
import { Modal } from '../../components/Modal';
import { SelectableText, annotationHighlights } from '../../components/SelectableText';

type Field = 'original' | 'suspect' | 'control';

/**
 * One output pair as evidence: each text with its annotations, the span a
 * link points at highlighted, and selection to annotate or link a span.
 */
export function PairEvidence({ pair, focus, onClose }: { pair: OutputPair; focus?: { field?: Field | 'prompt'; span?: Span; model?: string }; onClose: () => void }) {
  const { caseId, linkToClaim } = useCaseActions();
  const [otherModel, setOtherModel] = useState(focus?.field === 'control' ? focus.model : undefined);
  const evidence = useCaseEvidence(caseId);
  if (!evidence) return null;
  const annotations = evidence.state.annotations.filter((a) => a.target.kind === 'outputPair' && a.target.id === pair.id);
  const other = fieldOutput(pair, 'control', otherModel);
  const outputs = { original: pair.original, suspect: pair.suspect, control: other };
  const fields = (['original', 'suspect', 'control'] as const).filter((f) => outputs[f]);
  const modelOf = (field: Field) => (field === 'control' ? other?.model : undefined);
  const focusOn = (field: Field) => (focus?.field === field && focus.span && (field !== 'control' || focus.model === undefined || focus.model === other?.model) ? [{ ...focus.span, className: 'focused', title: 'The linked span' }] : []);
  return (
    <Modal title={`Pair ${pair.promptId}`} wide onClose={onClose}>
      <p className="pair-prompt">
        <span className="muted small">Prompt </span>
        {pair.prompt}
      </p>
      <p className="muted small">Select text in an output to annotate it or link it to a claim. Annotated spans are underlined; hover for the label and comment.</p>
      {pair.others.length > 1 && (
        <label className="field inline">
          <span className="field-label">Third column</span>
          <select aria-label="Other model shown" value={other?.model ?? ''} onChange={(e) => setOtherModel(e.target.value)}>
            {pair.others.map((o) => (
              <option key={o.model} value={o.model}>
                {o.model}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className={`pair-columns cols-${fields.length}`}>
        {fields.map((field) => {
          const output = outputs[field]!;
          return (
            <section key={field} className="pair-column" aria-label={`${field === 'control' ? 'other model' : field} output`}>
              <h3>
                {field === 'control' ? 'Other model' : field[0]!.toUpperCase() + field.slice(1)} · {output.model}
              </h3>
              <p className="muted small">line {output.ref.line} of its source</p>
              <SelectableText
                text={output.text}
                target={{ kind: 'outputPair', id: pair.id, field, ...(modelOf(field) && { model: modelOf(field) }) }}
                highlights={[...annotationHighlights(annotationsOn(annotations, 'outputPair', pair.id, field, modelOf(field))), ...focusOn(field)]}
              />
            </section>
          );
        })}
      </div>
      <h3>Annotations on this pair</h3>
      <AnnotationsList annotations={annotations} catalog={evidence.catalog} showTarget={true} />
      <div className="modal-actions">
        <button type="button" onClick={() => linkToClaim({ kind: 'outputPair', id: pair.id })}>
          Link whole pair to claim…
        </button>
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
