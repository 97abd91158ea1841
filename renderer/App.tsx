import { useCallback, useEffect, useRef, useState } from 'react';
import type { MenuCommand } from '../shared/ipc/menu-commands';
import { api } from './api';
import { useArchiveCommands } from './features/cases/use-archive-commands';
import { useCaseCommands } from './features/cases/use-case-commands';
import { LOCAL_ZONE, showTimesIn, shownZone } from './format';
import { UTC } from '../shared/time-format';
import { ActorForm } from './components/ActorForm';
import { NoticeProvider, useNotify } from './components/notices';
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
  const [editingActor, setEditingActor] = useState(false);
  const toCase = (caseId: string) => navigate({ page: 'case', caseId, section: 'evidence' });
  const archives = useArchiveCommands(actor, toCase);
  const cases = useCaseCommands(actor, toCase, (caseId) => route.page === 'case' && route.caseId === caseId && navigate({ page: 'cases' }));
  const notify = useNotify();
  const [importing, setImporting] = useState<{ caseId: string; files: File[] } | null>(null);
  const [searching, setSearching] = useState(false);
  const [importingHistory, setImportingHistory] = useState<string | null>(null);
  const [zone, setZone] = useState(shownZone);
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

  // The menu calls whatever the current screen means by each command.
  const commands = useRef<Record<MenuCommand, () => void> | null>(null);
  useEffect(() => {
    commands.current = {
      'case:new': cases.newCase,
      'archive:open': archives.askToOpen,
      'archive:save': () => (route.page === 'case' ? archives.askToSave(route.caseId) : notify('error', 'Open a case first, then save its archive.')),
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
        <button type="button" className="actor" onClick={() => setEditingActor(true)} title="The name recorded in the history of every change you make">
          Working as <strong>{actor || '…'}</strong>
        </button>
      </header>
      {route.page === 'cases' ? (
        <CaseListPage
          key={zone}
          onOpen={(caseId) => navigate({ page: 'case', caseId, section: 'evidence' })}
          onNew={cases.newCase}
          onOpenArchive={archives.askToOpen}
          onOpenDemo={archives.openDemo}
          onEdit={cases.editCase}
          onDelete={cases.removeCase}
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
          onEdit={cases.editCase}
          onSaveArchive={(record) => archives.askToSave(record.id)}
          onPickEvidence={() => void pickEvidence(route.caseId)}
          onImportTermsHistory={() => setImportingHistory(route.caseId)}
          actor={actor}
          onDropEvidence={(files) => {
            navigate({ ...route, section: 'evidence' });
            setImporting({ caseId: route.caseId, files });
          }}
        />
      )}
      {editingActor && (
        <ActorForm
          actor={actor}
          identity={actorIdentity}
          onSave={(name, fingerprint) => {
            setActor(name, fingerprint);
            setEditingActor(false);
          }}
          onClose={() => setEditingActor(false)}
        />
      )}
      {importingHistory && <TermsHistoryDialog caseId={importingHistory} actor={actor} onClose={() => setImportingHistory(null)} />}
      {importing && <ImportDialog caseId={importing.caseId} actor={actor} files={importing.files} onClose={() => setImporting(null)} />}
      {cases.element}
      {archives.element}
    </div>
  );
}
