import { Certificate, type RelativeDistinguishedNames } from 'pkijs';
import { fingerprintOf } from './fingerprint';

/** Who a certificate names, and its SHA-256 fingerprint: what the signer and the verifier both show. */
export interface CertificateSubject {
  name: string;
  organisation: string;
  email: string;
  /** SHA-256 of the certificate's DER, as upper-case hex pairs (as pdfsig, Adobe and openssl show it). */
  fingerprint: string;
  /** The certificate names itself as its issuer; whether its own key signed it is checked where that matters (the chain). */
  selfSigned: boolean;
}

const NAME_OIDS = { commonName: '2.5.4.3', organisation: '2.5.4.10', email: '1.2.840.113549.1.9.1' };

/** An attribute of a distinguished name as text; asn1js decodes UTF8String, PrintableString, IA5String and BMPString alike. */
function nameAttribute(name: RelativeDistinguishedNames, oid: string): string {
  const found = name.typesAndValues.find((t) => t.type === oid);
  const value = (found?.value as { valueBlock?: { value?: unknown } } | undefined)?.valueBlock?.value;
  return typeof value === 'string' ? value : '';
}

/** A name as a person reads it: its common name, else its organisation. */
export function displayName(name: RelativeDistinguishedNames): string {
  return nameAttribute(name, NAME_OIDS.commonName) || nameAttribute(name, NAME_OIDS.organisation) || 'an unnamed party';
}

/** The certificate's DER as it was read: PKI.js keeps the signed part as parsed, so a fingerprint of this is the fingerprint of the original. */
export function derOf(cert: Certificate): Uint8Array {
  return new Uint8Array(cert.toSchema().toBER(false));
}

export function certificateSubject(der: Uint8Array): CertificateSubject {
  const cert = Certificate.fromBER(der.slice().buffer);
  return {
    name: nameAttribute(cert.subject, NAME_OIDS.commonName),
    organisation: nameAttribute(cert.subject, NAME_OIDS.organisation),
    email: nameAttribute(cert.subject, NAME_OIDS.email),
    fingerprint: fingerprintOf(der),
    selfSigned: cert.issuer.isEqual(cert.subject),
  };
}
