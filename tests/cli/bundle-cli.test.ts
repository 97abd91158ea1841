import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { caseArchiveBytes } from '../../shared/archive/archive-writer';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { sha256Hex } from '../../shared/hash';
import { caseChecks, readSignature, verifyBundle } from '../../shared/bundle/verify-bundle';
import { checkCaseBinding } from '../../shared/model/case-data';
import { BOUND_TABLES, bindRecords } from '../../shared/audit/record-binding';
import { editChange, claimsStateOf } from '../../shared/claims/case-edit';
import { removeLink } from '../../shared/claims/evidence-edits';
import { nextAuditEvent } from '../../shared/audit/audit-chain';
import { cli } from '../run-cli';
import { makeCaseData } from '../builders';
import { applyChange } from '../../shared/model/case-change';
import { createCaseData } from '../../shared/new-case';

// Checks by tools we did not write (poppler's pdfsig, pdfdetach, pdftotext; qpdf), on a bundle of the demo case made through the CLI.
const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
const caseFile = join(dir, 'demo.evcase');
const p12 = join(dir, 'counsel.p12');
const signed = join(dir, 'signed.pdf');
const tool = (command: string, ...args: string[]) => spawnSync(command, args, { encoding: 'utf8' });

before(async () => {
  process.env.EVIDENCE_P12_PASSPHRASE = 'correct horse battery';
  copyFileSync('fixtures/demo.evcase', caseFile);
  const made = await cli('identity', 'new', '--name', 'M. Alvarez', '--org', 'Northwind AI', '--email', 'malvarez@example.com', '--out', p12);
  assert.equal(made.code, 0, made.err);
  const bundled = await cli('bundle', caseFile, '--out', signed, '--p12', p12, '--actor', 'M. Alvarez');
  assert.equal(bundled.code, 0, bundled.err);
  assert.match(bundled.out, /Wrote .*signed\.pdf: \d+ pages \(NWA-000001 to NWA-0000\d\d\), 20 exhibits, 14 originals attached, signed by M\. Alvarez\./);
});

test('the identity file the CLI writes can be read by its owner only, with today’s PKCS#12 parameters as openssl reads them', () => {
  assert.equal(statSync(p12).mode & 0o777, 0o600);
  const info = tool('openssl', 'pkcs12', '-info', '-in', p12, '-noout', '-passin', 'pass:correct horse battery');
  assert.equal(info.status, 0, info.stderr);
  assert.match(info.stderr, /MAC: sha256, Iteration 100000/);
  assert.match(info.stderr, /Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 100000, PRF hmacWithSHA256/);
  assert.doesNotMatch(info.stderr, /3DES|pbeWithSHA1/i);
  assert.notEqual(tool('openssl', 'pkcs12', '-info', '-in', p12, '-noout', '-passin', 'pass:wrong').status, 0);
});

test('pdfsig finds the signature valid and covering the whole document; qpdf finds no errors', () => {
  const sig = tool('pdfsig', signed);
  assert.match(sig.stdout, /Signature is Valid/);
  assert.match(sig.stdout, /Total document signed/);
  assert.match(sig.stdout, /Signer Certificate Common Name: M\. Alvarez/);
  const check = tool('qpdf', '--check', signed);
  assert.equal(check.status, 0, check.stdout + check.stderr);
  assert.match(check.stdout, /No syntax or stream encoding errors found/);
});

