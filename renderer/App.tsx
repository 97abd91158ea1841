import { useCallback, useEffect, useRef, useState } from 'react';
import { ArchiveError } from '../shared/archive/case-archive';
import type { MenuCommand } from '../shared/ipc/menu-commands';
import type { CaseRecord } from '../shared/model/records';
import { api } from './api';
import { describeSeal } from '../shared/archive/archive-seal';
import { openCaseArchiveFile, openDemoCase, saveCaseArchive, type ArchiveJob, type ArchiveSealing, type WhenExists } from './features/cases/archive-actions';
import { ExistingCaseDialog, MergeConflictsDialog, type ExistingCaseChoice } from './features/cases/MergeDialogs';
import type { Side } from '../shared/audit/merge';
import { useDialog } from './components/use-dialog';
import type { IdentitySummary } from '../shared/ipc/contract';
import { SaveArchiveDialog } from './features/cases/SaveArchiveDialog';
import { OpenArchiveDialog } from './features/cases/OpenArchiveDialog';
import { describeRecognition, recognise } from '../shared/bundle/pinned-identities';
import { pinIdentity, pinnedIdentities } from './hooks/use-pinned-identities';
import { LOCAL_ZONE, showTimesIn, shownZone } from './format';
import { UTC } from '../shared/time-format';
import { CaseForm } from './components/CaseForm';
import { JobProgress } from './components/JobProgress';
import type { Progress } from '../shared/jobs';
import { Modal } from './components/Modal';
import { NoticeProvider, errorText, useNotify } from './components/notices';
import { useConfirm } from './components/use-confirm';
import { createCase, deleteCase, updateCase } from './db/case-store';
import { db } from './db/db';
import { useActor } from './hooks/use-actor';
import { sectionOf, useHashRoute } from './hooks/use-hash-route';
import type { Place } from '../shared/search/case-search';
import { ImportDialog } from './features/evidence/import/ImportDialog';
import { discardAllPendingImports } from './db/pending-writes';
import { TermsHistoryDialog } from './features/evidence/import/TermsHistoryDialog';
import { CaseListPage } from './features/cases/CaseListPage';
import { CaseWorkspacePage } from './features/cases/CaseWorkspacePage';

const EVIDENCE_FILTERS = [
  { name: 'Evidence files', extensions: ['jsonl', 'ndjson', 'json', 'csv', 'tsv', 'log', 'txt', 'md', 'html', 'htm', 'pdf'] },
  { name: 'All files', extensions: ['*'] },
];

type Editing = { mode: 'new' } | { mode: 'edit'; record: CaseRecord } | { mode: 'actor' } | null;

export function App() {
  return (
    <NoticeProvider>
      <Shell />
    </NoticeProvider>
  );
}

