import { useEffect, useMemo, useState } from 'react';
import { CaseSearch, SEARCHED_FIELDS, SEARCH_KINDS, SEARCH_KIND_LABELS, groupHits, linkTarget, searchItems, type Place, type SearchHit } from '../../shared/search/case-search';
import type { Target } from '../../shared/model/records';
import { useCaseEvidence } from '../claims/use-case-evidence';
import { Modal } from '../components/Modal';
import { db } from '../db/db';
import type { LogFilter } from '../db/log-queries';
import { dateRange } from '../../shared/search/date-range';

type LogField = 'account' | 'apiKey' | 'ip';
const LOG_FIELDS: { field: LogField; index: string; label: string }[] = [
  { field: 'account', index: '[caseId+account]', label: 'account' },
  { field: 'apiKey', index: '[caseId+apiKey]', label: 'API key' },
  { field: 'ip', index: '[caseId+ip]', label: 'IP address' },
];

interface LogMatch {
  sourceId: string;
  fileName: string;
  filter: LogFilter;
  /** What the rows have in common, in words. */
  label: string;
  /** Null where counting would mean reading the rows: a time range over several files. */
  rows: number | null;
}

/**
 * Log rows whose account, key or IP is exactly the query, or whose time is
 * in a typed date range, by source, found through the indexes (fast at a
 * million rows).
 */
async function logMatches(caseId: string, query: string): Promise<LogMatch[]> {
  const value = query.trim();
  const sources = await db.sources.where('caseId').equals(caseId).filter((s) => s.kind === 'log').toArray();
  const range = dateRange(value);
  if (range) {
    const total = await db.logEntries.where('[caseId+ts]').between([caseId, range.from], [caseId, range.to], true, true).count();
    if (total === 0) return [];
    return sources.map((s) => ({ sourceId: s.id, fileName: s.fileName, filter: { from: range.from, to: range.to }, label: `rows ${range.label}`, rows: sources.length === 1 ? total : null }));
  }
  if (!value || /\s/.test(value)) return [];
  const found: LogMatch[] = [];
  for (const { field, index, label } of LOG_FIELDS) {
    const counts = new Map<string, number>();
    await db.logEntries
      .where(index)
      .equals([caseId, value])
      .each((row) => counts.set(row.sourceId, (counts.get(row.sourceId) ?? 0) + 1));
    for (const source of sources) {
      const rows = counts.get(source.id);
      if (rows) found.push({ sourceId: source.id, fileName: source.fileName, filter: { [field]: value }, label: `row${rows === 1 ? '' : 's'} with ${label} ${value}`, rows });
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
                  {m.rows === null ? 'Log' : m.rows.toLocaleString('en-US')} {m.label}
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
