import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { buildClaimChart } from '../../../shared/claims/claim-chart';
import { addClaim, updateClaim } from '../../../shared/claims/claim-edits';
import { CLAIM_TEMPLATES } from '../../../shared/claims/claim-templates';
import type { Claim, Target } from '../../../shared/model/records';
import { AnnotationsList } from './AnnotationsList';
import { useCaseActions } from '../cases';
import { LinkDialog } from './LinkDialog';
import { useCaseEvidence } from './use-case-evidence';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useCommit } from './use-commit';
import { FormFooter } from '../../components/FormFooter';
import { Modal } from '../../components/Modal';
import { useConfirm } from '../../components/use-confirm';
import { commitEdit } from './claims-store';
import { db } from '../../db/db';
import { SearchDialog } from '../evidence';
import { ClaimCard } from './ClaimCard';
import { LabelsPanel } from './LabelsPanel';

function NewClaimDialog({ onClose }: { onClose: () => void }) {
  const { caseId, actor } = useCaseActions();
  const create = async (templateId: string) => {
    await commitEdit(db, caseId, (s) => addClaim(s, templateId, actor).edit);
    onClose();
  };
  return (
    <Modal title="New claim" wide onClose={onClose}>
      <p className="muted">Start from a legal theory: its elements are written out and stay editable.</p>
      <div className="templates">
        {CLAIM_TEMPLATES.map((t) => (
          <button key={t.id} type="button" className="template" onClick={() => void create(t.id)}>
            <strong>{t.theory}</strong>
            {t.elements.length ? (
              <ol className="small muted">
                {t.elements.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ol>
            ) : (
              <span className="small muted">A blank claim: name the theory and add its elements.</span>
            )}
          </button>
        ))}
      </div>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  );
}

function ClaimEditor({ claim, onClose }: { claim: Claim; onClose: () => void }) {
  const { actor } = useCaseActions();
  const [fields, setFields] = useState({ theory: claim.theory, title: claim.title, description: claim.description });
  const { error, commit } = useCommit();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await commit((s) => updateClaim(s, claim.id, fields, actor))) onClose();
  };
  const field = (name: keyof typeof fields, label: string, multiline = false) => (
    <label className="field">
      <span className="field-label">{label}</span>
      {multiline ? (
        <textarea rows={3} value={fields[name]} aria-label={label} onChange={(e) => setFields({ ...fields, [name]: e.target.value })} />
      ) : (
        <input value={fields[name]} aria-label={label} onChange={(e) => setFields({ ...fields, [name]: e.target.value })} />
      )}
    </label>
  );
  return (
    <Modal title="Edit claim" onClose={onClose}>
      <form className="form" onSubmit={(e) => void submit(e)}>
        {field('title', 'Title')}
        {field('theory', 'Legal theory')}
        {field('description', 'Description', true)}
        <FormFooter error={error} onCancel={onClose} submit="Save" />
      </form>
    </Modal>
  );
}

/** The claim chart: every claim, every element, the evidence under each; and the case's annotations. */
export function ClaimsSection({ focus }: { focus?: { claimId: string; elementId?: string } }) {
  const { caseId } = useCaseActions();
  const evidence = useCaseEvidence(caseId);
  const [tab, setTab] = useState<'chart' | 'annotations'>('chart');
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Claim | null>(null);
  const [picking, setPicking] = useState<string | null>(null);
  const [linking, setLinking] = useState<{ elementId: string; target: Target } | null>(null);
  const { error, commit } = useCommit();
  const [confirmation, confirm] = useConfirm();
  const chart = useMemo(() => evidence && buildClaimChart(evidence.state, evidence.catalog), [evidence]);

  useEffect(() => {
    if (!focus || !chart) return;
    const selector = focus.elementId ? `[data-element="${focus.elementId}"]` : `[data-claim="${focus.claimId}"]`;
    document.querySelector(selector)?.scrollIntoView({ block: 'center' });
  }, [focus, chart]);

  if (!evidence || !chart) return <p className="muted">Loading…</p>;
  const { totals } = chart;
  return (
    <section aria-labelledby="claims-heading">
      <div className="section-head">
        <h2 id="claims-heading">Claims</h2>
        <div className="actions">
          <div className="tabs" role="tablist">
            <button type="button" role="tab" aria-selected={tab === 'chart'} className={tab === 'chart' ? 'tab active' : 'tab'} onClick={() => setTab('chart')}>
              Claim chart
            </button>
            <button type="button" role="tab" aria-selected={tab === 'annotations'} className={tab === 'annotations' ? 'tab active' : 'tab'} onClick={() => setTab('annotations')}>
              Annotations <span className="count">{evidence.state.annotations.length}</span>
            </button>
          </div>
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New claim…
          </button>
        </div>
      </div>
      <ErrorBanner error={error} />
      {tab === 'chart' &&
        (chart.claims.length === 0 ? (
          <div className="empty">
            <h3>No claims</h3>
            <p>Add a claim from a legal theory (breach of the Terms of Service, unauthorised access, misappropriation, export control) or a custom one; then link evidence to each of its elements.</p>
          </div>
        ) : (
          <>
            <p className="chart-totals" aria-label="Chart totals">
              {totals.claims} claim{totals.claims === 1 ? '' : 's'} · {totals.elements} elements · {totals.links} links ·{' '}
              <span className={totals.unsupported ? 'unsupported-text' : undefined}>
                {totals.unsupported} element{totals.unsupported === 1 ? '' : 's'} without supporting evidence
              </span>
              {totals.broken > 0 && <span className="broken-reason"> · {totals.broken} broken links</span>}
            </p>
            {chart.claims.map((c) => (
              <ClaimCard
                key={c.claim.id}
                chartClaim={c}
                state={evidence.state}
                focusElement={focus?.elementId}
                confirm={confirm}
                onEditClaim={() => setEditing(c.claim)}
                onAddEvidence={setPicking}
                commit={commit}
              />
            ))}
          </>
        ))}
      {tab === 'annotations' && (
        <>
          <AnnotationsList annotations={evidence.state.annotations} catalog={evidence.catalog} />
          <LabelsPanel labels={evidence.state.annotationLabels} />
        </>
      )}
      {creating && <NewClaimDialog onClose={() => setCreating(false)} />}
      {editing && <ClaimEditor claim={editing} onClose={() => setEditing(null)} />}
      {picking && (
        <SearchDialog
          caseId={caseId}
          onClose={() => setPicking(null)}
          onPick={(target) => {
            setLinking({ elementId: picking, target });
            setPicking(null);
          }}
        />
      )}
      {linking && <LinkDialog target={linking.target} elementId={linking.elementId} onClose={() => setLinking(null)} />}
      {confirmation}
    </section>
  );
}