function Shell() {
  const [route, navigate] = useHashRoute();
  const [actor, setActor, actorIdentity] = useActor();
  const [editing, setEditing] = useState<Editing>(null);
  const [confirmElement, confirm] = useConfirm();
  const [dialogElement, ask] = useDialog();
  const notify = useNotify();
  const [importing, setImporting] = useState<{ caseId: string; files: File[] } | null>(null);
  const [searching, setSearching] = useState(false);
  const [importingHistory, setImportingHistory] = useState<string | null>(null);
  const [savingArchive, setSavingArchive] = useState<string | null>(null);
  const [openingArchive, setOpeningArchive] = useState(false);
  const [zone, setZone] = useState(shownZone);
  const [archiveJob, setArchiveJob] = useState<{ title: string; progress: Progress; controller: AbortController } | null>(null);
  const caseId = route.page === 'case' ? route.caseId : null;
  const openPlace = useCallback(
    (place: Place) => {
      if (caseId) navigate({ page: 'case', caseId, section: sectionOf(place), focus: place });
    },
    [caseId, navigate],
  );

  useEffect(() => {
    void discardAllPendingImports(db).then((n) => n && notify('success', `Removed the rows of ${n} import${n === 1 ? '' : 's'} interrupted when the app last closed.`));
  }, [notify]);

  const pickEvidence = async (caseId: string) => {
    const picked = await api.openFiles({ title: 'Import evidence', filters: EVIDENCE_FILTERS, multiple: true });
    if (picked.length) setImporting({ caseId, files: picked.map((f) => new File([f.bytes as Uint8Array<ArrayBuffer>], f.name)) });
  };

  /** Long archive work, shown with its progress and a Cancel button until it ends; 'cancelled' if the user cancelled it. */
  const withArchiveJob = async <T,>(title: string, work: (job: ArchiveJob) => Promise<T>): Promise<T | 'cancelled'> => {
    const controller = new AbortController();
    setArchiveJob({ title, progress: { phase: 'Starting', done: 0, total: 0 }, controller });
    try {
      return await work({ signal: controller.signal, progress: (phase, done, total) => setArchiveJob((job) => job && { ...job, progress: { phase, done, total } }) });
    } catch (error) {
      if (controller.signal.aborted) return 'cancelled';
      throw error;
    } finally {
      setArchiveJob(null);
    }
  };

  const saveArchive = async (caseId: string, sealing: ArchiveSealing | null) => {
    try {
      const saved = await withArchiveJob('Saving the case archive', (job) => saveCaseArchive(caseId, job, sealing));
      if (saved === 'cancelled') notify('error', 'Saving the case archive was cancelled; no file was written.');
      else if (saved) notify('success', `Case archive saved to ${saved.path}, ${sealing ? 'sealed' : 'not sealed'}.`);
    } catch (error) {
      notify('error', `Could not save the case archive: ${errorText(error)}`);
    }
  };

  /** The demo, or an archive the user picks, refused unless sealed by `expectedSealer` when one is given. */
  const openArchive = async (from: 'demo' | { expectedSealer: string | null }) => {
    try {
      const open = from === 'demo' ? openDemoCase : openCaseArchiveFile.bind(null, from.expectedSealer);
      const whenExists: WhenExists = {
        actor,
        choose: (title) => ask<ExistingCaseChoice>((done) => <ExistingCaseDialog title={title} onDone={done} />),
        resolve: (conflicts) => ask<Map<string, Side>>((done) => <MergeConflictsDialog conflicts={conflicts} onDone={done} />),
      };
      const opened = await withArchiveJob('Opening the case archive', (job) => open(whenExists, job));
      if (opened === 'cancelled') notify('error', 'Opening the archive was cancelled. Nothing was changed.');
      else if (opened) {
        const { logRows, originals } = opened.checked;
        const sealer = opened.seal?.signer;
        const recognition = sealer && recognise(pinnedIdentities(), sealer);
        notify(
          recognition?.kind === 'new-key' ? 'warning' : 'success',
          opened.merged ? `${opened.merged}. ${describeSeal(opened.seal)}` : `Opened “${opened.case.title}” from the archive. Read and checked: ${logRows.toLocaleString('en-US')} log rows against the digests recorded at import, ${originals} original files against their SHA-256, and every record against the history. ${describeSeal(opened.seal)}${sealer && recognition ? ` ${describeRecognition(recognition, sealer)}` : ''}`,
          sealer && recognition?.kind !== 'pinned' ? { label: `Pin ${sealer.name || 'the sealer'}’s certificate`, run: () => pinIdentity(sealer) } : undefined,
        );
        navigate({ page: 'case', caseId: opened.case.id, section: 'evidence' });
      }
    } catch (error) {
      const prefix = error instanceof ArchiveError ? 'Archive refused' : 'Could not open the archive';
      notify('error', `${prefix}: ${errorText(error)}. Nothing was changed.`);
    }
  };

  const removeCase = async (record: CaseRecord) => {
    const ok = await confirm({
      title: 'Delete case',
      message: (
        <>
          <p>
            Delete the case <strong>“{record.title}”</strong>
            {record.matterNumber && ` (matter ${record.matterNumber})`} from this computer?
          </p>
          <p>Its evidence, claims and history are removed. Save a case archive first if you may need it again.</p>
        </>
      ),
      confirmLabel: `Delete “${record.title}”`,
      danger: true,
    });
    if (!ok) return;
    await deleteCase(db, record.id);
    notify('success', `Deleted “${record.title}”.`);
    if (route.page === 'case' && route.caseId === record.id) navigate({ page: 'cases' });
  };

  // The menu calls whatever the current screen means by each command.
  const commands = useRef<Record<MenuCommand, () => void> | null>(null);
  useEffect(() => {
    commands.current = {
      'case:new': () => setEditing({ mode: 'new' }),
      'archive:open': () => setOpeningArchive(true),
      'archive:save': () =>
        route.page === 'case' ? setSavingArchive(route.caseId) : notify('error', 'Open a case first, then save its archive.'),
      'evidence:import': () => (route.page === 'case' ? void pickEvidence(route.caseId) : notify('error', 'Open a case first, then import evidence into it.')),
      'case:search': () => (route.page === 'case' ? setSearching(true) : notify('error', 'Open a case first, then search it.')),
      'terms:history': () => (route.page === 'case' ? setImportingHistory(route.caseId) : notify('error', 'Open a case first, then import terms into it.')),
    };
  });
  useEffect(() => api.onMenuCommand((command) => commands.current?.[command]()), []);

  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">Evidence Desk</span>
        <label className="time-zone" title="Evidence, history and bundles record moments in UTC; this shows them in your own zone instead, with its offset">
          Times in{' '}
          <select
            value={zone}
            aria-label="Times in"
            onChange={(e) => {
              showTimesIn(e.target.value);
              setZone(shownZone());
            }}
          >
            <option value={UTC}>UTC</option>
            {LOCAL_ZONE !== UTC && <option value={LOCAL_ZONE}>{LOCAL_ZONE} (this computer)</option>}
          </select>
        </label>
        <button type="button" className="actor" onClick={() => setEditing({ mode: 'actor' })} title="The name recorded in the history of every change you make">
          Working as <strong>{actor || '…'}</strong>
        </button>
      </header>
      {route.page === 'cases' ? (
        <CaseListPage
          key={zone}
          onOpen={(caseId) => navigate({ page: 'case', caseId, section: 'evidence' })}
          onNew={() => setEditing({ mode: 'new' })}
          onOpenArchive={() => setOpeningArchive(true)}
          onOpenDemo={() => void openArchive('demo')}
          onEdit={(record) => setEditing({ mode: 'edit', record })}
          onDelete={(record) => void removeCase(record)}
        />
      ) : (
        <CaseWorkspacePage
          // Remounted when the zone changes, so every time on screen is drawn again in it.
          key={zone}
          caseId={route.caseId}
          section={route.section}
          focus={route.focus}
          onOpenPlace={openPlace}
          searching={searching}
          onSearch={setSearching}
          onSection={(section) => navigate({ page: 'case', caseId: route.caseId, section })}
          onBack={() => navigate({ page: 'cases' })}
          onEdit={(record) => setEditing({ mode: 'edit', record })}
          onSaveArchive={(record) => setSavingArchive(record.id)}
          onPickEvidence={() => void pickEvidence(route.caseId)}
          onImportTermsHistory={() => setImportingHistory(route.caseId)}
          actor={actor}
          onDropEvidence={(files) => {
            navigate({ ...route, section: 'evidence' });
            setImporting({ caseId: route.caseId, files });
          }}
        />
      )}
      {editing?.mode === 'new' && (
        <CaseForm
          title="New case"
          submitLabel="Create case"
          onClose={() => setEditing(null)}
          onSubmit={async (fields) => {
            const record = await createCase(db, fields, actor);
            setEditing(null);
            notify('success', `Created “${record.title}”.`);
            navigate({ page: 'case', caseId: record.id, section: 'evidence' });
          }}
        />
      )}
      {editing?.mode === 'edit' && (
        <CaseForm
          title="Case details"
          submitLabel="Save"
          initial={editing.record}
          onClose={() => setEditing(null)}
          onSubmit={async (fields) => {
            await updateCase(db, editing.record.id, fields, actor);
            setEditing(null);
          }}
        />
      )}
      {editing?.mode === 'actor' && <ActorForm actor={actor} identity={actorIdentity} onSave={(name, fingerprint) => { setActor(name, fingerprint); setEditing(null); }} onClose={() => setEditing(null)} />}
      {importingHistory && <TermsHistoryDialog caseId={importingHistory} actor={actor} onClose={() => setImportingHistory(null)} />}
      {importing && <ImportDialog caseId={importing.caseId} actor={actor} files={importing.files} onClose={() => setImporting(null)} />}
      {savingArchive && (
        <SaveArchiveDialog
          onClose={() => setSavingArchive(null)}
          onSave={(sealing) => {
            setSavingArchive(null);
            void saveArchive(savingArchive, sealing);
          }}
        />
      )}
      {openingArchive && (
        <OpenArchiveDialog
          onClose={() => setOpeningArchive(false)}
          onOpen={(expectedSealer) => {
            setOpeningArchive(false);
            void openArchive({ expectedSealer });
          }}
        />
      )}
      {archiveJob && (
        <Modal title={archiveJob.title} onClose={() => archiveJob.controller.abort()}>
          <JobProgress progress={archiveJob.progress} label={archiveJob.title} />
          <div className="modal-actions">
            <button type="button" onClick={() => archiveJob.controller.abort()}>
              Cancel
            </button>
          </div>
        </Modal>
      )}
      {confirmElement}
      {dialogElement}
    </div>
  );
}