test('the bookmarks, read by qpdf, lead to the claims, their elements and every exhibit, titles intact', () => {
  type Item = { title: string; destpageposfrom1: number; kids: Item[] };
  const outlines = (JSON.parse(tool('qpdf', '--json', '--json-key=outlines', signed).stdout) as { outlines: Item[] }).outlines;
  assert.deepEqual(outlines.map((o) => o.title), ['Cover', 'Index of exhibits', 'Claim chart', 'Exhibits', 'Glossary', 'Chain of custody', 'Certificate of authenticity']);
  const [chart, exhibits] = [outlines[2]!, outlines[3]!];
  assert.deepEqual(chart.kids.map((k) => [k.title, k.kids.length]), [['1. Breach of the Terms of Service', 4], ['2. Unauthorised access to the API', 4], ['3. Misappropriation of model outputs', 4]]);
  assert.equal(exhibits.kids.length, 20);
  assert.equal(exhibits.kids[1]!.title, 'Exhibit 2: 25 rows of api-gateway-2026Q1.jsonl, lines between 37 and 1003');
  const pages = exhibits.kids.map((k) => k.destpageposfrom1);
  assert.deepEqual(pages, [...pages].sort((a, b) => a - b), 'exhibits in page order');
});

test('each row of the index is a link to its exhibit’s first page', async () => {
  const doc = await PDFDocument.load(new Uint8Array(readFileSync(signed)));
  const number = /(\d+): manifest\.json/.exec(tool('pdfdetach', '-list', signed).stdout)![1]!;
  execFileSync('pdfdetach', ['-save', number, '-o', join(dir, 'index-manifest.json'), signed]);
  const manifest = JSON.parse(readFileSync(join(dir, 'index-manifest.json'), 'utf8')) as { exhibits: { page: number }[] };
  const pageRefs = doc.getPages().map((p) => p.ref.toString());
  // The index starts on page 2; the claim chart after it links to exhibits too, so its first links are the index's rows.
  const targets: number[] = [];
  for (let page = 1; page < doc.getPageCount(); page++) {
    const annots = doc.getPage(page).node.lookup(PDFName.of('Annots'));
    if (!(annots instanceof PDFArray)) break;
    for (const ref of annots.asArray()) {
      const link = doc.context.lookup(ref, PDFDict);
      assert.equal(link.lookup(PDFName.of('Subtype'))?.toString(), '/Link');
      targets.push(pageRefs.indexOf(link.lookup(PDFName.of('Dest'), PDFArray).get(0).toString()) + 1);
    }
  }
  assert.deepEqual(targets.slice(0, manifest.exhibits.length), manifest.exhibits.map((e) => e.page));
});

test('pdfdetach lists every original, each log-row selection\'s files and the manifest, and the extracted files hash to the manifest', async () => {
  const list = tool('pdfdetach', '-list', signed).stdout;
  const out = join(dir, 'attachments');
  execFileSync('mkdir', ['-p', out]);
  execFileSync('pdfdetach', ['-saveall', '-o', out, signed]);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  const data = (await readCaseArchive(new Uint8Array(readFileSync('fixtures/demo.evcase'))));
  assert.equal(manifest.originals.length, data.sources.length, 'every file the exhibits come from');
  for (const original of manifest.originals) {
    assert.ok(list.includes(original.attachment), `${original.attachment} is listed`);
    assert.equal(sha256Hex(new Uint8Array(readFileSync(join(out, original.attachment)))), original.sha256, original.fileName);
    assert.equal(original.sha256, data.sources.find((s) => s.id === original.sourceId)!.sha256);
  }
  const rowFiles = (manifest.exhibits as { files?: { attachment: string; sha256: string }[] }[]).flatMap((e) => e.files ?? []);
  assert.ok(rowFiles.length > 0, 'the demo links log rows');
  for (const file of rowFiles) assert.equal(sha256Hex(new Uint8Array(readFileSync(join(out, file.attachment)))), file.sha256, file.attachment);
  assert.deepEqual(readdirSync(out).sort(), [...manifest.originals.map((o: { attachment: string }) => o.attachment), ...rowFiles.map((f) => f.attachment), 'manifest.json'].sort());
});

