import type { CertificateSubject } from '../../shared/bundle/certificate';
import { describeRecognition, recognise } from '../../shared/bundle/pinned-identities';
import { pinIdentity, unpinIdentity, usePinnedIdentities } from '../hooks/use-pinned-identities';

/** Whether a signer's certificate is one the user pinned, a new key for a pinned name (a warning), or unknown; and the button that pins or unpins it. */
export function PinnedStatus({ signer }: { signer: CertificateSubject }) {
  const recognition = recognise(usePinnedIdentities(), signer);
  return (
    <span className={recognition.kind === 'new-key' ? 'warn' : undefined} data-testid="pinned-status">
      {describeRecognition(recognition, signer)}{' '}
      {recognition.kind === 'pinned' ? (
        <button type="button" className="link" onClick={() => unpinIdentity(signer.fingerprint)}>
          Unpin
        </button>
      ) : (
        <button type="button" className="link" onClick={() => pinIdentity(signer)}>
          Pin this certificate for {signer.name || 'this signer'}
        </button>
      )}
    </span>
  );
}
