import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { verifyAuditChain } from '../../../shared/audit/audit-chain';
import { describeBinding, differingRecords } from '../../../shared/audit/record-binding';
import { useConfirm } from '../../components/use-confirm';
import { auditEventsOf, bindStoredCase } from '../../db/case-store';
import { db } from '../../db/db';
import { formatTime } from '../../format';
import type { RecordsCheck } from './use-records-check';
import type { AuditEvent } from '../../../shared/model/records';
import { actionLabel } from '../../../shared/audit/audit-actions';
import { detailsInWords, filterHistory, historyChoices, historyCsv, personOf, type HistoryFilter } from '../../../shared/audit/history';
import { isCalendarDate } from '../../../shared/time-format';
import { count } from '../../../shared/text/count';
import { saveBytes } from '../../api';
import { undoInCase } from './undo-store';
import { errorText, useNotify } from '../../components/notices';

/** Whether the records are those the history accounts for: checked on opening the case and after every change. */
function RecordsStatus({ caseId, actor, records }: { caseId: string; actor: string; records: RecordsCheck }) {
  const [confirmation, confirm] = useConfirm();
  const [binding, setBinding] = useState<string | null>(null);
  if (records.status === 'checking') {
    return (
      <p className="banner" data-testid="records-status">
        Checking the records against the history…{records.total > 0 && ` ${records.done.toLocaleString('en-US')} of ${records.total.toLocaleString('en-US')} log rows`}
      </p>
    );
  }
  if (records.status === 'failed') return <p className="banner banner-bad" role="alert" data-testid="records-status">The records could not be checked: {records.message}</p>;
  const { check } = records;
  if (check.problems.length) {
    return (
      <div className="banner banner-bad" role="alert" data-testid="records-status">
        In this case, {differingRecords(check.problems.length)} from its history: changed outside the app.
        <ul>
          {check.problems.slice(0, 50).map((p) => (
            <li key={`${p.table}-${p.id}`}>{p.message}</li>
          ))}
        </ul>
        {check.problems.length > 50 && <p>And {check.problems.length - 50} more.</p>}
      </div>
    );
  }
  if (check.bound) return <p className="banner banner-ok" data-testid="records-status">Records: {describeBinding(check)}.</p>;
  const bind = async () => {
    const ok = await confirm({
      title: 'Bind the records as they are now',
      message: (
        <p>
          This case’s history began before records were bound to it, so a record changed outside the app could not be told apart. Binding records every record as it is now, in an event
          that says they were bound as found (not checked); every change after is checked.
        </p>
      ),
      confirmLabel: 'Bind records',
    });
    if (!ok) return;
    setBinding('Binding…');
    await bindStoredCase(db, caseId, actor).then(
      () => setBinding(null),
      (error: unknown) => setBinding(`The records could not be bound: ${(error as Error).message}`),
    );
  };
  return (
    <div className="banner" data-testid="records-status">
      Records not bound: this case’s history began before records were bound to it, so a record changed outside the app cannot be told apart.{' '}
      <button type="button" onClick={() => void bind()} disabled={binding === 'Binding…'}>
        Bind records as they are now…
      </button>
      {binding && <p role="status">{binding}</p>}
      {confirmation}
    </div>
  );
}

/** The history narrowed to a person, an action and a span of UTC days; days are typed as YYYY-MM-DD, the one form dates take. */
function HistoryFilters({ events, filter, onChange }: { events: readonly AuditEvent[]; filter: HistoryFilter; onChange: (filter: HistoryFilter) => void }) {
  const { actors, actions } = historyChoices(events);
  const day = (key: 'from' | 'to', text: string) => onChange({ ...filter, [key]: text || undefined });
  const bad = (['from', 'to'] as const).find((k) => filter[k] !== undefined && !isCalendarDate(filter[k]!));
  return (
    <div className="field-row compact history-filters" role="search" aria-label="Filter the history">
      <label className="field">
        <span className="field-label">Person</span>
        <select aria-label="Person" value={filter.actor ?? ''} onChange={(e) => onChange({ ...filter, actor: e.target.value || undefined })}>
          <option value="">everyone</option>
          {actors.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Action</span>
        <select aria-label="Action" value={filter.action ?? ''} onChange={(e) => onChange({ ...filter, action: e.target.value || undefined })}>
          <option value="">every action</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {actionLabel(a)}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">From (UTC day)</span>
        <input aria-label="From day" placeholder="YYYY-MM-DD" value={filter.from ?? ''} onChange={(e) => day('from', e.target.value)} />
      </label>
      <label className="field">
        <span className="field-label">To (UTC day)</span>
        <input aria-label="To day" placeholder="YYYY-MM-DD" value={filter.to ?? ''} onChange={(e) => day('to', e.target.value)} />
      </label>
      {bad && (
        <p className="field-error" role="alert">
          {bad === 'from' ? 'From' : 'To'}: “{filter[bad]}” is not a day in the form YYYY-MM-DD
        </p>
      )}
    </div>
  );
}

/** The case's audit trail, checked link by link each time it is shown, and whether the records are the ones it accounts for. */
export function HistorySection({ caseId, actor, records }: { caseId: string; actor: string; records: RecordsCheck }) {
  const events = useLiveQuery(() => auditEventsOf(db, caseId), [caseId]);
  const [filter, setFilter] = useState<HistoryFilter>({});
  const notify = useNotify();
  if (!events) return <p className="muted">Loading…</p>;
  const check = verifyAuditChain(events);
  const shown = filterHistory(events, filter);
  const undo = async (seq: number) => {
    try {
      notify('success', `${await undoInCase(db, caseId, actor, seq)}: recorded as a new event; nothing in the history is removed.`);
    } catch (error) {
      notify('error', `Not undone: ${errorText(error)}`);
    }
  };
  const exportCsv = async () => {
    try {
      const saved = await saveBytes({ title: 'Save the case history', suggestedName: 'case-history.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] }, new TextEncoder().encode(historyCsv(shown)));
      if (saved) notify('success', `Saved ${count(shown.length, 'event', 'events')} of the history to ${saved.path}.`);
    } catch (error) {
      notify('error', `The history was not saved: ${errorText(error)}`);
    }
  };
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
      <RecordsStatus caseId={caseId} actor={actor} records={records} />
      <div className="section-head">
        <HistoryFilters events={events} filter={filter} onChange={setFilter} />
        <button type="button" onClick={() => void exportCsv()}>
          Export as CSV…
        </button>
      </div>
      <p className="muted small" data-testid="history-count">
        {shown.length === events.length ? `All ${count(events.length, 'event', 'events')}.` : `${count(shown.length, 'event', 'events')} of ${events.length}.`} The bundle’s chain of custody page lists the events about what it contains.
      </p>
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
            <th aria-label="Undo" />
          </tr>
        </thead>
        <tbody>
          {shown.map((e) => (
            <tr key={e.seq}>
              <td className="num">{e.seq}</td>
              <td className="nowrap">{formatTime(e.at)}</td>
              <td className="nowrap" title={e.actorFingerprint ? `Signing identity SHA-256 ${e.actorFingerprint}` : undefined}>{personOf(e)}</td>
              <td>{actionLabel(e.action)}</td>
              <td>{e.subject}</td>
              <td className="details">{detailsInWords(e.details)}</td>
              <td className="mono hash" title={e.hash}>
                {e.hash.slice(0, 12)}…
              </td>
              <td>
                {e.details.prior !== undefined && (
                  <button type="button" aria-label={`Undo event ${e.seq}`} onClick={() => void undo(e.seq)}>
                    Undo
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
