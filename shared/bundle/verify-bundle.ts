import forge from 'node-forge';
import { certificateSubject } from './certificate';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, decodePDFRawStream, type PDFObject } from 'pdf-lib';
import { sha256Hex } from '../hash';
import { BundleManifest, MANIFEST_NAME, batesNumber } from './bundle-manifest';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface Verification {
  file: string;
  valid: boolean;
  /** One sentence: the verdict and, when it fails, the first reason. */
  verdict: string;
  checks: Check[];
  signer: { name: string; organisation: string; email: string; fingerprint: string; selfSigned: boolean } | null;
  signedAt: string | null;
}

const latin1 = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
};

export interface SignatureField {
  byteRange: number[];
  contentsStart: number;
  contentsEnd: number;
  /** The DER of the signature: exactly its own length, read from its header. */
  pkcs7: Uint8Array;
  /** False when the placeholder holds anything but zeros after the signature. */
  paddingClean: boolean;
}

/** The length of a DER SEQUENCE from its header (tag, then a short or long length), or null if it is not one. */
function derLength(bytes: Uint8Array): number | null {
  if (bytes[0] !== 0x30 || bytes.length < 2) return null;
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count < 1 || count > 4 || bytes.length < 2 + count) return null;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i]!;
  return 2 + count + length;
}

/** The last signature's /ByteRange and /Contents, read from the file's bytes as a verifier must (not through a parser that could be fooled). */
export function findSignature(text: string): SignatureField | null {
  const at = text.lastIndexOf('/ByteRange');
  if (at < 0) return null;
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(at, at + 120));
  if (!range) return null;
  const byteRange = range.slice(1, 5).map(Number);
  const contentsStart = byteRange[1]!;
  const contentsEnd = byteRange[2]!;
  const hex = text.slice(contentsStart, contentsEnd);
  if (!/^<[0-9a-fA-F]*>$/.test(hex)) return { byteRange, contentsStart, contentsEnd, pkcs7: new Uint8Array(), paddingClean: false };
  const digits = hex.slice(1, -1);
  const all = new Uint8Array(digits.length >> 1);
  for (let i = 0; i < all.length; i++) all[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  // The signature's own length, not the zeros trimmed off the end: a signature may itself end in a zero byte.
  const length = derLength(all);
  if (length === null || length > all.length) return { byteRange, contentsStart, contentsEnd, pkcs7: all, paddingClean: false };
  return { byteRange, contentsStart, contentsEnd, pkcs7: all.subarray(0, length), paddingClean: all.subarray(length).every((b) => b === 0) };
}

const ATTRIBUTE = { messageDigest: forge.pki.oids.messageDigest!, signingTime: forge.pki.oids.signingTime! };

