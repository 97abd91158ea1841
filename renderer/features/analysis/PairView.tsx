import { useMemo, useState, type ReactNode } from 'react';
import { annotationsOn } from '../../../shared/claims/targets';
import { pairMarkup, segmentHighlights } from '../../../shared/analysis/pair-markup';
import type { PairResult } from '../../../shared/analysis/pair-analysis';
import { METRICS, METRIC_LABELS, type PairSettings } from '../../../shared/analysis/pair-metrics';
import { compileMarkers, findMarkers, type MarkerHit } from '../../../shared/analysis/markers';
import { fieldOutput, type Marker, type OutputPair, type Span } from '../../../shared/model/records';
import { Modal } from '../../components/Modal';
import { SelectableText, annotationHighlights } from '../../components/SelectableText';
import { AnnotationsList } from '../claims';
import { useCaseActions } from '../cases';
import { useCaseEvidence } from '../claims';

type Field = 'original' | 'suspect' | 'control';

/** What the last analysis says about this pair, when one has run. */
export interface PairMeasures {
  result: PairResult;
  settings: PairSettings;
  markers: Marker[];
  /** The model the measures compare as the control: the plan's first reference. */
  controlModel: string | null;
  sentBy: ReactNode;
}

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
 * The one view of an output pair, from the evidence list and from the
 * analysis alike: the outputs side by side with what differs from the
 * original and the verbatim runs they share marked (once an analysis has
 * run), the measures, who sent the prompt, the annotations, and selection
 * to annotate or link a span. The third column is the plan's first
 * reference unless another model is chosen or a link points at it.
 */
