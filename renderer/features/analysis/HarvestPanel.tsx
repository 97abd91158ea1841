import type { AttributionResult } from '../../../shared/analysis/attribution';
import type { CaseAnalysis } from '../../../shared/analysis/case-analysis';
import type { HarvestTimeline } from '../../../shared/analysis/harvest-timeline';
import type { NaturalExperiment } from '../../../shared/analysis/natural-experiment';
import { MATCH_METHODS, MATCH_METHOD_LABELS, type MatchMethod, type PromptMatch } from '../../../shared/analysis/prompt-matching';
import { BarChart } from '../../components/BarChart';

interface HarvestPanelProps {
  analysis: CaseAnalysis;
  attribution: AttributionResult | null;
  methods: MatchMethod[];
  onMethods: (methods: MatchMethod[]) => void;
  /** The matches the chosen methods count, the natural experiment and the timeline on them. */
  counted: PromptMatch[];
  experiment: NaturalExperiment | null;
  classifierExperiment: NaturalExperiment | null;
  timeline: HarvestTimeline;
  saving: boolean;
  onSaveCluster: (cluster: number) => void;
  onSaveExperiment: () => void;
  onSaveTimeline: () => void;
}

/** Where the two halves of the case meet: the pairs' prompts found in the logs, by whom, and whether the suspect is closer where the answers were taken. */
export function HarvestPanel(props: HarvestPanelProps) {
  const { analysis, methods, onMethods, counted, experiment, timeline, saving } = props;
  const total = analysis.pairs?.pairs ?? 0;
  const toggle = (m: MatchMethod) => onMethods(methods.includes(m) ? methods.filter((x) => x !== m) : MATCH_METHODS.filter((x) => x === m || methods.includes(x)));
  return (
    <section className="harvest" aria-labelledby="harvest-heading">
      <h3 id="harvest-heading">Harvest: the pairs’ prompts in the logs</h3>
      <fieldset className="checkbox-row">
        <legend className="field-label">Methods that count</legend>
        {MATCH_METHODS.map((m) => (
          <label key={m} className="checkbox">
            <input type="checkbox" checked={methods.includes(m)} onChange={() => toggle(m)} /> {MATCH_METHOD_LABELS[m]} ({analysis.harvest!.byMethod[m]})
          </label>
        ))}
      </fieldset>
      <p data-testid="harvest-summary">
        The prompts of {counted.length} of {total} pairs were found in the logs by the methods chosen (normalisation: {analysis.harvest!.settings.normalisation}; a near-duplicate needs a MinHash similarity of at least {analysis.harvest!.settings.nearThreshold}).
      </p>
      {analysis.campaign.clusters.length > 0 && (
        <table className="table summary-table harvest-clusters">
          <thead>
            <tr>
              <th>Cluster</th>
              <th className="num">Accounts</th>
              <th className="num">Pairs whose prompts it sent</th>
              <th aria-label="Save" />
            </tr>
          </thead>
          <tbody>
            {analysis.campaign.clusters.map((c) => {
              const sent = counted.filter((m) => m.accounts.some((a) => c.accounts.includes(a))).length;
              return (
                <tr key={c.id}>
                  <td>Cluster {c.id}</td>
                  <td className="num">{c.accounts.length}</td>
                  <td className="num">{sent}</td>
                  <td>
                    <button type="button" disabled={saving || sent === 0} onClick={() => props.onSaveCluster(c.id)} aria-label={`Save the pairs cluster ${c.id} sent as finding`}>
                      Save as finding
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="section-head">
        <h4>Natural experiment: harvested prompts against the others</h4>
        <button type="button" disabled={saving || !experiment} onClick={props.onSaveExperiment}>
          Save as finding
        </button>
      </div>
      <p className={experiment && experiment.ci95[0] > 0 ? 'banner banner-ok' : 'muted'} data-testid="natural-experiment">
        {experiment ? experiment.sentence : props.attribution ? 'Not run: it needs at least two harvested prompts and two others.' : 'Not run: it needs an attribution analysis (a suspect and a reference panel).'}
      </p>
      {props.classifierExperiment && (
        <p className="small" data-testid="classifier-experiment">
          {props.classifierExperiment.sentence}
        </p>
      )}
      <div className="section-head">
        <h4>Timeline</h4>
        <button type="button" disabled={saving || timeline.days.length === 0} onClick={props.onSaveTimeline}>
          Save as finding
        </button>
      </div>
      {timeline.days.length > 0 && <BarChart title="Requests for the pairs’ prompts per day (UTC)" values={timeline.days.map((d) => d.requests)} labels={timeline.days.map((d) => d.date)} />}
      <ul className="small timeline-dates">
        {[...timeline.models.map((m) => ({ date: m.date, what: `${m.model} (${m.role}) released or observed — ${m.source}` })), ...timeline.terms.map((t) => ({ date: t.effectiveDate, what: `${t.title}: version in force from this date` }))]
          .sort((a, b) => a.date.localeCompare(b.date))
          .map((d) => (
            <li key={`${d.date}${d.what}`}>
              <strong>{d.date}</strong> {d.what}
            </li>
          ))}
      </ul>
      {timeline.models.length === 0 && <p className="muted small">Give the suspect’s release or first-observation date, with its source, in the analysis plan to see it beside the harvesting.</p>}
    </section>
  );
}
