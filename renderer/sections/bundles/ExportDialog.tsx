import { useMemo, useRef, useState } from 'react';
import { BundleError, planBundle, type BundlePlan } from '../../../shared/bundle/bundle-plan';
import { bundleRecord } from '../../../shared/bundle/bundle-record';
import { TARGET_KIND_LABELS } from '../../../shared/claims/targets';
import type { IdentitySummary } from '../../../shared/ipc/contract';
import { api } from '../../api';
import { startBundle, type RunningBundle } from '../../bundle/start-bundle';
import { useCaseActions } from '../../claims/case-actions';
import { ErrorBanner } from '../../claims/use-commit';
import { JobProgress, type Progress } from '../../components/JobProgress';
import { Modal } from '../../components/Modal';
import { errorText, useNotify } from '../../components/notices';
import { recordBundle } from '../../db/bundles-store';
import { db } from '../../db/db';
import type { BundleCase } from '../../../shared/bundle/bundle-plan';

const fileNameOf = (title: string, date: string) => `${title.replace(/[\\/:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 60) || 'bundle'} - evidence bundle ${date}.pdf`;

/**
 * Export bundle…: choose the claims, see the exhibits and the page estimate,
 * build in a worker with progress and Cancel, sign in the main process, then
 * save; the bundle is recorded in the case only once it is saved.
 */
export function ExportDialog({ data, identities, onClose }: { data: BundleCase; identities: IdentitySummary[]; onClose: () => void }) {
  const { caseId, actor } = useCaseActions();
  const notify = useNotify();
  const [chosen, setChosen] = useState<string[]>(() => [...data.claims].sort((a, b) => a.order - b.order).map((c) => c.id));
  const [identityId, setIdentityId] = useState(identities[0]?.id ?? '');
  const [passphrase, setPassphrase] = useState('');
  const [progress, setProgress] = useState<Progress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef<RunningBundle | null>(null);
  const identity = identities.find((i) => i.id === identityId) ?? null;
  const planned = useMemo((): { plan: BundlePlan } | { problem: string } => {
    try {
      return { plan: planBundle(data, chosen.length ? chosen : ['(none)']) };
    } catch (e) {
      return { problem: e instanceof BundleError ? e.message : chosen.length === 0 ? 'Choose at least one claim.' : errorText(e) };
    }
  }, [data, chosen]);

  const build = async () => {
    if (!('plan' in planned)) return;
    setError(null);
    const now = new Date();
    setProgress({ phase: 'Starting', done: 0, total: 0 });
    const handle = startBundle({ caseId, claimIds: chosen, preparer: actor, signer: identity && { name: identity.name, organisation: identity.organisation, email: identity.email }, now: now.toISOString() }, (phase, done, total) => setProgress({ phase, done, total }));
    running.current = handle;
    try {
      const built = await handle.done;
      if (!built) {
        notify('success', 'Export cancelled; no file was written.');
        return;
      }
      let bytes = built.bytes;
      if (identity) {
        setProgress({ phase: `Signing as ${identity.name}`, done: 0, total: 0 });
        bytes = await api.signBundle({ pdf: bytes, identityId: identity.id, ...(identity.protection === 'passphrase' ? { passphrase } : {}) });
      }
      setProgress({ phase: 'Choosing where to save', done: 0, total: 0 });
      const file = await api.createFile({ title: 'Save evidence bundle', suggestedName: fileNameOf(data.case.title, now.toISOString().slice(0, 10)), filters: [{ name: 'PDF', extensions: ['pdf'] }] });
      if (!file) {
        notify('success', 'Export cancelled at the save dialog; no file was written.');
        return;
      }
      let saved;
      try {
        // Written whole first, then recorded in the case, and only then put in place: never a bundle the case does not know of.
        await api.appendToFile(file.token, bytes);
        await recordBundle(db, bundleRecord({ caseId, fileName: file.name, bytes, manifest: built.manifest, signer: identity?.name ?? null, actor, now }));
        saved = await api.commitFile(file.token);
      } finally {
        await api.closeFile(file.token);
      }
      notify('success', `Saved ${saved.path}: ${built.pages} pages, ${built.manifest.bates.first} to ${built.manifest.bates.last}, ${identity ? `signed by ${identity.name}` : 'unsigned'}.`);
      onClose();
    } catch (e) {
      setError(`The bundle was not exported: ${errorText(e)}`);
    } finally {
      running.current = null;
      setProgress(null);
    }
  };

  return (
    <Modal title="Export evidence bundle" wide onClose={() => (progress ? running.current?.cancel() : onClose())}>
      <div className="export-grid">
        <fieldset className="field">
          <legend className="field-label">Claims in the bundle</legend>
          {[...data.claims]
            .sort((a, b) => a.order - b.order)
            .map((c) => (
              <label key={c.id} className="checkbox">
                <input type="checkbox" checked={chosen.includes(c.id)} disabled={!!progress} onChange={(e) => setChosen(e.target.checked ? [...chosen, c.id] : chosen.filter((id) => id !== c.id))} /> {c.order + 1}. {c.title}
              </label>
            ))}
        </fieldset>
        <div>
          <label className="field">
            <span className="field-label">Sign as</span>
            <select value={identityId} onChange={(e) => setIdentityId(e.target.value)} aria-label="Sign as" disabled={!!progress}>
              {identities.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                  {i.organisation ? `, ${i.organisation}` : ''}
                </option>
              ))}
              <option value="">Unsigned (the cover says so)</option>
            </select>
          </label>
          {identity?.protection === 'passphrase' && (
            <label className="field">
              <span className="field-label">Passphrase of the identity</span>
              <input type="password" value={passphrase} aria-label="Passphrase of the identity" onChange={(e) => setPassphrase(e.target.value)} disabled={!!progress} />
            </label>
          )}
        </div>
      </div>
      {'problem' in planned ? (
        <p className="banner banner-bad" role="alert">
          {planned.problem}
        </p>
      ) : (
        <>
          <p className="small">
            <strong>{planned.plan.exhibits.length} exhibits</strong> from {planned.plan.originals.length} original file{planned.plan.originals.length === 1 ? '' : 's'}, about <strong>{planned.plan.estimatedPages} pages</strong> with the cover, index, claim chart, chain of custody and certificate.
          </p>
          <div className="exhibit-list">
            <table className="table">
              <thead>
                <tr>
                  <th className="num">Exhibit</th>
                  <th>Kind</th>
                  <th>Description</th>
                  <th className="num">Pages (est.)</th>
                </tr>
              </thead>
              <tbody>
                {planned.plan.exhibits.map((e) => (
                  <tr key={e.number}>
                    <td className="num">{e.number}</td>
                    <td className="nowrap small">{TARGET_KIND_LABELS[e.target.kind]}</td>
                    <td className="small">{e.title}</td>
                    <td className="num">{e.estimatedPages}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {progress && <JobProgress progress={progress} label="Export progress" />}
      <ErrorBanner error={error} />
      <div className="modal-actions">
        {progress ? (
          <button type="button" className="danger" onClick={() => running.current?.cancel()}>
            Cancel export
          </button>
        ) : (
          <>
            <button type="button" onClick={onClose}>
              Close
            </button>
            <button type="button" className="primary" disabled={'problem' in planned} onClick={() => void build()}>
              Build and save…
            </button>
          </>
        )}
      </div>
    </Modal>
  );
}
