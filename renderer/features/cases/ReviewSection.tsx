import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { checkSignOffs, countsInWords, describeSignOff, reviewCounts, reviewItems, type ReviewItem, type ReviewState, type SignOffCheck } from '../../../shared/audit/review';
import type { IdentitySummary } from '../../../shared/ipc/contract';
import { api } from '../../api';
import { errorText, useNotify } from '../../components/notices';
import { db } from '../../db/db';
import { formatTime } from '../../format';
import { caseForReview, markInCase, signOffInCase } from './review-store';
import { enterReview, leaveReview, reviewModeOf } from '../../db/review-modes';

const STATE_WORDS: Record<ReviewItem['state'], string> = { approved: 'Approved', reviewed: 'Reviewed', questioned: 'Questioned', unreviewed: 'Unreviewed' };

/**
 * The reviewer's page: the case opened for review (read-only), each exhibit,
 * claim, element, link and finding with its mark, what is still unreviewed,
 * and the sign-offs, checked.
 */
export function ReviewSection({ caseId, actor, eventCount }: { caseId: string; actor: string; eventCount: number | undefined }) {
  const notify = useNotify();
  const mode = useLiveQuery(() => reviewModeOf(db, caseId), [caseId]);
  const data = useLiveQuery(() => caseForReview(db, caseId), [caseId, eventCount]);
  const [signOffs, setSignOffs] = useState<SignOffCheck[]>([]);
  const [questioning, setQuestioning] = useState<string | null>(null);
  const [note, setNote] = useState('');
  useEffect(() => {
    if (data) void checkSignOffs(data.audit).then(setSignOffs);
  }, [data]);
  if (!data) return <p className="muted">Loading…</p>;
  const items = reviewItems(data);
  const counts = reviewCounts(items);
  const mark = (item: ReviewItem, state: ReviewState, text = '') =>
    markInCase(db, caseId, item, state, text, actor).then(
      (done) => {
        setQuestioning(null);
        setNote('');
        notify('success', `${done}.`);
      },
      (error: unknown) => notify('error', `Not marked: ${errorText(error)}`),
    );
  return (
    <section aria-labelledby="review-heading">
      <div className="section-head">
        <h2 id="review-heading">Review</h2>
        {mode ? (
          <button type="button" onClick={() => void leaveReview(db, caseId)}>
            Leave review mode
          </button>
        ) : (
          <button type="button" className="primary" onClick={() => void enterReview(db, caseId, actor)}>
            Open for review
          </button>
        )}
      </div>
      <p data-testid="review-counts">
        {counts.unreviewed === 0 ? 'Everything is marked: ' : `${counts.unreviewed} of ${items.length} still unreviewed: `}
        {countsInWords(counts)}. A mark holds for the record as it was read; a record changed after its mark is unreviewed again.
      </p>
      <SignOff caseId={caseId} actor={actor} bundles={data.bundles} />
      {signOffs.length > 0 && (
        <ul className="plain" aria-label="Sign-offs">
          {signOffs.map((check) => (
            <li key={check.seq} className={check.ok ? undefined : 'bad'}>
              Event #{check.seq}: {describeSignOff(check)}
            </li>
          ))}
        </ul>
      )}
      <table className="table" aria-label="Review items">
        <thead>
          <tr>
            <th>Item</th>
            <th>State</th>
            <th>Note</th>
            <th>Mark</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={`${item.table}/${item.id}`} data-state={item.state}>
              <td>{item.label}</td>
              <td>
                {STATE_WORDS[item.state]}
                {item.changedSince && <span className="muted small"> (changed since it was marked)</span>}
                {item.mark && !item.changedSince && <span className="muted small"> by {item.mark.actor}, {formatTime(item.mark.at)}</span>}
              </td>
              <td>{item.mark?.note}</td>
              <td className="actions">
                {questioning === `${item.table}/${item.id}` ? (
                  <form
                    onSubmit={(event: FormEvent) => {
                      event.preventDefault();
                      void mark(item, 'questioned', note);
                    }}
                  >
                    <input aria-label="What is in doubt" value={note} onChange={(e) => setNote(e.target.value)} autoFocus />
                    <button type="submit">Save question</button>
                  </form>
                ) : (
                  <>
                    <button type="button" onClick={() => void mark(item, 'approved')}>
                      Approve
                    </button>
                    <button type="button" onClick={() => void mark(item, 'reviewed')}>
                      Reviewed
                    </button>
                    <button type="button" onClick={() => setQuestioning(`${item.table}/${item.id}`)}>
                      Question…
                    </button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const UNSIGNED = '';
const WHOLE_CASE = '';

/** Sign off the case or one bundle, signed by one of this computer's identities, or unsigned (which names the reviewer and proves nothing). */
function SignOff({ caseId, actor, bundles }: { caseId: string; actor: string; bundles: readonly { id: string; fileName: string }[] }) {
  const notify = useNotify();
  const [identities, setIdentities] = useState<IdentitySummary[]>([]);
  const [identityId, setIdentityId] = useState(UNSIGNED);
  const [bundleId, setBundleId] = useState(WHOLE_CASE);
  const [passphrase, setPassphrase] = useState('');
  useEffect(() => void api.listIdentities().then((list) => {
    setIdentities(list);
    if (list[0]) setIdentityId(list[0].id);
  }, () => setIdentities([])), []);
  const identity = identities.find((i) => i.id === identityId);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sealing = identity ? { identityId: identity.id, ...(identity.protection === 'passphrase' ? { passphrase } : {}) } : null;
    signOffInCase(db, caseId, identity?.name ?? actor, bundleId || null, sealing).then(
      (done) => notify('success', `${done}.`),
      (error: unknown) => notify('error', `Not signed off: ${errorText(error)}`),
    );
  };
  return (
    <form className="sign-off" onSubmit={submit} aria-label="Sign off">
      <label>
        Sign off
        <select value={bundleId} onChange={(e) => setBundleId(e.target.value)}>
          <option value={WHOLE_CASE}>the case as it is now</option>
          {bundles.map((b) => (
            <option key={b.id} value={b.id}>
              the bundle {b.fileName}
            </option>
          ))}
        </select>
      </label>
      <label>
        Signed by
        <select value={identityId} onChange={(e) => setIdentityId(e.target.value)}>
          {identities.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
              {i.organisation ? `, ${i.organisation}` : ''}
            </option>
          ))}
          <option value={UNSIGNED}>Not signed: name {actor} only</option>
        </select>
      </label>
      {identity?.protection === 'passphrase' && (
        <label>
          Passphrase
          <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
        </label>
      )}
      <button type="submit" className="primary">
        Sign off
      </button>
    </form>
  );
}
