import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { Certificate, ContentInfo, IssuerAndSerialNumber, SignedData, type SignedDataVerifyResult } from 'pkijs';
import { certificateSubject, derOf, displayName, type CertificateSubject } from './certificate';
import { SIGNING_CERTIFICATE_V2, namesCertificate } from './ess-signing-certificate';

/** What one CMS signature (a PDF's adbe.pkcs7.detached or ETSI.CAdES.detached /Contents) says and whether it holds. */
export interface CmsCheck {
  ok: boolean;
  detail: string;
  signer: CertificateSubject | null;
  signedAt: string | null;
  /** As a reader names it: "SHA-256 with RSA", "SHA-384 with ECDSA". */
  algorithm: string | null;
  chain: ChainReport | null;
}

/** The certificates from the signer up, as far as the signature carries them. */
export interface ChainReport {
  ok: boolean;
  detail: string;
  certificates: CertificateSubject[];
}

const DIGESTS: Record<string, { name: string; hash: (data: Uint8Array) => Uint8Array }> = {
  '2.16.840.1.101.3.4.2.1': { name: 'SHA-256', hash: (d) => sha256(d) },
  '2.16.840.1.101.3.4.2.2': { name: 'SHA-384', hash: (d) => sha384(d) },
  '2.16.840.1.101.3.4.2.3': { name: 'SHA-512', hash: (d) => sha512(d) },
};
const KEY_TYPES: Record<string, string> = { '1.2.840.113549.1.1.1': 'RSA', '1.2.840.113549.1.1.10': 'RSA-PSS', '1.2.840.10045.2.1': 'ECDSA' };
const ATTRIBUTE = { messageDigest: '1.2.840.113549.1.9.4', signingTime: '1.2.840.113549.1.9.5' };
const MAX_CHAIN = 8;

const failed = (detail: string, rest: Partial<CmsCheck> = {}): CmsCheck => ({ ok: false, detail, signer: null, signedAt: null, algorithm: null, chain: null, ...rest });

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const toBuffer = (bytes: Uint8Array): ArrayBuffer => bytes.slice().buffer;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The certificate the signer info names by issuer and serial number, as RFC 5652 (5.3) finds it: not the first one listed. */
function signerCertificate(signed: SignedData, certificates: Certificate[]): Certificate | null {
  const sid = signed.signerInfos[0]!.sid;
  if (!(sid instanceof IssuerAndSerialNumber)) return null;
  return certificates.find((c) => c.issuer.isEqual(sid.issuer) && c.serialNumber.isEqual(sid.serialNumber)) ?? null;
}

/** Walks from the signer to a self-signed root through the certificates the signature carries, checking each link's signature and each certificate's dates at the signing time. */
async function chainFrom(signer: Certificate, certificates: Certificate[], at: Date): Promise<ChainReport> {
  const path: Certificate[] = [signer];
  const subjects = () => path.map((c) => certificateSubject(derOf(c)));
  const report = (ok: boolean, detail: string): ChainReport => ({ ok, detail, certificates: subjects() });
  for (;;) {
    const cert = path[path.length - 1]!;
    if (at < cert.notBefore.value || at > cert.notAfter.value) {
      return report(false, `the certificate of ${displayName(cert.subject)} was not valid when the file was signed (${day(at)}): it is valid from ${day(cert.notBefore.value)} to ${day(cert.notAfter.value)}`);
    }
    if (cert.issuer.isEqual(cert.subject)) {
      if (!(await cert.verify().catch(() => false))) return report(false, `the certificate of ${displayName(cert.subject)} names itself as its issuer, but its own key did not sign it`);
      if (path.length === 1) return report(true, `a self-signed certificate: it shows the file is unchanged since it was signed, not who signed it; compare its fingerprint with one the signer gave you`);
      return report(true, `${path.map((c) => displayName(c.subject)).join(' ← ')}: each certificate signed by the next, up to a self-signed root; no authority is trusted by default, so compare the root’s fingerprint (${fingerprint(path[path.length - 1]!)}) with one you trust`);
    }
    if (path.length >= MAX_CHAIN) return report(false, `the chain of certificates is longer than ${MAX_CHAIN}`);
    let issuer: Certificate | null = null;
    for (const candidate of certificates) {
      if (!path.includes(candidate) && candidate.subject.isEqual(cert.issuer) && (await cert.verify(candidate).catch(() => false))) {
        issuer = candidate;
        break;
      }
    }
    if (!issuer) {
      // A certificate whose signature nobody here can check proves nothing about its names: it fails rather than passing unchecked.
      const named = certificates.some((c) => c.subject.isEqual(cert.issuer));
      return report(
        false,
        named
          ? `the certificate of ${displayName(cert.subject)} names ${displayName(cert.issuer)} as its issuer, but the certificate of that name in the signature did not sign it`
          : `the certificate of ${displayName(cert.subject)} names ${displayName(cert.issuer)} as its issuer, whose certificate the signature does not include, so its own signature cannot be checked`,
      );
    }
    path.push(issuer);
  }
}

