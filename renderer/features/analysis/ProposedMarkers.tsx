import { useLiveQuery } from 'dexie-react-hooks';
import { proposeCaseMarkers } from '../../../shared/analysis/case-markers';
import { addMarkers, type MarkerFields } from '../../../shared/analysis/marker-edits';
import { MARKER_KIND_LABELS } from '../../../shared/analysis/markers';
import { pairOutputs, type OutputPair } from '../../../shared/model/records';
import { caseRecord, recordsOf } from '../../db/case-store';
import { db } from '../../db/db';
import { commitEdit } from '../claims';

/**
 * Self-identification markers the plan proposes from the case itself (its
 * original and suspect as the draft names them, the parties, and those
 * models' answers), to add before the plan is recorded so they are declared.
 */
export function ProposedMarkers({ caseId, actor, models, pairs }: { caseId: string; actor: string; models: string[]; pairs: readonly OutputPair[] }) {
  const record = useLiveQuery(() => caseRecord(db, caseId), [caseId]);
  const markers = useLiveQuery(() => recordsOf(db, 'markers', caseId), [caseId]);
  if (!record || !markers) return null;
  const texts = pairs.flatMap((pair) => pairOutputs(pair).filter((o) => models.includes(o.model)).map((o) => o.text));
  const proposals = proposeCaseMarkers({ models, parties: record.parties, texts, existing: markers });
  if (proposals.length === 0) return null;
  const add = (list: readonly MarkerFields[]) => commitEdit(db, caseId, (state) => addMarkers(state, list, actor));
  return (
    <section className="proposed-markers" aria-label="Markers proposed from this case">
      <h4>Markers proposed from this case</h4>
      <p className="muted small">From the names of the original and the suspect, the parties, and the names and makers their answers give themselves, in the scripts the answers use. Added before the plan is recorded, they are declared with it.</p>
      <ul>
        {proposals.map((p) => (
          <li key={p.label}>
            <strong>{p.label}</strong> <span className="muted small">{MARKER_KIND_LABELS[p.kind]}</span> <code>{p.pattern}</code>{' '}
            <button type="button" aria-label={`Add marker ${p.label}`} onClick={() => void add([p])}>
              Add
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void add(proposals)}>
        Add all {proposals.length}
      </button>
    </section>
  );
}
