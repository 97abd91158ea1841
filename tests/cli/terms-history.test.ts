// Versions from an Open Terms Archive repository (a git repository built here
// with the git binary, one commit per recorded version) and from a folder of
// dated files, through the shared readers and the CLI.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { readBundleFonts } from '../../node/bundle-fonts';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { planBundle, rowKey, type BundleCase } from '../../shared/bundle/bundle-plan';
import { writeBundle } from '../../shared/bundle/write-bundle';
import { editChange, claimsStateOf } from '../../shared/claims/case-edit';
import { addClaim } from '../../shared/claims/claim-edits';
import { addLink } from '../../shared/claims/evidence-edits';
import { sha256Hex } from '../../shared/hash';
import { folderVersions, listOtaDocuments, readOtaVersions } from '../../shared/tos/terms-history';
import { DOCUMENT, RECORDS, otaRepository } from '../ota-repository';
import { cli } from '../run-cli';
import { applyChange } from '../../shared/model/case-change';

const REAL = 'fixtures/tos-real';

async function newCase(): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'cli-tos-')), 'case.evcase');
  assert.equal((await cli('init', file, '--title', 'Northwind v. Lumen', '--actor', 'counsel')).code, 0);
  return file;
}

test('every recorded version of a document is read from an Open Terms Archive repository without a git binary, with its commit as provenance', async () => {
  const { dir, commits } = await otaRepository();
  assert.deepEqual(await listOtaDocuments(fs, dir), ['ChatGPT/Terms of Service.md', 'Qwen/Terms of Service.md']);
  const { versions, notes } = await readOtaVersions(fs, dir, DOCUMENT);
  assert.deepEqual(versions.map((v) => v.effectiveDate), ['2025-11-11', '2025-12-17', '2026-01-16']);
  assert.deepEqual(versions.map((v) => v.provenance!.commit), [commits[0], commits[1], commits[3]]);
  assert.equal(versions[0]!.provenance!.repository, 'https://github.com/OpenTermsArchive/genai-eu-versions.git');
  assert.deepEqual(versions[2]!.file.bytes, new Uint8Array(fs.readFileSync(join(REAL, RECORDS[3][0]))), 'the bytes are the recorded ones');
  assert.match(notes.join(' '), /2026-01-16 has more than one recorded version; the last one \(commit [0-9a-f]{10}\) is kept/);
});

test('the CLI imports an Open Terms Archive history as versions of one document, each with its provenance', async () => {
  const { dir, commits } = await otaRepository();
  const file = await newCase();
  const result = await cli('import', file, '--kind', 'tos', '--ota', dir, '--document', DOCUMENT, '--title', 'ChatGPT Terms of Use');
  assert.equal(result.code, 0, result.err);
  assert.match(result.out, /Added 3 ToS versions with \d+ clauses; 0 rejected\./);
  const data = (await readCaseArchive(new Uint8Array(await readFile(file))));
  assert.deepEqual(data.tosDocuments.map((d) => d.title), ['ChatGPT Terms of Use']);
  assert.deepEqual(data.tosVersions.map((v) => v.effectiveDate).sort(), ['2025-11-11', '2025-12-17', '2026-01-16']);
  const latest = data.sources.find((s) => (s.settings.effectiveDate as string) === '2026-01-16')!;
  assert.deepEqual(latest.settings.provenance, { repository: 'https://github.com/OpenTermsArchive/genai-eu-versions.git', path: DOCUMENT, commit: commits[3], recordedAt: '2026-01-16T18:00:00.000Z' });
  assert.equal(latest.sha256, sha256Hex(new Uint8Array(fs.readFileSync(join(REAL, RECORDS[3][0])))));
  const redline = await cli('redline', file, '--title', 'ChatGPT Terms of Use', '--from', '2025-12-17', '--to', '2026-01-16');
  assert.equal(redline.code, 0, redline.err);
  assert.match(redline.out, /Formatting only, the words unchanged \(not counted as changes\):/);
});

test('a folder that is not a repository, or a document with no versions, is refused by name and the case is left as it was', async () => {
  const { dir } = await otaRepository();
  const file = await newCase();
  const before = await readFile(file);
  const notRepo = await mkdtemp(join(tmpdir(), 'not-a-repo-'));
  const refusals = [
    await cli('import', file, '--kind', 'tos', '--ota', notRepo, '--document', DOCUMENT),
    await cli('import', file, '--kind', 'tos', '--ota', dir, '--document', 'ChatGPT/Privacy Policy.md'),
    await cli('import', file, '--kind', 'tos', '--ota', join(dir, 'missing'), '--document', DOCUMENT),
  ];
  assert.deepEqual(refusals.map((r) => r.code), [1, 1, 1]);
  assert.match(refusals[0]!.err, new RegExp(`${notRepo} is not a git repository`));
  assert.match(refusals[1]!.err, /has no recorded version of “ChatGPT\/Privacy Policy\.md”/);
  assert.match(refusals[2]!.err, /missing is not a folder that can be read/);
  for (const r of refusals) assert.match(r.err, /Nothing was imported/);
  assert.deepEqual(await readFile(file), before, 'the case file is byte for byte unchanged');
  assert.equal((await cli('import', file, '--kind', 'tos', '--ota', dir)).code, 2, '--ota without --document is a usage error');
});

