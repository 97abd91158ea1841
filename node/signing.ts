import { IdentityError } from '../shared/errors';
import { createHash, generateKeyPairSync, randomBytes, webcrypto } from 'node:crypto';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import * as pkijs from 'pkijs';
import type { SealManifest } from '../shared/archive/archive-seal';
import { certificateSubject, type CertificateSubject } from '../shared/bundle/certificate';
import { SIGNING_CERTIFICATE_V2, signingCertificateV2 } from '../shared/bundle/ess-signing-certificate';

const DATA = '1.2.840.113549.1.7.1';
const CONTENT_TYPE = '1.2.840.113549.1.9.3';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIGNING_TIME = '1.2.840.113549.1.9.5';

export interface IdentityInfo extends CertificateSubject {
  validTo: string;
}

export function certificateInfo(cert: forge.pki.Certificate): IdentityInfo {
  const der = Uint8Array.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), (c) => c.charCodeAt(0));
  return { ...certificateSubject(der), validTo: cert.validity.notAfter.toISOString() };
}

/** RFC 7292's key derivation, which @types/node-forge does not declare. */
type Pkcs12Kdf = (password: string, salt: forge.util.ByteStringBuffer, id: number, iterations: number, bytes: number, md: forge.md.MessageDigest) => forge.util.ByteStringBuffer;

/** Iterations for both the key's PBKDF2 and the MAC's key derivation: the MAC is checked first when a file is opened, so a weak MAC would let a guesser skip the strong PBKDF2. */
export const PKCS12_ITERATIONS = 100_000;

/**
 * A PKCS#12 file with today's parameters (as OpenSSL 3 writes by default,
 * with more iterations): the key encrypted with AES-256-CBC under PBKDF2
 * with HMAC-SHA-256, and the file's integrity MAC with SHA-256. forge
 * writes the key this way when asked, but always a SHA-1 MAC, so the MAC
 * is made here (RFC 7292, appendix B key derivation with SHA-256).
 */
