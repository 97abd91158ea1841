import { useEffect, useRef, useState } from 'react';
import type { ImportKind } from '../../../../shared/import/detect-kind';
import type { JoinKey } from '../../../../shared/import/pairs-import';
import { ROLE_LABELS } from '../../../../shared/analysis/attribution-plan';
import { proposeImportRoles } from '../../../../shared/analysis/import-roles';
import { AnswerRoles } from './AnswerRoles';
import { Modal } from '../../../components/Modal';
import { db } from '../../../db/db';
import { caseRoles } from '../../analysis';
import { formatBytes } from '../../../format';
import type { ImportJob } from './import-jobs';
import { LogSettingsEditor } from './LogSettingsEditor';
import { RecordsPreview } from './RecordsPreview';
import { jobsFor, planFiles, termsPlan, type FilePlan } from './plan-files';
import { describeQueryProvenance } from '../../../../shared/import/query-provenance';
import { TermsOutline } from './TermsOutline';
import { importShown, type JobState } from './start-import';
import { JobStatus } from './JobStatus';

const KIND_LABELS: Record<ImportKind, string> = {
  log: 'API log excerpt',
  pairs: 'Output pairs (prompt, original, suspect)',
  answers: 'One model’s answers (to join into pairs)',
  tos: 'Terms of Service version',
};

function jobLabel(job: ImportJob): string {
  if (job.kind === 'pairs-joined') return job.files.map((f) => f.file.name).join(' + ');
  if (job.kind === 'tos') return job.versions.length === 1 ? job.versions[0]!.file.name : `${job.title ?? 'Terms'}: ${job.versions.length} versions`;
  return job.file.name;
}

