import { useEffect, useMemo, useState } from 'react';
import { MAX_EXHIBIT_TITLE, arrangeExhibits, planBundle, type BundlePlan, type ExhibitArrangement } from '../../../shared/bundle/bundle-plan';
import { BundleError, isCancellation } from '../../../shared/errors';
import { TARGET_KIND_LABELS } from '../../../shared/claims/targets';
import type { IdentitySummary } from '../../../shared/ipc/contract';
import { countBundlePages } from './start-bundle';
import { SAVE_CANCELLED, exportFromApp } from './app-export';
import { useJob } from '../../hooks/use-job';
import { useCaseActions } from '../cases';
import { ErrorBanner } from '../../components/ErrorBanner';
import { JobProgress } from '../../components/JobProgress';
import { Modal } from '../../components/Modal';
import { errorText, useNotify } from '../../components/notices';
import type { BundleCase } from '../../../shared/bundle/bundle-plan';

/**
 * Export bundle…: choose the claims, arrange the exhibits, see the page
 * count, then export (app-export.ts) with progress and Cancel.
 */
export function ExportDialog({ data, identities, onClose }: { data: BundleCase; identities: IdentitySummary[]; onClose: () => void }) {
  const { actor } = useCaseActions();
  const notify = useNotify();
  const [chosen, setChosen] = useState<string[]>(() => [...data.claims].sort((a, b) => a.order - b.order).map((c) => c.id));
  const [identityId, setIdentityId] = useState(identities[0]?.id ?? '');
  const [passphrase, setPassphrase] = useState('');
  const { progress, run, cancel } = useJob();
  const [error, setError] = useState<string | null>(null);
  const identity = identities.find((i) => i.id === identityId) ?? null;
  const [arrangement, setArrangement] = useState<ExhibitArrangement>({ order: [], titles: {} });
  const planned = useMemo((): { plan: BundlePlan } | { problem: string } => {
    try {
      return { plan: arrangeExhibits(planBundle(data, chosen.length ? chosen : ['(none)']), arrangement) };
    } catch (e) {
      return { problem: e instanceof BundleError ? e.message : chosen.length === 0 ? 'Choose at least one claim.' : errorText(e) };
    }
  }, [data, chosen, arrangement]);
  const move = (key: string, by: -1 | 1) => {
    if (!('plan' in planned)) return;
    const keys = planned.plan.exhibits.map((e) => e.key);
    const at = keys.indexOf(key);
    const to = at + by;
    if (to < 0 || to >= keys.length) return;
    [keys[at], keys[to]] = [keys[to]!, keys[at]!];
    setArrangement({ ...arrangement, order: keys });
  };

  // The page count is the layout's own, made as the export will make it; a new choice of claims counts again.
  const [counted, setCounted] = useState<{ plan: BundlePlan; pages: number } | null>(null);
  useEffect(() => {
    if (!('plan' in planned)) return;
    const controller = new AbortController();
    // Counted once typing pauses, not at every key of a title.
    const timer = setTimeout(() => {
      countBundlePages({ caseId: data.case.id, plan: planned.plan, preparer: actor, signer: null, now: new Date().toISOString() }, controller.signal).then((n) => setCounted({ plan: planned.plan, pages: n }), () => undefined);
    }, 400);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [planned, data, actor]);
  const pages = 'plan' in planned && counted?.plan === planned.plan ? counted.pages : null;

  const build = async () => {
    if (!('plan' in planned)) return;
    setError(null);
    try {
      const exported = await run((job) => exportFromApp(data, planned.plan, { actor, identity, passphrase }, job));
      notify('success', `Saved ${exported.path}: ${exported.pages} pages, ${exported.manifest.bates.first} to ${exported.manifest.bates.last}, ${identity ? `signed by ${identity.name}` : 'unsigned'}.`);
      onClose();
    } catch (e) {
      if (isCancellation(e)) notify('success', (e as Error).message === SAVE_CANCELLED ? SAVE_CANCELLED : 'Export cancelled; no file was written.');
      else setError(`The bundle was not exported: ${errorText(e)}`);
    }
  };

  return (
    <Modal title="Export evidence bundle" wide onClose={() => (progress ? cancel() : onClose())}>
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
            <strong>{planned.plan.exhibits.length} exhibits</strong> from {planned.plan.originals.length} original file{planned.plan.originals.length === 1 ? '' : 's'}, {pages === null ? <>about <strong>{planned.plan.estimatedPages} pages</strong> (counting…)</> : <strong data-testid="bundle-pages">{pages} pages</strong>} with the cover, index, claim chart, glossary, chain of custody and certificate.
          </p>
          <div className="exhibit-list">
            <table className="table">
              <thead>
                <tr>
                  <th className="num">Exhibit</th>
                  <th>Kind</th>
                  <th>Description</th>
                  <th className="num">Pages (est.)</th>
                  <th>Order</th>
                </tr>
              </thead>
              <tbody>
                {planned.plan.exhibits.map((e, i) => (
                  <tr key={e.key}>
                    <td className="num">{e.number}</td>
                    <td className="nowrap small">{TARGET_KIND_LABELS[e.target.kind]}</td>
                    <td className="small">
                      <input
                        className="exhibit-title"
                        aria-label={`Title of exhibit ${e.number}`}
                        maxLength={MAX_EXHIBIT_TITLE}
                        value={arrangement.titles[e.key] ?? e.title}
                        disabled={!!progress}
                        onChange={(event) => setArrangement({ ...arrangement, titles: { ...arrangement.titles, [e.key]: event.target.value } })}
                      />
                    </td>
                    <td className="num">{e.estimatedPages}</td>
                    <td className="nowrap">
                      <button type="button" aria-label={`Move exhibit ${e.number} up`} disabled={i === 0 || !!progress} onClick={() => move(e.key, -1)}>
                        ↑
                      </button>{' '}
                      <button type="button" aria-label={`Move exhibit ${e.number} down`} disabled={i === planned.plan.exhibits.length - 1 || !!progress} onClick={() => move(e.key, 1)}>
                        ↓
                      </button>
                    </td>
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
          <button type="button" className="danger" onClick={cancel}>
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
