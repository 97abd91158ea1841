import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import * as asn1js from 'asn1js';

/**
 * The ESS signing-certificate-v2 attribute (RFC 5035): the hash of the
 * signer's certificate, among the attributes the signature covers. Without
 * it, the certificate a CMS carries is not signed: its names can be edited,
 * or another certificate with the same key and serial put in its place.
 */
export const SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';

const HASHES: Record<string, (data: Uint8Array) => Uint8Array> = {
  '2.16.840.1.101.3.4.2.1': (d) => sha256(d),
  '2.16.840.1.101.3.4.2.2': (d) => sha384(d),
  '2.16.840.1.101.3.4.2.3': (d) => sha512(d),
};
const SHA256 = '2.16.840.1.101.3.4.2.1';

/** The attribute's value for a certificate: one ESSCertIDv2 with its SHA-256 (the default algorithm, so not written). */
export function signingCertificateV2(certificateDer: Uint8Array): asn1js.Sequence {
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha256(certificateDer) })] })] })] });
}

/**
 * Whether the attribute's value names this certificate: its first
 * ESSCertIDv2 (the signer's, by RFC 5035) holds the certificate's hash.
 * Null when the value cannot be read as the attribute.
 */
export function namesCertificate(value: unknown, certificateDer: Uint8Array): boolean | null {
  if (!(value instanceof asn1js.Sequence)) return null;
  const certs = value.valueBlock.value[0];
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(first instanceof asn1js.Sequence)) return null;
  const [a, b] = first.valueBlock.value;
  const algorithm = a instanceof asn1js.Sequence ? a.valueBlock.value[0] : undefined;
  const oid = algorithm instanceof asn1js.ObjectIdentifier ? algorithm.valueBlock.toString() : SHA256;
  const hash = a instanceof asn1js.OctetString ? a : b;
  const digest = HASHES[oid];
  if (!(hash instanceof asn1js.OctetString) || !digest) return null;
  const expected = digest(certificateDer);
  const stated = hash.valueBlock.valueHexView;
  return stated.length === expected.length && stated.every((x, i) => x === expected[i]);
}