test('pdftotext finds the Bates number on every page, in order, and the Chinese of the demo pairs', () => {
  const pages = tool('pdftotext', '-layout', signed, '-').stdout.split('\f').filter((p) => p.trim());
  const info = tool('pdfinfo', signed).stdout;
  const count = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  assert.equal(pages.length, count);
  pages.forEach((text, i) => {
    const numbers = text.match(/NWA-\d{6}/g) ?? [];
    assert.deepEqual(numbers.at(-1), `NWA-${String(i + 1).padStart(6, '0')}`, `page ${i + 1}`);
    assert.match(text, new RegExp(`Page ${i + 1} of ${count}`));
    assert.match(text, /PRIVILEGED & CONFIDENTIAL — ATTORNEY WORK PRODUCT/);
  });
  const all = pages.join('\n');
  assert.match(all, /我是Atlas，一个由Northwind AI开发的人工智能助手/);
  assert.match(all, /我不能帮助你在未经允许的情况下进入他人的住宅/);
  assert.match(all, /lumen-7b-instruct's answers are consistent with derivation from atlas-2-large's/, 'the attribution finding is laid out with its conclusion');
  assert.match(all, /The suspect against each reference model, prompt by prompt/);
  assert.match(all, /Validation of the rule/);
  assert.doesNotMatch(all, /"meanSuspect"|"closerRates"/, 'no finding is a dump of raw values');
  assert.match(all, /Index of exhibits/);
  assert.match(all, /Certificate of authenticity/);
  assert.match(all, /Digitally signed by M\. Alvarez, Northwind AI/);
});

test('after one byte of the file changes, pdfsig and verify both fail', async () => {
  const bytes = new Uint8Array(readFileSync(signed));
  const ok = await cli('verify', signed);
  assert.equal(ok.code, 0, ok.out + ok.err);
  assert.match(ok.out, /signed\.pdf verifies/);
  // Inside the first signed range, well before the signature.
  const at = 2000;
  bytes[at] = bytes[at]! ^ 0x01;
  const tampered = join(dir, 'tampered.pdf');
  writeFileSync(tampered, bytes);
  assert.doesNotMatch(tool('pdfsig', tampered).stdout, /Signature is Valid/);
  const bad = await cli('verify', tampered, '--json');
  assert.equal(bad.code, 1);
  const report = JSON.parse(bad.out);
  assert.equal(report.valid, false);
  assert.ok(report.checks.some((c: { name: string; ok: boolean }) => !c.ok), 'a check names the failure');
});

test('the export is recorded in the case: file name, SHA-256, signer, and an audit event', async () => {
  const data = (await readCaseArchive(new Uint8Array(readFileSync(caseFile))));
  const record = data.bundles.at(-1)!;
  assert.equal(record.fileName, 'signed.pdf');
  assert.equal(record.sha256, sha256Hex(new Uint8Array(readFileSync(signed))));
  assert.equal(record.signer, 'M. Alvarez');
  assert.equal(data.audit.at(-1)!.action, 'bundle.exported');
  // The bundle names the history it was made from: the event just before its own export event.
  const number = /(\d+): manifest\.json/.exec(tool('pdfdetach', '-list', signed).stdout)![1]!;
  assert.equal(tool('pdfdetach', '-save', number, '-o', join(dir, 'manifest.json'), signed).status, 0);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { audit: { events: number; head: string } };
  assert.deepEqual(manifest.audit, { events: data.audit.length - 1, head: data.audit.at(-2)!.hash });
});

test('an unsigned bundle says so on its cover, and verify says it has no signature', async () => {
  const unsigned = join(dir, 'unsigned.pdf');
  assert.equal((await cli('bundle', caseFile, '--out', unsigned)).code, 0);
  assert.match(tool('pdftotext', '-l', '1', unsigned, '-').stdout, /UNSIGNED: this bundle carries no digital signature/);
  const report = await cli('verify', unsigned);
  assert.equal(report.code, 1);
  assert.match(report.out, /does not verify: the PDF has no digital signature/);
  assert.match(report.out, /ok {3}Originals/);
  assert.match(report.out, /ok {3}Bates numbers/);

  // A page taken out breaks the run of Bates numbers.
  const doc = await PDFDocument.load(new Uint8Array(readFileSync(unsigned)));
  doc.removePage(3);
  const gap = await verifyBundle(await doc.save(), 'gap.pdf');
  assert.match(gap.checks.find((c) => c.name === 'Bates numbers')!.detail, /page 4 shows NWA-000005 where NWA-000004 belongs/);
});

