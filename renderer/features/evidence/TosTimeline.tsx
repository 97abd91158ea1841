import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import { recordsOf } from '../../db/case-store';

/** Each terms document with its versions in date order, and when each was in force. */
export function TosTimeline({ caseId, onOpen }: { caseId: string; onOpen: (sourceId: string) => void }) {
  const documents = useLiveQuery(async () => {
    const [docs, versions] = await Promise.all([recordsOf(db, 'tosDocuments', caseId), recordsOf(db, 'tosVersions', caseId)]);
    return docs.map((doc) => ({ doc, versions: versions.filter((v) => v.documentId === doc.id).sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate)) }));
  }, [caseId]);
  if (!documents?.length) return null;
  return (
    <div className="tos-timeline">
      <h3>Terms of Service versions</h3>
      {documents.map(({ doc, versions }) => (
        <div key={doc.id} className="timeline">
          <p className="timeline-title">{doc.title}</p>
          <ol className="timeline-versions">
            {versions.map((v, i) => (
              <li key={v.id}>
                <button type="button" className="link" onClick={() => onOpen(v.sourceId)}>
                  {v.effectiveDate}
                </button>
                <span className="muted small"> in force {versions[i + 1] ? `until ${versions[i + 1]!.effectiveDate}` : 'to date'}</span>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}
