import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState } from 'react';
import type { BundleCase } from '../../../shared/bundle/bundle-plan';
import { caseChecks, withChecks, type Verification } from '../../../shared/bundle/verify-bundle';
import type { IdentitySummary } from '../../../shared/ipc/contract';
import { api } from '../../api';
import { useCaseActions } from '../cases';
import { ErrorBanner } from '../../components/ErrorBanner';
import { errorText } from '../../components/notices';
import { loadCaseForBundle } from './bundles-store';
import { auditEventsOf, recordsOf } from '../../db/case-store';
import { db } from '../../db/db';
import { formatTime } from '../../format';
import { ExportDialog } from './ExportDialog';
import { IdentitiesPanel } from './IdentitiesPanel';
import { VerificationView } from './VerificationView';
import { VerifyDialog } from './VerifyDialog';

/** Exported bundles of this case, Export bundle… and Verify bundle…, and the signing identities. */
export function BundlesSection() {
  const { caseId } = useCaseActions();
  const bundles = useLiveQuery(() => recordsOf(db, 'bundles', caseId, 'createdAt'), [caseId]);
  const [identities, setIdentities] = useState<IdentitySummary[]>([]);
  const [exporting, setExporting] = useState<BundleCase | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [report, setReport] = useState<Verification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(() => void api.listIdentities().then(setIdentities, (e: unknown) => setError(errorText(e))), []);
  useEffect(refresh, [refresh]);

  return (
    <section aria-labelledby="bundles-heading">
      <div className="section-head">
        <h2 id="bundles-heading">Bundles</h2>
        <div className="actions">
          <button type="button" onClick={() => setVerifying(true)}>
            Verify bundle…
          </button>
          <button type="button" className="primary" onClick={() => void loadCaseForBundle(db, caseId).then(setExporting, (e: unknown) => setError(errorText(e)))}>
            Export bundle…
          </button>
        </div>
      </div>
      <ErrorBanner error={error} />
      {bundles && bundles.length === 0 ? (
        <div className="empty">
          <h3>No bundles exported</h3>
          <p>A bundle is a PDF of the claim chart and its exhibits, with the original files attached, a Bates number on every page and a digital signature over the whole file. Anyone can check it without this app: in Adobe Reader, with poppler’s pdfsig, or with Verify bundle….</p>
        </div>
      ) : (
        <table className="table bundles-table">
          <thead>
            <tr>
              <th>File</th>
              <th>Exported</th>
              <th>By</th>
              <th>Signed by</th>
              <th className="num">Pages</th>
              <th>SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {bundles?.map((b) => (
              <tr key={b.id}>
                <td>{b.fileName}</td>
                <td className="nowrap">{formatTime(b.createdAt)}</td>
                <td className="nowrap">{b.createdBy}</td>
                <td>{b.signer ?? <span className="warn">unsigned</span>}</td>
                <td className="num">{b.pages}</td>
                <td className="mono hash" title={b.sha256}>
                  {b.sha256.slice(0, 16)}…
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <IdentitiesPanel identities={identities} onChanged={refresh} />
      {exporting && <ExportDialog data={exporting} identities={identities} onClose={() => setExporting(null)} />}
      {verifying && (
        <VerifyDialog
          identities={identities}
          onClose={() => setVerifying(false)}
          onReport={(r) => {
            setVerifying(false);
            // Verified from within a case: also against this case's history as it is now.
            void auditEventsOf(db, caseId).then((history) => setReport(withChecks(r, caseChecks(r, history))), (e: unknown) => setError(errorText(e)));
          }}
        />
      )}
      {report && <VerificationView report={report} onClose={() => setReport(null)} />}
    </section>
  );
}