/** Checks the PKCS#7 detached signature over the signed ranges: the digest, then the signer's RSA signature over the signed attributes. */
function checkSignature(bytes: Uint8Array, field: SignatureField): { ok: boolean; detail: string; signer: Verification['signer']; signedAt: string | null } {
  const [a, b, c, d] = field.byteRange as [number, number, number, number];
  if (!field.paddingClean) return { ok: false, detail: 'the signature’s placeholder holds bytes after the signature that are not zero padding, or a signature whose length does not fit it', signer: null, signedAt: null };
  let message: forge.pkcs7.PkcsSignedData;
  let signerInfo: forge.asn1.Asn1;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(latin1(field.pkcs7)), { parseAllBytes: false } as unknown as boolean);
    message = forge.pkcs7.messageFromAsn1(asn1) as forge.pkcs7.PkcsSignedData;
    const signedData = ((asn1.value as forge.asn1.Asn1[])[1]!.value as forge.asn1.Asn1[])[0]!;
    const parts = signedData.value as forge.asn1.Asn1[];
    signerInfo = (parts[parts.length - 1]!.value as forge.asn1.Asn1[])[0]!;
  } catch (error) {
    return { ok: false, detail: `the signature is not a readable PKCS#7 structure (${(error as Error).message})`, signer: null, signedAt: null };
  }
  const fields = signerInfo.value as forge.asn1.Asn1[];
  const attributes = fields.find((f) => f.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && f.type === 0);
  const signature = fields[fields.length - 1]!.type === forge.asn1.Type.OCTETSTRING ? fields[fields.length - 1]! : fields.find((f, i) => i > 3 && f.type === forge.asn1.Type.OCTETSTRING);
  const cert = message.certificates[0];
  if (!attributes || !signature || !cert) return { ok: false, detail: 'the signature lacks its signed attributes, value or certificate', signer: null, signedAt: null };
  const values = new Map<string, forge.asn1.Asn1>();
  for (const attr of attributes.value as forge.asn1.Asn1[]) {
    const [type, set] = attr.value as forge.asn1.Asn1[];
    values.set(forge.asn1.derToOid(type!.value as string), (set!.value as forge.asn1.Asn1[])[0]!);
  }
  const signer = certificateSubject(cert);
  const time = values.get(ATTRIBUTE.signingTime);
  const signedAt = time ? (time.type === forge.asn1.Type.UTCTIME ? forge.asn1.utcTimeToDate(time.value as string) : forge.asn1.generalizedTimeToDate(time.value as string)).toISOString() : null;

  const md = forge.md.sha256.create();
  md.update(latin1(bytes.subarray(a, a + b)));
  md.update(latin1(bytes.subarray(c, c + d)));
  const digest = values.get(ATTRIBUTE.messageDigest)?.value as string | undefined;
  if (digest !== md.digest().bytes()) return { ok: false, detail: 'the file was changed after it was signed: its SHA-256 no longer matches the signed digest', signer, signedAt };
  // The signature is over the attributes encoded as a SET, not as the [0] they are stored in (RFC 5652, 5.4).
  const signedAttributes = forge.asn1.toDer(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, attributes.value as forge.asn1.Asn1[])).getBytes();
  try {
    const verified = (cert.publicKey as forge.pki.rsa.PublicKey).verify(forge.md.sha256.create().update(signedAttributes).digest().bytes(), signature.value as string);
    if (!verified) return { ok: false, detail: 'the signature value does not match the signer’s certificate', signer, signedAt };
  } catch (error) {
    return { ok: false, detail: `the signature value could not be checked (${(error as Error).message})`, signer, signedAt };
  }
  return { ok: true, detail: `signed with SHA-256 and RSA by ${signer.name}${signer.selfSigned ? ' (a self-signed certificate: it proves the file is unchanged, not who the signer is)' : ''}`, signer, signedAt };
}

function embeddedFiles(doc: PDFDocument): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const walk = (node: PDFDict | undefined) => {
    if (!node) return;
    const list = node.lookupMaybe(PDFName.of('Names'), PDFArray);
    for (let i = 0; list && i + 1 < list.size(); i += 2) {
      const name = list.lookup(i) as PDFObject;
      const spec = list.lookup(i + 1, PDFDict);
      const stream = spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F'));
      const key = name instanceof PDFString || name instanceof PDFHexString ? name.decodeText() : String(name);
      if (stream instanceof PDFRawStream) files.set(key, decodePDFRawStream(stream).decode());
    }
    const kids = node.lookupMaybe(PDFName.of('Kids'), PDFArray);
    for (let i = 0; kids && i < kids.size(); i++) walk(kids.lookup(i, PDFDict));
  };
  walk(names);
  return files;
}

/** The Bates number drawn on a page, read from its content streams (it is drawn in a standard font, so its bytes are its text). */
function batesOnPage(doc: PDFDocument, pageIndex: number, prefix: string): string[] {
  const page = doc.getPage(pageIndex);
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  const pattern = new RegExp(`^${prefix.replace(/[-]/g, '\\-')}-\\d{6,}$`);
  const found: string[] = [];
  for (const stream of streams) {
    if (!(stream instanceof PDFRawStream)) continue;
    const text = latin1(decodePDFRawStream(stream).decode());
    for (const [, hex] of text.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) {
      const decoded = hex!.replace(/../g, (h) => String.fromCharCode(parseInt(h, 16)));
      if (pattern.test(decoded)) found.push(decoded);
    }
  }
  return found;
}

