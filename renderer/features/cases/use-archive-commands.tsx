import { useState, type ReactNode } from 'react';
import { describeSeal } from '../../../shared/archive/archive-seal';
import type { Side } from '../../../shared/audit/merge';
import { describeRecognition, recognise } from '../../../shared/bundle/pinned-identities';
import { ArchiveError, CancellationError, isCancellation } from '../../../shared/errors';
import { JobProgress } from '../../components/JobProgress';
import { Modal } from '../../components/Modal';
import { errorText, useNotify } from '../../components/notices';
import { useDialog } from '../../components/use-dialog';
import { useJob } from '../../hooks/use-job';
import { pinIdentity, pinnedIdentities } from '../../hooks/use-pinned-identities';
import { openCaseArchiveFile, openDemoCase, saveCaseArchive, type ArchiveJob, type ArchiveSealing, type WhenExists } from './archive-actions';
import { ExistingCaseDialog, MergeConflictsDialog, type ExistingCaseChoice } from './MergeDialogs';
import { OpenArchiveDialog } from './OpenArchiveDialog';
import { SaveArchiveDialog } from './SaveArchiveDialog';

/**
 * Opening and saving case archives, as the menu, the case list and the
 * workspace ask for them: the dialogs, the job with its progress and
 * Cancel, and what the user is told when it ends. `opened` is called with
 * the case an archive was stored or merged into.
 */
export function useArchiveCommands(actor: string, opened: (caseId: string) => void): { askToOpen(): void; askToSave(caseId: string): void; openDemo(): void; element: ReactNode } {
  const notify = useNotify();
  const { progress, run, cancel } = useJob();
  const [title, setTitle] = useState('');
  const [dialogElement, ask] = useDialog();
  const [saving, setSaving] = useState<string | null>(null);
  const [opening, setOpening] = useState(false);

  /** Archive work as the job; whatever it throws once cancelled counts as the cancel. */
  const asJob = <T,>(what: string, work: (job: ArchiveJob) => Promise<T>) => {
    setTitle(what);
    return run(async (job) => {
      try {
        return await work(job);
      } catch (error) {
        throw job.signal.aborted ? new CancellationError(what) : error;
      }
    });
  };

  const save = async (caseId: string, sealing: ArchiveSealing | null) => {
    try {
      const saved = await asJob('Saving the case archive', (job) => saveCaseArchive(caseId, job, sealing));
      if (saved) notify('success', `Case archive saved to ${saved.path}, ${sealing ? 'sealed' : 'not sealed'}.`);
    } catch (error) {
      notify('error', isCancellation(error) ? 'Saving the case archive was cancelled; no file was written.' : `Could not save the case archive: ${errorText(error)}`);
    }
  };

  /** The demo, or an archive the user picks, refused unless sealed by `expectedSealer` when one is given. */
  const open = async (from: 'demo' | { expectedSealer: string | null }) => {
    const whenExists: WhenExists = {
      actor,
      choose: (caseTitle) => ask<ExistingCaseChoice>((done) => <ExistingCaseDialog title={caseTitle} onDone={done} />),
      resolve: (conflicts) => ask<Map<string, Side>>((done) => <MergeConflictsDialog conflicts={conflicts} onDone={done} />),
    };
    try {
      const stored = await asJob('Opening the case archive', (job) => (from === 'demo' ? openDemoCase(whenExists, job) : openCaseArchiveFile(from.expectedSealer, whenExists, job)));
      if (!stored) return;
      const { logRows, originals } = stored.checked;
      const sealer = stored.seal?.signer;
      const recognition = sealer && recognise(pinnedIdentities(), sealer);
      notify(
        recognition?.kind === 'new-key' ? 'warning' : 'success',
        stored.merged
          ? `${stored.merged}. ${describeSeal(stored.seal)}`
          : `Opened “${stored.case.title}” from the archive. Read and checked: ${logRows.toLocaleString('en-US')} log rows against the digests recorded at import, ${originals} original files against their SHA-256, and every record against the history. ${describeSeal(stored.seal)}${sealer && recognition ? ` ${describeRecognition(recognition, sealer)}` : ''}`,
        sealer && recognition?.kind !== 'pinned' ? { label: `Pin ${sealer.name || 'the sealer'}’s certificate`, run: () => pinIdentity(sealer) } : undefined,
      );
      opened(stored.case.id);
    } catch (error) {
      if (isCancellation(error)) notify('error', 'Opening the archive was cancelled. Nothing was changed.');
      else notify('error', `${error instanceof ArchiveError ? 'Archive refused' : 'Could not open the archive'}: ${errorText(error)}. Nothing was changed.`);
    }
  };

  const element = (
    <>
      {saving && (
        <SaveArchiveDialog
          onClose={() => setSaving(null)}
          onSave={(sealing) => {
            setSaving(null);
            void save(saving, sealing);
          }}
        />
      )}
      {opening && (
        <OpenArchiveDialog
          onClose={() => setOpening(false)}
          onOpen={(expectedSealer) => {
            setOpening(false);
            void open({ expectedSealer });
          }}
        />
      )}
      {progress && (
        <Modal title={title} onClose={cancel}>
          <JobProgress progress={progress} label={title} />
          <div className="modal-actions">
            <button type="button" onClick={cancel}>
              Cancel
            </button>
          </div>
        </Modal>
      )}
      {dialogElement}
    </>
  );
  return { askToOpen: () => setOpening(true), askToSave: setSaving, openDemo: () => void open('demo'), element };
}
