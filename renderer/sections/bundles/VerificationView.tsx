import type { Verification } from '../../../shared/bundle/verify-bundle';
import { Modal } from '../../components/Modal';

/** The verdict on a bundle, who signed it and when, and each check with its reason. */
export function VerificationView({ report, onClose }: { report: Verification; onClose: () => void }) {
  return (
    <Modal title={`Verification of ${report.file}`} wide onClose={onClose}>
      <p className={report.valid ? 'banner banner-ok' : 'banner banner-bad'} role="status">
        <strong>{report.valid ? 'Valid.' : 'Not valid.'}</strong> {report.verdict}
      </p>
      {report.signer && (
        <p className="small">
          Signed by <strong>{report.signer.name}</strong>
          {report.signer.organisation && `, ${report.signer.organisation}`}
          {report.signer.email && ` <${report.signer.email}>`} {report.signedAt && `at ${new Date(report.signedAt).toUTCString()}`}.
          <br />
          Certificate SHA-256 <span className="mono">{report.signer.fingerprint}</span>
          {report.signer.selfSigned && ' (self-signed: it shows the file is unchanged since signing, not who the signer is)'}
        </p>
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
