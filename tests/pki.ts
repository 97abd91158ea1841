import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { Signer } from '@signpdf/utils';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import { Attribute, AttributeTypeAndValue, Certificate, ContentInfo, EncapsulatedContentInfo, IssuerAndSerialNumber, SignedAndUnsignedAttributes, SignedData, SignerInfo } from 'pkijs';

// Identities made at test time the way a certificate authority or another signing tool would make them, to check the verifier against more than our own signer.

const rsaKeys = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  return { key: forge.pki.privateKeyFromPem(privateKey), publicKey: forge.pki.publicKeyFromPem(publicKey) };
};

function forgeCertificate(subject: string, publicKey: forge.pki.PublicKey, issuer: { name: string; key: forge.pki.PrivateKey }, options: { ca: boolean; from: Date; to: Date }) {
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = `01${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = options.from;
  cert.validity.notAfter = options.to;
  cert.setSubject([{ name: 'commonName', value: subject }]);
  cert.setIssuer([{ name: 'commonName', value: issuer.name }]);
  cert.setExtensions(options.ca ? [{ name: 'basicConstraints', cA: true }, { name: 'keyUsage', keyCertSign: true, cRLSign: true }] : [{ name: 'basicConstraints', cA: false }, { name: 'keyUsage', digitalSignature: true, nonRepudiation: true }]);
  cert.sign(issuer.key as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return cert;
}

const fingerprint = (cert: forge.pki.Certificate) => forge.md.sha256.create().update(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes()).digest().toHex().toUpperCase().match(/../g)!.join(':');

/**
 * A PKCS#12 identity issued by a certificate authority: the signer's key and
 * certificate, then the CA's certificate (when `includeCa`). The CA's
 * certificate is listed first in the file, as many exports do, so a verifier
 * that takes the first certificate as the signer names the CA.
 */
export function caIssuedIdentity(passphrase: string, options: { signer?: string; ca?: string; includeCa?: boolean; validity?: { from: Date; to: Date } } = {}) {
  const now = Date.now();
  const ca = rsaKeys();
  const caName = options.ca ?? 'Northwind Test Issuing CA';
  const caCert = forgeCertificate(caName, ca.publicKey, { name: caName, key: ca.key }, { ca: true, from: new Date(now - 86_400_000), to: new Date(now + 3_650 * 86_400_000) });
  const leaf = rsaKeys();
  const validity = options.validity ?? { from: new Date(now - 60_000), to: new Date(now + 365 * 86_400_000) };
  const leafCert = forgeCertificate(options.signer ?? 'Dana Okafor', leaf.publicKey, { name: caName, key: ca.key }, { ca: false, ...validity });
  const chain = options.includeCa === false ? [leafCert] : [caCert, leafCert];
  const p12 = forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(leaf.key, chain, passphrase, { algorithm: 'aes256' })).getBytes();
  return { p12: Uint8Array.from(p12, (c) => c.charCodeAt(0)), signerFingerprint: fingerprint(leafCert), caFingerprint: fingerprint(caCert) };
}

const OID = { data: '1.2.840.113549.1.7.1', signedData: '1.2.840.113549.1.7.2', contentType: '1.2.840.113549.1.9.3', messageDigest: '1.2.840.113549.1.9.4', signingTime: '1.2.840.113549.1.9.5', signingCertificateV2: '1.2.840.113549.1.9.16.2.47' };

/** A signer with an ECDSA P-384 key and SHA-384, written with PKI.js as another signing tool would: a key kind and hash our own signer never uses. */
export class EcdsaSigner extends Signer {
  /** Without the ESS signing-certificate-v2 attribute, as tools that do not bind the certificate sign. */
  withSigningCertificate = true;

  private constructor(
    private readonly keys: CryptoKeyPair,
    private readonly cert: Certificate,
  ) {
    super();
  }

  private async signingCertificate(): Promise<asn1js.Sequence> {
    const hash = await crypto.subtle.digest('SHA-384', new Uint8Array(this.cert.toSchema().toBER()));
    const sha384 = new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: '2.16.840.1.101.3.4.2.2' })] });
    return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [sha384, new asn1js.OctetString({ valueHex: hash })] })] })] });
  }

  static async create(name: string): Promise<{ signer: EcdsaSigner; fingerprint: string }> {
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-384' }, true, ['sign', 'verify']);
    const cert = new Certificate();
    cert.version = 2;
    cert.serialNumber = new asn1js.Integer({ value: 4242 });
    for (const n of [cert.issuer, cert.subject]) n.typesAndValues.push(new AttributeTypeAndValue({ type: '2.5.4.3', value: new asn1js.Utf8String({ value: name }) }));
    cert.notBefore.value = new Date(Date.now() - 60_000);
    cert.notAfter.value = new Date(Date.now() + 365 * 86_400_000);
    await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
    await cert.sign(keys.privateKey, 'SHA-384');
    const der = new Uint8Array(cert.toSchema().toBER());
    const digest = forge.md.sha256.create().update(String.fromCharCode(...der)).digest().toHex();
    return { signer: new EcdsaSigner(keys, cert), fingerprint: digest.toUpperCase().match(/../g)!.join(':') };
  }

  override async sign(pdf: Buffer): Promise<Buffer> {
    const content = new Uint8Array(pdf);
    const digest = await crypto.subtle.digest('SHA-384', content);
    const signed = new SignedData({
      version: 1,
      encapContentInfo: new EncapsulatedContentInfo({ eContentType: OID.data }),
      signerInfos: [
        new SignerInfo({
          version: 1,
          sid: new IssuerAndSerialNumber({ issuer: this.cert.issuer, serialNumber: this.cert.serialNumber }),
          signedAttrs: new SignedAndUnsignedAttributes({
            type: 0,
            attributes: [
              new Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
              new Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: new Date() })] }),
              new Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: digest })] }),
              // ESS signing-certificate-v2 with its hash algorithm written out (SHA-384, not the default), as some tools do.
              ...(this.withSigningCertificate ? [new Attribute({ type: OID.signingCertificateV2, values: [await this.signingCertificate()] })] : []),
            ],
          }),
        }),
      ],
      certificates: [this.cert],
    });
    await signed.sign(this.keys.privateKey, 0, 'SHA-384', content);
    return Buffer.from(new ContentInfo({ contentType: OID.signedData, content: signed.toSchema(true) }).toSchema().toBER());
  }
}