test('a folder of dated files imports in one go; a folder of several documents needs the one named', async () => {
  const files = fs.readdirSync(REAL).map((name) => ({ name, bytes: new Uint8Array() }));
  assert.throws(() => folderVersions(REAL, files), /holds versions of 9 documents \(chatgpt-developer-terms, .*\); name the one to import/);
  assert.deepEqual(folderVersions(REAL, files, 'qwen-chat-terms-of-service').map((v) => v.effectiveDate), ['2025-11-11', '2026-04-09', '2026-05-19']);

  const file = await newCase();
  const several = await cli('import', file, '--kind', 'tos', '--folder', REAL, '--title', 'Qwen Terms');
  assert.equal(several.code, 1);
  const result = await cli('import', file, '--kind', 'tos', '--folder', REAL, '--document', 'qwen-chat-terms-of-service', '--title', 'Qwen Terms');
  assert.equal(result.code, 0, result.err);
  assert.match(result.out, /Added 3 ToS versions/);
  const again = await cli('import', file, '--kind', 'tos', '--folder', REAL, '--document', 'qwen-chat-terms-of-service', '--title', 'Qwen Terms');
  assert.equal(again.code, 0, again.err);
  assert.match(again.out, /already imported/);
  assert.equal((await readCaseArchive(new Uint8Array(await readFile(file)))).tosVersions.length, 3, 'nothing is imported twice');
});

test('in the bundle, a clause from an Open Terms Archive record is cited as the document cites it, with its repository, path and commit', async () => {
  const { dir, commits } = await otaRepository();
  const file = await newCase();
  assert.equal((await cli('import', file, '--kind', 'tos', '--ota', dir, '--document', DOCUMENT, '--title', 'ChatGPT Terms of Use')).code, 0);
  const data = (await readCaseArchive(new Uint8Array(await readFile(file))));
  const version = data.tosVersions.find((v) => v.effectiveDate === '2026-01-16')!;
  const clause = data.tosClauses.find((c) => c.versionId === version.id && c.citation === 'Using our Services › What you cannot do')!;
  assert.ok(clause, 'the run-in clause is there to link');
  const made = addClaim(claimsStateOf(data), 'breach-of-contract', 'counsel');
  applyChange(data, editChange(made.edit));
  const element = data.elements.find((e) => e.claimId === made.claim.id)!;
  applyChange(data, editChange(addLink(claimsStateOf(data), { elementId: element.id, target: { kind: 'tosClause', id: clause.id }, note: 'Bars using Output to develop competing models.', stance: 'supports' }, 'counsel').edit));

  const { logEntries, ...rest } = data;
  const bundle: BundleCase = { ...rest, rows: new Map(logEntries.map((e) => [rowKey(e.sourceId, e.line), e])) };
  const written = await writeBundle(bundle, planBundle(bundle), { fonts: await readBundleFonts(), preparer: 'counsel', signer: null, now: new Date('2026-03-03T10:00:00Z') });
  const pdf = join(await mkdtemp(join(tmpdir(), 'ota-bundle-')), 'bundle.pdf');
  fs.writeFileSync(pdf, written.bytes);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString().replace(/\s+/g, ' ');
  assert.match(text, /clause Using our Services › What you cannot do \(Europe Terms of Use › Using our Services › What you cannot do\)/);
  assert.match(text, new RegExp(`Recorded by Open Terms Archive on 2026-01-16: https://github\\.com/OpenTermsArchive/genai-eu-versions\\.git, ChatGPT/Terms of Service\\.md, commit ${commits[3]}`));
  assert.match(text, /Against the version in force from 2025-12-17: (unchanged|formatting only, the words unchanged)/);
});

test('the CLI imports terms published as PDF, each clause with its page', async () => {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText('1. Acceptance. Using the API accepts these Terms.', { x: 50, y: 780, size: 11, font });
  doc.addPage([595, 842]).drawText('2. You may not use Output to develop competing models.', { x: 50, y: 780, size: 11, font });
  const pdf = join(await mkdtemp(join(tmpdir(), 'pdf-terms-')), 'api-terms.pdf');
  fs.writeFileSync(pdf, await doc.save());
  const file = await newCase();
  const result = await cli('import', file, pdf, '--kind', 'tos', '--effective', '2026-02-01', '--title', 'API Terms');
  assert.equal(result.code, 0, result.err);
  const data = (await readCaseArchive(new Uint8Array(await readFile(file))));
  assert.deepEqual(data.tosClauses.map((c) => [c.citation, c.page]), [['1', 1], ['2', 2]]);
  assert.equal(data.sources[0]!.settings.format, 'pdf');
});

test('a history whose earlier versions are already in the case imports the new ones and says which were skipped', async () => {
  const file = await newCase();
  assert.equal((await cli('import', file, `${REAL}/qwen-chat-terms-of-service_2025-11-11.md`, '--kind', 'tos', '--effective', '2025-11-11', '--title', 'Qwen Terms')).code, 0);
  const result = await cli('import', file, '--kind', 'tos', '--folder', REAL, '--document', 'qwen-chat-terms-of-service', '--title', 'Qwen Terms');
  assert.equal(result.code, 0, result.err);
  assert.match(result.out, /note: qwen-chat-terms-of-service_2025-11-11\.md is already in the case \(as qwen-chat-terms-of-service_2025-11-11\.md\); it was not imported again/);
  assert.match(result.out, /Added 2 ToS versions/);
  assert.deepEqual((await readCaseArchive(new Uint8Array(await readFile(file)))).tosVersions.map((v) => v.effectiveDate).sort(), ['2025-11-11', '2026-04-09', '2026-05-19']);
});
