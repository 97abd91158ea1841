import { useState, type FormEvent } from 'react';
import type { WarehouseRunStatus } from '../../../shared/ipc/contract';
import type { HarvestQuerySettings } from '../../../shared/warehouse/harvest-sql';
import { isCancellation } from '../../../shared/errors';
import { FormFooter } from '../../components/FormFooter';
import { JobProgress } from '../../components/JobProgress';
import { Modal } from '../../components/Modal';
import { errorText } from '../../components/notices';
import { db } from '../../db/db';
import { useJob } from '../../hooks/use-job';
import { runQueryPackOnClickHouse } from './query-pack-store';

type Ended = Exclude<WarehouseRunStatus, { state: 'running' }>;

/**
 * Runs the case's query pack on the lab's ClickHouse: where the server is
 * and who connects (the password is sent for this run and kept nowhere),
 * then the progress with a Cancel, then each result written with its
 * provenance, ready to import.
 */
export function ClickHouseRunDialog({ caseId, settings, onClose }: { caseId: string; settings: HarvestQuerySettings; onClose: () => void }) {
  const [url, setUrl] = useState('http://127.0.0.1:8123');
  const [username, setUsername] = useState('default');
  const [password, setPassword] = useState('');
  const [database, setDatabase] = useState('default');
  const [error, setError] = useState<string | null>(null);
  const [ended, setEnded] = useState<Ended | null>(null);
  const { progress, run, cancel } = useJob();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const result = await run((job) => runQueryPackOnClickHouse(db, caseId, settings, { url: url.trim(), username: username.trim() || undefined, password: password || undefined, database: database.trim() || undefined }, job));
      setPassword('');
      if (result) setEnded(result);
    } catch (failure) {
      if (!isCancellation(failure)) setError(errorText(failure));
    }
  };

  if (ended) {
    return (
      <Modal title="Query pack run on ClickHouse" onClose={onClose} wide>
        {ended.state === 'done' && (
          <>
            <p>
              Ran {ended.results.length} queries on ClickHouse {ended.engineVersion}. Each result is in <code>{ended.folder}/results/clickhouse</code> beside its provenance (the query, its SHA-256, the server’s version, when it ran and the result’s SHA-256).
            </p>
            <table className="table summary-table" data-testid="clickhouse-results">
              <thead>
                <tr>
                  <th>Query</th>
                  <th className="num">Rows</th>
                  <th>Result SHA-256</th>
                </tr>
              </thead>
              <tbody>
                {ended.results.map((r) => (
                  <tr key={r.query}>
                    <td>{r.query}</td>
                    <td className="num">{r.rows.toLocaleString('en-US')}</td>
                    <td className="mono small">{r.sha256.slice(0, 16)}…</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="muted small">To bring a result into the case, import its .jsonl file together with its .provenance.json (Import evidence…): the import checks the result against its provenance and the case, and the findings that rest on it say so.</p>
          </>
        )}
        {ended.state === 'failed' && (
          <p className="banner banner-bad" role="alert">
            The run stopped: {ended.error.message}. The pack and any results written before are in {ended.folder}.
          </p>
        )}
        {ended.state === 'cancelled' && <p className="banner">The run was cancelled. The pack and the results of the queries that had finished are in {ended.folder}.</p>}
        <div className="modal-actions">
          <button type="button" className="primary" onClick={onClose}>
            Close
          </button>
        </div>
      </Modal>
    );
  }

  return (
    <Modal title="Run the query pack on ClickHouse" onClose={progress ? cancel : onClose}>
      <form onSubmit={(e) => void submit(e)}>
        <p className="muted small">The harvest queries run where the lab’s logs are, on its ClickHouse server, over HTTP. You choose an empty folder: the pack is written there, and each query’s result beside it with its provenance. Nothing is created in the lab’s database, and the password is used for this run only.</p>
        <label className="field">
          <span className="field-label">Server address</span>
          <input value={url} onChange={(e) => setUrl(e.target.value)} disabled={!!progress} required />
        </label>
        <label className="field">
          <span className="field-label">User</span>
          <input value={username} onChange={(e) => setUsername(e.target.value)} disabled={!!progress} autoComplete="off" />
        </label>
        <label className="field">
          <span className="field-label">Password</span>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} disabled={!!progress} autoComplete="off" />
        </label>
        <label className="field">
          <span className="field-label">Database</span>
          <input value={database} onChange={(e) => setDatabase(e.target.value)} disabled={!!progress} />
        </label>
        {progress ? (
          <>
            <JobProgress progress={progress} label="Query run progress" />
            <div className="modal-actions">
              <button type="button" className="danger" onClick={cancel}>
                Cancel run
              </button>
            </div>
          </>
        ) : (
          <FormFooter error={error} onCancel={onClose} submit="Choose folder and run…" />
        )}
      </form>
    </Modal>
  );
}
