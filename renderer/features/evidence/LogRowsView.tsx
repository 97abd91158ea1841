import { parseUtcMoment, utcMomentField } from '../../../shared/time-format';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import { parseIpFilter } from '../../../shared/analysis/network-range';
import { identifiersOf } from '../../../shared/import/log-import';
import type { LogEntry, SourceRecord, SourceRef } from '../../../shared/model/records';
import { useCaseActions } from '../cases';
import { db } from '../../db/db';
import { isFiltered, linePosition, logRows, type LogFilter } from '../../db/log-store';
import type { EvidenceFocus } from './evidence-focus';
import { formatTime } from '../../format';
import { annotationsOfTarget } from '../claims';

const ROW_HEIGHT = 30;
const VIEW_HEIGHT = 480;
const OVERSCAN = 20;


/**
 * A source's rows, only those on screen rendered and fetched, so a million
 * rows scroll as smoothly as a hundred.
 */
export function LogRowsView({ source, focus }: { source: SourceRecord; focus: EvidenceFocus | null }) {
  const { linkToClaim, annotate } = useCaseActions();
  const [filter, setFilter] = useState<LogFilter>(focus?.filter ?? {});
  const identifiers = identifiersOf(source);
  const [draft, setDraft] = useState({ account: focus?.filter?.account ?? '', apiKey: focus?.filter?.apiKey ?? '', ip: focus?.filter?.ip ?? '', from: utcMomentField(focus?.filter?.from), to: utcMomentField(focus?.filter?.to), text: '', identifierColumn: identifiers[0] ?? '', identifierValue: '' });
  const [selected, setSelected] = useState<Map<number, SourceRef>>(new Map());
  const [anchor, setAnchor] = useState<number | null>(null);
  const [filterProblem, setFilterProblem] = useState<string | null>(null);
  const grid = useRef<HTMLDivElement>(null);
  const focusLines = new Set(focus?.lines ?? []);
  const annotatedLines = useLiveQuery(async () => {
    const annotations = await annotationsOfTarget(db, source.id);
    return new Map(annotations.flatMap((a) => (a.target.rows ?? []).map((r) => [r.line, a.label] as const)));
  }, [source]);
  const [total, setTotal] = useState<number | null>(null);
  const [visible, setVisible] = useState<{ start: number; rows: LogEntry[] }>({ start: 0, rows: [] });
  const [scrollTop, setScrollTop] = useState(0);
  const request = useRef(0);
  // One query per filter, counted and windowed by the log engine.
  const query = useMemo(() => logRows(source.caseId, source.id, filter), [source, filter]);

  useEffect(() => {
    let live = true;
    setTotal(null);
    const count = isFiltered(filter) ? query.count() : Promise.resolve(source.recordCount);
    void count.then((n) => live && setTotal(n));
    return () => {
      live = false;
    };
  }, [filter, source, query]);

  useEffect(() => {
    const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
    const count = Math.ceil(VIEW_HEIGHT / ROW_HEIGHT) + 2 * OVERSCAN;
    if (visible.rows.length && first >= visible.start && first + count <= visible.start + visible.rows.length) return;
    const id = ++request.current;
    const timer = setTimeout(() => {
      void query.window(first, count * 2).then((rows) => id === request.current && setVisible({ start: first, rows }));
    }, 16);
    return () => clearTimeout(timer);
  }, [scrollTop, query, visible]);

  // Scroll to the first linked row: its position is the count of rows before it in the file.
  useEffect(() => {
    const first = focus?.lines?.length ? Math.min(...focus.lines) : undefined;
    if (first === undefined) return;
    void linePosition(source.caseId, source.id, first).then((position) => {
      if (grid.current) grid.current.scrollTop = Math.max(0, (position - 3) * ROW_HEIGHT);
    });
  }, [focus, source]);

  const toggle = async (event: MouseEvent, row: LogEntry, position: number) => {
    const ref = { sourceId: row.sourceId, line: row.line };
    let next: Map<number, SourceRef>;
    if (event.shiftKey && anchor !== null) {
      // The range is read from the store, not from the rows loaded on screen, so it holds every row between the two clicks.
      const first = Math.min(anchor, position);
      const range = await query.window(first, Math.max(anchor, position) - first + 1);
      next = new Map(selected);
      for (const r of range) next.set(r.line, { sourceId: r.sourceId, line: r.line });
    } else if (event.ctrlKey || event.metaKey) {
      next = new Map(selected);
      if (!next.delete(row.line)) next.set(row.line, ref);
    } else {
      next = selected.size === 1 && selected.has(row.line) ? new Map() : new Map([[row.line, ref]]);
    }
    setSelected(next);
    setAnchor(position);
  };
  // The identifier column chosen in the filter is shown beside the IP.
  const shownIdentifier = identifiers.length ? draft.identifierColumn : null;
  const columns = shownIdentifier ? { gridTemplateColumns: '56px 190px 110px 110px 100px 110px 130px minmax(140px, 1fr)' } : undefined;
  const selectedRows = [...selected.values()].sort((a, b) => a.line - b.line);
  const rowsTarget = { kind: 'logRows' as const, id: source.id, rows: selectedRows, ...(isFiltered(filter) && total !== null && { selectedBy: { filter, matched: total } }) };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const ip = parseIpFilter(draft.ip);
    const [from, to] = [draft.from, draft.to].map((t) => (t.trim() ? parseUtcMoment(t) : undefined));
    const badTime = from === null ? `From: “${draft.from}”` : to === null ? `To: “${draft.to}”` : null;
    setFilterProblem(ip.kind === 'invalid' ? ip.problem : badTime && `${badTime} is not a UTC time in the form YYYY-MM-DD HH:MM:SS`);
    if (ip.kind === 'invalid' || badTime) return;
    setVisible({ start: 0, rows: [] });
    setScrollTop(0);
    setFilter({
      account: draft.account.trim() || undefined,
      apiKey: draft.apiKey.trim() || undefined,
      ip: draft.ip.trim() || undefined,
      from: from ?? undefined,
      to: to ?? undefined,
      text: draft.text.trim() || undefined,
      identifier: draft.identifierColumn && draft.identifierValue.trim() ? { column: draft.identifierColumn, value: draft.identifierValue.trim() } : undefined,
    });
  };
  const input = (name: keyof typeof draft, label: string, placeholder?: string) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input aria-label={label} placeholder={placeholder} value={draft[name]} onChange={(e) => setDraft({ ...draft, [name]: e.target.value })} />
    </label>
  );

  return (
    <div className="log-rows">
      <form className="filters" onSubmit={apply}>
        {input('account', 'Account')}
        {input('apiKey', 'API key')}
        {input('ip', 'IP address or network')}
        {input('from', 'From (UTC)', 'YYYY-MM-DD HH:MM:SS')}
        {input('to', 'To (UTC)', 'YYYY-MM-DD HH:MM:SS')}
        {input('text', 'Text contains')}
        {identifiers.length > 0 && (
          <>
            <label className="field">
              <span className="field-label">Identifier column</span>
              <select aria-label="Identifier column" value={draft.identifierColumn} onChange={(e) => setDraft({ ...draft, identifierColumn: e.target.value })}>
                {identifiers.map((column) => (
                  <option key={column} value={column}>
                    {column}
                  </option>
                ))}
              </select>
            </label>
            {input('identifierValue', 'Identifier value')}
          </>
        )}
        <button type="submit">Filter</button>
      </form>
      <p className="muted small">
        {filterProblem && (
          <span className="field-error" role="alert">
            {filterProblem}.{' '}
          </span>
        )}
        Exact match on account, API key{identifiers.length > 0 && ', the identifier columns marked at import'} and IP address, or every address in a network given in CIDR notation (47.245.61.0/24); time range in UTC; “Text contains” is checked row by row in the raw line, after the other filters. Click a row to select it, Shift-click for a range. {total === null ? 'Counting…' : `${total.toLocaleString('en-US')} row${total === 1 ? '' : 's'}`}
      </p>
      {selectedRows.length > 0 && (
        <div className="selection-bar" role="toolbar" aria-label="Selected rows">
          <span className="small">
            {selectedRows.length} row{selectedRows.length === 1 ? '' : 's'} selected
          </span>
          <button type="button" onClick={() => linkToClaim(rowsTarget)}>
            Link {selectedRows.length === 1 ? 'row' : 'rows'} to claim…
          </button>
          <button type="button" onClick={() => annotate(rowsTarget)}>
            Annotate {selectedRows.length === 1 ? 'row' : 'rows'}…
          </button>
          <button type="button" className="link" onClick={() => setSelected(new Map())}>
            Clear
          </button>
        </div>
      )}
      <div className="grid-head log-grid" style={columns}>
        <span>Line</span>
        <span>Time</span>
        <span>Account</span>
        <span>API key</span>
        <span>IP</span>
        {shownIdentifier && <span>{shownIdentifier}</span>}
        <span>User agent</span>
        <span>Prompt</span>
      </div>
      <div className="grid-body" style={{ height: Math.min(VIEW_HEIGHT, Math.max(total ?? 0, 3) * ROW_HEIGHT + 2) }} onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)} data-testid="log-rows" ref={grid}>
        <div style={{ height: (total ?? 0) * ROW_HEIGHT, position: 'relative' }}>
          {visible.rows.map((row, i) => (
            <div
              key={`${row.sourceId}:${row.line}`}
              className={['grid-row log-grid', selected.has(row.line) && 'selected', focusLines.has(row.line) && 'focused', annotatedLines?.has(row.line) && 'annotated-row'].filter(Boolean).join(' ')}
              style={{ ...columns, top: (visible.start + i) * ROW_HEIGHT, height: ROW_HEIGHT }}
              title={annotatedLines?.has(row.line) ? `Annotated: ${annotatedLines.get(row.line)}\n${row.raw}` : row.raw}
              onClick={(e) => void toggle(e, row, visible.start + i)}
              aria-selected={selected.has(row.line)}
            >
              <span className="num">{row.line}</span>
              <span className="mono">{formatTime(row.ts)}</span>
              <span className="mono">{row.account ?? '—'}</span>
              <span className="mono">{row.apiKey ?? '—'}</span>
              <span className="mono">{row.ip ?? '—'}</span>
              {shownIdentifier && <span className="mono">{row.extra?.[shownIdentifier] ?? '—'}</span>}
              <span>{row.userAgent ?? '—'}</span>
              <span>{row.prompt ?? '—'}</span>
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
