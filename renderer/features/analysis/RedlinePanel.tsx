import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { redline, summarizeRedline, type RedlineLine } from '../../../shared/analysis/tos-redline';
import { redlineFinding } from '../../../shared/analysis/findings';
import type { Finding, TosClause, TosVersion } from '../../../shared/model/records';
import { db } from '../../db/db';
import { annotationsOn } from '../../../shared/claims/targets';
import { useCaseActions } from '../cases';
import { SelectableText, annotationHighlights } from '../../components/SelectableText';
import { clauseAnnotations } from '../claims';
import { clausesOfVersion } from '../evidence';
import { recordsOf } from '../../db/case-store';

function VersionSelect({ label, versions, value, onChange }: { label: string; versions: TosVersion[]; value: string | undefined; onChange: (id: string) => void }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {v.effectiveDate}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Two versions of a terms document, clause by clause, marked up as a lawyer reads a redline. */
export function RedlinePanel({ caseId, actor, saving, onSave }: { caseId: string; actor: string; saving: boolean; onSave: (finding: Finding) => void }) {
  const data = useLiveQuery(async () => {
    const [documents, versions] = await Promise.all([recordsOf(db, 'tosDocuments', caseId), recordsOf(db, 'tosVersions', caseId)]);
    return { documents, versions: versions.sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate)) };
  }, [caseId]);
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [fromId, setFromId] = useState<string | null>(null);
  const [toId, setToId] = useState<string | null>(null);
  const [splitConfirmed, setSplitConfirmed] = useState<string | null>(null);
  const versionCount = (id: string) => data?.versions.filter((v) => v.documentId === id).length ?? 0;
  // Until the user picks one, the first document that has something to compare.
  const doc = data?.documents.find((d) => d.id === documentId) ?? data?.documents.find((d) => versionCount(d.id) >= 2) ?? data?.documents[0];
  const versions = data?.versions.filter((v) => v.documentId === doc?.id) ?? [];
  const from = versions.find((v) => v.id === fromId) ?? versions[versions.length - 2];
  const to = versions.find((v) => v.id === toId) ?? versions[versions.length - 1];
  const caseActions = useCaseActions();
  const { linkToClaim } = caseActions;
  const annotations = useLiveQuery(() => clauseAnnotations(db, caseId), [caseId]);
  const lines = useLiveQuery(async () => {
    if (!from || !to) return null;
    const [a, b] = await Promise.all([clausesOfVersion(db, from.id), clausesOfVersion(db, to.id)]);
    return redline(a, b);
  }, [from?.id, to?.id]);

  if (!data) return null;
  if (data.documents.length === 0) return <p className="muted">A redline needs two versions of the same document; none are imported.</p>;
  const changed = lines?.filter((l) => l.status !== 'unchanged' && l.status !== 'formatting') ?? [];
  const formatting = lines?.filter((l) => l.status === 'formatting') ?? [];
  const summary = lines ? summarizeRedline(lines) : null;
  const pairKey = `${from?.id}>${to?.id}`;
  const confirmed = splitConfirmed === pairKey;
  return (
    <div className="redline">
      <div className="field-row compact">
        <label className="field">
          <span className="field-label">Document</span>
          <select aria-label="Document" value={doc?.id} onChange={(e) => { setDocumentId(e.target.value); setFromId(null); setToId(null); }}>
            {data.documents.map((d) => (
              <option key={d.id} value={d.id}>{d.title}</option>
            ))}
          </select>
        </label>
        {versions.length >= 2 && <VersionSelect label="From version" versions={versions} value={from?.id} onChange={setFromId} />}
        {versions.length >= 2 && <VersionSelect label="To version" versions={versions} value={to?.id} onChange={setToId} />}
      </div>
      {versions.length < 2 && <p className="muted">A redline needs two versions of the same document; only one of “{doc?.title}” is imported.</p>}
      {versions.length >= 2 && lines && doc && from && to && (
        <>
          {summary?.splitWarning && (
            <div className="split-warning" role="alert">
              <p>
                <strong>Check the split first.</strong> {summary.splitWarning}
              </p>
              <div className="outlines">
                <Outline title={`Version of ${from.effectiveDate}`} lines={lines} side="from" />
                <Outline title={`Version of ${to.effectiveDate}`} lines={lines} side="to" />
              </div>
              <label className="field inline">
                <input type="checkbox" checked={confirmed} onChange={(e) => setSplitConfirmed(e.target.checked ? pairKey : null)} /> I compared both outlines; the redline may be saved as a finding
              </label>
            </div>
          )}
          <div className="actions">
            <button type="button" disabled={saving || (!!summary?.splitWarning && !confirmed)} onClick={() => onSave(redlineFinding(caseId, actor, { title: doc.title, from, to, clauses: lines, splitConfirmed: confirmed }))}>
              Save redline as finding
            </button>
          </div>
          <p className="muted small">
            {changed.length} of {summary!.toClauses} clauses differ: {(['added', 'removed', 'changed', 'renumbered'] as const).map((s) => `${summary![s]} ${s}`).join(', ')}
            {formatting.length > 0 && `; ${formatting.length} more differ in formatting only (listed below, not counted)`}. Insertions are underlined, deletions struck through.
          </p>
          <ol className="redline-clauses">
            {changed.map((l, i) => (
              <li key={i} className={`redline-clause ${l.status}`}>
                <div className="clause-head">
                  <span className="clause-number mono">{l.from && l.to && l.from.citation !== l.to.citation ? `${l.from.citation} → ${l.to.citation}` : (l.to ?? l.from)!.citation}</span>
                  <span className={`status status-${l.status}`}>{l.status}</span>
                  <span className="muted small">{(l.to ?? l.from)!.headingPath.at(-1)}</span>
                </div>
                {l.status === 'added' || l.status === 'renumbered' ? (
                  <SelectableText
                  actions={caseActions}
                    className={l.status === 'added' ? 'clause-text added-text' : 'clause-text'}
                    text={l.to!.text}
                    target={{ kind: 'tosClause', id: l.to!.id }}
                    highlights={annotationHighlights(annotationsOn(annotations ?? [], 'tosClause', l.to!.id))}
                  />
                ) : (
                  <p className="clause-text">
                    {l.status === 'removed' && <del>{l.from!.text}</del>}
                    {l.status === 'changed' &&
                      (l.segments
                        ? l.segments.map((s, k) => (s.kind === 'inserted' ? <ins key={k}>{s.text}</ins> : s.kind === 'deleted' ? <del key={k}>{s.text}</del> : <span key={k}>{s.text}</span>))
                        : `${l.to!.text} (too different to mark word by word)`)}
                  </p>
                )}
                {l.status === 'changed' &&
                  annotationsOn(annotations ?? [], 'tosClause', l.to!.id).map((a) => (
                    <p key={a.id} className="small clause-annotation">
                      <span className="label-tag">{a.label}</span> on “{a.target.span ? l.to!.text.slice(a.target.span.start, a.target.span.end) : 'the whole clause'}” {a.comment} <span className="muted">({a.author})</span>
                    </p>
                  ))}
                {l.to && (
                  <button type="button" className="link small" onClick={() => linkToClaim({ kind: 'tosClause', id: l.to!.id })}>
                    Link clause {l.to.citation} of {to.effectiveDate} to claim…
                  </button>
                )}
              </li>
            ))}
          </ol>
          {formatting.length > 0 && (
            <details className="formatting-only">
              <summary>
                {formatting.length} clause{formatting.length === 1 ? '' : 's'} changed in formatting only (invisible characters, emphasis, escapes, link targets, quotes or spacing): the words are the same
              </summary>
              <ul>
                {formatting.map((l) => (
                  <li key={l.to!.id} className="mono small">
                    {l.to!.citation}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
    </div>
  );
}

/** One version's clause outline beside the other's, to see whether they were split alike. */
function Outline({ title, lines, side }: { title: string; lines: RedlineLine<TosClause>[]; side: 'from' | 'to' }) {
  const clauses = lines.flatMap((l) => (l[side] ? [{ clause: l[side]!, status: l.status }] : [])).sort((a, b) => a.clause.order - b.clause.order);
  return (
    <div className="outline-scroll" aria-label={`Outline: ${title}`}>
      <strong>{title}</strong> <span className="muted small">{clauses.length} clauses</span>
      <ol className="outline">
        {clauses.map(({ clause, status }) => (
          <li key={clause.id} className={`small status-${status}`}>
            <span className="mono">{clause.citation}</span> {clause.text.replace(/\s+/g, ' ').slice(0, 60)}
          </li>
        ))}
      </ol>
    </div>
  );
}
