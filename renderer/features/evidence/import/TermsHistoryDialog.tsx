import { useRef, useState } from 'react';
import type { PickedTermsHistory, TermsHistory, TermsHistorySource } from '../../../../shared/ipc/contract';
import { readTermsFile, type TermsReading } from '../../../../shared/tos/read-terms';
import { api } from '../../../api';
import { errorText } from '../../../components/notices';
import { Modal } from '../../../components/Modal';
import { importShown, type JobState } from './start-import';
import { JobStatus } from './JobStatus';
import { TermsOutline } from './TermsOutline';

const SOURCES: Record<TermsHistorySource, string> = {
  ota: 'Open Terms Archive versions repository (a local git clone)',
  folder: 'Folder of dated files (name_YYYY-MM-DD.md, .html, .txt or .pdf)',
};

/** “Service/Terms of Service.md” → “Service Terms of Service”, a first guess the user can change. */
const titleOf = (document: string) => document.replace(/\.[^./]+$/, '').replace(/[/_-]+/g, ' ').trim();

/**
 * Every recorded version of one terms document in one go: from an Open Terms
 * Archive repository (each version dated by its record, with the repository,
 * path and commit kept as provenance) or from a folder of dated files.
 */
export function TermsHistoryDialog({ caseId, actor, onClose }: { caseId: string; actor: string; onClose: () => void }) {
  const [source, setSource] = useState<TermsHistorySource>('ota');
  const [picked, setPicked] = useState<PickedTermsHistory | null>(null);
  const [document, setDocument] = useState('');
  const [title, setTitle] = useState('');
  const [history, setHistory] = useState<TermsHistory | null>(null);
  const [outline, setOutline] = useState<{ index: number; reading: TermsReading | null; error?: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [job, setJob] = useState<JobState | null>(null);
  const running = useRef<AbortController | null>(null);

  const pick = async () => {
    setProblem(null);
    try {
      const folder = await api.pickTermsHistory(source);
      if (!folder) return;
      setPicked(folder);
      setDocument(folder.documents[0]!);
      setTitle(titleOf(folder.documents[0]!));
      setHistory(null);
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  const read = async () => {
    setProblem(null);
    setOutline(null);
    try {
      setHistory(await api.readTermsHistory(document));
    } catch (error) {
      setProblem(errorText(error));
    }
  };

  const showOutline = async (index: number) => {
    const version = history!.versions[index]!;
    setOutline({ index, reading: null });
    try {
      setOutline({ index, reading: await readTermsFile(version.name, version.bytes) });
    } catch (error) {
      setOutline({ index, reading: null, error: errorText(error) });
    }
  };

  const importAll = async () => {
    if (!history) return;
    const versions = history.versions.map((v) => ({ file: new File([v.bytes as Uint8Array<ArrayBuffer>], v.name), effectiveDate: v.effectiveDate, ...(v.provenance && { provenance: v.provenance }) }));
    const label = `${title}: ${versions.length} version${versions.length === 1 ? '' : 's'}`;
    setJob({ label });
    const controller = new AbortController();
    running.current = controller;
    await importShown({ kind: 'tos', caseId, actor, title: title.trim(), versions }, controller.signal, (change) => setJob((j) => ({ ...j!, ...change })));
    running.current = null;
  };

  const cancel = () => running.current?.abort();
  const done = job && (job.outcome || job.error);

  return (
    <Modal title="Import terms history" wide onClose={job && !done ? cancel : onClose}>
      {!job && (
        <>
          <p className="muted">Each recorded version is imported as a version of one document, effective on the day it was recorded; its bytes are kept and hashed, and where it came from is shown with it.</p>
          <div className="field-row">
            <label className="field">
              <span className="field-label">Versions from</span>
              <select aria-label="Versions from" value={source} onChange={(e) => { setSource(e.target.value as TermsHistorySource); setPicked(null); setHistory(null); }}>
                {(Object.keys(SOURCES) as TermsHistorySource[]).map((s) => (
                  <option key={s} value={s}>
                    {SOURCES[s]}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={() => void pick()}>
              Choose folder…
            </button>
          </div>
          {picked && (
            <div className="field-row">
              <label className="field">
                <span className="field-label">Document in {picked.folder}</span>
                <select aria-label="Document" value={document} onChange={(e) => { setDocument(e.target.value); setTitle(titleOf(e.target.value)); setHistory(null); }}>
                  {picked.documents.map((d) => (
                    <option key={d} value={d}>
                      {d}
                    </option>
                  ))}
                </select>
              </label>
              <label className="field">
                <span className="field-label">Document title in the case</span>
                <input aria-label="Document title" value={title} onChange={(e) => setTitle(e.target.value)} />
              </label>
              <button type="button" onClick={() => void read()}>
                Read versions
              </button>
            </div>
          )}
          {problem && (
            <p className="field-error" role="alert">
              {problem}
            </p>
          )}
          {history && (
            <>
              {history.notes.map((note) => (
                <p key={note} className="import-note" role="note">
                  {note}
                </p>
              ))}
              <table className="table" aria-label="Recorded versions">
                <thead>
                  <tr>
                    <th>Effective</th>
                    <th>File</th>
                    <th>Recorded as</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {history.versions.map((v, i) => (
                    <tr key={v.name}>
                      <td>{v.effectiveDate}</td>
                      <td className="mono">{v.name}</td>
                      <td className="mono small">{v.provenance ? `${v.provenance.path} @ ${v.provenance.commit.slice(0, 10)}` : 'file name date'}</td>
                      <td>
                        <button type="button" className="link small" onClick={() => void showOutline(i)}>
                          Outline
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {outline && (
                <section aria-label={`Outline of ${history.versions[outline.index]!.name}`}>
                  <strong>{history.versions[outline.index]!.name}</strong>
                  {outline.error ? <p className="field-error">{outline.error}</p> : outline.reading ? <TermsOutline reading={outline.reading} /> : <p className="muted">Reading…</p>}
                </section>
              )}
            </>
          )}
          <div className="modal-actions">
            <button type="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="primary" disabled={!history || !title.trim()} onClick={() => void importAll()}>
              Import {history ? `${history.versions.length} version${history.versions.length === 1 ? '' : 's'}` : 'versions'}
            </button>
          </div>
        </>
      )}
      {job && (
        <>
          <ul className="import-jobs">
            <li className="import-job">
              <strong>{job.label}</strong>
              <JobStatus job={job} />
            </li>
          </ul>
          <div className="modal-actions">
            {done ? (
              <button type="button" className="primary" onClick={onClose}>
                Done
              </button>
            ) : (
              <button type="button" className="danger" onClick={cancel}>
                Cancel import
              </button>
            )}
          </div>
        </>
      )}
    </Modal>
  );
}