test('bad input is refused with a clear message and writes no file', async () => {
  const empty = join(dir, 'empty.evcase');
  writeFileSync(empty, (await caseArchiveBytes(createCaseData({ title: 'Empty' }, 'counsel'))));
  const none = await cli('bundle', empty, '--out', join(dir, 'none.pdf'));
  assert.deepEqual([none.code, none.err], [1, 'This case has no claims: add claims and link evidence to them before exporting a bundle.']);

  const unlinked = makeCaseData();
  for (const link of [...unlinked.links]) applyChange(unlinked, editChange(removeLink(claimsStateOf(unlinked), link.id, 'counsel')));
  const unlinkedFile = join(dir, 'unlinked.evcase');
  writeFileSync(unlinkedFile, (await caseArchiveBytes(unlinked)));
  const noLinks = await cli('bundle', unlinkedFile, '--out', join(dir, 'none.pdf'));
  assert.equal(noLinks.code, 1);
  assert.match(noLinks.err, /claims have no linked evidence: link evidence to their elements/);

  process.env.EVIDENCE_P12_PASSPHRASE = 'not the passphrase';
  const wrong = await cli('bundle', caseFile, '--out', join(dir, 'none.pdf'), '--p12', p12);
  assert.deepEqual([wrong.code, wrong.err], [1, 'The passphrase is wrong for counsel.p12']);
  const corrupt = join(dir, 'corrupt.p12');
  writeFileSync(corrupt, 'not a certificate');
  const bad = await cli('bundle', caseFile, '--out', join(dir, 'none.pdf'), '--p12', corrupt);
  assert.deepEqual([bad.code, bad.err], [1, 'corrupt.p12 is not a PKCS#12 (.p12) file']);
  delete process.env.EVIDENCE_P12_PASSPHRASE;
  const noPassphrase = await cli('bundle', caseFile, '--out', join(dir, 'none.pdf'), '--p12', p12);
  assert.equal(noPassphrase.code, 2);
  assert.match(noPassphrase.err, /Set EVIDENCE_P12_PASSPHRASE/);
  assert.equal(readdirSync(dir).some((f) => f.startsWith('none.pdf')), false, 'no file, not even a partial one');

  process.env.EVIDENCE_P12_PASSPHRASE = 'correct horse battery';
  const before = readFileSync(signed);
  const taken = await cli('bundle', caseFile, '--out', signed, '--p12', p12);
  assert.deepEqual([taken.code, taken.err], [1, `${signed} already exists; choose another file name`]);
  assert.deepEqual(readFileSync(signed), before, 'an existing file is never replaced');
  delete process.env.EVIDENCE_P12_PASSPHRASE;

  const notPdf = await cli('verify', 'README.md');
  assert.deepEqual([notPdf.code, notPdf.out.split('\n')[0]], [1, 'README.md does not verify: README.md is not a PDF file']);
  assert.equal((await cli('verify')).code, 2);
});

test('a signature whose DER ends in a zero byte is read whole; anything but zeros in its padding fails verify', async () => {
  // SEQUENCE { INTEGER 0 }: its last byte is 00, as one RSA signature in 256 ends; then zero padding.
  const found = readSignature('/Contents <300302010000000000>bbbbb /ByteRange [0 10 30 5]', [0, 10, 30, 5]);
  assert.deepEqual(Array.from(found!.pkcs7), [0x30, 0x03, 0x02, 0x01, 0x00]);
  assert.equal(found!.paddingClean, true);
  assert.equal(readSignature('/Contents <300302010000000100>bbbbb /ByteRange [0 10 30 5]', [0, 10, 30, 5]).paddingClean, false);

  const bytes = new Uint8Array(readFileSync(signed));
  const sigText = new TextDecoder('latin1').decode(bytes);
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)/.exec(sigText.slice(sigText.lastIndexOf('/ByteRange')))!;
  const contentsEnd = Number(range[3]);
  // The last hex digit of the placeholder, inside the zero padding, made non-zero.
  bytes[contentsEnd - 2] = '1'.charCodeAt(0);
  const padded = join(dir, 'padded.pdf');
  writeFileSync(padded, bytes);
  const report = await cli('verify', padded, '--json');
  assert.equal(report.code, 1);
  assert.match(report.out, /holds bytes after the signature that are not zero padding/);
});

