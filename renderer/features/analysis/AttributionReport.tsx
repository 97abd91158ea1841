import { useMemo } from 'react';
import type { AttributionResult } from '../../../shared/analysis/attribution';
import { attributionReport } from '../../../shared/analysis/attribution-report';
import { ReportView } from '../../components/ReportView';

/**
 * The attribution report an expert signs, as the bundle and the CLI show it:
 * a summary for counsel, then the expert's sections and their glossary.
 */
export function AttributionReport({ result, saving, onSave }: { result: AttributionResult; saving: boolean; onSave: () => void }) {
  const report = useMemo(() => attributionReport(result, { alpha: result.settings.alpha, derangements: result.settings.derangements, wordNgram: result.settings.settings.wordNgram }), [result]);
  const id = `attribution-${result.suspect.replace(/[^A-Za-z0-9-]/g, '-')}`;
  return (
    <section className="attribution" aria-labelledby={id}>
      <div className="section-head">
        <h3 id={id}>{report.title}</h3>
        <button type="button" disabled={saving} onClick={onSave}>
          Save report as finding
        </button>
      </div>
      <ReportView report={report} idPrefix={id} positive={result.conclusion === 'consistent-with-derivation'} />
    </section>
  );
}