/**
 * Checks a bundle the way its recipient should: the signature is valid and
 * covers the whole file, every attached original still matches the
 * manifest's SHA-256, and the Bates numbers run page by page without gaps.
 */
export async function verifyBundle(bytes: Uint8Array, file: string): Promise<Verification> {
  const checks: Check[] = [];
  const result = (signer: Verification['signer'] = null, signedAt: string | null = null): Verification => {
    const failed = checks.find((c) => !c.ok);
    return { file, valid: !failed, verdict: failed ? `${file} does not verify: ${failed.detail}` : `${file} verifies: signed, unchanged, every original intact, Bates numbers continuous`, checks, signer, signedAt };
  };
  const text = latin1(bytes);
  if (!text.startsWith('%PDF-')) {
    checks.push({ name: 'PDF', ok: false, detail: `${file} is not a PDF file` });
    return result();
  }
  const field = findSignature(text);
  if (!field) {
    checks.push({ name: 'Signature', ok: false, detail: 'the PDF has no digital signature' });
  }
  let signer: Verification['signer'] = null;
  let signedAt: string | null = null;
  if (field) {
    const [a, b, c, d] = field.byteRange as [number, number, number, number];
    const whole = a === 0 && text[b] === '<' && text[c - 1] === '>' && c + d === bytes.length;
    checks.push({ name: 'Covers the whole file', ok: whole, detail: whole ? 'the signed ranges cover every byte but the signature itself' : `the signature covers bytes 0–${b} and ${c}–${c + d} of ${bytes.length}: part of the file is not signed` });
    const signature = checkSignature(bytes, field);
    ({ signer, signedAt } = signature);
    checks.push({ name: 'Signature', ok: signature.ok, detail: signature.detail });
  }
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  } catch (error) {
    checks.push({ name: 'Readable', ok: false, detail: `the PDF cannot be read (${(error as Error).message})` });
    return result(signer, signedAt);
  }
  const files = embeddedFiles(doc);
  const manifestBytes = files.get(MANIFEST_NAME);
  const parsed = manifestBytes ? BundleManifest.safeParse((() => {
    try {
      return JSON.parse(new TextDecoder().decode(manifestBytes));
    } catch {
      return null;
    }
  })()) : null;
  if (!parsed?.success) {
    checks.push({ name: 'Manifest', ok: false, detail: manifestBytes ? `the attached ${MANIFEST_NAME} is not a bundle manifest` : `no ${MANIFEST_NAME} is attached: this is not an Evidence Desk bundle` });
    return result(signer, signedAt);
  }
  const manifest = parsed.data;
  const problems = manifest.originals.flatMap((o) => {
    const attached = files.get(o.attachment);
    if (!attached) return [`${o.fileName} is listed in the manifest but not attached`];
    const hash = sha256Hex(attached);
    return hash === o.sha256 ? [] : [`${o.fileName} does not match its SHA-256 (manifest ${o.sha256.slice(0, 12)}…, attached ${hash.slice(0, 12)}…)`];
  });
  checks.push({ name: 'Originals', ok: problems.length === 0, detail: problems.length ? problems.join('; ') : `all ${manifest.originals.length} attached originals match the manifest’s SHA-256` });

  const pages = doc.getPageCount();
  const gaps: string[] = [];
  for (let i = 0; i < pages && gaps.length < 5; i++) {
    const expected = batesNumber(manifest.bates.prefix, i + 1);
    const found = batesOnPage(doc, i, manifest.bates.prefix);
    if (found.length !== 1 || found[0] !== expected) gaps.push(`page ${i + 1} shows ${found.join(', ') || 'no Bates number'} where ${expected} belongs`);
  }
  if (pages !== manifest.bates.pages) gaps.push(`the file has ${pages} pages; the manifest says ${manifest.bates.pages}`);
  checks.push({ name: 'Bates numbers', ok: gaps.length === 0, detail: gaps.length ? gaps.join('; ') : `${manifest.bates.first} to ${manifest.bates.last}, one per page, without gaps` });
  return result(signer, signedAt);
}
