import { annotationImpact, removeAnnotation } from '../../../shared/claims/evidence-edits';
import { annotatedWords, resolveTarget, type TargetCatalog } from '../../../shared/claims/targets';
import { markerFromAnnotation } from '../../../shared/analysis/marker-edits';
import type { Annotation } from '../../../shared/model/records';
import { useConfirm } from '../../components/use-confirm';
import { commitEdit } from './claims-store';
import { db } from '../../db/db';
import { formatTime } from '../../format';
import { useCaseActions } from '../cases';
import { useCaseEvidence } from './use-case-evidence';

/** Annotations with what they mark, who made them and when; each can be opened, linked or removed. */
export function AnnotationsList({ annotations, catalog, showTarget = true }: { annotations: readonly Annotation[]; catalog: TargetCatalog; showTarget?: boolean }) {
  const { caseId, actor, openPlace, linkToClaim } = useCaseActions();
  const evidence = useCaseEvidence(caseId);
  const [confirmation, confirm] = useConfirm();
  if (annotations.length === 0) return <p className="muted small">No annotations.</p>;

  const remove = async (annotation: Annotation) => {
    const unlinked = evidence ? annotationImpact(evidence.state, annotation.id) : [];
    const ok = await confirm({
      title: 'Remove annotation',
      confirmLabel: 'Remove',
      danger: true,
      message: (
        <>
          <p>
            Remove the annotation “{annotation.label}” by {annotation.author}? The removal is recorded in the case history.
          </p>
          {unlinked.length > 0 && (
            <>
              <p>It is linked as evidence; these links will be removed too:</p>
              <ul>
                {unlinked.map((l) => (
                  <li key={l.id}>{l.note || '(no note)'}</li>
                ))}
              </ul>
            </>
          )}
        </>
      ),
    });
    if (ok) await commitEdit(db, caseId, (s) => removeAnnotation(s, annotation.id, actor));
  };

  return (
    <>
      <table className="table annotations-table">
        <thead>
          <tr>
            <th>Label</th>
            {showTarget && <th>On</th>}
            <th>Comment</th>
            <th>By</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {[...annotations]
            .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
            .map((a) => {
              const resolved = resolveTarget(a.target, catalog);
              return (
                <tr key={a.id} className={resolved.broken ? 'broken' : undefined}>
                  <td>
                    <span className="label-tag">{a.label}</span>
                  </td>
                  {showTarget && (
                    <td>
                      {resolved.title}
                      {resolved.broken ? <div className="broken-reason">Broken: {resolved.reason}</div> : resolved.quote && <div className="quote small">“{resolved.quote}”</div>}
                    </td>
                  )}
                  <td>{a.comment || <span className="muted">—</span>}</td>
                  <td className="nowrap small">
                    {a.author}
                    <br />
                    <span className="muted">{formatTime(a.createdAt)}</span>
                  </td>
                  <td className="row-actions">
                    {showTarget && !resolved.broken && (
                      <button type="button" onClick={() => openPlace({ kind: 'evidence', target: a.target })}>
                        Open
                      </button>
                    )}
                    <button type="button" onClick={() => linkToClaim({ kind: 'annotation', id: a.id })} disabled={resolved.broken}>
                      Link to claim…
                    </button>
                    {!resolved.broken && annotatedWords(a.target, catalog) !== null && (
                      <button type="button" title="Count these words in every model’s answers (a post hoc marker)" onClick={() => void commitEdit(db, caseId, (s) => markerFromAnnotation(s, a, catalog, actor))}>
                        Make marker
                      </button>
                    )}
                    <button type="button" className="danger-quiet" onClick={() => void remove(a)}>
                      Remove…
                    </button>
                  </td>
                </tr>
              );
            })}
        </tbody>
      </table>
      {confirmation}
    </>
  );
}
