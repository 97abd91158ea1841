import { createHash } from 'node:crypto';
import { useNativeSha256 } from '../shared/hash';

/** Makes shared/'s incremental SHA-256 (originals, archive entries) Node's native one. */
export function installNativeSha256(): void {
  useNativeSha256(() => {
    const hash = createHash('sha256');
    return {
      update: (chunk) => {
        hash.update(chunk);
      },
      hex: () => hash.digest('hex'),
    };
  });
}
