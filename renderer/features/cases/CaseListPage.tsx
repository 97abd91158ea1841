import { useLiveQuery } from 'dexie-react-hooks';
import type { CaseRecord } from '../../../shared/model/records';
import { db } from '../../db/db';
import { formatTime } from '../../format';
import { casesByChange } from '../../db/case-store';

interface CaseListPageProps {
  onOpen: (caseId: string) => void;
  onNew: () => void;
  onOpenArchive: () => void;
  onOpenDemo: () => void;
  onEdit: (record: CaseRecord) => void;
  onDelete: (record: CaseRecord) => void;
}

export function CaseListPage({ onOpen, onNew, onOpenArchive, onOpenDemo, onEdit, onDelete }: CaseListPageProps) {
  const cases = useLiveQuery(() => casesByChange(db), []);
  return (
    <main className="page">
      <div className="page-header">
        <div>
          <h1>Cases</h1>
          <p className="muted">Cases are stored on this computer. Save a case archive to back it up or hand it over.</p>
        </div>
        <StartActions onOpenArchive={onOpenArchive} onNew={onNew} />
      </div>
      {cases === undefined ? (
        <p className="muted">Loading…</p>
      ) : cases.length === 0 ? (
        <div className="empty">
          <h2>No cases yet</h2>
          <p>Create a case to start collecting API logs, model outputs and Terms of Service versions, or open a case archive (.evcase) you were sent.</p>
          <StartActions onOpenArchive={onOpenArchive} onNew={onNew} />
          <p className="muted demo-offer">
            New to Evidence Desk?{' '}
            <button type="button" className="link" onClick={onOpenDemo}>
              Open the demo case
            </button>{' '}
            (Northwind AI v. Lumen Labs: API logs, output pairs, three Terms versions, a claim chart with linked evidence and expert annotations).
          </p>
        </div>
      ) : (
        <table className="table case-table">
          <thead>
            <tr>
              <th>Title</th>
              <th>Matter</th>
              <th>Parties</th>
              <th>Bates prefix</th>
              <th>Last change</th>
              <th aria-label="Actions" />
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id} data-case-id={c.id}>
                <td>
                  <button type="button" className="link case-title" onClick={() => onOpen(c.id)}>
                    {c.title}
                  </button>
                </td>
                <td className="nowrap">{c.matterNumber || <span className="muted">—</span>}</td>
                <td className="clip">{c.parties || <span className="muted">—</span>}</td>
                <td className="mono">{c.batesPrefix}</td>
                <td className="nowrap">{formatTime(c.updatedAt)}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => onEdit(c)}>
                    Rename…
                  </button>
                  <button type="button" className="danger-quiet" onClick={() => onDelete(c)}>
                    Delete…
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

/** The two ways to start: open an archive someone sent, or a new case. */
function StartActions({ onOpenArchive, onNew }: Pick<CaseListPageProps, 'onOpenArchive' | 'onNew'>) {
  return (
    <div className="actions">
      <button type="button" onClick={onOpenArchive}>
        Open case archive…
      </button>
      <button type="button" className="primary" onClick={onNew}>
        New case
      </button>
    </div>
  );
}