test('verify --case checks the bundle against the case’s history as it is now: a rewrite since the bundle was served fails', async () => {
  const ok = await cli('verify', signed, '--case', caseFile);
  assert.equal(ok.code, 0, ok.out);
  assert.match(ok.out, /ok {3}Case history: the case’s history holds the one the bundle was made from, unchanged: event #\d+, SHA-256 [0-9a-f]{16}…, and \d+ events? since/);

  // The history rewritten from the event the bundle names: that event's content changed, the chain re-hashed after it.
  const data = await readCaseArchive(new Uint8Array(readFileSync(caseFile)));
  const report = await verifyBundle(new Uint8Array(readFileSync(signed)), 'signed.pdf');
  const at = data.audit.findIndex((e) => e.seq === report.madeFrom!.events);
  const rewritten = data.audit.slice(0, at).concat(
    data.audit.slice(at).reduce<typeof data.audit>((chain, e, i) => [...chain, nextAuditEvent(e.caseId, chain.at(-1) ?? data.audit[at - 1], { actor: e.actor, action: e.action, subject: i === 0 ? `${e.subject} (amended)` : e.subject, details: e.details, ...(e.records && { records: e.records }) }, new Date(e.at))], []),
  );
  const forged = join(dir, 'rewritten.evcase');
  writeFileSync(forged, await caseArchiveBytes({ ...data, audit: rewritten }));
  const bad = await cli('verify', signed, '--case', forged);
  assert.equal(bad.code, 1);
  assert.match(bad.out, new RegExp(`FAIL Case history: the case’s history was rewritten since the bundle was made: event #${report.madeFrom!.events} now has SHA-256 [0-9a-f]{16}…, the bundle records ${report.madeFrom!.head.slice(0, 16)}…`));
  const cut = join(dir, 'cut.evcase');
  // Cut consistently: the records only the removed events accounted for go too, or the archive would not open.
  const shorter = { ...data, audit: data.audit.slice(0, at) };
  const unaccounted = new Set(checkCaseBinding(shorter).problems.filter((p) => p.event === null).map((p) => p.id));
  writeFileSync(cut, await caseArchiveBytes({ ...shorter, ...Object.fromEntries(BOUND_TABLES.filter((t) => t !== 'case').map((t) => [t, shorter[t].filter((row) => !unaccounted.has(row.id))])) }));
  assert.match((await cli('verify', signed, '--case', cut)).out, /FAIL Case history: the bundle was made when the case’s history had \d+ events; it now has \d+: events were removed since/);
});

test('a case re-based after the bundle (a shown claim edited, one binding event appended) fails verify --case and info; an ordinary later edit is named', async () => {
  const data = await readCaseArchive(new Uint8Array(readFileSync(caseFile)));
  const report = await verifyBundle(new Uint8Array(readFileSync(signed)), 'signed.pdf');
  const claimId = Object.keys(report.shown!.claims!)[0]!;
  const edited = { ...data, claims: data.claims.map((c) => (c.id === claimId ? { ...c, title: 'A milder claim' } : c)) };
  const { audit: _a, originals: _o, logEntries: _l, case: record, ...tables } = edited;
  const rebased = [...data.audit, nextAuditEvent(data.case.id, data.audit.at(-1), { actor: 'M. Alvarez', action: 'records.bound', subject: 'records bound as found', records: bindRecords({ case: record, put: tables }) })];
  const forged = join(dir, 'rebased.evcase');
  writeFileSync(forged, await caseArchiveBytes({ ...edited, audit: rebased }));
  const verified = await cli('verify', signed, '--case', forged);
  assert.equal(verified.code, 1);
  assert.match(verified.err, /binds the records again as found, but they are bound since event #1 \(case\.created\): a history is bound once/);
  assert.equal((await cli('info', forged)).code, 1);

  // The same edit made as an edit: the history says so, and verify names the event.
  const changed = [...data.audit, nextAuditEvent(data.case.id, data.audit.at(-1), { actor: 'M. Alvarez', action: 'claim.changed', subject: 'A milder claim', records: bindRecords({ put: { claims: edited.claims.filter((c) => c.id === claimId) } }) })];
  const later = join(dir, 'edited-later.evcase');
  writeFileSync(later, await caseArchiveBytes({ ...edited, audit: changed }));
  const named = await cli('verify', signed, '--case', later);
  assert.equal(named.code, 0, named.out);
  assert.match(named.out, new RegExp(`ok {3}Records shown: the \\d+ records the bundle shows are the ones the case’s history had bound at event #\\d+; changed since, in the history: claims ${claimId} by event #${changed.at(-1)!.seq} \\(claim\\.changed\\)`));

  // A bundle that does not say what it was made from vouches for no case.
  assert.deepEqual(caseChecks({ madeFrom: null, shown: null }, data.audit).map((c) => c.ok), [false]);
  assert.deepEqual(caseChecks({ madeFrom: report.madeFrom, shown: null }, data.audit).map((c) => c.ok), [true, false]);
});

test('texts anyone can set reach the file escaped, and names made safe: a title with /ByteRange, ) \\ and a new line, a signer in Chinese, an original named /../../x', async () => {
  const title = 'Northwind /ByteRange [0 1 2 3] (v. Lumen) \\ Labs\n王小明 — ‮fdp.exe';
  const data = makeCaseData({ title }, 1, '/../../x\u202e.jsonl');
  const file = join(dir, 'hostile.evcase');
  writeFileSync(file, await caseArchiveBytes(data));
  const identity = join(dir, 'hostile.p12');
  process.env.EVIDENCE_P12_PASSPHRASE = 'correct horse battery';
  assert.equal((await cli('identity', 'new', '--name', '王小明 (Legal) \\ /ByteRange', '--org', 'Lumen ) Labs', '--email', 'x@example.com', '--out', identity)).code, 0);
  const out = join(dir, 'hostile.pdf');
  const made = await cli('bundle', file, '--out', out, '--p12', identity);
  assert.equal(made.code, 0, made.err);

  const verified = await cli('verify', out);
  assert.equal(verified.code, 0, verified.out);
  assert.match(verified.out, /Signed by 王小明 \(Legal\) \\ \/ByteRange, Lumen \) Labs/);
  const pdfsig = tool('pdfsig', out).stdout;
  assert.match(pdfsig, /Signature is Valid/);
  assert.equal((pdfsig.match(/Signature #\d/g) ?? []).length, 1, 'one signature, whatever the texts say');
  assert.equal(tool('qpdf', '--check', out).status, 0);
  const info = tool('pdfinfo', '-enc', 'UTF-8', out).stdout;
  assert.ok(info.includes('(v. Lumen) \\ Labs'), info);

  const saved = join(dir, 'hostile-attachments');
  execFileSync('mkdir', ['-p', saved]);
  execFileSync('pdfdetach', ['-saveall', '-o', saved, out]);
  const names = readdirSync(saved);
  assert.deepEqual(names.sort(), ['01-_.._.._x.jsonl', 'exhibit-1-rows.csv', 'exhibit-1-rows.jsonl', 'manifest.json'], 'written inside the folder, the name made safe');
  const manifest = JSON.parse(readFileSync(join(saved, 'manifest.json'), 'utf8')) as { originals: { attachment: string; fileName: string }[] };
  assert.deepEqual(manifest.originals.map((o) => [o.attachment, o.fileName]), [['01-_.._.._x.jsonl', '/../../x\u202e.jsonl']], 'the name as given kept in the manifest');
});
