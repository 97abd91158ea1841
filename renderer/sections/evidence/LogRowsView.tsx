import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { LogEntry, SourceRecord } from '../../../shared/model/records';
import { db } from '../../db/db';
import { isFiltered, logRows, logRowsWindow, type LogFilter } from '../../db/log-queries';

const ROW_HEIGHT = 30;
const VIEW_HEIGHT = 480;
const OVERSCAN = 20;

const utc = (ms: number | null) => (ms === null ? '—' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19));
const parseUtc = (text: string) => (text ? Date.parse(`${text}:00Z`) : undefined);

/**
 * A source's rows, only those on screen rendered and fetched, so a million
 * rows scroll as smoothly as a hundred.
 */
export function LogRowsView({ source }: { source: SourceRecord }) {
  const [filter, setFilter] = useState<LogFilter>({});
  const [draft, setDraft] = useState({ account: '', apiKey: '', ip: '', from: '', to: '' });
  const [total, setTotal] = useState<number | null>(null);
  const [visible, setVisible] = useState<{ start: number; rows: LogEntry[] }>({ start: 0, rows: [] });
  const [scrollTop, setScrollTop] = useState(0);
  const request = useRef(0);

  useEffect(() => {
    let live = true;
    setTotal(null);
    const count = isFiltered(filter) ? logRows(db, source.caseId, source.id, filter).count() : Promise.resolve(source.recordCount);
    void count.then((n) => live && setTotal(n));
    return () => {
      live = false;
    };
  }, [filter, source]);

  useEffect(() => {
    const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
    const count = Math.ceil(VIEW_HEIGHT / ROW_HEIGHT) + 2 * OVERSCAN;
    if (visible.rows.length && first >= visible.start && first + count <= visible.start + visible.rows.length) return;
    const id = ++request.current;
    const timer = setTimeout(() => {
      void logRowsWindow(db, source, filter, first, count * 2).then((rows) => id === request.current && setVisible({ start: first, rows }));
    }, 16);
    return () => clearTimeout(timer);
  }, [scrollTop, filter, source, visible]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setVisible({ start: 0, rows: [] });
    setScrollTop(0);
    setFilter({
      account: draft.account.trim() || undefined,
      apiKey: draft.apiKey.trim() || undefined,
      ip: draft.ip.trim() || undefined,
      from: parseUtc(draft.from),
      to: parseUtc(draft.to),
    });
  };
  const input = (name: keyof typeof draft, label: string, type = 'text') => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input type={type} aria-label={label} value={draft[name]} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
    </label>
  );

  return (
    <div className="log-rows">
      <form className="filters" onSubmit={apply}>
        {input('account', 'Account')}
        {input('apiKey', 'API key')}
        {input('ip', 'IP address')}
        {input('from', 'From (UTC)', 'datetime-local')}
        {input('to', 'To (UTC)', 'datetime-local')}
        <button type="submit">Filter</button>
      </form>
      <p className="muted small">
        Exact match on account, API key and IP (indexed); time range in UTC. {total === null ? 'Counting…' : `${total.toLocaleString('en-US')} row${total === 1 ? '' : 's'}`}
      </p>
      <div className="grid-head log-grid">
        <span>Line</span>
        <span>Time (UTC)</span>
        <span>Account</span>
        <span>API key</span>
        <span>IP</span>
        <span>User agent</span>
        <span>Prompt</span>
      </div>
      <div className="grid-body" style={{ height: Math.min(VIEW_HEIGHT, Math.max(total ?? 0, 3) * ROW_HEIGHT + 2) }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-testid="log-rows">
        <div style={{ height: (total ?? 0) * ROW_HEIGHT, position: 'relative' }}>
          {visible.rows.map((row, i) => (
            <div key={`${row.sourceId}:${row.line}`} className="grid-row log-grid" style={{ top: (visible.start + i) * ROW_HEIGHT, height: ROW_HEIGHT }} title={row.raw}>
              <span className="num">{row.line}</span>
              <span className="mono">{utc(row.ts)}</span>
              <span className="mono">{row.account ?? '—'}</span>
              <span className="mono">{row.apiKey ?? '—'}</span>
              <span className="mono">{row.ip ?? '—'}</span>
              <span>{row.userAgent ?? '—'}</span>
              <span>{row.prompt ?? '—'}</span>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
