import { MARKER_KIND_LABELS } from '../../../shared/analysis/markers';
import type { PairsAnalysis } from '../../../shared/analysis/pair-analysis';

/** Per marker, in how many outputs of each model it was found. */
export function MarkersSummary({ analysis }: { analysis: PairsAnalysis }) {
  if (analysis.markers.length === 0) return <p className="muted">No markers were looked for: add some under “Markers the analysis looks for”.</p>;
  return (
    <table className="table markers-summary">
      <thead>
        <tr>
          <th>Marker</th>
          <th>Kind</th>
          <th className="num">Original</th>
          <th className="num">Suspect</th>
          <th className="num">Control</th>
          <th className="num">Original and suspect</th>
        </tr>
      </thead>
      <tbody>
        {analysis.markers.map((m) => (
          <tr key={m.markerId}>
            <td>{m.label}</td>
            <td className="small">{MARKER_KIND_LABELS[m.kind]}</td>
            <td className="num">{m.original}</td>
            <td className="num">{m.suspect}</td>
            <td className="num">{m.control ?? '—'}</td>
            <td className="num">{m.originalAndSuspect}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
