import { useState } from 'react';
import type { ChartClaim, ChartElement, ChartEvidence } from '../../../shared/claims/claim-chart';
import { addElement, claimImpact, deleteClaim, deleteElement, elementImpact, moveClaim, moveElement, updateElement } from '../../../shared/claims/claim-edits';
import { removeLink, updateLink } from '../../../shared/claims/evidence-edits';
import { TARGET_KIND_LABELS } from '../../../shared/claims/targets';
import type { CaseEdit, ClaimsState } from '../../../shared/claims/case-edit';
import { useCaseActions } from '../cases';
import type { ConfirmOptions } from '../../components/use-confirm';
import { formatDate } from '../../format';

/**
 * Evidence shown under an element before "Show all": the chart is read as a
 * summary (the counts cover everything), and rendering thousands of links at
 * once made opening it take seconds.
 */
const EVIDENCE_SHOWN = 5;

interface CardProps {
  chartClaim: ChartClaim;
  state: ClaimsState;
  focusElement?: string;
  confirm: (options: ConfirmOptions) => Promise<boolean>;
  onEditClaim: () => void;
  onAddEvidence: (elementId: string) => void;
  /** Commits an edit; a refusal is shown by the section, which owns the one error banner of the chart. */
  commit: Commit;
}

type Commit = (build: (state: ClaimsState) => CaseEdit) => Promise<boolean>;

/** A text edited in place (an element, a link's note); it closes once the edit is saved. */
function InlineEdit({ label, initial, onSave, onDone }: { label: string; initial: string; onSave: (text: string) => Promise<boolean>; onDone: () => void }) {
  const [text, setText] = useState(initial);
  return (
    <div className="inline-edit">
      <textarea value={text} onChange={(e) => setText(e.target.value)} rows={2} aria-label={label} />
      <button type="button" className="primary" onClick={() => void onSave(text).then((ok) => ok && onDone())}>
        Save
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </div>
  );
}

function EvidenceRow({ item, confirm, commit }: { item: ChartEvidence; confirm: CardProps['confirm']; commit: Commit }) {
  const { actor, openPlace } = useCaseActions();
  const [editing, setEditing] = useState(false);
  const { link, resolved } = item;
  // The link and its note go together; the history keeps them, but nothing here brings them back.
  const unlink = async () => {
    const ok = await confirm({
      title: 'Unlink evidence',
      message: (
        <p>
          Unlink <strong>{resolved.title}</strong> from this element? {link.note ? 'Its note goes with it.' : ''} The history records the removal.
        </p>
      ),
      confirmLabel: 'Unlink',
      danger: true,
    });
    if (ok) await commit((s) => removeLink(s, link.id, actor));
  };
  return (
    <li className={['evidence', link.stance, resolved.broken && 'broken'].filter(Boolean).join(' ')}>
      <div className="evidence-head">
        <span className="kind-tag">{TARGET_KIND_LABELS[link.target.kind]}</span>
        <span className={`stance-tag ${link.stance}`}>{link.stance}</span>
        {resolved.broken ? (
          <span>
            {resolved.title} <span className="broken-reason">Broken: {resolved.reason}</span>
          </span>
        ) : (
          <button type="button" className="link" onClick={() => openPlace({ kind: 'evidence', target: link.target })} title="Open it where it lives">
            {resolved.title}
          </button>
        )}
      </div>
      {!resolved.broken && resolved.quote && <div className="quote small">“{resolved.quote}”</div>}
      {editing ? (
        <InlineEdit label="Note" initial={link.note} onSave={(note) => commit((s) => updateLink(s, link.id, { note: note.trim(), stance: link.stance }, actor))} onDone={() => setEditing(false)} />
      ) : (
        <p className="evidence-note">{link.note || <span className="muted">No note.</span>}</p>
      )}
      <div className="evidence-actions small">
        <span className="muted">
          linked by {link.createdBy}, {formatDate(link.createdAt)}
        </span>
        <button type="button" className="link" onClick={() => setEditing(true)}>
          Edit note
        </button>
        <button type="button" className="link" onClick={() => void commit((s) => updateLink(s, link.id, { note: link.note, stance: link.stance === 'supports' ? 'undermines' : 'supports' }, actor))}>
          Mark as {link.stance === 'supports' ? 'undermining' : 'supporting'}
        </button>
        <button type="button" className="link danger-quiet" onClick={() => void unlink()}>
          Unlink
        </button>
      </div>
    </li>
  );
}

