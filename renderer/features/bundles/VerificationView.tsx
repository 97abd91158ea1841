import type { Verification } from '../../../shared/bundle/verify-bundle';
import { Modal } from '../../components/Modal';
import { PinnedStatus } from '../../components/PinnedStatus';
import { formatTime } from '../../format';

/** The verdict on a bundle, who signed each signature in it, when and with what, and each check with its reason. */
export function VerificationView({ report, onClose }: { report: Verification; onClose: () => void }) {
  return (
    <Modal title={`Verification of ${report.file}`} wide onClose={onClose}>
      <p className={report.valid ? 'banner banner-ok' : 'banner banner-bad'} role="status">
        <strong>{report.valid ? 'Valid.' : 'Not valid.'}</strong> {report.verdict}
      </p>
      {report.signatures.map(
        (s, i) =>
          s.signer && (
            <p className="small" key={i}>
              {report.signatures.length > 1 && <strong>Signature {i + 1} of {report.signatures.length}: </strong>}
              Signed by <strong>{s.signer.name}</strong>
              {s.signer.organisation && `, ${s.signer.organisation}`}
              {s.signer.email && ` <${s.signer.email}>`} {s.signedAt && `at ${formatTime(s.signedAt)}`}
              {s.algorithm && ` (${s.algorithm})`}.
              <br />
              Certificate SHA-256 <span className="mono">{s.signer.fingerprint}</span>
              {report.expectedSigner && (s.signer.fingerprint === report.expectedSigner ? ' (the expected certificate)' : ' (not the expected certificate)')}
              <br />
              <PinnedStatus signer={s.signer} />
            </p>
          ),
      )}
      <ul className="checks">
        {report.checks.map((c) => (
          <li key={c.name} className={c.ok ? 'check ok' : 'check failed'}>
            <strong>
              {c.ok ? '✓' : '✗'} {c.name}
            </strong>
            : {c.detail}
          </li>
        ))}
      </ul>
      <div className="modal-actions">
        <button type="button" className="primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
