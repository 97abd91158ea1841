import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { SignPdf } from '@signpdf/signpdf';
import { P12Signer } from '@signpdf/signer-p12';
import forge from 'node-forge';
import type { SignerInfo } from '../shared/bundle/write-bundle';

/** A signing identity that could not be made, read or used; the message says why, for the user. */
export class IdentityError extends Error {
  override name = 'IdentityError';
}

export interface IdentityInfo extends SignerInfo {
  /** SHA-256 of the certificate, as hex pairs. */
  fingerprint: string;
  selfSigned: boolean;
  validTo: string;
}

const attribute = (cert: forge.pki.Certificate, name: string) => String(cert.subject.getField(name)?.value ?? '');

export function certificateInfo(cert: forge.pki.Certificate): IdentityInfo {
  const der = forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes();
  const fingerprint = forge.md.sha256.create().update(der).digest().toHex().toUpperCase().match(/../g)!.join(':');
  return {
    name: attribute(cert, 'CN'),
    organisation: attribute(cert, 'O'),
    email: attribute(cert, 'E'),
    fingerprint,
    selfSigned: cert.isIssuer(cert),
    validTo: cert.validity.notAfter.toISOString(),
  };
}

/**
 * A new self-signed identity: an RSA 2048 key and a certificate for
 * document signing, as a PKCS#12 file protected by the passphrase.
 */
export function createIdentity(input: { name: string; organisation?: string; email?: string }, passphrase: string, now: Date = new Date()): { p12: Uint8Array; info: IdentityInfo } {
  const name = input.name.trim();
  if (!name) throw new IdentityError('Name: the name of the person who signs is required');
  if (passphrase.length < 8) throw new IdentityError('Passphrase: use at least 8 characters');
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const key = forge.pki.privateKeyFromPem(privateKey);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(now.getTime() - 60_000);
  cert.validity.notAfter = new Date(now.getTime() + 5 * 365 * 86_400_000);
  const subject = [{ name: 'commonName', value: name }, ...(input.organisation?.trim() ? [{ name: 'organizationName', value: input.organisation.trim() }] : []), ...(input.email?.trim() ? [{ name: 'emailAddress', value: input.email.trim() }] : [])];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true },
    { name: 'extKeyUsage', emailProtection: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: '3des', friendlyName: name });
  return { p12: Uint8Array.from(forge.asn1.toDer(asn1).getBytes(), (c) => c.charCodeAt(0)), info: certificateInfo(cert) };
}

/** The certificate of a PKCS#12 file, once the passphrase opens it; a clear refusal otherwise. */
export function readIdentity(p12: Uint8Array, passphrase: string, fileName = 'The identity file'): IdentityInfo {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.binary.raw.encode(p12));
  } catch {
    throw new IdentityError(`${fileName} is not a PKCS#12 (.p12) file`);
  }
  let store: forge.pkcs12.Pkcs12Pfx;
  try {
    store = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    if (/MAC could not be verified|Invalid password/i.test(String(error))) throw new IdentityError(`The passphrase is wrong for ${fileName}`);
    throw new IdentityError(`${fileName} is not a readable PKCS#12 (.p12) file: ${(error as Error).message}`);
  }
  const bags = (type: string): forge.pkcs12.Bag[] => store.getBags({ bagType: type })[type] ?? [];
  const key = bags(forge.pki.oids.pkcs8ShroudedKeyBag!)[0]?.key as forge.pki.rsa.PrivateKey | undefined;
  const cert = bags(forge.pki.oids.certBag!)
    .map((b) => b.cert)
    .find((c): c is forge.pki.Certificate => !!c && !!key && (c.publicKey as forge.pki.rsa.PublicKey).n.equals(key.n));
  if (!key) throw new IdentityError(`${fileName} holds no private key`);
  if (!cert) throw new IdentityError(`${fileName} holds no certificate for its private key`);
  return certificateInfo(cert);
}

/** Fills the signature placeholder of a bundle with a PKCS#7 detached signature over the whole file. */
export async function signPdf(pdf: Uint8Array, p12: Uint8Array, passphrase: string, fileName = 'The identity file', signingTime: Date = new Date()): Promise<Uint8Array> {
  readIdentity(p12, passphrase, fileName);
  const signed = await new SignPdf().sign(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), new P12Signer(Buffer.from(p12), { passphrase }), signingTime);
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
}