function ElementRow({ row, state, focused, confirm, onAddEvidence, commit }: { row: ChartElement; state: ClaimsState; focused: boolean; confirm: CardProps['confirm']; onAddEvidence: () => void; commit: Commit }) {
  const { actor } = useCaseActions();
  const [editing, setEditing] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const { element } = row;
  const shown = showAll ? row.evidence : row.evidence.slice(0, EVIDENCE_SHOWN);
  const remove = async () => {
    const links = elementImpact(state, element.id);
    const ok = await confirm({
      title: 'Delete element',
      confirmLabel: 'Delete element',
      danger: true,
      message: (
        <>
          <p>Delete “{element.text}”?</p>
          {links.length > 0 ? <p>{links.length} piece{links.length === 1 ? '' : 's'} of evidence will be unlinked from it (the evidence itself stays in the case).</p> : <p>No evidence is linked to it.</p>}
        </>
      ),
    });
    if (ok) await commit((s) => deleteElement(s, element.id, actor));
  };
  return (
    <li className={['element', row.unsupported && 'unsupported', focused && 'focused'].filter(Boolean).join(' ')} data-element={element.id}>
      <div className="element-head">
        <span className="element-number">{element.order + 1}</span>
        {editing ? (
          <InlineEdit label="Element text" initial={element.text} onSave={(text) => commit((s) => updateElement(s, element.id, text, actor))} onDone={() => setEditing(false)} />
        ) : (
          <p className="element-text">{element.text}</p>
        )}
        <span className="element-counts" aria-label="Evidence counts">
          {row.unsupported && <span className="unsupported-tag">No supporting evidence</span>}
          <span title="supporting">{row.supporting} supporting</span>
          {row.undermining > 0 && <span title="undermining"> · {row.undermining} undermining</span>}
          {row.broken > 0 && <span className="broken-reason"> · {row.broken} broken</span>}
        </span>
      </div>
      {row.evidence.length > 0 && (
        <ul className="evidence-list">
          {shown.map((item) => (
            <EvidenceRow key={item.link.id} item={item} confirm={confirm} commit={commit} />
          ))}
          {shown.length < row.evidence.length && (
            <li>
              <button type="button" className="link small" onClick={() => setShowAll(true)}>
                Show all {row.evidence.length} pieces of evidence ({row.evidence.length - shown.length} more)
              </button>
            </li>
          )}
        </ul>
      )}
      <div className="element-actions small">
        <button type="button" onClick={onAddEvidence}>
          Add evidence…
        </button>
        <button type="button" className="link" onClick={() => setEditing(true)}>
          Edit
        </button>
        <button type="button" className="link" aria-label="Move element up" onClick={() => void commit((s) => moveElement(s, element.id, -1, actor))}>
          ↑
        </button>
        <button type="button" className="link" aria-label="Move element down" onClick={() => void commit((s) => moveElement(s, element.id, 1, actor))}>
          ↓
        </button>
        <button type="button" className="link danger-quiet" onClick={() => void remove()}>
          Delete…
        </button>
      </div>
    </li>
  );
}

/** One claim of the chart: its theory, its elements and the evidence under each. */
export function ClaimCard({ chartClaim, state, focusElement, confirm, onEditClaim, onAddEvidence, commit }: CardProps) {
  const { actor } = useCaseActions();
  const [newElement, setNewElement] = useState('');
  const { claim } = chartClaim;
  const remove = async () => {
    const { elements, links } = claimImpact(state, claim.id);
    const ok = await confirm({
      title: 'Delete claim',
      confirmLabel: 'Delete claim',
      danger: true,
      message: (
        <>
          <p>
            Delete “{claim.title}” and its {elements.length} element{elements.length === 1 ? '' : 's'}?
          </p>
          {links.length > 0 ? (
            <>
              <p>These links will be removed (the evidence itself stays in the case):</p>
              <ul>
                {links.slice(0, 12).map((l) => (
                  <li key={l.id}>{l.note || '(no note)'}</li>
                ))}
                {links.length > 12 && <li>… and {links.length - 12} more</li>}
              </ul>
            </>
          ) : (
            <p>No evidence is linked to it.</p>
          )}
        </>
      ),
    });
    if (ok) await commit((s) => deleteClaim(s, claim.id, actor));
  };
  return (
    <article className="claim-card" aria-label={`Claim ${claim.title}`} data-claim={claim.id}>
      <header className="claim-head">
        <div>
          <p className="claim-theory">{claim.theory}</p>
          <h3 className="claim-title">
            {claim.order + 1}. {claim.title}
          </h3>
          {claim.description && <p className="muted small">{claim.description}</p>}
        </div>
        <div className="actions small">
          {chartClaim.unsupported > 0 && (
            <span className="unsupported-tag">
              {chartClaim.unsupported} of {chartClaim.elements.length} elements unsupported
            </span>
          )}
          <button type="button" onClick={onEditClaim}>
            Edit…
          </button>
          <button type="button" aria-label="Move claim up" onClick={() => void commit((s) => moveClaim(s, claim.id, -1, actor))}>
            ↑
          </button>
          <button type="button" aria-label="Move claim down" onClick={() => void commit((s) => moveClaim(s, claim.id, 1, actor))}>
            ↓
          </button>
          <button type="button" className="danger-quiet" onClick={() => void remove()}>
            Delete…
          </button>
        </div>
      </header>
      <ol className="elements">
        {chartClaim.elements.map((row) => (
          <ElementRow key={row.element.id} row={row} state={state} focused={row.element.id === focusElement} confirm={confirm} onAddEvidence={() => onAddEvidence(row.element.id)} commit={commit} />
        ))}
      </ol>
      <form
        className="add-element"
        onSubmit={(e) => {
          e.preventDefault();
          void commit((s) => addElement(s, claim.id, newElement, actor)).then((ok) => ok && setNewElement(''));
        }}
      >
        <input value={newElement} onChange={(e) => setNewElement(e.target.value)} placeholder="Another element that must be proven…" aria-label={`New element of ${claim.title}`} />
        <button type="submit">Add element</button>
      </form>
    </article>
  );
}
