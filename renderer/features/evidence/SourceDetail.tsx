import { describeQueryProvenance, queryProvenanceOf } from '../../../shared/import/query-provenance';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { annotationsOn, sourceDependents } from '../../../shared/claims/targets';
import type { SourceRecord } from '../../../shared/model/records';
import { useCaseActions } from '../cases';
import { useCaseEvidence } from '../claims';
import { SelectableText, annotationHighlights } from '../../components/SelectableText';
import { useConfirm } from '../../components/use-confirm';
import { db } from '../../db/db';
import { isCancellation } from '../../../shared/errors';
import { removeSource } from './sources-store';
import { clausesOfSource, pairsFromSource } from './evidence-store';
import { clauseAnnotations } from '../claims';
import { JobProgress } from '../../components/JobProgress';
import { useJob } from '../../hooks/use-job';
import { Modal } from '../../components/Modal';
import { errorText } from '../../components/notices';
import type { EvidenceFocus } from './evidence-focus';
import { LogRowsView } from './LogRowsView';
import { formatTime } from '../../format';

const excerpt = (text: string, n = 140) => (text.length > n ? `${text.slice(0, n)}…` : text);

function PairsOfSource({ source, onOpenPair }: { source: SourceRecord; onOpenPair: (pairId: string) => void }) {
  const pairs = useLiveQuery(
    () => pairsFromSource(db, source),
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
          <th>Other model</th>
        </tr>
      </thead>
      <tbody>
        {pairs.map((p) => (
          <tr key={p.id}>
            <td>
              <button type="button" className="link mono" onClick={() => onOpenPair(p.id)} title="Open the pair to annotate or link it">
                {p.promptId}
              </button>
              <br />
              {excerpt(p.prompt, 100)}
            </td>
            {[p.original, p.suspect, p.others.find((o) => o.ref.sourceId === source.id) ?? p.others[0]].map((o, i) => (
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

function ClausesOfSource({ source, focus }: { source: SourceRecord; focus: EvidenceFocus | null }) {
  const caseActions = useCaseActions();
  const { linkToClaim, annotate } = caseActions;
  const annotations = useLiveQuery(() => clauseAnnotations(db, source.caseId), [source]);
  const clauses = useLiveQuery(() => clausesOfSource(db, source), [source]);
  useEffect(() => {
    if (clauses && focus?.clauseId) document.querySelector(`[data-clause="${focus.clauseId}"]`)?.scrollIntoView({ block: 'center' });
  }, [clauses, focus]);
  if (!clauses || !annotations) return <p className="muted">Loading…</p>;
  return (
    <ol className="clauses">
      {clauses.map((c) => {
        const focused = focus?.clauseId === c.id;
        const target = { kind: 'tosClause' as const, id: c.id };
        return (
          <li key={c.id} className={focused ? 'clause focused' : 'clause'} data-clause={c.id}>
            <div className="clause-head">
              <span className="clause-number mono">{c.citation}</span>
              <span className="muted small">{c.headingPath.join(' › ')}</span>
              <span className="muted small">line {c.line}</span>
              <span className="clause-actions">
                <button type="button" className="link small" onClick={() => annotate(target)}>
                  Annotate…
                </button>
                <button type="button" className="link small" onClick={() => linkToClaim(target)}>
                  Link to claim…
                </button>
              </span>
            </div>
            <SelectableText
                  actions={caseActions}
              className="clause-text"
              text={c.text}
              target={target}
              highlights={[...annotationHighlights(annotationsOn(annotations, 'tosClause', c.id)), ...(focused && focus.span ? [{ ...focus.span, className: 'focused', title: 'The linked span' }] : [])]}
            />
            {annotations
              .filter((a) => a.target.id === c.id && !a.target.span)
              .map((a) => (
                <p key={a.id} className="small clause-annotation">
                  <span className="label-tag">{a.label}</span> {a.comment} <span className="muted">({a.author})</span>
                </p>
              ))}
          </li>
        );
      })}
    </ol>
  );
}

/** Removing a file asks first and lists what depends on it; links and annotations to it then show as broken. */
function RemoveSourceButton({ source, onRemoved }: { source: SourceRecord; onRemoved: () => void }) {
  const { caseId, actor } = useCaseActions();
  const evidence = useCaseEvidence(caseId);
  const [confirmation, confirm] = useConfirm();
  const { progress, run, cancel } = useJob();
  const [message, setMessage] = useState<string | null>(null);
  const remove = async () => {
    if (!evidence) return;
    setMessage(null);
    const d = sourceDependents(source.id, evidence.catalog, evidence.state.links);
    const records = [d.logRows && `${d.logRows.toLocaleString('en-US')} log rows`, d.pairs && `${d.pairs} output pairs`, d.clauses && `${d.clauses} ToS clauses`].filter(Boolean).join(', ');
    const ok = await confirm({
      title: 'Remove file from the case',
      confirmLabel: 'Remove file',
      danger: true,
      message: (
        <>
          <p>
            Remove {source.fileName} and its records ({records || 'none'}) from this case? The removal is recorded in the case history.
          </p>
          {d.links.length + d.annotations.length + d.findings.length > 0 ? (
            <>
              <p>These depend on it and will show as broken:</p>
              <ul>
                {d.links.length > 0 && <li>{d.links.length} link{d.links.length === 1 ? '' : 's'} to claim elements</li>}
                {d.annotations.length > 0 && <li>{d.annotations.length} annotation{d.annotations.length === 1 ? '' : 's'}</li>}
                {d.findings.length > 0 && <li>{d.findings.length} saved finding{d.findings.length === 1 ? '' : 's'} citing its rows: {d.findings.map((f) => f.title).join('; ')}</li>}
              </ul>
            </>
          ) : (
            <p>Nothing in the case depends on it.</p>
          )}
        </>
      ),
    });
    if (!ok) return;
    try {
      await run((job) => removeSource(db, source, d, actor, job));
      onRemoved();
    } catch (error) {
      setMessage(isCancellation(error) ? (error as Error).message : `${source.fileName} was not removed: ${errorText(error)}`);
    }
  };
  return (
    <>
      <button type="button" className="danger-quiet" onClick={() => void remove()} disabled={!evidence || progress !== null} title={evidence ? undefined : 'Reading what depends on this file…'}>
        Remove file…
      </button>
      {confirmation}
      {progress && (
        <Modal title="Removing file" onClose={cancel}>
          <JobProgress progress={progress} label="Removal progress" />
          <div className="modal-actions">
            <button type="button" className="danger" onClick={cancel}>
              Cancel
            </button>
          </div>
        </Modal>
      )}
      {message && (
        <p className="banner banner-bad" role="alert">
          {message}
        </p>
      )}
    </>
  );
}

/** One imported file: its provenance, what was left out, and its records. */
export function SourceDetail({ source, focus, onOpenPair, onClose }: { source: SourceRecord; focus: EvidenceFocus | null; onOpenPair: (pairId: string) => void; onClose: () => void }) {
  const fromQuery = queryProvenanceOf(source);
  return (
    <section className="source-detail" aria-label={`Source ${source.fileName}`}>
      <header className="source-detail-head">
        <div>
          <h3>{source.fileName}</h3>
          <p className="muted small">
            SHA-256 <span className="mono">{source.sha256}</span> · imported {formatTime(source.importedAt)} by {source.importedBy}
          </p>
        </div>
        <div className="actions">
          <RemoveSourceButton source={source} onRemoved={onClose} />
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </header>
      {fromQuery && <p className="import-note">{describeQueryProvenance(fromQuery, true)}</p>}
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
      {source.kind === 'log' && <LogRowsView source={source} focus={focus} />}
      {source.kind === 'pairs' && <PairsOfSource source={source} onOpenPair={onOpenPair} />}
      {source.kind === 'tos' && <ClausesOfSource source={source} focus={focus} />}
    </section>
  );
}