export function PairView({ pair, measures, reference, focus, onClose }: { pair: OutputPair; measures: PairMeasures | null; reference: string | null; focus?: { field?: Field | 'prompt'; span?: Span; model?: string }; onClose: () => void }) {
  const caseActions = useCaseActions();
  const { caseId, linkToClaim } = caseActions;
  const evidence = useCaseEvidence(caseId);
  const [thirdModel, setThirdModel] = useState(focus?.field === 'control' && focus.model ? focus.model : (reference ?? undefined));
  const [minRun, setMinRun] = useState(6);
  const other = fieldOutput(pair, 'control', thirdModel);
  const settings = measures?.settings;
  const compiled = useMemo(() => compileMarkers(measures?.markers ?? []), [measures]);
  // The analysis found the control's markers; another model's are found here, with the same list.
  const hits = useMemo(() => {
    if (!measures) return null;
    const found = measures.result.markers;
    return { original: found.original, suspect: found.suspect, other: other && other.model === measures.controlModel ? (found.control ?? []) : other ? findMarkers(other.text, compiled) : [] };
  }, [measures, other, compiled]);
  const marked = useMemo(() => (settings && hits ? pairMarkup(pair.original.text, pair.suspect.text, minRun, settings, { reference: hits.original, candidate: hits.suspect }) : null), [pair, minRun, settings, hits]);
  const markedOther = useMemo(() => (settings && hits && other ? pairMarkup(pair.original.text, other.text, minRun, settings, { reference: hits.original, candidate: hits.other }) : null), [pair, other, minRun, settings, hits]);
  if (!evidence) return null;
  // A marker edited or removed since the analysis ran is still named as it was found.
  const markerLabel = (id: string) => measures?.markers.find((m) => m.id === id)?.label ?? 'a marker no longer in the list';
  const annotations = evidence.state.annotations.filter((a) => a.target.kind === 'outputPair' && a.target.id === pair.id);
  const focusOn = (field: Field, model?: string) => (focus?.field === field && focus.span && (field !== 'control' || focus.model === undefined || focus.model === model) ? [{ ...focus.span, className: 'focused', title: 'The linked span' }] : []);
  const columns = [
    { field: 'original' as const, title: `Original · ${pair.original.model}`, output: pair.original, segments: marked?.reference, hits: hits?.original },
    { field: 'suspect' as const, title: `Suspect · ${pair.suspect.model}`, output: pair.suspect, segments: marked?.candidate, hits: hits?.suspect },
    ...(other ? [{ field: 'control' as const, title: `${other.model === reference ? 'Reference' : 'Other model'} · ${other.model}`, output: other, segments: markedOther?.candidate, hits: hits?.other }] : []),
  ];
  const control = measures?.result.control;
  return (
    <Modal title={`Pair ${pair.promptId}`} wide onClose={onClose}>
      <p className="pair-prompt">
        <span className="muted small">Prompt </span>
        {pair.prompt}
      </p>
      <div className="pair-controls">
        {pair.others.length > 1 && (
          <label className="field inline">
            <span className="field-label">Third column</span>
            <select aria-label="Other model shown" value={other?.model ?? ''} onChange={(e) => setThirdModel(e.target.value)}>
              {pair.others.map((o) => (
                <option key={o.model} value={o.model}>
                  {o.model}
                  {o.model === reference ? ' (the plan’s first reference)' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        {measures && (
          <label className="field inline">
            <span className="field-label">Highlight shared runs of at least</span>
            <input type="number" min={2} max={50} value={minRun} aria-label="Minimum run length in tokens" onChange={(e) => setMinRun(Math.max(2, Number(e.target.value) || 2))} /> tokens
          </label>
        )}
        {measures && <span className="legend-key run">shared verbatim run</span>}
        {measures && <span className="legend-key diff">differs from the original</span>}
        {measures && <span className="legend-key marker">marker</span>}
        <span className="legend-key annotated">annotated</span>
      </div>
      <p className="muted small">Select text in an output to annotate it or link it to a claim. Annotated spans are underlined; hover for the label and comment.</p>
      {marked && settings && !marked.exact && (
        <p className="banner banner-bad" role="alert">
          This pair differs by more than {settings.maxEditLength.toLocaleString('en-US')} tokens: differences are not marked word by word. The metrics and the shared runs are still exact.
        </p>
      )}
      <div className={`pair-columns cols-${columns.length}`}>
        {columns.map((c) => {
          const model = c.field === 'control' ? other?.model : undefined;
          return (
            <section key={c.field} className="pair-column" aria-label={c.title}>
              <h3>{c.title}</h3>
              <p className="muted small">line {c.output.ref.line} of its source</p>
              {c.hits && <MarkersFound hits={c.hits} markerLabel={markerLabel} />}
              <SelectableText
                  actions={caseActions}
                text={c.output.text}
                target={{ kind: 'outputPair', id: pair.id, field: c.field, ...(model && { model }) }}
                highlights={[...(c.segments ? segmentHighlights(c.segments, (id) => `Marker: ${markerLabel(id)}`) : []), ...annotationHighlights(annotationsOn(annotations, 'outputPair', pair.id, c.field, model)), ...focusOn(c.field, model)]}
              />
            </section>
          );
        })}
      </div>
      {measures ? (
        <>
          <table className="table metrics-table">
            <thead>
              <tr>
                <th>Similarity to the original</th>
                <th className="num">Suspect</th>
                {control && <th className="num">Reference · {measures.controlModel}</th>}
              </tr>
            </thead>
            <tbody>
              {METRICS.map((m) => (
                <tr key={m}>
                  <td>{METRIC_LABELS[m]}</td>
                  <td className="num">{measures.result.suspect.values[m].toFixed(3)}</td>
                  {control && <td className="num">{control.values[m].toFixed(3)}</td>}
                </tr>
              ))}
              <tr>
                <td>Longest verbatim run</td>
                <td className="num">
                  {measures.result.suspect.longestRun.length} tokens, {measures.result.suspect.longestRun.characters} characters
                </td>
                {control && (
                  <td className="num">
                    {control.longestRun.length} tokens, {control.longestRun.characters} characters
                  </td>
                )}
              </tr>
              <tr>
                <td>Same Markdown outline · opening · closing sentence</td>
                <td className="num">{[measures.result.suspect.sameSkeleton, measures.result.suspect.sameOpening, measures.result.suspect.sameClosing].map((b) => (b ? 'yes' : 'no')).join(' · ')}</td>
                {control && <td className="num">{[control.sameSkeleton, control.sameOpening, control.sameClosing].map((b) => (b ? 'yes' : 'no')).join(' · ')}</td>}
              </tr>
            </tbody>
          </table>
          <p className="small">
            <strong>Most similar original outputs in the whole case</strong> (n-gram Jaccard, MinHash index):{' '}
            {measures.result.nearestOriginals.length
              ? measures.result.nearestOriginals.map((m) => `${m.promptId}${m.pairId === pair.id ? ' (its own prompt)' : ''} ${m.similarity.toFixed(2)}`).join(' · ')
              : 'none is a near-duplicate of this output'}
          </p>
          {measures.sentBy}
        </>
      ) : (
        <p className="muted small">The measures, the marked differences and who sent this prompt appear here once the analysis has run (Analysis › Run analysis).</p>
      )}
      <h3>Annotations on this pair</h3>
      <AnnotationsList annotations={annotations} catalog={evidence.catalog} showTarget={true} />
      <div className="modal-actions">
        <button type="button" onClick={() => linkToClaim({ kind: 'outputPair', id: pair.id })}>
          Link whole pair to claim…
        </button>
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
