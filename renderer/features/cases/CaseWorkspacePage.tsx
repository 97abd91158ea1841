import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState, type DragEvent } from 'react';
import { differingRecords } from '../../../shared/audit/record-binding';
import type { CaseRecord, Target } from '../../../shared/model/records';
import type { Place } from '../../../shared/search/case-search';
import { AnnotateDialog } from '../claims';
import { CaseActionsContext, type CaseActions } from './case-actions';
import { LinkDialog } from '../claims';
import { db } from '../../db/db';
import type { Section } from '../../hooks/use-hash-route';
import { useRecordsCheck } from './use-records-check';
import { MOVE_PHASE } from '../../db/block-store-move';
import { SearchDialog } from '../evidence';
import { ClaimsSection } from '../claims';
import { BundlesSection } from '../bundles';
import { AnalysisSection } from '../analysis';
import { EvidenceSection } from '../evidence';
import { HistorySection } from './HistorySection';
import { ReviewSection } from './ReviewSection';
import { leaveReview, reviewModeOf } from '../../db/review-modes';
import { auditEventCount, caseRecord } from '../../db/case-store';
import { undoInCase } from './undo-store';
import { useUndoNotice } from './use-undo-notice';
import { errorText, useNotify } from '../../components/notices';

interface CaseWorkspacePageProps {
  caseId: string;
  section: Section;
  onSection: (section: Section) => void;
  onBack: () => void;
  onEdit: (record: CaseRecord) => void;
  onSaveArchive: (record: CaseRecord) => void;
  onPickEvidence: () => void;
  onImportTermsHistory: () => void;
  onDropEvidence: (files: File[]) => void;
  actor: string;
  focus?: Place;
  onOpenPlace: (place: Place) => void;
  searching: boolean;
  onSearch: (open: boolean) => void;
}

const NAV: { section: Section; label: string }[] = [
  { section: 'evidence', label: 'Evidence' },
  { section: 'claims', label: 'Claims' },
  { section: 'analysis', label: 'Analysis' },
  { section: 'bundles', label: 'Bundles' },
  { section: 'review', label: 'Review' },
  { section: 'history', label: 'History' },
];