function modernPkcs12(key: forge.pki.rsa.PrivateKey, cert: forge.pki.Certificate, passphrase: string, friendlyName: string): Uint8Array {
  const options = { algorithm: 'aes256', prfAlgorithm: 'sha256', count: PKCS12_ITERATIONS, saltSize: 16, friendlyName, useMac: false };
  const pfx = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, options as Parameters<typeof forge.pkcs12.toPkcs12Asn1>[3]);
  const { asn1 } = forge;
  // PFX { version, authSafe ContentInfo { data, [0] { OCTET STRING } } }: the MAC is over that octet string's bytes.
  const explicit = ((pfx.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[1]!;
  const content = (explicit.value as forge.asn1.Asn1[])[0]!.value as string;
  const salt = forge.random.getBytesSync(16);
  const macKey = (forge as unknown as { pbe: { generatePkcs12Key: Pkcs12Kdf } }).pbe.generatePkcs12Key(passphrase, forge.util.createBuffer(salt), 3, PKCS12_ITERATIONS, 32, forge.md.sha256.create());
  const hmac = forge.hmac.create();
  hmac.start(forge.md.sha256.create() as unknown as forge.md.MessageDigest, macKey);
  hmac.update(content);
  const { UNIVERSAL } = asn1.Class;
  const macData = asn1.create(UNIVERSAL, asn1.Type.SEQUENCE, true, [
    asn1.create(UNIVERSAL, asn1.Type.SEQUENCE, true, [
      asn1.create(UNIVERSAL, asn1.Type.SEQUENCE, true, [asn1.create(UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(forge.pki.oids.sha256!).getBytes()), asn1.create(UNIVERSAL, asn1.Type.NULL, false, '')]),
      asn1.create(UNIVERSAL, asn1.Type.OCTETSTRING, false, hmac.digest().getBytes()),
    ]),
    asn1.create(UNIVERSAL, asn1.Type.OCTETSTRING, false, salt),
    asn1.create(UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(PKCS12_ITERATIONS).getBytes()),
  ]);
  (pfx.value as forge.asn1.Asn1[]).push(macData);
  return Uint8Array.from(forge.asn1.toDer(pfx).getBytes(), (c) => c.charCodeAt(0));
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
  // Names as UTF8String (RFC 5280); by default forge writes a JavaScript string byte by byte, which corrupts an em dash, curly quotes or Chinese.
  // (@types/node-forge types the tag as a class; forge reads it as the universal type.)
  const utf8 = (attributeName: string, value: string): forge.pki.CertificateField => ({ name: attributeName, value, valueTagClass: forge.asn1.Type.UTF8 as unknown as forge.asn1.Class });
  const subject = [utf8('commonName', name), ...(input.organisation?.trim() ? [utf8('organizationName', input.organisation.trim())] : []), ...(input.email?.trim() ? [{ name: 'emailAddress', value: input.email.trim() }] : [])];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true },
    { name: 'extKeyUsage', emailProtection: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  const p12 = modernPkcs12(key, cert, passphrase, name);
  // Read back from the file, as every later use reads it: the names as stored, not as given.
  return { p12, info: readIdentity(p12, passphrase) };
}

/** The key, its certificate and any others in a PKCS#12 file, once the passphrase opens it; a clear refusal otherwise. */
function openIdentity(p12: Uint8Array, passphrase: string, fileName: string): { key: forge.pki.rsa.PrivateKey; cert: forge.pki.Certificate; certificates: forge.pki.Certificate[] } {
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
  const certificates = bags(forge.pki.oids.certBag!).flatMap((b) => (b.cert ? [b.cert] : []));
  const cert = certificates.find((c) => !!key && (c.publicKey as forge.pki.rsa.PublicKey).n.equals(key.n));
  if (!key) throw new IdentityError(`${fileName} holds no private key`);
  if (!cert) throw new IdentityError(`${fileName} holds no certificate for its private key`);
  return { key, cert, certificates };
}

/** The certificate of a PKCS#12 file, once the passphrase opens it; a clear refusal otherwise. */
export function readIdentity(p12: Uint8Array, passphrase: string, fileName = 'The identity file'): IdentityInfo {
  return certificateInfo(openIdentity(p12, passphrase, fileName).cert);
}

/**
 * A CMS detached signature (adbe.pkcs7.detached) made with an opened
 * identity, built with PKI.js (forge writes only three signed attributes).
 * The signer is named by the issuer and serial number of its certificate as
 * the certificate encodes them, and the signed attributes are, in the order
 * EU validators expect, content type, signing time and message digest, then
 * ESS signing-certificate-v2: the hash of the signer's certificate, so that
 * the certificate, names included, is covered by the signature too.
 */
class IdentitySigner extends Signer {
  /** Who signs, as the certificate names them. */
  readonly info: IdentityInfo;

  constructor(private readonly identity: ReturnType<typeof openIdentity>) {
    super();
    this.info = certificateInfo(identity.cert);
  }

  override async sign(content: Buffer, signingTime: Date = new Date()): Promise<Buffer> {
    const { key, cert, certificates } = this.identity;
    const derOfCertificate = (c: forge.pki.Certificate) => Uint8Array.from(forge.asn1.toDer(forge.pki.certificateToAsn1(c)).getBytes(), (x) => x.charCodeAt(0));
    const signerDer = derOfCertificate(cert);
    const signerCertificate = pkijs.Certificate.fromBER(signerDer);
    const pkcs8 = Uint8Array.from(forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key))).getBytes(), (x) => x.charCodeAt(0));
    const privateKey = await webcrypto.subtle.importKey('pkcs8', pkcs8, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
    const attribute = (type: string, value: asn1js.BaseBlock) => new pkijs.Attribute({ type, values: [value] });
    const signed = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: DATA }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({ issuer: signerCertificate.issuer, serialNumber: signerCertificate.serialNumber }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({
            type: 0,
            attributes: [
              attribute(CONTENT_TYPE, new asn1js.ObjectIdentifier({ value: DATA })),
              attribute(SIGNING_TIME, new asn1js.UTCTime({ valueDate: signingTime })),
              attribute(MESSAGE_DIGEST, new asn1js.OctetString({ valueHex: createHash('sha256').update(content).digest() })),
              attribute(SIGNING_CERTIFICATE_V2, signingCertificateV2(signerDer)),
            ],
          }),
        }),
      ],
      certificates: certificates.map((c) => pkijs.Certificate.fromBER(derOfCertificate(c))),
    });
    await signed.sign(privateKey, 0, 'SHA-256');
    const info = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signed.toSchema(true) });
    return Buffer.from(info.toSchema().toBER());
  }
}

/** A @signpdf signer for the identity in a PKCS#12 file, once the passphrase opens it. */
export function identitySigner(p12: Uint8Array, passphrase: string, fileName = 'The identity file'): Signer & { info: IdentityInfo } {
  return new IdentitySigner(openIdentity(p12, passphrase, fileName));
}

/** Seals a case archive's manifest with an opened identity: a detached signature over its bytes, as a bundle's is over the PDF. */
export function manifestSealer(signer: Signer): SealManifest {
  return async (manifest) => new Uint8Array(await signer.sign(Buffer.from(manifest)));
}

/** Fills the signature placeholder of a bundle with a PKCS#7 detached signature over the whole file. */
export async function signPdf(pdf: Uint8Array, signer: Signer, signingTime: Date = new Date()): Promise<Uint8Array> {
  const signed = await new SignPdf().sign(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), signer, signingTime);
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
}