export function ImportDialog({ caseId, actor, files, onClose }: { caseId: string; actor: string; files: File[]; onClose: () => void }) {
  const [plans, setPlans] = useState<FilePlan[] | null>(null);
  const [join, setJoin] = useState<JoinKey | 'auto'>('auto');
  const [jobs, setJobs] = useState<JobState[] | null>(null);
  const [running, setRunning] = useState(false);
  const current = useRef<AbortController | null>(null);

  useEffect(() => {
    void caseRoles(db, caseId)
      .then(({ plan, models }) => planFiles(files, (names) => proposeImportRoles(names, plan, models.map((m) => ({ model: m.model, role: m.importedAs })))))
      .then(setPlans);
  }, [files, caseId]);

  const update = (i: number, change: Partial<FilePlan>) => setPlans((all) => all!.map((p, k) => (k === i ? { ...p, ...change } : p)));
  const setJob = (i: number, change: Partial<JobState>) => setJobs((all) => all!.map((j, k) => (k === i ? { ...j, ...change } : j)));

  const changeKind = (i: number, kind: ImportKind) => {
    update(i, { kind });
    const p = plans![i]!;
    if (kind === 'tos' && !p.terms) {
      void termsPlan(p.file).then(
        (terms) => update(i, terms),
        (error: unknown) => update(i, { unusable: error instanceof Error ? error.message : String(error) }),
      );
    }
  };

  const plan = plans && jobsFor(plans, caseId, actor, join);

  const run = async () => {
    if (!plan || plan.problem) return;
    setJobs(plan.jobs.map((job) => ({ label: jobLabel(job) })));
    setRunning(true);
    for (const [i, job] of plan.jobs.entries()) {
      const controller = new AbortController();
      current.current = controller;
      await importShown(job, controller.signal, (change) => setJob(i, change));
      if (current.current === null) break;
    }
    current.current = null;
    setRunning(false);
  };

  const cancel = () => {
    const controller = current.current;
    current.current = null;
    controller?.abort();
  };

  return (
    <Modal title="Import evidence" wide onClose={running ? cancel : onClose}>
      {!plans && <p className="muted">Reading {files.length} file{files.length === 1 ? '' : 's'}…</p>}
      {plans && !jobs && (
        <>
          <p className="muted">Each file is kept byte for byte and hashed (SHA-256); every record points back to its line. Check how each file will be read.</p>
          <AnswerRoles plans={plans} onRole={(p, role) => update(plans.indexOf(p), { role })} />
          <div className="import-plans">
            {plans.map((p, i) => (
              <section key={i} className="import-plan" aria-label={p.file.name}>
                <header>
                  <strong>{p.file.name}</strong> <span className="muted">{formatBytes(p.file.size)}</span>
                </header>
                {p.unusable ? (
                  <p className="field-error" role="alert">
                    Cannot be imported: {p.unusable}
                  </p>
                ) : (
                  <>
                    <label className="field inline">
                      <span className="field-label">Evidence kind</span>
                      <select aria-label={`Kind of ${p.file.name}`} value={p.kind} onChange={(e) => changeKind(i, e.target.value as ImportKind)}>
                        {(Object.keys(KIND_LABELS) as ImportKind[]).map((k) => (
                          <option key={k} value={k}>
                            {KIND_LABELS[k]}
                          </option>
                        ))}
                      </select>
                    </label>
                    {p.fromQuery && <p className="import-note">{describeQueryProvenance(p.fromQuery, false)}</p>}
                    {p.kind === 'log' ? (
                      <LogSettingsEditor sample={p.sample} {...(p.parquetRows && { parquetRows: p.parquetRows })} settings={p.log} onChange={(log) => update(i, { log })} />
                    ) : p.kind === 'tos' ? (
                      p.terms ? <TermsOutline reading={p.terms} /> : <p className="muted">Reading the clauses…</p>
                    ) : (
                      <RecordsPreview kind={p.kind} fileName={p.file.name} sample={p.sample} />
                    )}
                    {p.kind === 'answers' && (
                      <p className="muted small">
                        Answers of <strong>{p.model}</strong>, as the {ROLE_LABELS[p.role].toLowerCase()} (chosen above).
                      </p>
                    )}
                    {p.kind === 'tos' && (
                      <div className="field-row">
                        <label className="field">
                          <span className="field-label">Document title</span>
                          <input aria-label={`Title of ${p.file.name}`} value={p.tosTitle} onChange={(e) => update(i, { tosTitle: e.target.value })} />
                        </label>
                        <label className="field">
                          <span className="field-label">Effective date</span>
                          <input aria-label={`Effective date of ${p.file.name}`} placeholder="YYYY-MM-DD" value={p.effectiveDate} onChange={(e) => update(i, { effectiveDate: e.target.value })} />
                        </label>
                      </div>
                    )}
                  </>
                )}
              </section>
            ))}
          </div>
          {plans.some((p) => p.kind === 'answers' && !p.unusable) && (
            <label className="field inline">
              <span className="field-label">Join answers by</span>
              <select value={join} onChange={(e) => setJoin(e.target.value as JoinKey | 'auto')} aria-label="Join answers by">
                <option value="auto">prompt id if every answer has one, else exact prompt text</option>
                <option value="id">prompt id</option>
                <option value="prompt">exact prompt text</option>
              </select>
            </label>
          )}
          {plan?.problem && <p className="field-error">{plan.problem}</p>}
          <div className="modal-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={!!plan?.problem} onClick={() => void run()}>
              Import
            </button>
          </div>
        </>
      )}
      {jobs && (
        <>
          <ul className="import-jobs">
            {jobs.map((job, i) => (
              <li key={i} className="import-job">
                <strong>{job.label}</strong>
                <JobStatus job={job} />
              </li>
            ))}
          </ul>
          <div className="modal-actions">
            {running ? (
              <button type="button" className="danger" onClick={cancel}>
                Cancel import
              </button>
            ) : (
              <button type="button" className="primary" onClick={onClose}>
                Done
              </button>
            )}
          </div>
        </>
      )}
    </Modal>
  );
}
