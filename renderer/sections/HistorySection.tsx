import { useLiveQuery } from 'dexie-react-hooks';
import { verifyAuditChain } from '../../shared/audit/audit-chain';
import { auditEventsOf } from '../db/case-store';
import { db } from '../db/db';
import { formatTime } from '../format';

function describeDetails(details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => {
      if (value && typeof value === 'object' && 'from' in value && 'to' in value) {
        return `${key}: “${String(value.from)}” → “${String(value.to)}”`;
      }
      return `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`;
    })
    .join(' · ');
}

/** The case's audit trail, checked link by link each time it is shown. */
export function HistorySection({ caseId }: { caseId: string }) {
  const events = useLiveQuery(() => auditEventsOf(db, caseId), [caseId]);
  if (!events) return <p className="muted">Loading…</p>;
  const check = verifyAuditChain(events);
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">History</h2>
      {check.verified ? (
        <p className="banner banner-ok" data-testid="audit-status">
          Audit chain verified: {check.events} event{check.events === 1 ? '' : 's'}, each sealed with a SHA-256 hash that covers the one before.
          <span className="mono hash"> Latest hash {check.head.slice(0, 16)}…</span>
        </p>
      ) : (
        <div className="banner banner-bad" role="alert" data-testid="audit-status">
          Audit chain broken — the history was altered outside the app:
          <ul>
            {check.problems.map((p) => (
              <li key={`${p.kind}-${p.index}`}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      <table className="table history-table">
        <thead>
          <tr>
            <th>#</th>
            <th>Time</th>
            <th>Who</th>
            <th>Action</th>
            <th>Subject</th>
            <th>Details</th>
            <th>Hash</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.seq}>
              <td className="num">{e.seq}</td>
              <td className="nowrap">{formatTime(e.at)}</td>
              <td className="nowrap">{e.actor}</td>
              <td className="mono">{e.action}</td>
              <td>{e.subject}</td>
              <td className="details">{describeDetails(e.details)}</td>
              <td className="mono hash" title={e.hash}>
                {e.hash.slice(0, 12)}…
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
