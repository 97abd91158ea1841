import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFString, decodePDFRawStream, type PDFObject } from 'pdf-lib';
import { joinBytes } from '../bytes';
import { sha256Hex } from '../hash';
import type { RecordHashes } from '../audit/record-binding';
import type { AuditEvent } from '../model/records';
import { anchorCheck } from './bundle-anchor';
import { BundleManifest, MANIFEST_NAME, batesNumber } from './bundle-manifest';
import type { CertificateSubject } from './certificate';
import { checkCmsSignature, type CmsCheck } from './cms-signature';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/** One signature found in the file, what it covers and what it says. */
export interface SignatureReport extends CmsCheck {
  byteRange: number[];
  coversWholeFile: boolean;
}

export interface Verification {
  file: string;
  valid: boolean;
  /** One sentence: the verdict and, when it fails, the first reason. */
  verdict: string;
  checks: Check[];
  /** The signer of the last signature (the one that must cover the whole file). */
  signer: CertificateSubject | null;
  signedAt: string | null;
  signatures: SignatureReport[];
  /** The fingerprint the signer was required to have, when one was given. */
  expectedSigner: string | null;
  /** The case and history the bundle says it was made from (absent in bundles made before they said). */
  madeFrom: { caseId: string; events: number; head: string } | null;
  /** The records the bundle shows, with the hashes that bind them (absent in bundles made before they said). */
  shown: RecordHashes | null;
}

/** The one-sentence verdict for a set of checks: the first failure, or what a pass means. */
function verdictOf(file: string, checks: readonly Check[], expectedSigner: string | null): { valid: boolean; verdict: string } {
  const failed = checks.find((c) => !c.ok);
  if (failed) return { valid: false, verdict: `${file} does not verify: ${failed.detail}` };
  const history = checks.some((c) => c.name === 'Case history') ? ', made from this case’s history' : '';
  return { valid: true, verdict: `${file} verifies: signed${expectedSigner ? ' by the expected certificate' : ''}, unchanged, every original intact, Bates numbers continuous${history}` };
}

/**
 * Compares the history a bundle was made from with a case's history as it
 * is now: the event the bundle names must be there, unchanged, and the
 * history at that event must have recorded exactly the records the bundle
 * shows. A bundle that does not say what it was made from fails: it cannot
 * vouch for any case.
 */
export function caseChecks(report: Pick<Verification, 'madeFrom' | 'shown'>, history: readonly AuditEvent[]): Check[] {
  const { madeFrom } = report;
  const name = 'Case history';
  if (!madeFrom) return [{ name, ok: false, detail: 'the bundle does not record the history of the case it was made from, so it cannot be checked against a case' }];
  const caseId = history[0]?.caseId;
  if (caseId !== madeFrom.caseId) return [{ name, ok: false, detail: `the bundle was made from another case (${madeFrom.caseId}), not this one` }];
  const event = history.find((e) => e.seq === madeFrom.events);
  if (!event) return [{ name, ok: false, detail: `the bundle was made when the case’s history had ${madeFrom.events} events; it now has ${history.length}: events were removed since` }];
  if (event.hash !== madeFrom.head) return [{ name, ok: false, detail: `the case’s history was rewritten since the bundle was made: event #${event.seq} now has SHA-256 ${event.hash.slice(0, 16)}…, the bundle records ${madeFrom.head.slice(0, 16)}…` }];
  const since = history.length - madeFrom.events;
  return [
    { name, ok: true, detail: `the case’s history holds the one the bundle was made from, unchanged: event #${event.seq}, SHA-256 ${event.hash.slice(0, 16)}…${since > 0 ? `, and ${since} event${since === 1 ? '' : 's'} since` : ''}` },
    { name: 'Records shown', ...anchorCheck(report.shown, madeFrom, history) },
  ];
}

