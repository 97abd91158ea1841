import type { MetricSummary, PairsAnalysis } from '../../../shared/analysis/pair-analysis';
import type { OutputPair } from '../../../shared/model/records';
import { fixed, pValue } from '../../../shared/analysis/format-figures';

/** Suspect (dark) and control (light) similarity counts in ten bins from 0 to 1. */
function Histogram({ metric }: { metric: MetricSummary }) {
  const { suspect, control } = metric.histogram;
  const max = Math.max(1, ...suspect, ...(control ?? []));
  const bar = 8;
  return (
    <svg className="histogram" width={10 * (2 * bar + 2)} height={32} role="img" aria-label={`Histogram of ${metric.label}`}>
      {suspect.map((n, i) => (
        <g key={i}>
          <rect x={i * (2 * bar + 2)} y={32 - (30 * n) / max} width={bar} height={(30 * n) / max} fill="#23466b" />
          {control && <rect x={i * (2 * bar + 2) + bar} y={32 - (30 * control[i]!) / max} width={bar} height={(30 * control[i]!) / max} fill="#b9c7d6" />}
        </g>
      ))}
    </svg>
  );
}

interface PairsSummaryProps {
  analysis: PairsAnalysis;
  prompts: Map<string, OutputPair>;
  saving: boolean;
  onSave: () => void;
}

/** Every measure for the suspect against one reference model (the plan's first), beside the panel analysis. */
export function PairsSummary({ analysis, saving, onSave }: PairsSummaryProps) {
  return (
    <>
      <div className="section-head">
        <h3>Every measure: suspect against {analysis.controlModel ?? 'the control'}, on the same prompts</h3>
        <button type="button" disabled={saving} onClick={onSave}>
          Save as finding
        </button>
      </div>
      <p className={analysis.withControl ? 'muted' : 'banner banner-bad'}>{analysis.baseline}</p>
      <table className="table summary-table">
        <thead>
          <tr>
            <th>Similarity to the original</th>
            <th className="num">Suspect</th>
            <th className="num">Control</th>
            <th className="num">Difference</th>
            <th>95% CI</th>
            <th className="num">p</th>
            <th>Distribution</th>
          </tr>
        </thead>
        <tbody>
          {analysis.metrics.map((m) => (
            <tr key={m.metric}>
              <td>{m.label}</td>
              <td className="num">{fixed(m.meanSuspect)}</td>
              <td className="num">{fixed(m.meanControl)}</td>
              <td className="num">{fixed(m.difference)}</td>
              <td className="nowrap">{m.ci95 ? `[${fixed(m.ci95[0])}, ${fixed(m.ci95[1])}]` : '—'}</td>
              <td className="num nowrap">{pValue(m.pValue, m.z)}</td>
              <td>
                <Histogram metric={m} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {analysis.withControl > 0 && <p className="muted small">{analysis.metrics[0]!.test}. Histograms: suspect dark, control light, similarity 0 to 1.</p>}
    </>
  );
}
