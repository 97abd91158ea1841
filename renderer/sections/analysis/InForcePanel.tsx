import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { tosTimeline, versionInForce } from '../../../shared/analysis/tos-timeline';
import { db } from '../../db/db';

/** Which version of each terms document governed on a date the user picks. */
export function InForcePanel({ caseId }: { caseId: string }) {
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const timelines = useLiveQuery(async () => {
    const [documents, versions] = await Promise.all([db.tosDocuments.where('caseId').equals(caseId).toArray(), db.tosVersions.where('caseId').equals(caseId).toArray()]);
    return tosTimeline(documents, versions);
  }, [caseId]);
  if (!timelines?.length) return null;
  return (
    <div className="in-force">
      <label className="field inline">
        <span className="field-label">In force on</span>
        <input type="date" aria-label="In force on" value={date} onChange={(e) => setDate(e.target.value)} />
      </label>
      <ul className="in-force-list">
        {timelines.map((t) => {
          const v = date ? versionInForce(t.versions, date) : null;
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
    </div>
  );
}
