import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import type { Signer } from '@signpdf/utils';
import type { PDFHexString, PDFRawStream, PDFRef } from 'pdf-lib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFString, decodePDFRawStream } from 'pdf-lib';
import { createIdentity, identitySigner, signPdf } from '../../node/signing';
import { MANIFEST_NAME } from '../../shared/bundle/bundle-manifest';
import { sha256Hex } from '../../shared/hash';
import { verifyBundle, type Verification } from '../../shared/bundle/verify-bundle';
import { cli } from '../run-cli';
import { caIssuedIdentity, EcdsaSigner } from '../pki';

// The attacks a hostile party would try on a served bundle, each as the verifier must see it. A bundle of the demo case is signed through the CLI once; every forgery starts from its bytes.
const dir = mkdtempSync(join(tmpdir(), 'forgery-'));
const PASSPHRASE = 'correct horse battery';
let signed: Uint8Array;
let unsigned: Uint8Array;
let owner: string;
const caseFile = join(dir, 'demo.evcase');

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const failing = (report: Verification) => report.checks.filter((c) => !c.ok).map((c) => c.name);

before(async () => {
  process.env.EVIDENCE_P12_PASSPHRASE = PASSPHRASE;
  copyFileSync('fixtures/demo.evcase', caseFile);
  const p12 = join(dir, 'counsel.p12');
  assert.equal((await cli('identity', 'new', '--name', 'M. Alvarez', '--org', 'Northwind AI', '--out', p12)).code, 0);
  assert.equal((await cli('bundle', caseFile, '--out', join(dir, 'signed.pdf'), '--p12', p12)).code, 0);
  assert.equal((await cli('bundle', caseFile, '--out', join(dir, 'unsigned.pdf'))).code, 0);
  delete process.env.EVIDENCE_P12_PASSPHRASE;
  signed = new Uint8Array(readFileSync(join(dir, 'signed.pdf')));
  unsigned = new Uint8Array(readFileSync(join(dir, 'unsigned.pdf')));
  owner = (await verifyBundle(signed, 'signed.pdf')).signer!.fingerprint;
});

