import type { AttributionResult } from '../../../shared/analysis/attribution';
import { roleInReport } from '../../../shared/analysis/attribution-plan';
import { CONCLUSION_LABELS, describeChecks } from '../../../shared/analysis/attribution-rule';
import { fixed, interval, percent, pValue } from '../../../shared/analysis/format-figures';
import { MARKER_KIND_LABELS } from '../../../shared/analysis/markers';


/** Each model's mean similarity to the original on one axis: the reference panel grey, the suspect dark, others hollow. */
export function StripPlot({ result }: { result: AttributionResult }) {
  const width = 640;
  const values = result.models.map((m) => m.mean).filter((v) => !Number.isNaN(v));
  const lo = Math.max(0, Math.min(...values) - 0.02);
  const hi = Math.min(1, Math.max(...values) + 0.02);
  const x = (v: number) => 20 + ((v - lo) / (hi - lo || 1)) * (width - 40);
  const rows = result.models.filter((m) => !Number.isNaN(m.mean));
  const height = 34 + rows.length * 16;
  return (
    <svg className="strip-plot" width={width} height={height} role="img" aria-label={`Mean ${result.primary.label} to the original, per model`}>
      <line x1={20} x2={width - 20} y1={height - 20} y2={height - 20} stroke="#999" />
      {[lo, (lo + hi) / 2, hi].map((t) => (
        <text key={t} x={x(t)} y={height - 6} textAnchor="middle">
          {t.toFixed(3)}
        </text>
      ))}
      {rows.map((m, i) => {
        const y = 12 + i * 16;
        const reference = m.role === 'reference';
        const suspect = m.model === result.suspect;
        return (
          <g key={m.model}>
            <line x1={20} x2={width - 20} y1={y} y2={y} stroke="#eee" />
            <circle cx={x(m.mean)} cy={y} r={suspect ? 6 : 4.5} fill={suspect ? '#243f5c' : reference ? '#9aa6b2' : 'none'} stroke={suspect ? '#243f5c' : '#bf7219'} strokeWidth={reference || suspect ? 0 : 1.5} />
            <text x={x(m.mean) + (x(m.mean) > width - 200 ? -10 : 10)} y={y + 4} textAnchor={x(m.mean) > width - 200 ? 'end' : 'start'}>
              {m.model} ({suspect ? 'suspect' : m.role})
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/**
 * The attribution report an expert signs: the conclusion the rule allows,
 * the plan it followed, the suspect against the panel null, closer-rates,
 * confound-adjusted figures, the classifier against its null, markers,
 * the error rates of the rule, and what each figure means.
 */
export function AttributionReport({ result, saving, onSave }: { result: AttributionResult; saving: boolean; onSave: () => void }) {
  const { primary, classifier, decision } = result;
  const selfId = result.markers.filter((m) => m.kind === 'self-identification');
  const otherMarkers = result.markers.filter((m) => m.kind !== 'self-identification');
  return (
    <section className="attribution" aria-labelledby="attribution-heading">
      <div className="section-head">
        <h3 id="attribution-heading">
          Attribution: {result.suspect} against a panel of {primary.nullValues.length} reference model{primary.nullValues.length === 1 ? '' : 's'}
        </h3>
        <button type="button" disabled={saving} onClick={onSave}>
          Save report as finding
        </button>
      </div>
      <div className={`banner ${result.conclusion === 'consistent-with-derivation' ? 'banner-ok' : 'banner-warn'} conclusion`} data-testid="attribution-conclusion" data-conclusion={result.conclusion}>
        <strong>{CONCLUSION_LABELS[result.conclusion]}.</strong> {result.conclusionSentence}
      </div>
      <p className="muted">{result.plan.sentence}</p>
      <p className="muted" data-testid="attribution-run">
        {result.run.sentence}
      </p>
      <p>{primary.sentence}</p>
      <h4>The decision rule (version {result.method.version}): every check must hold</h4>
      <table className="table summary-table" aria-label="The rule's checks">
        <thead>
          <tr>
            <th>Check</th>
            <th>Figure</th>
            <th>Holds</th>
          </tr>
        </thead>
        <tbody>
          {describeChecks(decision.checks, result.settings.alpha).map((c) => (
            <tr key={c.check}>
              <td>{c.check}</td>
              <td>{c.figure}</td>
              <td>{c.holds ? 'yes' : 'no'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Release or first-observation dates in the plan: {result.original} {decision.dates.original ?? 'not given'}; {result.suspect} {decision.dates.suspect ?? 'not given'}.
      </p>
      <StripPlot result={result} />
      <p className="muted small">
        {result.prompts} prompts answered by the original, the suspect and every reference model{result.leftOut ? ` (${result.leftOut} left out: a model did not answer them)` : ''}; {result.flagged.short} have an answer under 20 words and {result.flagged.promptEcho} a suspect answer mostly made of the prompt’s own words (flagged in the pair table, kept in the figures). Rule: {result.rule}
      </p>

      <h4>Against each reference model, prompt by prompt (a description; not the rule)</h4>
      <table className="table summary-table">
        <thead>
          <tr>
            <th>Reference model</th>
            <th className="num">Suspect closer</th>
            <th>95% CI (exact)</th>
            <th className="num">p (sign, Holm)</th>
            <th className="num">Mean lead</th>
            <th className="num">p (lead, Holm)</th>
          </tr>
        </thead>
        <tbody>
          {result.closerRates.map((c) => (
            <tr key={c.model}>
              <td className="mono">{c.model}</td>
              <td className="num">
                {percent(c.rate)} <span className="muted">({c.closer} of {c.closer + c.further})</span>
              </td>
              <td className="nowrap">{interval(c.ci95, percent)}</td>
              <td className="num nowrap">{pValue(c.adjustedP)}</td>
              <td className="num">{fixed(c.meanDifference)}</td>
              <td className="num nowrap">{pValue(c.differenceAdjustedP, c.z)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Suspect closer: the share of prompts (ties left out) on which the suspect’s answer is closer to the original’s than this model’s is, with its Clopper–Pearson interval and a one-sided binomial test against one half. Mean lead: the mean over prompts of the suspect’s similarity minus this model’s, with a one-sided paired z-test. Both Holm-adjusted over the panel; both treat these reference models as fixed, so they describe this panel, not unrelated models in general. Mean lead over the whole panel: {fixed(primary.difference.mean)} {interval(primary.difference.ci95)} (prompt-level bootstrap).
      </p>

      <h4>Every model, with the confounds taken out</h4>
      <table className="table summary-table">
        <thead>
          <tr>
            <th>Model</th>
            <th>Role</th>
            <th className="num">Same prompt</th>
            <th className="num">Other prompt (chance)</th>
            <th className="num">Excess</th>
            <th className="num">Equal length</th>
            <th className="num">Prompt words removed</th>
            <th className="num">Mean words</th>
            <th className="num">Classified as original</th>
          </tr>
        </thead>
        <tbody>
          {result.models.map((m) => (
            <tr key={m.model} className={m.model === result.suspect ? 'selected' : undefined}>
              <td className="mono">{m.model}</td>
              <td>
                {roleInReport(m, result.suspect)}
                {m.released && <span className="muted small"> · released {m.released}</span>}
              </td>
              <td className="num">{fixed(m.mean)}</td>
              <td className="num">{fixed(m.chance)}</td>
              <td className="num">{fixed(m.excess)}</td>
              <td className="num">{fixed(m.equalLength)}</td>
              <td className="num">{fixed(m.echoFree)}</td>
              <td className="num">{Math.round(m.meanWords)}</td>
              <td className="num">{m.classifiedAsOriginal === undefined ? '—' : percent(m.classifiedAsOriginal)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Chance: the same model’s answer compared with the original’s answer to a different prompt ({result.settings.derangements} random derangements). Equal length: the model’s answer and the original’s each cut to the shorter one’s length in words; the suspect ranks {decision.checks.equalLength.rank} of {primary.nullValues.length + 1}. Prompt words removed: runs of {result.settings.settings.wordNgram} words found in the prompt taken out of both answers; the suspect ranks {primary.echoFreeRank}.
      </p>

      <h4>Attribution by classifier</h4>
      {classifier ? (
        <p>
          {classifier.sentence} Held-out accuracy {fixed(classifier.heldOutAccuracy)} {interval(classifier.ci95)}; empirical p = {classifier.pValue.toFixed(3)}.
        </p>
      ) : (
        <p className="muted">Not run: the classifier needs at least two reference models, and its share is not shown without the panel as its null.</p>
      )}

      <h4>Markers</h4>
      <MarkerTable title="Self-identification as the original model or its maker’s assistant" markers={selfId} />
      <MarkerTable title="Other markers" markers={otherMarkers} />

      <h4>Validation of the rule</h4>
      <p>{decision.calibration.sentence}</p>
      <p className="muted small">{result.method.validation}</p>
      {result.strata.length > 1 && (
        <>
          <h4>By script</h4>
          <table className="table summary-table">
            <thead>
              <tr>
                <th>Script of the original’s answer</th>
                <th className="num">Prompts</th>
                <th className="num">Suspect</th>
                <th className="num">Best reference</th>
                <th className="num">Suspect’s rank</th>
                <th className="num">Lead over the panel (p)</th>
                <th className="num">Closer than the panel</th>
                <th className="num">Classifier: suspect / panel</th>
                <th className="num">Self-identification: suspect / panel</th>
              </tr>
            </thead>
            <tbody>
              {result.strata.map((s) => (
                <tr key={s.script}>
                  <td>{s.script}</td>
                  <td className="num">{s.prompts}</td>
                  <td className="num">{fixed(s.suspect)}</td>
                  <td className="num">{fixed(s.panelMax)}</td>
                  <td className="num">{s.rank}</td>
                  <td className="num nowrap">
                    {fixed(s.lead)} ({pValue(s.leadP)})
                  </td>
                  <td className="num">{percent(s.closerThanPanel)}</td>
                  <td className="num">{s.classifierSuspect === null ? '—' : `${fixed(s.classifierSuspect)} / ${fixed(s.classifierPanel)}`}</td>
                  <td className="num">
                    {s.selfIdentification.suspect} / {s.selfIdentification.panel}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h4>Limitations</h4>
      <ul className="limitations">
        {result.limitations.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
      <p className="muted small">
        {primary.label}: {primary.definition}
      </p>
    </section>
  );
}

function MarkerTable({ title, markers }: { title: string; markers: AttributionResult['markers'] }) {
  if (markers.length === 0) return null;
  return (
    <table className="table summary-table" aria-label={title}>
      <thead>
        <tr>
          <th>{title}</th>
          <th className="num">Original</th>
          <th className="num">Suspect</th>
          <th className="num">Reference panel</th>
          <th className="num">p (Fisher, Holm)</th>
        </tr>
      </thead>
      <tbody>
        {markers.map((m) => (
          <tr key={m.label}>
            <td>
              {m.label} <span className="muted small">{MARKER_KIND_LABELS[m.kind]}</span>
            </td>
            <td className="num">{m.original}</td>
            <td className="num">{m.suspect}</td>
            <td className="num">
              {m.panel} <span className="muted">of {m.panelAnswers}</span>
            </td>
            <td className="num">{pValue(m.adjustedP)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
