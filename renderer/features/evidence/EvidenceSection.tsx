import { queryProvenanceOf } from '../../../shared/import/query-provenance';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { EvidenceKind } from '../../../shared/model/records';
import type { Place } from '../../../shared/search/case-search';
import { db } from '../../db/db';
import { formatBytes, formatTime } from '../../format';
import { evidenceFocus, type EvidenceFocus } from './evidence-focus';
import { SourceDetail } from './SourceDetail';
import { TosTimeline } from './TosTimeline';
import { recordById, recordsOf } from '../../db/case-store';
import { ROLE_LABELS } from '../../../shared/analysis/attribution-plan';
import { caseRoles } from '../analysis';
import { StoredPairView } from '../analysis';

const KIND: Record<EvidenceKind, string> = { log: 'API log', pairs: 'Output pairs', tos: 'Terms of Service' };

export function EvidenceSection({ caseId, onImport, onImportTermsHistory, focus }: { caseId: string; onImport: () => void; onImportTermsHistory: () => void; focus?: Place }) {
  const sources = useLiveQuery(() => recordsOf(db, 'sources', caseId, 'importedAt'), [caseId]);
  const [selected, setSelected] = useState<string | null>(null);
  const [focused, setFocused] = useState<EvidenceFocus | null>(null);
  const [openPair, setOpenPair] = useState<string | null>(null);
  const source = sources?.find((s) => s.id === selected);
  const pair = useLiveQuery(() => (openPair ? recordById(db, 'outputPairs', openPair) : undefined), [openPair]);
  const roles = useLiveQuery(() => caseRoles(db, caseId), [caseId]);

  useEffect(() => {
    let live = true;
    if (focus) {
      void evidenceFocus(focus).then((found) => {
        if (!live || !found) return;
        setFocused(found);
        setSelected(found.sourceId);
        setOpenPair(found.pairId ?? null);
      });
    }
    return () => {
      live = false;
    };
  }, [focus]);
  if (!sources) return <p className="muted">Loading…</p>;
  return (
    <section aria-labelledby="evidence-heading">
      <div className="section-head">
        <h2 id="evidence-heading">Evidence</h2>
        <div className="actions">
          <button type="button" onClick={onImportTermsHistory}>
            Import terms history…
          </button>
          <button type="button" className="primary" onClick={onImport}>
            Import files…
          </button>
        </div>
      </div>
      {sources.length === 0 ? (
        <div className="empty drop-hint">
          <h3>No evidence imported</h3>
          <p>Drop API log excerpts (JSON Lines, CSV, TSV), model-output pairs or answer files (JSON, JSONL, CSV) and Terms of Service versions (.md, .html, .txt, .pdf) anywhere on this case, or choose Import files…. Every recorded version of a document, from an Open Terms Archive repository or a folder of dated files, comes in with Import terms history….</p>
          <p className="muted">Every file is kept byte for byte with its SHA-256; every record points back to its line.</p>
        </div>
      ) : (
        <>
          <table className="table sources-table">
            <thead>
              <tr>
                <th>File</th>
                <th>Kind</th>
                <th>Size</th>
                <th>SHA-256</th>
                <th className="num">Records</th>
                <th className="num">Rejected</th>
                <th>Imported</th>
                <th>By</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((s) => (
                <tr key={s.id} className={s.id === selected ? 'selected' : undefined}>
                  <td>
                    <button type="button" className="link" onClick={() => setSelected(s.id === selected ? null : s.id)}>
                      {s.fileName}
                    </button>
                  </td>
                  <td>
                    {KIND[s.kind]}
                    {queryProvenanceOf(s) && <div className="muted small">from a warehouse query</div>}
                    {roles?.models
                      .filter((m) => m.sourceIds.includes(s.id))
                      .map((m) => {
                        const role = roles.roles.find((r) => r.model === m.model)?.role ?? m.importedAs;
                        return (
                          <div key={m.model} className="small" data-testid="answers-role">
                            <span className="mono">{m.model}</span>: {role === 'suspect' ? <strong>{ROLE_LABELS[role]}</strong> : ROLE_LABELS[role]}
                            {role !== m.importedAs && <span className="muted"> (imported as {ROLE_LABELS[m.importedAs].toLowerCase()}; the plan decides)</span>}
                          </div>
                        );
                      })}
                  </td>
                  <td className="nowrap">{formatBytes(s.size)}</td>
                  <td className="mono hash" title={s.sha256}>
                    {s.sha256.slice(0, 16)}…
                  </td>
                  <td className="num">{s.recordCount.toLocaleString('en-US')}</td>
                  <td className={s.rejectedCount ? 'num warn' : 'num'}>{s.rejectedCount.toLocaleString('en-US')}</td>
                  <td className="nowrap">{formatTime(s.importedAt)}</td>
                  <td className="nowrap">{s.importedBy}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <TosTimeline caseId={caseId} onOpen={setSelected} />
          {source && <SourceDetail key={`${source.id}-${JSON.stringify(focused)}`} source={source} focus={focused?.sourceId === source.id ? focused : null} onOpenPair={setOpenPair} onClose={() => setSelected(null)} />}
        </>
      )}
      {pair && <StoredPairView caseId={caseId} pair={pair} focus={focused?.pairId === pair.id && focused.field !== 'prompt' ? { field: focused.field, span: focused.span, ...(focused.model && { model: focused.model }) } : undefined} onClose={() => setOpenPair(null)} />}
    </section>
  );
}