/** Appends an incremental update that replaces the given objects, as any PDF editor saves changes to a signed file. */
function appendUpdate(bytes: Uint8Array, objects: Map<number, string>): Uint8Array {
  const text = latin1(bytes);
  const prev = /startxref\s+(\d+)\s*%%EOF\s*$/.exec(text)![1];
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const size = /\/Size (\d+)/.exec(trailer)![1];
  const root = /\/Root (\d+ \d+ R)/.exec(trailer)![1];
  let update = '\n';
  const offsets: [number, number][] = [];
  for (const [num, body] of objects) {
    offsets.push([num, bytes.length + update.length]);
    update += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xref = bytes.length + update.length;
  update += `xref\n0 1\n0000000000 65535 f \n${offsets.map(([n, o]) => `${n} 1\n${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  update += `trailer\n<< /Size ${size} /Root ${root} /Prev ${prev} >>\nstartxref\n${xref}\n%%EOF\n`;
  return bytesOf(text + update);
}

/** The unsigned bundle with an empty signature field, ready for a signer. */
const placeholder = () => new Uint8Array(plainAddPlaceholder({ pdfBuffer: Buffer.from(unsigned), reason: '', contactInfo: '', name: '', location: '' }));

const stream = (content: string) => `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;

/** The update a forger needs: page 1 drawn anew, one attached original swapped, and the manifest's hash for it changed to match. */
async function forgedUpdate(bytes: Uint8Array): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const contents = doc.getPage(0).node.get(PDFName.of('Contents'));
  const pageRef = contents instanceof PDFArray ? (contents.get(0) as PDFRef) : (contents as PDFRef);
  const tree = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict);
  const names = tree.lookup(PDFName.of('Names'), PDFArray);
  const files = new Map<string, PDFRef>();
  for (let i = 0; i < names.size(); i += 2) {
    const spec = names.lookup(i + 1, PDFDict);
    files.set((names.lookup(i) as PDFString | PDFHexString).decodeText(), spec.lookup(PDFName.of('EF'), PDFDict).get(PDFName.of('F')) as PDFRef);
  }
  const manifestRef = files.get(MANIFEST_NAME)!;
  const manifest = JSON.parse(Buffer.from(decodePDFRawStream(doc.context.lookup(manifestRef) as PDFRawStream).decode()).toString('utf8')) as { originals: { attachment: string; sha256: string }[] };
  const victim = manifest.originals[0]!;
  const swapped = 'account,action\nacct_innocent,chat.completions\n';
  victim.sha256 = sha256Hex(swapped);
  return appendUpdate(
    bytes,
    new Map([
      [pageRef.objectNumber, stream('BT /F1 24 Tf 72 700 Td (FORGED COVER) Tj ET')],
      [files.get(victim.attachment)!.objectNumber, stream(swapped)],
      [manifestRef.objectNumber, stream(Buffer.from(JSON.stringify(manifest), 'utf8').toString('latin1'))],
    ]),
  );
}

/** A second signature added as an incremental update, the way Acrobat countersigns: by a new key under the same name. */
async function countersign(bytes: Uint8Array, signer: Signer): Promise<Uint8Array> {
  const withPlaceholder = plainAddPlaceholder({ pdfBuffer: Buffer.from(bytes), reason: 'Approval', contactInfo: '', name: 'M. Alvarez', location: '' });
  return new Uint8Array(await new SignPdf().sign(withPlaceholder, signer));
}

/** A second identity under the same name and organisation as the genuine one: what a forger can always make. */
const sameNameSigner = () => identitySigner(createIdentity({ name: 'M. Alvarez', organisation: 'Northwind AI' }, PASSPHRASE).p12, PASSPHRASE);

test('the genuine bundle verifies, and with its signer’s fingerprint it verifies as signed by the expected certificate', async () => {
  const plain = await verifyBundle(signed, 'signed.pdf');
  assert.equal(plain.valid, true, plain.verdict);
  assert.equal(plain.signatures.length, 1);
  assert.equal(plain.signatures[0]!.algorithm, 'SHA-256 with RSA');
  assert.match(plain.checks.find((c) => c.name === 'Signer')!.detail, /not compared with a known certificate/);
  assert.match(plain.checks.find((c) => c.name === 'Certificate chain')!.detail, /self-signed certificate/);
  const expected = await verifyBundle(signed, 'signed.pdf', { expectedSigner: owner });
  assert.equal(expected.valid, true, expected.verdict);
  assert.match(expected.verdict, /signed by the expected certificate/);
});

test('an update appended after signing, changing page 1 and swapping an original with its manifest entry, fails', async () => {
  const forged = await forgedUpdate(signed);
  // The forgery is consistent: the document as it now reads has the new page and a manifest that matches the swapped original.
  const report = await verifyBundle(forged, 'forged.pdf');
  assert.equal(report.valid, false);
  assert.deepEqual(failing(report), ['Covers the whole file']);
  assert.match(report.verdict, /the signature covers bytes 0–\d+ of \d+: \d+ bytes were added after it was signed/);
});

test('the same update countersigned by a second key under the same name fails: the first signature no longer covers the file', async () => {
  const forged = await countersign(await forgedUpdate(signed), sameNameSigner());
  const report = await verifyBundle(forged, 'forged.pdf');
  assert.equal(report.valid, false, report.verdict);
  assert.equal(report.signatures.length, 2);
  assert.deepEqual(report.signatures.map((s) => [s.ok, s.coversWholeFile]), [[true, false], [true, true]]);
  assert.match(report.verdict, /signature 1 of 2 \(by M\. Alvarez\) covers bytes 0–\d+ of \d+/);
  // A tool we did not write agrees: pdfsig sees two signatures, the first not covering the whole document.
  const file = join(dir, 'countersigned.pdf');
  writeFileSync(file, forged);
  const pdfsig = spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
  assert.match(pdfsig, /Signature #2/);
  assert.match(pdfsig, /Signature #1:[\s\S]*Not total document signed/);
});

test('a bundle re-made and signed whole by another key under the same name is caught by the signer’s fingerprint', async () => {
  const doc = await PDFDocument.load(unsigned, { updateMetadata: false });
  doc.setTitle('Re-made');
  const remade = new Uint8Array(await new SignPdf().sign(plainAddPlaceholder({ pdfBuffer: Buffer.from(await doc.save({ useObjectStreams: false })), reason: '', contactInfo: '', name: 'M. Alvarez', location: '' }), sameNameSigner()));
  const unchecked = await verifyBundle(remade, 'remade.pdf');
  assert.equal(unchecked.valid, true, 'without a fingerprint nothing tells the impostor apart: the report says so');
  assert.match(unchecked.checks.find((c) => c.name === 'Signer')!.detail, /identified only by the fingerprint/);
  const checked = await verifyBundle(remade, 'remade.pdf', { expectedSigner: owner });
  assert.equal(checked.valid, false);
  assert.match(checked.verdict, new RegExp(`signed with the certificate [0-9A-F:]+ \\(M\\. Alvarez\\), not the expected ${owner}`));
});

test('each structural attack on the signature is refused, naming what is wrong', async () => {
  const text = latin1(signed);
  const at = text.lastIndexOf('/ByteRange');
  const range = /\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(at))!;
  const [b, c, d] = [Number(range[2]), Number(range[3]), Number(range[4])];
  const rangeText = range[0];
  const withRange = (r: string) => bytesOf(text.slice(0, at + range.index) + r.padEnd(rangeText.length, ' ') + text.slice(at + range.index + rangeText.length));
  const otherText = latin1(await signPdf(placeholder(), identitySigner(createIdentity({ name: 'Other' }, PASSPHRASE).p12, PASSPHRASE)));
  const otherRange = /\/ByteRange\s*\[\s*\d+\s+(\d+)\s+(\d+)/.exec(otherText.slice(otherText.lastIndexOf('/ByteRange')))!;
  const otherDigits = otherText.slice(Number(otherRange[1]) + 1, Number(otherRange[2]) - 1);

  const attacks: [string, Uint8Array, RegExp][] = [
    ['junk appended after %%EOF', bytesOf(`${text}\n% a comment\n`), /bytes were added after it was signed/],
    ['the file truncated', signed.subarray(0, signed.length - 100), /its ranges do not fit the file|does not describe two pieces/],
    ['one byte of page content changed', (() => { const x = signed.slice(); x[1000]! ^= 1; return x; })(), /changed after it was signed|not a readable|cannot be read/],
    ['the signed range shortened', withRange(`[0 ${b} ${c} ${d - 10}]`), /changed after it was signed/],
    ['the signed range starting past byte 0', withRange(`[10 ${b - 10} ${c} ${d}]`), /does not describe two pieces of this file/],
    ['the gap moved off the /Contents string', withRange(`[0 ${b + 2} ${c} ${d}]`), /is not its \/Contents hex string/],
    ['a /ByteRange that is not four numbers', withRange(`[0 ${b} ${c}]`), /is not four offsets/],
    ['a /ByteRange of huge numbers', withRange('[0 999999999999 999999999999 1]'), /does not describe two pieces/],
    ['the signature of another bundle pasted in', bytesOf(`${text.slice(0, b)}<${otherDigits.slice(0, c - b - 2).padEnd(c - b - 2, '0')}>${text.slice(c)}`), /changed after it was signed|does not match|padding|not a readable/],
    ['the signature’s hex made a literal string', bytesOf(text.slice(0, b) + '(' + text.slice(b + 1, c - 1) + ')' + text.slice(c)), /is not its \/Contents hex string/],
    ['a decoy signature appended in a comment', bytesOf(`${text}% /Contents <3000> /ByteRange [0 10 20 ${signed.length + 60}]\n`), /bytes were added after it was signed|does not describe|not its \/Contents/],
  ];
  for (const [name, bytes, reason] of attacks) {
    const report = await verifyBundle(bytes, 'attack.pdf');
    assert.equal(report.valid, false, `${name}: ${report.verdict}`);
    assert.match(report.verdict, reason, name);
  }
});

test('no byte of the signed bundle can change without the verdict changing, and hostile files never throw', async () => {
  // 200 evenly spread single-byte changes (XOR 1 changes a hex digit's value or makes it no digit at all, so none is a no-op).
  for (let i = 0; i < 200; i++) {
    const at = Math.floor(((i + 0.5) / 200) * signed.length);
    const changed = signed.slice();
    changed[at]! ^= 1;
    const report = await verifyBundle(changed, 'flipped.pdf');
    assert.equal(report.valid, false, `byte ${at} changed and the bundle still verifies`);
  }
  const hostile: [string, Uint8Array][] = [
    ['only a header', bytesOf('%PDF-1.7\n')],
    ['deeply nested arrays', bytesOf(`%PDF-1.7\n1 0 obj\n${'['.repeat(200_000)}\nendobj\n/ByteRange [0 1 2 3]`)],
    ['a cross-reference pointing nowhere', bytesOf('%PDF-1.7\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 9 0 R /Size 1 >>\nstartxref\n999999\n%%EOF\n')],
    ['a signature that is DER garbage', bytesOf(`%PDF-1.7\n/Contents <30820fff${'41'.repeat(40)}> /ByteRange [0 19 109 0]`)],
    ['random bytes after the header', bytesOf('%PDF-1.7\n' + Array.from({ length: 5000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join(''))],
  ];
  for (const [name, bytes] of hostile) {
    const report = await verifyBundle(bytes, 'hostile.pdf');
    assert.equal(report.valid, false, name);
    assert.ok(report.verdict.startsWith('hostile.pdf does not verify: '), `${name}: ${report.verdict}`);
  }
});

test('a CA-issued identity: the signer is found by issuer and serial, not taken as the first certificate, and the chain is reported', async () => {
  const identity = caIssuedIdentity(PASSPHRASE, { signer: 'Dana Okafor', ca: 'Northwind Test Issuing CA' });
  const p12 = join(dir, 'ca-issued.p12');
  writeFileSync(p12, identity.p12);
  process.env.EVIDENCE_P12_PASSPHRASE = PASSPHRASE;
  const out = join(dir, 'ca-signed.pdf');
  const made = await cli('bundle', caseFile, '--out', out, '--p12', p12);
  delete process.env.EVIDENCE_P12_PASSPHRASE;
  assert.equal(made.code, 0, made.err);
  const report = await verifyBundle(new Uint8Array(readFileSync(out)), 'ca-signed.pdf', { expectedSigner: identity.signerFingerprint });
  assert.equal(report.valid, true, report.verdict);
  assert.equal(report.signer!.name, 'Dana Okafor');
  assert.equal(report.signer!.selfSigned, false);
  assert.deepEqual(report.signatures[0]!.chain!.certificates.map((c) => c.name), ['Dana Okafor', 'Northwind Test Issuing CA']);
  assert.match(report.checks.find((c) => c.name === 'Certificate chain')!.detail, new RegExp(`Dana Okafor ← Northwind Test Issuing CA: .*compare the root’s fingerprint \\(${identity.caFingerprint}\\)`));
  assert.match(spawnSync('pdfsig', [out], { encoding: 'utf8' }).stdout, /Signer Certificate Common Name: Dana Okafor[\s\S]*Signature is Valid/);

  // The CA's certificate left out of the signature: the certificate's own signature cannot be checked, so nothing vouches for its names.
  const bare = caIssuedIdentity(PASSPHRASE, { includeCa: false });
  const bareSigned = await signPdf(placeholder(), identitySigner(bare.p12, PASSPHRASE));
  const bareReport = await verifyBundle(bareSigned, 'bare.pdf');
  assert.equal(bareReport.valid, false);
  assert.match(bareReport.checks.find((c) => c.name === 'Certificate chain')!.detail, /names Northwind Test Issuing CA as its issuer, whose certificate the signature does not include, so its own signature cannot be checked/);

  // A certificate that had expired when the file was signed fails.
  const expired = caIssuedIdentity(PASSPHRASE, { validity: { from: new Date('2020-01-01'), to: new Date('2021-01-01') } });
  const expiredReport = await verifyBundle(await signPdf(placeholder(), identitySigner(expired.p12, PASSPHRASE)), 'expired.pdf');
  assert.equal(expiredReport.valid, false);
  assert.match(expiredReport.verdict, /the certificate of Dana Okafor was not valid when the file was signed \(\d{4}-\d\d-\d\d\): it is valid from 2020-01-01 to 2021-01-01/);
});

test('an ECDSA P-384 signature with SHA-384, made by another tool, verifies; pdfsig agrees', async () => {
  const { signer, fingerprint } = await EcdsaSigner.create('王小明 — Legal');
  const bytes = new Uint8Array(await new SignPdf().sign(plainAddPlaceholder({ pdfBuffer: Buffer.from(unsigned), reason: '', contactInfo: '', name: '', location: '' }), signer));
  const report = await verifyBundle(bytes, 'ecdsa.pdf', { expectedSigner: fingerprint });
  assert.equal(report.valid, true, report.verdict);
  assert.equal(report.signatures[0]!.algorithm, 'SHA-384 with ECDSA');
  assert.equal(report.signer!.name, '王小明 — Legal');
  const file = join(dir, 'ecdsa.pdf');
  writeFileSync(file, bytes);
  assert.match(spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout, /Signature is Valid/);

  // The same tool without the ESS attribute: the certificate is not among what was signed, so it is refused.
  signer.withSigningCertificate = false;
  const unbound = await verifyBundle(new Uint8Array(await new SignPdf().sign(plainAddPlaceholder({ pdfBuffer: Buffer.from(unsigned), reason: '', contactInfo: '', name: '', location: '' }), signer)), 'unbound.pdf');
  assert.equal(unbound.valid, false);
  assert.match(unbound.verdict, /the signature does not name its certificate \(no readable ESS signing-certificate-v2 attribute/);
});

test('the name inside the genuine signature’s certificate renamed, with no key, fails: the signed certificate hash no longer matches', async () => {
  const text = latin1(signed);
  const range = /\/ByteRange\s*\[\s*\d+\s+(\d+)\s+(\d+)/.exec(text.slice(text.lastIndexOf('/ByteRange')))!;
  const [from, to] = [Number(range[1]) + 1, Number(range[2]) - 1];
  const hexOf = (s: string) => Buffer.from(s, 'utf8').toString('hex');
  const digits = text.slice(from, to).toLowerCase();
  // In the CMS the certificate comes first, its issuer then its subject; the signer info names the issuer after it. The subject alone is renamed.
  const first = digits.indexOf(hexOf('M. Alvarez'));
  const second = digits.indexOf(hexOf('M. Alvarez'), first + 1);
  assert.ok(first >= 0 && second > first);
  const renamed = digits.slice(0, second) + hexOf('J. Smithe!') + digits.slice(second + hexOf('J. Smithe!').length);
  const forged = bytesOf(text.slice(0, from) + renamed + text.slice(to));
  const report = await verifyBundle(forged, 'renamed.pdf');
  assert.equal(report.valid, false, report.verdict);
  assert.match(report.verdict, /the certificate the signature carries is not the one it signed \(its ESS signing-certificate-v2 hash differs\)/);
  // pdfsig and `openssl cms -verify -noverify` call this signature valid: they check the signature value, not what the certificate's names are bound by.
});

test('the genuine signature carries ESS signing-certificate-v2, as openssl cms reads it, and openssl verifies it over the signed ranges', () => {
  const text = latin1(signed);
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/.exec(text.slice(text.lastIndexOf('/ByteRange')))!;
  const [a, b, c, d] = range.slice(1, 5).map(Number) as [number, number, number, number];
  const hex = text.slice(b + 1, c - 1).replace(/(00)+$/, '');
  const der = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
  writeFileSync(join(dir, 'signature.der'), der);
  writeFileSync(join(dir, 'signed-ranges.bin'), Buffer.concat([signed.subarray(a, a + b), signed.subarray(c, c + d)]));
  const printed = spawnSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', join(dir, 'signature.der')], { encoding: 'utf8' });
  assert.match(printed.stdout, /id-smime-aa-signingCertificateV2/);
  const verified = spawnSync('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(dir, 'signature.der'), '-content', join(dir, 'signed-ranges.bin'), '-noverify', '-out', '/dev/null'], { encoding: 'utf8' });
  assert.match(verified.stderr, /Verification successful/);
});

test('verify --signer checks the fingerprint and refuses one that is not a fingerprint', async () => {
  const file = join(dir, 'signed.pdf');
  const ok = await cli('verify', file, '--signer', owner.replace(/:/g, '').toLowerCase());
  assert.equal(ok.code, 0, ok.out);
  assert.match(ok.out, /ok {3}Signer: the signer’s certificate is the expected one/);
  const wrong = await cli('verify', file, '--signer', 'AB'.repeat(32));
  assert.equal(wrong.code, 1);
  assert.match(wrong.out, /FAIL Signer: signed with the certificate/);
  const bad = await cli('verify', file, '--signer', 'alice');
  assert.deepEqual([bad.code, bad.err], [2, '--signer: “alice” is not a SHA-256 fingerprint (64 hex digits, with or without colons)']);
});

test('signatures are found through the document’s structure: text that says /ByteRange anywhere else is not taken for one', async () => {
  const doc = await PDFDocument.load(unsigned, { updateMetadata: false });
  // A literal string, written as it is, that a verifier searching the file's text would read as a signature.
  doc.catalog.set(PDFName.of('Note'), PDFString.of('/Contents <3000> /ByteRange [0 10 20 30]'));
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  assert.ok(prepared.toString('latin1').includes('/ByteRange [0 10 20 30]'));
  const bytes = await signPdf(new Uint8Array(plainAddPlaceholder({ pdfBuffer: prepared, reason: '', contactInfo: '', name: '', location: '' })), identitySigner(createIdentity({ name: 'M. Alvarez' }, PASSPHRASE).p12, PASSPHRASE));
  const report = await verifyBundle(bytes, 'noted.pdf');
  assert.equal(report.valid, true, report.verdict);
  assert.equal(report.signatures.length, 1);
});
