import { checkCmsSignature, type ChainReport } from '../bundle/cms-signature';
import type { CertificateSubject } from '../bundle/certificate';
import { formatInstant } from '../time-format';

/**
 * A case archive's seal: a detached CMS signature, by the user's signing
 * identity, over the exact bytes of its manifest (case.json). The manifest
 * names the audit head and the SHA-256 of every entry, so the seal covers
 * the whole archive: any record, row, event or original changed since, or
 * the history rewritten, no longer matches it.
 */
export const SEAL_ENTRY = 'seal.p7s';

export interface ArchiveSeal {
  signer: CertificateSubject;
  signedAt: string | null;
  algorithm: string | null;
  chain: ChainReport | null;
}

/** Makes a seal over the manifest's bytes: the app asks the desktop side, the CLI signs with a .p12. */
export type SealManifest = (manifest: Uint8Array) => Promise<Uint8Array>;

/** The seal's signer if it holds over these manifest bytes, or the reason it does not. */
export async function checkSeal(seal: Uint8Array, manifest: Uint8Array): Promise<{ ok: true; seal: ArchiveSeal } | { ok: false; reason: string }> {
  const checked = await checkCmsSignature(seal, manifest);
  if (!checked.ok || !checked.signer) return { ok: false, reason: checked.detail.replace('the file was changed after it was signed', 'the manifest was changed after the archive was sealed') };
  return { ok: true, seal: { signer: checked.signer, signedAt: checked.signedAt, algorithm: checked.algorithm, chain: checked.chain } };
}

/** One line on a seal, for the CLI's info and the app's notices. */
export function describeSeal(seal: ArchiveSeal | null): string {
  if (!seal) return 'Not sealed: nothing shows who wrote this archive or that it is unchanged since; anyone could have rewritten it whole.';
  const who = [seal.signer.name, seal.signer.organisation].filter(Boolean).join(', ');
  return `Sealed by ${who}${seal.signedAt ? ` at ${formatInstant(seal.signedAt)}` : ''}, certificate SHA-256 ${seal.signer.fingerprint}; unchanged since it was sealed.`;
}

/**
 * The seal against the sealer a reviewer expects, by certificate
 * fingerprint: a name on a certificate proves nothing, since anyone can make
 * a key with any name, and an archive whose seal was removed opens as "not
 * sealed". Both fail when a fingerprint is expected.
 */
export function sealerCheck(seal: ArchiveSeal | null, expected: string): { ok: boolean; detail: string } {
  if (!seal) return { ok: false, detail: `the archive is not sealed, but a seal by ${expected} was expected: its seal may have been removed` };
  if (seal.signer.fingerprint !== expected) return { ok: false, detail: `sealed with the certificate ${seal.signer.fingerprint} (${seal.signer.name || 'unnamed'}), not the expected ${expected}` };
  return { ok: true, detail: `sealed with the expected certificate ${expected}` };
}
