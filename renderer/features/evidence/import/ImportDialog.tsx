import { useEffect, useRef, useState } from 'react';
import type { ImportKind } from '../../../../shared/import/detect-kind';
import type { JoinKey } from '../../../../shared/import/pairs-import';
import { ROLE_LABELS } from '../../../../shared/analysis/attribution-plan';
import { proposeImportRoles } from '../../../../shared/analysis/import-roles';
import { AnswerRoles } from './AnswerRoles';
import { importedInWords } from '../../../../shared/import/import-summary';
import { Modal } from '../../../components/Modal';
import { db } from '../../../db/db';
import { caseRoles } from '../../analysis';
import { formatBytes } from '../../../format';
import type { ImportJob, ImportOutcome, ImportReview } from './import-jobs';
import { LogSettingsEditor } from './LogSettingsEditor';
import { RecordsPreview } from './RecordsPreview';
import { jobsFor, planFiles, termsPlan, type FilePlan } from './plan-files';
import { describeQueryProvenance } from '../../../../shared/import/query-provenance';
import { TermsOutline } from './TermsOutline';
import { startImport } from './start-import';
import { formatTime } from '../../../format';
import { isCancellation } from '../../../../shared/errors';
import type { Progress } from '../../../../shared/jobs';
import { errorText } from '../../../components/notices';

const KIND_LABELS: Record<ImportKind, string> = {
  log: 'API log excerpt',
  pairs: 'Output pairs (prompt, original, suspect)',
  answers: 'One model’s answers (to join into pairs)',
  tos: 'Terms of Service version',
};

/** One import as the dialogs show it: running, waiting for a decision, or ended. */
export interface JobState {
  label: string;
  progress?: Progress;
  review?: ImportReview & { answer(accept: boolean): void };
  outcome?: ImportOutcome | { status: 'cancelled'; message: string };
  error?: string;
}

/** Runs one import in its worker, showing its progress, its question and how it ended through `show`. */
export async function importShown(job: ImportJob, signal: AbortSignal, show: (change: Partial<JobState>) => void): Promise<void> {
  try {
    const outcome = await startImport(job, {
      signal,
      progress: (phase, done, total) => show({ progress: { phase, done, total } }),
      ask: (review) =>
        new Promise<boolean>((resolve) =>
          show({
            review: {
              ...review,
              answer: (accept) => {
                show({ review: undefined });
                resolve(accept);
              },
            },
          }),
        ),
    });
    show({ outcome, review: undefined });
  } catch (error) {
    show({ ...(isCancellation(error) ? { outcome: { status: 'cancelled', message: (error as Error).message } } : { error: errorText(error) }), review: undefined });
  }
}

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

const number = (n: number) => n.toLocaleString('en-US');

/** What an import is doing or how it ended, with the question to answer when rows could not be read. */
export function JobStatus({ job }: { job: JobState }) {
  if (job.error) return <p className="field-error" role="alert">Not imported: {job.error}</p>;
  const outcome = job.outcome;
  if (outcome) {
    switch (outcome.status) {
      case 'imported':
        return (
          <div className="job-result ok">
            <p>
              {importedInWords(outcome.sources, outcome.records)}
              {outcome.rejected > 0 && `; ${number(outcome.rejected)} rejected row${outcome.rejected === 1 ? '' : 's'} listed with the source`}.
            </p>
            {outcome.notes.map((note) => (
              <p key={note} className="muted">
                {note}
              </p>
            ))}
          </div>
        );
      case 'already-imported':
        return (
          <p className="muted">
            Already imported: {outcome.items.map((item) => `${item.fileName} is the same file as ${item.existing.fileName}, imported ${formatTime(item.existing.importedAt)} by ${item.existing.importedBy}`).join('; ')}. Nothing was added.
          </p>
        );
      case 'cancelled':
        return <p className="muted">{outcome.message}</p>;
      case 'declined':
        return <p className="muted">Not imported, as you chose. Nothing from this file was kept.</p>;
    }
  }
  if (job.review) {
    const r = job.review;
    return (
      <div className="review" role="alert">
        <p>
          {number(r.rejectedCount)} row{r.rejectedCount === 1 ? '' : 's'} could not be read. Import the {number(r.goodCount)} good record{r.goodCount === 1 ? '' : 's'}, or none?
        </p>
        <ul className="rejections">
          {r.rejections.map((x) => (
            <li key={`${x.fileName}:${x.line}`}>
              <span className="mono">
                {x.fileName} line {x.line}
              </span>
              : {x.reason}
            </li>
          ))}
          {r.rejectedCount > r.rejections.length && <li className="muted">… and {number(r.rejectedCount - r.rejections.length)} more</li>}
        </ul>
        <div className="actions">
          <button type="button" onClick={() => r.answer(false)}>
            Import none
          </button>
          <button type="button" className="primary" onClick={() => r.answer(true)}>
            Import the {number(r.goodCount)} good records
          </button>
        </div>
      </div>
    );
  }
  const p = job.progress;
  if (!p) return <p className="muted">Waiting…</p>;
  const share = p.total ? p.done / p.total : 0;
  return (
    <div className="job-progress">
      <progress max={1} value={share} aria-label={`Progress of ${job.label}`} />
      <span className="muted">
        {Math.round(share * 100)}% · {p.phase}
      </span>
    </div>
  );
}