/** A report with more checks, its verdict said again. */
export function withChecks(report: Verification, more: readonly Check[]): Verification {
  const checks = [...report.checks, ...more];
  return { ...report, checks, ...verdictOf(report.file, checks, report.expectedSigner) };
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
  /** Why the field cannot be a signature (a /ByteRange that is not four offsets, no hex /Contents where it points), or null. */
  malformed: string | null;
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

/** The signature a /ByteRange declares, read from the bytes it points to: the gap must be exactly a /Contents hex string. */
export function readSignature(text: string, byteRange: readonly number[] | null): SignatureField {
  const none = (malformed: string, range: number[] = []): SignatureField => ({ byteRange: range, contentsStart: 0, contentsEnd: 0, pkcs7: new Uint8Array(), paddingClean: false, malformed });
  if (!byteRange || byteRange.length !== 4 || !byteRange.every((n) => Number.isSafeInteger(n) && n >= 0)) return none('its /ByteRange is not four offsets');
  const range = [...byteRange];
  const [a, b, c, d] = range as [number, number, number, number];
  if (a !== 0 || b >= c || c + d > text.length) return none(`its /ByteRange [${range.join(' ')}] does not describe two pieces of this file around a gap`, range);
  const hex = text.slice(b, c);
  // The gap must be the /Contents value itself, not whatever the ranges happen to leave out.
  if (!/^<[0-9a-fA-F]*>$/.test(hex) || !/\/Contents\s*$/.test(text.slice(Math.max(0, b - 40), b))) return none('the gap its /ByteRange leaves is not its /Contents hex string', range);
  const digits = hex.slice(1, -1);
  const all = new Uint8Array(digits.length >> 1);
  for (let i = 0; i < all.length; i++) all[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  // The signature's own length, not the zeros trimmed off the end: a signature may itself end in a zero byte.
  const length = derLength(all);
  const field = { byteRange: range, contentsStart: b, contentsEnd: c, malformed: null };
  if (length === null || length > all.length) return { ...field, pkcs7: all, paddingClean: false };
  return { ...field, pkcs7: all.subarray(0, length), paddingClean: all.subarray(length).every((x) => x === 0) };
}

/** The /ByteRange of each signature field a document declares, as numbers (null where it is not an array of numbers). */
function declaredRanges(doc: PDFDocument): (number[] | null)[] {
  const ranges: (number[] | null)[] = [];
  const walk = (fields: PDFArray | undefined, depth: number) => {
    for (let i = 0; fields && depth < 16 && i < fields.size(); i++) {
      const field = fields.lookup(i);
      if (!(field instanceof PDFDict)) continue;
      const value = field.lookup(PDFName.of('V'));
      if (value instanceof PDFDict && value.has(PDFName.of('ByteRange'))) {
        const range = value.lookup(PDFName.of('ByteRange'));
        const numbers = range instanceof PDFArray ? range.asArray().flatMap((n) => (n instanceof PDFNumber ? [n.asNumber()] : [])) : [];
        ranges.push(range instanceof PDFArray && numbers.length === range.size() ? numbers : null);
      }
      walk(field.lookupMaybe(PDFName.of('Kids'), PDFArray), depth + 1);
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)?.lookupMaybe(PDFName.of('Fields'), PDFArray), 0);
  return ranges;
}

const loadQuietly = async (bytes: Uint8Array): Promise<PDFDocument | null> => {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return null;
  }
};

/** The /ByteRange written at each occurrence in a piece of the file: for a revision the parser cannot read. */
function scannedRanges(text: string, from: number, to: number): (number[] | null)[] {
  const ranges: (number[] | null)[] = [];
  for (let at = text.indexOf('/ByteRange', from); at >= 0 && at < to; at = text.indexOf('/ByteRange', at + 1)) {
    const range = /^\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/.exec(text.slice(at, at + 120));
    ranges.push(range ? range.slice(1, 5).map(Number) : null);
  }
  return ranges;
}

/**
 * Every signature in the file, found through its structure rather than by
 * searching its text (where a title could say /ByteRange): the signature
 * fields each revision declares, a revision being the file up to each
 * %%EOF. An update appended after signing, with or without a second
 * signature, leaves the first revision's signature here to be checked. A
 * revision the parser cannot read is searched for /ByteRange instead, so
 * a signature in it is still found (and one that is not a signature fails).
 * In file order, each once.
 */
export async function findSignatures(bytes: Uint8Array, text: string): Promise<SignatureField[]> {
  const ends: number[] = [];
  for (let at = text.indexOf('%%EOF'); at >= 0; at = text.indexOf('%%EOF', at + 5)) ends.push(at + 5);
  // Bytes after the last %%EOF (more than a line end) are a revision too, however it ends.
  if (text.slice(ends.at(-1) ?? 0).trim() !== '') ends.push(bytes.length);
  const found = new Map<string, SignatureField>();
  let start = 0;
  for (const end of ends) {
    const doc = await loadQuietly(bytes.subarray(0, end));
    let ranges: (number[] | null)[];
    try {
      ranges = doc ? declaredRanges(doc) : scannedRanges(text, start, end);
    } catch {
      ranges = scannedRanges(text, start, end);
    }
    for (const range of ranges) {
      const key = range ? range.join(' ') : `malformed at ${start}`;
      if (!found.has(key)) found.set(key, readSignature(text, range));
    }
    start = end;
  }
  return [...found.values()].sort((x, y) => (x.byteRange[1] ?? 0) - (y.byteRange[1] ?? 0));
}

async function checkSignatureField(bytes: Uint8Array, field: SignatureField): Promise<SignatureReport> {
  const coversWholeFile = !field.malformed && field.byteRange[2]! + field.byteRange[3]! === bytes.length;
  const base = { byteRange: field.byteRange, coversWholeFile };
  const fail = (detail: string): SignatureReport => ({ ok: false, detail, signer: null, signedAt: null, algorithm: null, chain: null, ...base });
  if (field.malformed) return fail(field.malformed);
  if (!field.paddingClean) return fail('the signature’s placeholder holds bytes after the signature that are not zero padding, or a signature whose length does not fit it');
  const [a, b, c, d] = field.byteRange as [number, number, number, number];
  return { ...(await checkCmsSignature(field.pkcs7, joinBytes([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]))), ...base };
}

const who = (s: SignatureReport) => s.signer?.name || 'an unnamed signer';

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
  const stem = batesNumber(prefix, 0).slice(0, -'-000000'.length);
  const pattern = new RegExp(`^${stem.replace(/-/g, '\\-')}-\\d{6,}$`);
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

/** The checks on the signatures: each one found, what it covers, its value, its chain, and the signer expected. */
async function checkSignatures(bytes: Uint8Array, text: string, expected: string | null, checks: Check[]): Promise<SignatureReport[]> {
  const fields = await findSignatures(bytes, text);
  if (fields.length === 0) {
    checks.push({ name: 'Signature', ok: false, detail: 'the PDF has no digital signature' });
    return [];
  }
  const signatures: SignatureReport[] = [];
  for (const field of fields) signatures.push(await checkSignatureField(bytes, field));
  const label = (i: number) => (signatures.length === 1 ? 'the signature' : `signature ${i + 1} of ${signatures.length} (by ${who(signatures[i]!)})`);
  const bad = signatures.flatMap((s, i) => (s.ok ? [] : [`${label(i)}: ${s.detail}`]));
  checks.push({ name: 'Signature', ok: bad.length === 0, detail: bad.length ? bad.join('; ') : signatures.map((s) => s.detail).join('; ') });
  const partial = signatures.flatMap((s, i) => {
    if (s.coversWholeFile) return [];
    const end = s.byteRange.length === 4 ? s.byteRange[2]! + s.byteRange[3]! : 0;
    return [`${label(i)} covers bytes 0–${end} of ${bytes.length}: ${end < bytes.length ? `${bytes.length - end} bytes were added after it was signed (an update that may change any page or attachment)` : 'its ranges do not fit the file'}`];
  });
  checks.push({
    name: 'Covers the whole file',
    ok: partial.length === 0,
    detail: partial.length ? partial.join('; ') : signatures.length === 1 ? 'the signed ranges cover every byte but the signature itself' : `all ${signatures.length} signatures cover every byte`,
  });
  const chains = signatures.flatMap((s) => (s.chain ? [s.chain] : []));
  if (chains.length) checks.push({ name: 'Certificate chain', ok: chains.every((c) => c.ok), detail: [...new Set(chains.map((c) => c.detail))].join('; ') });
  const last = signatures[signatures.length - 1]!;
  if (expected) {
    const others = signatures.filter((s) => s.signer?.fingerprint !== expected);
    checks.push({
      name: 'Signer',
      ok: others.length === 0,
      detail: others.length ? `signed with the certificate ${others[0]!.signer?.fingerprint ?? '(none readable)'}${others[0]!.signer ? ` (${who(others[0]!)})` : ''}, not the expected ${expected}: the name on a certificate proves nothing, its fingerprint does` : `the signer’s certificate is the expected one, ${expected}`,
    });
  } else if (last.signer) {
    checks.push({ name: 'Signer', ok: true, detail: `not compared with a known certificate: the signer is identified only by the fingerprint ${last.signer.fingerprint}; give the fingerprint you trust to check it` });
  }
  return signatures;
}

/**
 * Checks a bundle the way its recipient should: every signature in the
 * file is valid and covers the whole file (so nothing was appended after
 * signing), its certificate chain is reported, the signer is the one
 * expected when a fingerprint is given, every attached original still
 * matches the manifest's SHA-256, and the Bates numbers run page by page
 * without gaps. Hostile bytes give a failed check, never an exception.
 */
export async function verifyBundle(bytes: Uint8Array, file: string, options: { expectedSigner?: string | null; history?: readonly AuditEvent[] } = {}): Promise<Verification> {
  const checks: Check[] = [];
  let signatures: SignatureReport[] = [];
  let madeFrom: Verification['madeFrom'] = null;
  let shown: Verification['shown'] = null;
  const expectedSigner = options.expectedSigner ?? null;
  const result = (): Verification => {
    const last = signatures[signatures.length - 1];
    return { file, checks, ...verdictOf(file, checks, expectedSigner), signer: last?.signer ?? null, signedAt: last?.signedAt ?? null, signatures, expectedSigner, madeFrom, shown };
  };
  try {
    const text = latin1(bytes);
    if (!text.startsWith('%PDF-')) {
      checks.push({ name: 'PDF', ok: false, detail: `${file} is not a PDF file` });
      return result();
    }
    signatures = await checkSignatures(bytes, text, expectedSigner, checks);
    let doc: PDFDocument;
    try {
      doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
    } catch (error) {
      checks.push({ name: 'Readable', ok: false, detail: `the PDF cannot be read (${(error as Error).message})` });
      return result();
    }
    if (signatures.length) {
      const declared = declaredRanges(doc).map((range) => (range ? range.join(' ') : 'malformed'));
      const found = signatures.map((s) => s.byteRange.join(' '));
      const hidden = declared.filter((r) => !found.includes(r));
      const stray = found.filter((r) => !declared.includes(r));
      checks.push({
        name: 'Signature fields',
        ok: hidden.length === 0 && stray.length === 0,
        detail: hidden.length
          ? `the document declares a signature over [${hidden[0]}] that the file’s bytes do not hold where it says`
          : stray.length
            ? `the file holds a signature over [${stray[0]}] that the document, as it now reads, no longer declares: an update after signing replaced it`
            : 'each signature is the value of a signature field of the document',
      });
    }
    const manifest = checkContents(doc, checks);
    if (manifest?.audit) madeFrom = { caseId: manifest.case.id, ...manifest.audit };
    shown = manifest?.records ?? null;
    if (manifest && options.history) checks.push(...caseChecks({ madeFrom, shown }, options.history));
  } catch (error) {
    checks.push({ name: 'Readable', ok: false, detail: `the file could not be checked as a PDF (${(error as Error).message})` });
  }
  return result();
}

/** The attached originals against the manifest's hashes, and the Bates numbers page by page; the manifest, when it is one. */
function checkContents(doc: PDFDocument, checks: Check[]): BundleManifest | null {
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
    return null;
  }
  const manifest = parsed.data;
  const problems = manifest.originals.flatMap((o) => {
    const attached = files.get(o.attachment);
    if (!attached) return [`${o.fileName} is listed in the manifest but not attached`];
    const hash = sha256Hex(attached);
    return hash === o.sha256 ? [] : [`${o.fileName} does not match its SHA-256 (manifest ${o.sha256.slice(0, 12)}…, attached ${hash.slice(0, 12)}…)`];
  });
  checks.push({ name: 'Originals', ok: problems.length === 0, detail: problems.length ? problems.join('; ') : `all ${manifest.originals.length} attached originals match the manifest’s SHA-256` });
  const rowFiles = manifest.exhibits.flatMap((e) => (e.files ?? []).map((f) => ({ ...f, exhibit: e.number })));
  if (rowFiles.length) {
    const wrong = rowFiles.flatMap((f) => {
      const attached = files.get(f.attachment);
      if (!attached) return [`${f.attachment} (exhibit ${f.exhibit}) is listed in the manifest but not attached`];
      const hash = sha256Hex(attached);
      return hash === f.sha256 ? [] : [`${f.attachment} (exhibit ${f.exhibit}) does not match its SHA-256 (manifest ${f.sha256.slice(0, 12)}…, attached ${hash.slice(0, 12)}…)`];
    });
    checks.push({ name: 'Selected log rows', ok: wrong.length === 0, detail: wrong.length ? wrong.join('; ') : `all ${rowFiles.length} attached files of selected log rows match the manifest’s SHA-256` });
  }

  const pages = doc.getPageCount();
  const gaps: string[] = [];
  for (let i = 0; i < pages && gaps.length < 5; i++) {
    const expected = batesNumber(manifest.bates.prefix, i + 1);
    const found = batesOnPage(doc, i, manifest.bates.prefix);
    if (found.length !== 1 || found[0] !== expected) gaps.push(`page ${i + 1} shows ${found.join(', ') || 'no Bates number'} where ${expected} belongs`);
  }
  if (pages !== manifest.bates.pages) gaps.push(`the file has ${pages} pages; the manifest says ${manifest.bates.pages}`);
  checks.push({ name: 'Bates numbers', ok: gaps.length === 0, detail: gaps.length ? gaps.join('; ') : `${manifest.bates.first} to ${manifest.bates.last}, one per page, without gaps` });
  return manifest;
}
