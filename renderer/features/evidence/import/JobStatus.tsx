import { importedInWords } from '../../../../shared/import/import-summary';
import { formatTime } from '../../../format';
import type { JobState } from './start-import';

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
