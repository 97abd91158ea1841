import { useLiveQuery } from 'dexie-react-hooks';
import type { SourceRecord } from '../../../shared/model/records';
import { db } from '../../db/db';
import { LogRowsView } from './LogRowsView';

const excerpt = (text: string, n = 140) => (text.length > n ? `${text.slice(0, n)}…` : text);

function PairsOfSource({ source }: { source: SourceRecord }) {
  const pairs = useLiveQuery(
    () => db.outputPairs.where('caseId').equals(source.caseId).filter((p) => [p.original, p.suspect, p.control].some((o) => o?.ref.sourceId === source.id)).toArray(),
    [source],
  );
  if (!pairs) return <p className="muted">Loading…</p>;
  return (
    <table className="table pairs-table">
      <thead>
        <tr>
          <th>Prompt</th>
          <th>Original</th>
          <th>Suspect</th>
          <th>Control</th>
        </tr>
      </thead>
      <tbody>
        {pairs.map((p) => (
          <tr key={p.id}>
            <td>
              <span className="mono muted">{p.promptId}</span>
              <br />
              {excerpt(p.prompt, 100)}
            </td>
            {[p.original, p.suspect, p.control].map((o, i) => (
              <td key={i}>
                {o ? (
                  <>
                    <span className="mono muted">
                      {o.model} · line {o.ref.line}
                    </span>
                    <br />
                    {excerpt(o.text)}
                  </>
                ) : (
                  <span className="muted">none</span>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ClausesOfSource({ source }: { source: SourceRecord }) {
  const clauses = useLiveQuery(async () => {
    const version = await db.tosVersions.where('caseId').equals(source.caseId).filter((v) => v.sourceId === source.id).first();
    return version ? db.tosClauses.where('versionId').equals(version.id).sortBy('order') : [];
  }, [source]);
  if (!clauses) return <p className="muted">Loading…</p>;
  return (
    <ol className="clauses">
      {clauses.map((c) => (
        <li key={c.id} className="clause">
          <div className="clause-head">
            <span className="clause-number mono">{c.number || '¶'}</span>
            <span className="muted small">{c.headingPath.join(' › ')}</span>
            <span className="muted small">line {c.line}</span>
          </div>
          <p className="clause-text">{c.text}</p>
        </li>
      ))}
    </ol>
  );
}

/** One imported file: its provenance, what was left out, and its records. */
export function SourceDetail({ source, onClose }: { source: SourceRecord; onClose: () => void }) {
  return (
    <section className="source-detail" aria-label={`Source ${source.fileName}`}>
      <header className="source-detail-head">
        <div>
          <h3>{source.fileName}</h3>
          <p className="muted small">
            SHA-256 <span className="mono">{source.sha256}</span> · imported {new Date(source.importedAt).toLocaleString()} by {source.importedBy}
          </p>
        </div>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </header>
      {source.rejectedCount > 0 && (
        <details className="rejected-rows">
          <summary>
            {source.rejectedCount.toLocaleString('en-US')} row{source.rejectedCount === 1 ? ' was' : 's were'} rejected at import
          </summary>
          <ul>
            {source.rejectedRows.map((r) => (
              <li key={r.line}>
                <span className="mono">line {r.line}</span>: {r.reason}
              </li>
            ))}
            {source.rejectedCount > source.rejectedRows.length && <li className="muted">… the first {source.rejectedRows.length} are listed</li>}
          </ul>
        </details>
      )}
      {source.kind === 'log' && <LogRowsView source={source} />}
      {source.kind === 'pairs' && <PairsOfSource source={source} />}
      {source.kind === 'tos' && <ClausesOfSource source={source} />}
    </section>
  );
}
