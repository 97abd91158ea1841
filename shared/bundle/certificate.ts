import forge from 'node-forge';

/** Who a certificate names, and its SHA-256 fingerprint: what the signer and the verifier both show. */
export interface CertificateSubject {
  name: string;
  organisation: string;
  email: string;
  /** SHA-256 of the certificate, as hex pairs. */
  fingerprint: string;
  selfSigned: boolean;
}

/** A subject attribute as text: forge reads a UTF8String as its bytes, so it is decoded here. */
function attribute(cert: forge.pki.Certificate, name: string): string {
  const field = cert.subject.getField(name) as { value?: string; valueTagClass?: number } | null;
  if (!field?.value) return '';
  return field.valueTagClass === (forge.asn1.Type.UTF8 as number) ? forge.util.decodeUtf8(field.value) : field.value;
}

export function certificateSubject(cert: forge.pki.Certificate): CertificateSubject {
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  return {
    name: attribute(cert, 'CN'),
    organisation: attribute(cert, 'O'),
    email: attribute(cert, 'E'),
    fingerprint: forge.md.sha256.create().update(der).digest().toHex().toUpperCase().match(/../g)!.join(':'),
    selfSigned: cert.isIssuer(cert),
  };
}