export function CaseWorkspacePage({ caseId, section, onSection, onBack, onEdit, onSaveArchive, onPickEvidence, onImportTermsHistory, onDropEvidence, actor, focus, onOpenPlace, searching, onSearch }: CaseWorkspacePageProps) {
  const [dragging, setDragging] = useState(false);
  const [linking, setLinking] = useState<Target | null>(null);
  const [annotating, setAnnotating] = useState<Target | null>(null);
  const actions = useMemo<CaseActions>(() => ({ caseId, actor, openPlace: onOpenPlace, linkToClaim: setLinking, annotate: setAnnotating }), [caseId, actor, onOpenPlace]);
  const notify = useNotify();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key === 'k') {
        event.preventDefault();
        onSearch(true);
      }
      // Ctrl+Z in a text field is the field's own undo; elsewhere it undoes the case's latest change.
      const typing = event.target instanceof HTMLElement && (event.target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(event.target.tagName));
      if ((key === 'z' || key === 'y') && !typing) {
        event.preventDefault();
        const which = key === 'y' || event.shiftKey ? 'redo' : 'undo';
        undoInCase(db, caseId, actor, which).then(
          (done) => notify('success', `${done}. ${which === 'undo' ? 'Ctrl+Shift+Z redoes it.' : 'Ctrl+Z undoes it again.'}`),
          (error: unknown) => notify('error', `Not ${which === 'undo' ? 'undone' : 'redone'}: ${errorText(error)}`),
        );
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onSearch, caseId, actor, notify]);
  const record = useLiveQuery(() => caseRecord(db, caseId), [caseId]);
  const eventCount = useLiveQuery(() => auditEventCount(db, caseId), [caseId]);
  const records = useRecordsCheck(caseId, eventCount);
  useUndoNotice(caseId, actor, eventCount);
  const review = useLiveQuery(() => reviewModeOf(db, caseId), [caseId]);
  if (record === undefined) {
    return (
      <main className="page">
        <p className="muted">This case is not on this computer.</p>
        <button type="button" onClick={onBack}>
          Back to cases
        </button>
      </main>
    );
  }
  const hasFiles = (e: DragEvent) => e.dataTransfer.types.includes('Files');
  const dropProps = {
    onDragOver: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(true);
    },
    onDragLeave: (e: DragEvent) => {
      if (e.currentTarget === e.target) setDragging(false);
    },
    onDrop: (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      setDragging(false);
      const files = [...e.dataTransfer.files];
      if (files.length) onDropEvidence(files);
    },
  };
  return (
    <CaseActionsContext.Provider value={actions}>
    <div className={dragging ? 'workspace dragging' : 'workspace'} {...dropProps}>
      <header className="workspace-header">
        <nav className="breadcrumb" aria-label="Breadcrumb">
          <button type="button" className="link" onClick={onBack}>
            Cases
          </button>
          <span aria-hidden="true"> / </span>
        </nav>
        <div className="workspace-title">
          <div>
            <h1>{record.title}</h1>
            <p className="muted meta">
              {record.matterNumber && <span>Matter {record.matterNumber}</span>}
              {record.parties && <span>{record.parties}</span>}
              <span>
                Bates prefix <span className="mono">{record.batesPrefix}</span>
              </span>
            </p>
          </div>
          <div className="actions">
            <button type="button" onClick={() => onSearch(true)} title="Search this case (Ctrl+K)">
              Search… <kbd>Ctrl K</kbd>
            </button>
            <button type="button" onClick={() => onEdit(record)} disabled={review !== undefined}>
              Edit details…
            </button>
            <button type="button" className="primary" onClick={() => onSaveArchive(record)}>
              Save case archive…
            </button>
          </div>
        </div>
        <p className="legend">{record.privilegeLegend}</p>
        {review && (
          <p className="banner banner-warn" role="status" data-testid="review-mode">
            Open for review by {review.reviewer}: nothing in this case can be edited here; items can be marked and the case signed off under Review.{' '}
            <button type="button" className="link" onClick={() => void leaveReview(db, caseId)}>
              Leave review mode
            </button>
          </p>
        )}
        {records.status === 'checking' && records.phase === MOVE_PHASE && (
          <p className="banner" role="status" data-testid="logs-moving">
            This case was stored by an earlier version: its logs are being moved into the log engine, once, and checked against their import. {records.done.toLocaleString('en-US')} of {records.total.toLocaleString('en-US')} rows.
          </p>
        )}
        {records.status === 'done' && records.check.problems.length > 0 && (
          <p className="banner banner-bad" role="alert" data-testid="records-alert">
            In this case, {differingRecords(records.check.problems.length)} from its history: changed outside the app.{' '}
            <button type="button" className="link" onClick={() => onSection('history')}>
              See History
            </button>
          </p>
        )}
      </header>
      <div className="workspace-body">
        <nav className="sidenav" aria-label="Case sections">
          {NAV.map((item) => (
            <button
              key={item.section}
              type="button"
              className={item.section === section ? 'sidenav-item active' : 'sidenav-item'}
              aria-current={item.section === section ? 'page' : undefined}
              onClick={() => onSection(item.section)}
            >
              {item.label}
              {item.section === 'history' && eventCount !== undefined && <span className="count">{eventCount}</span>}
            </button>
          ))}
        </nav>
        <div className="section">
          {section === 'evidence' && <EvidenceSection caseId={caseId} onImport={onPickEvidence} onImportTermsHistory={onImportTermsHistory} focus={focus} />}
          {section === 'claims' && <ClaimsSection focus={focus?.kind === 'claim' ? focus : undefined} />}
          {section === 'analysis' && <AnalysisSection caseId={caseId} actor={actor} focus={focus} />}
          {section === 'bundles' && <BundlesSection />}
          {section === 'review' && <ReviewSection caseId={caseId} actor={actor} eventCount={eventCount} />}
          {section === 'history' && <HistorySection caseId={caseId} actor={actor} records={records} />}
        </div>
      </div>
    </div>
    {searching && (
      <SearchDialog
        caseId={caseId}
        onClose={() => onSearch(false)}
        onOpen={(place) => {
          onSearch(false);
          onOpenPlace(place);
        }}
      />
    )}
    {linking && <LinkDialog target={linking} onClose={() => setLinking(null)} />}
    {annotating && <AnnotateDialog target={annotating} onClose={() => setAnnotating(null)} />}
    </CaseActionsContext.Provider>
  );
}
