import { useState, type FormEvent } from 'react';
import { addLabel, removeLabel, renameLabel } from '../../../shared/claims/evidence-edits';
import type { AnnotationLabel } from '../../../shared/model/records';
import { useCaseActions } from '../cases';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useCommit } from './use-commit';

/** The case's list of annotation labels; annotations already made keep the label they were given. */
export function LabelsPanel({ labels }: { labels: readonly AnnotationLabel[] }) {
  const { actor } = useCaseActions();
  const [name, setName] = useState('');
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const { error, commit: run } = useCommit();
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (await run((s) => addLabel(s, name, actor))) setName('');
  };
  return (
    <div className="labels-panel">
      <h3>Annotation labels</h3>
      <ul className="label-list">
        {[...labels]
          .sort((a, b) => a.order - b.order)
          .map((l) => (
            <li key={l.id}>
              {renaming?.id === l.id ? (
                <form
                  className="add-element"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void run((s) => renameLabel(s, l.id, renaming.name, actor)).then((ok) => ok && setRenaming(null));
                  }}
                >
                  <input value={renaming.name} onChange={(e) => setRenaming({ id: l.id, name: e.target.value })} aria-label={`New name for ${l.name}`} autoFocus />
                  <button type="submit">Save</button>
                </form>
              ) : (
                <>
                  <span className="label-tag">{l.name}</span>
                  <button type="button" className="link small" onClick={() => setRenaming({ id: l.id, name: l.name })}>
                    Rename
                  </button>
                </>
              )}
              <button type="button" className="link small danger-quiet" onClick={() => void run((s) => removeLabel(s, l.id, actor))} aria-label={`Remove label ${l.name}`}>
                Remove
              </button>
            </li>
          ))}
      </ul>
      <form className="add-element" onSubmit={(e) => void add(e)}>
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="New label" aria-label="New label" />
        <button type="submit">Add label</button>
      </form>
      <ErrorBanner error={error} />
    </div>
  );
}