const fingerprint = (cert: Certificate) => certificateSubject(derOf(cert)).fingerprint;

/**
 * Checks a detached CMS signature over `content` the way a PKI library
 * does: one signer, found by issuer and serial number; the message digest
 * recomputed with the signer's hash (SHA-256, -384 or -512); the signature
 * value checked with the certificate's key (RSA, RSA-PSS or ECDSA) by
 * PKI.js; and the certificate chain the signature carries followed and
 * reported. It never throws: hostile bytes give a failed check.
 */
export async function checkCmsSignature(der: Uint8Array, content: Uint8Array): Promise<CmsCheck> {
  let signed: SignedData;
  try {
    const info = ContentInfo.fromBER(toBuffer(der));
    if (info.contentType !== ContentInfo.SIGNED_DATA) return failed('the signature is not a CMS SignedData structure');
    signed = new SignedData({ schema: info.content });
  } catch (error) {
    return failed(`the signature is not a readable CMS structure (${(error as Error).message})`);
  }
  if (signed.signerInfos.length !== 1) return failed(`the signature holds ${signed.signerInfos.length} signers where one belongs`);
  const certificates = (signed.certificates ?? []).filter((c): c is Certificate => c instanceof Certificate);
  const cert = signerCertificate(signed, certificates);
  if (!cert) return failed('the signature does not carry the certificate of its signer (none matches the issuer and serial number it names)');
  let signer: CertificateSubject;
  try {
    signer = certificateSubject(derOf(cert));
  } catch (error) {
    return failed(`the signer’s certificate cannot be read (${(error as Error).message})`);
  }
  const info = signed.signerInfos[0]!;
  const digest = DIGESTS[info.digestAlgorithm.algorithmId];
  const keyType = KEY_TYPES[cert.subjectPublicKeyInfo.algorithm.algorithmId];
  const algorithm = digest && keyType ? `${digest.name} with ${keyType}` : null;
  const attributes = info.signedAttrs?.attributes ?? [];
  const value = (oid: string): unknown => attributes.find((a) => a.type === oid)?.values[0];
  const time = value(ATTRIBUTE.signingTime) as { toDate?: () => Date } | undefined;
  const signedAt = typeof time?.toDate === 'function' ? time.toDate() : null;
  const partial = { signer, signedAt: signedAt?.toISOString() ?? null, algorithm };
  if (!digest) return failed(`the signature uses a hash this verifier does not accept (${info.digestAlgorithm.algorithmId}); SHA-256, SHA-384 and SHA-512 are accepted`, partial);
  if (!keyType) return failed(`the signer’s key is of a kind this verifier does not check (${cert.subjectPublicKeyInfo.algorithm.algorithmId})`, partial);
  const stated = value(ATTRIBUTE.messageDigest) as { valueBlock?: { valueHexView?: Uint8Array } } | undefined;
  if (!stated?.valueBlock?.valueHexView) return failed('the signature lacks the signed digest of the file (its message-digest attribute)', partial);
  if (!sameBytes(stated.valueBlock.valueHexView, digest.hash(content))) return failed(`the file was changed after it was signed: its ${digest.name} no longer matches the signed digest`, partial);

  let result: SignedDataVerifyResult;
  try {
    result = await signed.verify({ signer: 0, data: toBuffer(content), extendedMode: true, checkChain: false });
  } catch (error) {
    result = error as SignedDataVerifyResult;
  }
  if (result.signatureVerified !== true) return failed(`the signature value does not match the signer’s certificate (${result.message || 'rejected'})`, partial);
  const named = namesCertificate(value(SIGNING_CERTIFICATE_V2), derOf(cert));
  if (named === null) return failed('the signature does not name its certificate (no readable ESS signing-certificate-v2 attribute among what it signs), so the certificate it carries, and the name on it, could have been replaced', partial);
  if (!named) return failed('the certificate the signature carries is not the one it signed (its ESS signing-certificate-v2 hash differs): the certificate or its names were changed', partial);
  const chain = await chainFrom(cert, certificates, signedAt ?? new Date());
  return { ok: true, detail: `signed by ${signer.name || displayName(cert.subject)} (${algorithm})`, ...partial, chain };
}
