import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { ROLE_LABELS, effectivePlan, planProblem, planStatus, type PlanInput } from '../../../shared/analysis/attribution-plan';
import { METRICS, METRIC_LABELS, type Metric } from '../../../shared/analysis/pair-metrics';
import { ModelRole } from '../../../shared/model/records';
import { db } from '../../db/db';
import { caseRoles, savePlan } from './plans-store';
import { recordsOf } from '../../db/case-store';
import { ProposedMarkers } from './ProposedMarkers';
import { formatTime } from '../../format';

/**
 * The analysis plan: the role of every model, the primary measure and the
 * decision rule's settings, recorded (hashed into the case history) before
 * the suspect's answers are looked at. Recording again makes a new version;
 * nothing recorded is ever changed.
 */
export function PlanPanel({ caseId, actor }: { caseId: string; actor: string }) {
  const current = useLiveQuery(() => caseRoles(db, caseId), [caseId]);
  if (!current) return null;
  // A new plan version or newly imported models start a fresh draft.
  return <PlanEditor key={`${current.plan?.id ?? 'none'}|${current.roles.map((r) => r.model).join()}`} caseId={caseId} actor={actor} current={current} />;
}

function PlanEditor({ caseId, actor, current }: { caseId: string; actor: string; current: Awaited<ReturnType<typeof caseRoles>> }) {
  const pairs = useLiveQuery(() => recordsOf(db, 'outputPairs', caseId), [caseId]);
  const sources = useLiveQuery(() => recordsOf(db, 'sources', caseId), [caseId]);
  // The latest plan's settings with every model of the case, or the defaults: what a new version starts from.
  const [draft, setDraft] = useState<PlanInput>(() => ({ ...effectivePlan(current.plan, current.roles), roles: current.roles }));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [newModel, setNewModel] = useState('');
  if (!pairs || !sources) return null;
  const addModel = () => {
    const model = newModel.trim();
    if (!model) return;
    if (draft.roles.some((r) => r.model === model)) return setError(`${model} is already in the plan`);
    setError(null);
    setDraft({ ...draft, roles: [...draft.roles, { model, role: draft.roles.some((r) => r.role === 'original') ? (draft.roles.some((r) => r.role === 'suspect') ? 'reference' : 'suspect') : 'original' }] });
    setNewModel('');
  };
  const status = planStatus(current.plan, pairs, sources);
  const setRole = (model: string, change: Partial<PlanInput['roles'][number]>) => setDraft({ ...draft, roles: draft.roles.map((r) => (r.model === model ? { ...r, ...change } : r)) });
  const record = async () => {
    setError(null);
    const problem = planProblem(draft);
    if (problem) return setError(problem);
    try {
      const plan = await savePlan(db, caseId, actor, draft);
      setSaved(`Plan v${plan.version} recorded, SHA-256 ${plan.sha256}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const references = draft.roles.filter((r) => r.role === 'reference').length;
  return (
    <section className="plan-panel" aria-labelledby="plan-heading">
      <div className="section-head">
        <h3 id="plan-heading">Analysis plan</h3>
        <button type="button" className="primary" onClick={() => void record()}>
          Record plan {current.plans.length ? `v${Math.max(...current.plans.map((p) => p.version)) + 1}` : 'v1'}
        </button>
      </div>
      <p className={status.status === 'pre-registered' ? 'muted' : 'banner banner-warn'}>{status.sentence}</p>
      <p className="muted small">
        Record the plan before the suspect’s answers are imported (models can be named before their files arrive; the import then proposes each file’s role from its model name): the roles, the primary measure and the rule are then fixed, and the report can call its result confirmatory. Related models (same maker or family) are shown but never used as references. A reference panel needs at least {draft.minPanel} unrelated models; this one has {references}.
      </p>
      <table className="table summary-table">
        <thead>
          <tr>
            <th>Model</th>
            <th>Role</th>
            <th>Released or observed (optional)</th>
            <th>Source of the date</th>
          </tr>
        </thead>
        <tbody>
          {draft.roles.map((r) => (
            <tr key={r.model}>
              <td className="mono">{r.model}</td>
              <td>
                <select aria-label={`Role of ${r.model}`} value={r.role} onChange={(e) => setRole(r.model, { role: ModelRole.parse(e.target.value) })}>
                  {ModelRole.options.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <input aria-label={`Release of ${r.model}`} placeholder="YYYY-MM-DD" value={r.released ?? ''} onChange={(e) => setRole(r.model, { released: e.target.value || undefined })} />
              </td>
              <td>
                <input aria-label={`Source of the date of ${r.model}`} className="wide-input" placeholder="announcement, page, first seen…" value={r.source ?? ''} disabled={!r.released} onChange={(e) => setRole(r.model, { source: e.target.value || undefined })} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="field-row compact"
        aria-label="Add a model to the plan"
        onSubmit={(e) => {
          e.preventDefault();
          addModel();
        }}
      >
        <label className="field">
          <span className="field-label">Model not imported yet (as its files will name it)</span>
          <input aria-label="Model name" value={newModel} onChange={(e) => setNewModel(e.target.value)} />
        </label>
        <button type="submit">Add model</button>
      </form>
      <div className="field-row compact">
        <label className="field">
          <span className="field-label">Primary measure</span>
          <select aria-label="Primary measure" value={draft.primary} onChange={(e) => setDraft({ ...draft, primary: e.target.value as Metric, secondary: METRICS.filter((m) => m !== e.target.value) })}>
            {METRICS.map((m) => (
              <option key={m} value={m}>
                {METRIC_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Error level α</span>
          <input aria-label="Error level" type="number" step="0.01" min="0.001" max="0.2" value={draft.alpha} onChange={(e) => setDraft({ ...draft, alpha: Number(e.target.value) })} />
        </label>
        <label className="field">
          <span className="field-label">Smallest panel</span>
          <input aria-label="Smallest panel" type="number" min="2" max="50" value={draft.minPanel} onChange={(e) => setDraft({ ...draft, minPanel: Number(e.target.value) })} />
        </label>
        <label className="field">
          <span className="field-label">Seed</span>
          <input aria-label="Seed" type="number" value={draft.seed} onChange={(e) => setDraft({ ...draft, seed: Math.trunc(Number(e.target.value)) })} />
        </label>
      </div>
      <ProposedMarkers caseId={caseId} actor={actor} models={draft.roles.filter((r) => r.role === 'original' || r.role === 'suspect').map((r) => r.model)} pairs={pairs} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {saved && <p className="banner banner-ok">{saved}</p>}
      {current.plans.length > 0 && (
        <p className="muted small">
          Recorded: {[...current.plans].sort((a, b) => a.version - b.version).map((p) => `v${p.version} ${formatTime(p.recordedAt)} by ${p.recordedBy} (${p.sha256.slice(0, 12)}…)`).join('; ')}
        </p>
      )}
    </section>
  );
}
