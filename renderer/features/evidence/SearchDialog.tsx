import { useEffect, useMemo, useState } from 'react';
import { CaseSearch, SEARCHED_FIELDS, SEARCH_KINDS, SEARCH_KIND_LABELS, groupHits, linkTarget, searchItems, type Place, type SearchHit } from '../../../shared/search/case-search';
import type { Target } from '../../../shared/model/records';
import { useCaseEvidence } from '../claims';
import { Modal } from '../../components/Modal';
import { db } from '../../db/db';
import { logRows, type LogFilter } from '../../db/log-store';
import { dateRange } from '../../../shared/search/date-range';
import { recordsOf } from '../../db/case-store';

const LOG_FIELDS = [
  { field: 'account', label: 'account' },
  { field: 'apiKey', label: 'API key' },
  { field: 'ip', label: 'IP address' },
] as const;

interface LogMatch {
  sourceId: string;
  fileName: string;
  filter: LogFilter;
  /** What the rows have in common, in words. */
  label: string;
  rows: number;
}

/**
 * Log rows whose account, key or IP is exactly the query, or whose time is
 * in a typed date range, counted per source from the postings and the time
 * order (fast at a million rows).
 */
async function logMatches(caseId: string, query: string): Promise<LogMatch[]> {
  const value = query.trim();
  const sources = (await recordsOf(db, 'sources', caseId)).filter((s) => s.kind === 'log');
  const range = dateRange(value);
  const asked: { filter: LogFilter; label: (rows: number) => string }[] = range
    ? [{ filter: { from: range.from, to: range.to }, label: () => `rows ${range.label}` }]
    : !value || /\s/.test(value)
      ? []
      : LOG_FIELDS.map(({ field, label }) => ({ filter: { [field]: value }, label: (rows) => `row${rows === 1 ? '' : 's'} with ${label} ${value}` }));
  const found: LogMatch[] = [];
  for (const { filter, label } of asked) {
    for (const source of sources) {
      const rows = await logRows(source.caseId, source.id, filter).count();
      if (rows) found.push({ sourceId: source.id, fileName: source.fileName, filter, label: label(rows), rows });
    }
  }
  return found;
}

interface SearchDialogProps {
  caseId: string;
  onClose: () => void;
  /** Opens a result where it lives. */
  onOpen?: (place: Place) => void;
  /** Picks a result as evidence to link instead of opening it. */
  onPick?: (target: Target) => void;
}

/** Search across the case (Ctrl+K): claims, elements, notes, annotations, clauses, pairs, findings, files, and log rows by their indexed fields. */
export function SearchDialog({ caseId, onClose, onOpen, onPick }: SearchDialogProps) {
  const evidence = useCaseEvidence(caseId);
  const [query, setQuery] = useState('');
  const [logs, setLogs] = useState<LogMatch[]>([]);
  // Built once per change of the case, not per keystroke.
  const search = useMemo(() => (evidence ? new CaseSearch(searchItems(evidence.state, evidence.catalog)) : null), [evidence]);
  const picking = onPick !== undefined;
  const hits = useMemo(() => {
    const found = search?.search(query) ?? [];
    return picking ? found.filter((h) => linkTarget(h) !== null) : found;
  }, [search, query, picking]);

  useEffect(() => {
    if (picking) return;
    let live = true;
    const timer = setTimeout(() => void logMatches(caseId, query).then((m) => live && setLogs(m)), 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [caseId, query, picking]);

  const choose = (hit: SearchHit) => {
    const target = linkTarget(hit);
    if (onPick && target) onPick(target);
    else onOpen?.(hit.place);
  };
  const kinds = picking ? SEARCH_KINDS.filter((k) => !['claim', 'element', 'link'].includes(k)) : SEARCH_KINDS;

  return (
    <Modal title={picking ? 'Add evidence: find it' : 'Search this case'} wide onClose={onClose}>
      <input className="search-input" type="search" autoFocus value={query} onChange={(e) => setQuery(e.target.value)} placeholder={picking ? 'A clause, a pair, a finding, an annotation, a file…' : 'Search claims, evidence, annotations…'} aria-label="Search" />
      <details className="searched-fields small">
        <summary className="muted">What is searched</summary>
        <ul>
          {kinds.map((k) => (
            <li key={k}>
              <strong>{SEARCH_KIND_LABELS[k]}</strong>: {SEARCHED_FIELDS[k]}
            </li>
          ))}
          {!picking && (
            <li>
              <strong>Log rows</strong>: an exact account, API key or IP address, or a date or date range (2026-01-05, 2026-01-05..2026-01-09), through the indexes; for other filters and the text of rows open the log file under Evidence.
            </li>
          )}
        </ul>
        <p className="muted">Words may be typed in part or with a typo; every word must match.{picking ? ' To link log rows, select them in the log view under Evidence.' : ''}</p>
      </details>
      {!search && <p className="muted">Indexing the case…</p>}
      <div className="search-results" role="list">
        {logs.length > 0 && (
          <section className="search-group" aria-label="Log rows">
            <h3>Log rows</h3>
            {logs.map((m) => (
              <button key={`${m.sourceId}-${m.label}`} type="button" className="search-hit" role="listitem" onClick={() => onOpen?.({ kind: 'logFilter', sourceId: m.sourceId, filter: m.filter })}>
                <span className="hit-title">
                  {m.rows.toLocaleString('en-US')} {m.label}
                </span>
                <span className="hit-text muted">{m.fileName}</span>
              </button>
            ))}
          </section>
        )}
        {groupHits(hits).map((group) => (
          <section key={group.kind} className="search-group" aria-label={SEARCH_KIND_LABELS[group.kind]}>
            <h3>{SEARCH_KIND_LABELS[group.kind]}</h3>
            {group.hits.map((hit) => (
              <button key={hit.id} type="button" className="search-hit" role="listitem" onClick={() => choose(hit)}>
                <span className="hit-title">{hit.title}</span>
                <span className="hit-text muted">{hit.text.length > 160 ? `${hit.text.slice(0, 160)}…` : hit.text}</span>
              </button>
            ))}
          </section>
        ))}
        {query.trim().length >= 2 && search && hits.length === 0 && logs.length === 0 && <p className="muted">Nothing matches “{query.trim()}”.</p>}
      </div>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
