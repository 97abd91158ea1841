import { isCalendarDate } from '../../../shared/time-format';
import { chunksOfRows } from '../../../shared/log-store/log-chunks';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { accountTerms, tosTimeline, versionInForce } from '../../../shared/analysis/tos-timeline';
import { db } from '../../db/db';
import { accountRows } from '../../db/log-store';
import { formatTime } from '../../format';
import { recordsOf } from '../../db/case-store';

/** Which versions governed one account over its activity in the logs (read through the account postings). */
function AccountTermsLookup({ caseId, timelines }: { caseId: string; timelines: ReturnType<typeof tosTimeline> }) {
  const [account, setAccount] = useState('');
  const id = account.trim();
  // undefined while the rows load; { terms: null } when the account has none.
  const found = useLiveQuery(async () => {
    if (!id) return { terms: null };
    const rows = await accountRows(db, caseId, id);
    return { terms: (await accountTerms(chunksOfRows(rows), timelines))[0] ?? null };
  }, [caseId, id, timelines]);
  const terms = found?.terms;
  return (
    <div className="account-terms">
      <label className="field inline">
        <span className="field-label">Terms over an account’s activity</span>
        <input aria-label="Account" placeholder="account id" value={account} onChange={(e) => setAccount(e.target.value)} />
      </label>
      {found && !terms && id && <p className="muted small">No log rows with a time for account “{id}”.</p>}
      {terms && (
        <p className="small" data-testid="account-terms">
          {terms.account} was active from {formatTime(terms.firstSeen)} to {formatTime(terms.lastSeen)}: {terms.inForce.map((d) => `${d.title}, ${d.versions.length ? `the version${d.versions.length > 1 ? 's' : ''} effective ${d.versions.join(' and ')}` : 'no version in force'}`).join('; ')}.
        </p>
      )}
    </div>
  );
}

/** Which version of each terms document governed on a date the user picks, and over an account's activity. */
export function InForcePanel({ caseId }: { caseId: string }) {
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const timelines = useLiveQuery(async () => {
    const [documents, versions] = await Promise.all([recordsOf(db, 'tosDocuments', caseId), recordsOf(db, 'tosVersions', caseId)]);
    return tosTimeline(documents, versions);
  }, [caseId]);
  if (!timelines?.length) return null;
  return (
    <div className="in-force">
      <label className="field inline">
        <span className="field-label">In force on</span>
        <input aria-label="In force on" placeholder="YYYY-MM-DD" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <ul className="in-force-list">
        {timelines.map((t) => {
          const v = isCalendarDate(date) ? versionInForce(t.versions, date) : null;
          return (
            <li key={t.documentId} data-document={t.title}>
              <strong>{t.title}</strong>:{' '}
              {v ? (
                <>
                  the version effective <span className="mono">{v.effectiveDate}</span>
                  {v.until ? ` (until ${v.until})` : ' (the latest)'}
                </>
              ) : (
                <span className="warn">no version was in force yet{t.versions[0] ? `; the first took effect on ${t.versions[0].effectiveDate}` : ''}</span>
              )}
            </li>
          );
        })}
      </ul>
      <AccountTermsLookup caseId={caseId} timelines={timelines} />
    </div>
  );
}