function ActorForm({ actor, identity, onSave, onClose }: { actor: string; identity: string | null; onSave: (name: string, fingerprint: string | null) => void; onClose: () => void }) {
  const [name, setName] = useState(actor);
  const [fingerprint, setFingerprint] = useState(identity ?? '');
  const [identities, setIdentities] = useState<IdentitySummary[]>([]);
  useEffect(() => void api.listIdentities().then(setIdentities, () => setIdentities([])), []);
  return (
    <Modal title="Your name" onClose={onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) onSave(name, fingerprint || null);
        }}
      >
        <label className="field">
          <span className="field-label">Name recorded in the case history</span>
          <input name="actor" value={name} autoFocus onChange={(e) => setName(e.target.value)} />
          {!name.trim() && <span className="field-error">A name is required</span>}
        </label>
        <label className="field">
          <span className="field-label">Signing identity recorded with each change</span>
          <select value={fingerprint} onChange={(e) => setFingerprint(e.target.value)}>
            <option value="">None: the name only</option>
            {identities.map((i) => (
              <option key={i.id} value={i.fingerprint}>
                {i.name}
                {i.organisation ? `, ${i.organisation}` : ''} ({i.fingerprint.slice(0, 11)}…)
              </option>
            ))}
          </select>
        </label>
        <div className="modal-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!name.trim()}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
