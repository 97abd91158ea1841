import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState, type ReactNode } from 'react';
import { annotationsOn } from '../../../shared/claims/targets';
import { pairMarkup, segmentHighlights } from '../../../shared/analysis/pair-markup';
import type { PairResult } from '../../../shared/analysis/pair-analysis';
import { METRICS, METRIC_LABELS, type PairSettings } from '../../../shared/analysis/pair-metrics';
import type { MarkerHit } from '../../../shared/analysis/markers';
import { fieldOutput, type Marker, type OutputPair } from '../../../shared/model/records';
import { Modal } from '../../components/Modal';
import { SelectableText, annotationHighlights } from '../../components/SelectableText';
import { db } from '../../db/db';
import { annotationsOfTarget } from '../claims/claims-store';

/** The markers found in one output, each with how often. */
function MarkersFound({ hits, markerLabel }: { hits: MarkerHit[]; markerLabel: (id: string) => string }) {
  if (hits.length === 0) return <p className="muted small">No markers found.</p>;
  const counts = new Map<string, number>();
  for (const h of hits) counts.set(h.markerId, (counts.get(h.markerId) ?? 0) + 1);
  return (
    <p className="small markers-found">
      Markers: {[...counts].map(([id, n]) => `${markerLabel(id)}${n > 1 ? ` ×${n}` : ''}`).join(' · ')}
    </p>
  );
}

/**
 * One prompt's outputs side by side: what differs from the original is
 * marked, and every verbatim run of at least N tokens shared with the
 * original is highlighted in both columns.
 */
export function PairView({ pair, result, controlModel, settings, markers, sentBy, onClose }: { pair: OutputPair; result: PairResult; controlModel: string | null; settings: PairSettings; markers: Marker[]; sentBy: ReactNode; onClose: () => void }) {
  const { suspect, control } = result;
  const other = fieldOutput(pair, 'control', controlModel ?? undefined);
  const hits = result.markers;
  const [minRun, setMinRun] = useState(6);
  const marked = useMemo(() => pairMarkup(pair.original.text, pair.suspect.text, minRun, settings, { reference: hits.original, candidate: hits.suspect }), [pair, minRun, settings, hits]);
  const markedControl = useMemo(
    () => (other ? pairMarkup(pair.original.text, other.text, minRun, settings, { reference: hits.original, candidate: hits.control ?? [] }) : null),
    [pair, other, minRun, settings, hits],
  );
  // A marker edited or removed since the analysis ran is still named as it was found.
  const markerLabel = (id: string) => markers.find((m) => m.id === id)?.label ?? 'a marker no longer in the list';
  const annotations = useLiveQuery(() => annotationsOfTarget(db, pair.id), [pair.id]) ?? [];
  const columns = [
    { field: 'original' as const, title: `Original · ${pair.original.model}`, output: pair.original, segments: marked.reference, hits: hits.original },
    { field: 'suspect' as const, title: `Suspect · ${pair.suspect.model}`, output: pair.suspect, segments: marked.candidate, hits: hits.suspect },
    ...(other && markedControl ? [{ field: 'control' as const, title: `Reference · ${other.model}`, output: other, segments: markedControl.candidate, hits: hits.control ?? [] }] : []),
  ];
  return (
    <Modal title={`Pair ${pair.promptId}`} wide onClose={onClose}>
      <p className="pair-prompt">
        <span className="muted small">Prompt </span>
        {pair.prompt}
      </p>
      <div className="pair-controls">
        <label className="field inline">
          <span className="field-label">Highlight shared runs of at least</span>
          <input type="number" min={2} max={50} value={minRun} aria-label="Minimum run length in tokens" onChange={(e) => setMinRun(Math.max(2, Number(e.target.value) || 2))} /> tokens
        </label>
        <span className="legend-key run">shared verbatim run</span>
        <span className="legend-key diff">differs from the original</span>
        <span className="legend-key marker">marker</span>
        <span className="legend-key annotated">annotated</span>
      </div>
      {!marked.exact && (
        <p className="banner banner-bad" role="alert">
          This pair differs by more than {settings.maxEditLength.toLocaleString('en-US')} tokens: differences are not marked word by word. The metrics and the shared runs are still exact.
        </p>
      )}
      <div className={`pair-columns cols-${columns.length}`}>
        {columns.map((c) => (
          <section key={c.title} className="pair-column" aria-label={c.title}>
            <h3>{c.title}</h3>
            <p className="muted small">line {c.output.ref.line} of its source</p>
            <MarkersFound hits={c.hits} markerLabel={markerLabel} />
            <SelectableText
              text={c.output.text}
              target={{ kind: 'outputPair', id: pair.id, field: c.field }}
              highlights={[...segmentHighlights(c.segments, (id) => `Marker: ${markerLabel(id)}`), ...annotationHighlights(annotationsOn(annotations, 'outputPair', pair.id, c.field, c.field === 'control' ? other?.model : undefined))]}
            />
          </section>
        ))}
      </div>
      <table className="table metrics-table">
        <thead>
          <tr>
            <th>Similarity to the original</th>
            <th className="num">Suspect</th>
            {control && <th className="num">Control</th>}
          </tr>
        </thead>
        <tbody>
          {METRICS.map((m) => (
            <tr key={m}>
              <td>{METRIC_LABELS[m]}</td>
              <td className="num">{suspect.values[m].toFixed(3)}</td>
              {control && <td className="num">{control.values[m].toFixed(3)}</td>}
            </tr>
          ))}
          <tr>
            <td>Longest verbatim run</td>
            <td className="num">
              {suspect.longestRun.length} tokens, {suspect.longestRun.characters} chars
            </td>
            {control && (
              <td className="num">
                {control.longestRun.length} tokens, {control.longestRun.characters} chars
              </td>
            )}
          </tr>
          <tr>
            <td>Same Markdown outline · opening · closing sentence</td>
            <td className="num">{[suspect.sameSkeleton, suspect.sameOpening, suspect.sameClosing].map((b) => (b ? 'yes' : 'no')).join(' · ')}</td>
            {control && <td className="num">{[control.sameSkeleton, control.sameOpening, control.sameClosing].map((b) => (b ? 'yes' : 'no')).join(' · ')}</td>}
          </tr>
        </tbody>
      </table>
      <p className="small">
        <strong>Most similar original outputs in the whole case</strong> (n-gram Jaccard, MinHash index):{' '}
        {result.nearestOriginals.length
          ? result.nearestOriginals.map((m) => `${m.promptId}${m.pairId === pair.id ? ' (its own prompt)' : ''} ${m.similarity.toFixed(2)}`).join(' · ')
          : 'none is a near-duplicate of this output'}
      </p>
      {sentBy}
      <div className="modal-actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
