import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { rowsFromQueries } from '../../../shared/import/query-provenance';
import type { Finding } from '../../../shared/model/records';
import { recordsOf } from '../../db/case-store';
import { db } from '../../db/db';
import { useCaseActions } from '../cases';
import { formatTime } from '../../format';

/** Findings saved in this case, oldest first; each can be linked to a claim element. */
export function FindingsList({ findings, focusId }: { findings: Finding[]; focusId?: string }) {
  const { caseId, linkToClaim } = useCaseActions();
  const sources = useLiveQuery(() => recordsOf(db, 'sources', caseId), [caseId]) ?? [];
  useEffect(() => {
    if (focusId) document.querySelector(`[data-finding="${focusId}"]`)?.scrollIntoView({ block: 'center' });
  }, [focusId]);
  return (
    <div className="findings">
      <h3>Saved findings</h3>
      <table className="table findings-table">
        <thead>
          <tr>
            <th>Finding</th>
            <th>Saved</th>
            <th>By</th>
            <th className="num">Rows behind it</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {findings.map((f) => {
            const fromQueries = rowsFromQueries(f.rows, sources);
            return (
              <tr key={f.id} data-finding={f.id} className={f.id === focusId ? 'focused' : undefined}>
                <td>{f.title}</td>
                <td className="nowrap">{formatTime(f.createdAt)}</td>
                <td className="nowrap">{f.createdBy}</td>
                <td className="num">
                  {f.rows.length.toLocaleString('en-US')}
                  {fromQueries > 0 && <span className="muted small"> ({fromQueries.toLocaleString('en-US')} from a warehouse query)</span>}
                </td>
                <td className="row-actions">
                  <button type="button" onClick={() => linkToClaim({ kind: 'finding', id: f.id })}>
                    Link to claim…
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
