import type { Progress } from '../../shared/jobs';

/** A progress bar with its phase and count; indeterminate while the total is unknown. */
export function JobProgress({ progress, label }: { progress: Progress; label: string }) {
  return (
    <div className="job-progress">
      <progress max={1} value={progress.total ? progress.done / progress.total : undefined} aria-label={label} />
      <span className="muted small">
        {progress.phase}
        {progress.total ? `: ${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')}` : '…'}
      </span>
    </div>
  );
}
