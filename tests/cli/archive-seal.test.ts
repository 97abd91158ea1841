import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { createIdentity, identitySigner, manifestSealer } from '../../node/signing';
import { SEAL_ENTRY, describeSeal } from '../../shared/archive/archive-seal';
import { archiveOfBytes } from '../../shared/archive/archive-format';
import { caseArchiveBytes, contentsOf, writeCaseArchive } from '../../shared/archive/archive-writer';
import { openCaseArchive } from '../../shared/archive/archive-reader';
import { nextAuditEvent } from '../../shared/audit/audit-chain';
import { joinBytes } from '../../shared/bytes';
import { sha256Hex } from '../../shared/hash';
import type { CaseData } from '../../shared/model/case-data';
import { makeCaseData } from '../builders';
import { cli } from '../run-cli';

// The attacks on a case archive a hostile party would try, and what a seal changes.
const PASSPHRASE = 'correct horse battery';
const counsel = createIdentity({ name: 'M. Alvarez', organisation: 'Northwind AI' }, PASSPHRASE);
const forger = createIdentity({ name: 'M. Alvarez', organisation: 'Northwind AI' }, PASSPHRASE);

async function sealed(data: CaseData, p12 = counsel.p12): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await writeCaseArchive(new WritableStream({ write: (chunk) => void parts.push(chunk) }), contentsOf(data), new Date(), { seal: manifestSealer(identitySigner(p12, PASSPHRASE)) });
  return joinBytes(parts);
}

const open = (bytes: Uint8Array) => openCaseArchive(archiveOfBytes(bytes, 'case.evcase'));

/** Edits entries by hand; with `consistent`, also rewrites the manifest's digests and counts to match, as a careful forger would. */
function tamper(archive: Uint8Array, change: (files: Record<string, Uint8Array>) => void, consistent = false): Uint8Array {
  const files = unzipSync(archive);
  change(files);
  if (consistent) {
    const manifest = JSON.parse(strFromU8(files['case.json']!)) as { entries: Record<string, { sha256: string; size: number }>; tables: Record<string, number> };
    for (const path of Object.keys(manifest.entries)) manifest.entries[path] = { sha256: sha256Hex(files[path]!), size: files[path]!.length };
    for (const table of Object.keys(manifest.tables)) {
      const entry = files[`records/${table}.jsonl`];
      if (entry) manifest.tables[table] = strFromU8(entry) === '' ? 0 : strFromU8(entry).split('\n').length;
    }
    files['case.json'] = strToU8(JSON.stringify(manifest, null, 2));
  }
  return zipSync(files);
}

const editLines = (files: Record<string, Uint8Array>, path: string, edit: (text: string) => string) => {
  files[path] = strToU8(edit(strFromU8(files[path]!)));
};

test('an unsealed archive refuses records edited by hand: a claim title, a log row’s account, the links emptied with their count', async () => {
  const data = makeCaseData();
  const archive = await caseArchiveBytes(data);
  const title = data.claims[0]!.title;
  await assert.rejects(open(tamper(archive, (f) => editLines(f, 'records/claims.jsonl', (t) => t.replace(title, 'A milder claim')))), /case\.evcase: records\/claims\.jsonl was changed after the archive was written/);
  const logPath = `records/logEntries/${data.sources[0]!.id}.jsonl`;
  const account = data.logEntries[0]!.account!;
  const drain = async (bytes: Uint8Array) => {
    const opened = await open(bytes);
    for await (const _batch of opened.logBatches(opened.logs[0]!));
  };
  await assert.rejects(drain(tamper(archive, (f) => editLines(f, logPath, (t) => t.replaceAll(`"account":"${account}"`, '"account":"acct_innocent"')))), /records\/logEntries\/\w+\.jsonl was changed after the archive was written/);
  const emptied = tamper(archive, (f) => {
    f['records/links.jsonl'] = new Uint8Array();
    editLines(f, 'case.json', (t) => t.replace(/"links": \d+/, '"links": 0'));
  });
  await assert.rejects(open(emptied), /records\/links\.jsonl was changed after the archive was written/);

  // A forger who also rewrites the manifest's digests and counts still meets the history, which binds every record.
  const claimEvent = data.audit.find((e) => e.records?.claims?.[data.claims[0]!.id])!;
  await assert.rejects(
    open(tamper(archive, (f) => editLines(f, 'records/claims.jsonl', (t) => t.replace(title, 'A milder claim')), true)),
    new RegExp(`case\\.evcase: 1 record differs from the case's history: claims record ${data.claims[0]!.id} \\(“A milder claim”\\) differs from what event #${claimEvent.seq} \\(${claimEvent.action}\\) recorded$`.replace("'", '’')),
  );
  await assert.rejects(
    drain(tamper(archive, (f) => editLines(f, logPath, (t) => t.replaceAll(`"account":"${account}"`, '"account":"acct_innocent"')), true)),
    new RegExp(`the log rows of ${data.sources[0]!.fileName} differ from the rows recorded when it was imported by event #\\d+ \\(source\\.imported\\)`),
  );
  await assert.rejects(
    open(tamper(archive, (f) => (f['records/links.jsonl'] = new Uint8Array()), true)),
    new RegExp(`links record ${data.links[0]!.id}, recorded by event #\\d+ \\(link\\.added\\), is missing`),
  );

  // The limit, said plainly: unsealed, nothing shows who wrote the archive, so a forger who rewrites the history too is caught only by a seal (below).
  const unsealed = await open(archive);
  assert.equal(unsealed.seal, null);
  assert.match(describeSeal(unsealed.seal), /^Not sealed: nothing shows who wrote this archive or that it is unchanged since/);
});

test('a sealed archive opens showing who sealed it; the same edits, even with the manifest rewritten to match, break the seal', async () => {
  const data = makeCaseData();
  const archive = await sealed(data);
  const opened = await open(archive);
  assert.deepEqual([opened.seal?.signer.name, opened.seal?.signer.fingerprint], ['M. Alvarez', counsel.info.fingerprint]);
  assert.match(describeSeal(opened.seal), new RegExp(`^Sealed by M\\. Alvarez, Northwind AI at \\d{4}-.*, certificate SHA-256 ${counsel.info.fingerprint}; unchanged since it was sealed\\.$`));
  await opened.close();

  const title = data.claims[0]!.title;
  const edits: [string, (files: Record<string, Uint8Array>) => void][] = [
    ['a claim’s title', (f) => editLines(f, 'records/claims.jsonl', (t) => t.replace(title, 'A milder claim'))],
    ['the links emptied', (f) => (f['records/links.jsonl'] = new Uint8Array())],
    ['the last audit event cut', (f) => editLines(f, 'audit.jsonl', (t) => t.split('\n').slice(0, -1).join('\n'))],
  ];
  for (const [what, edit] of edits) {
    await assert.rejects(open(tamper(archive, edit)), /was changed after the archive was written|holds \d+ records but the manifest records|audit history does not verify/, what);
    await assert.rejects(open(tamper(archive, edit, true)), /case\.evcase is sealed, but its seal does not hold: the manifest was changed after the archive was sealed/, `${what}, manifest rewritten`);
  }
  await assert.rejects(open(tamper(archive, (f) => (f[SEAL_ENTRY] = strToU8('not a signature')))), /case\.evcase is sealed, but its seal does not hold: the signature is not a readable CMS structure/);
});

test('a consistent forgery (history rewritten, re-sealed by another key under the same name) shows another fingerprint; stripping the seal says unsealed', async () => {
  const data = makeCaseData();
  const genuine = await open(await sealed(data));
  // The forger rewrites a claim and its history (the last event dropped, the chain re-hashed), then seals with a key of their own under the same name.
  const forged = structuredClone(data);
  forged.claims[0] = { ...forged.claims[0]!, title: 'A milder claim' };
  forged.audit = forged.audit.slice(0, -1).reduce<typeof forged.audit>((chain, event) => [...chain, nextAuditEvent(event.caseId, chain[chain.length - 1], { actor: event.actor, action: event.action, subject: event.subject, details: event.details }, new Date(event.at))], []);
  const reopened = await open(await sealed(forged, forger.p12));
  assert.equal(reopened.seal?.signer.name, 'M. Alvarez');
  assert.notEqual(reopened.seal?.signer.fingerprint, genuine.seal?.signer.fingerprint, 'only the fingerprint tells the forgery apart, and it does');
  assert.notEqual(reopened.audit.at(-1)!.hash, genuine.audit.at(-1)!.hash, 'and its audit head is not the one a bundle served from the genuine case records');

  const stripped = await open(tamper(await sealed(data), (f) => delete f[SEAL_ENTRY]));
  assert.equal(stripped.seal, null);
});

test('the CLI seals an archive, info shows the seal, a later change leaves it unsealed, a wrong passphrase changes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'seal-'));
  const file = join(dir, 'case.evcase');
  const p12 = join(dir, 'counsel.p12');
  writeFileSync(p12, counsel.p12);
  assert.equal((await cli('init', file, '--title', 'Northwind AI v. Lumen Labs')).code, 0);
  assert.match((await cli('info', file)).out, /Not sealed: nothing shows who wrote this archive/);

  process.env.EVIDENCE_P12_PASSPHRASE = 'wrong passphrase';
  const before = readFileSync(file);
  assert.deepEqual(await cli('seal', file, '--p12', p12), { code: 1, out: '', err: 'The passphrase is wrong for counsel.p12' });
  assert.deepEqual(readFileSync(file), before);

  process.env.EVIDENCE_P12_PASSPHRASE = PASSPHRASE;
  const sealedRun = await cli('seal', file, '--p12', p12);
  assert.equal(sealedRun.code, 0, sealedRun.err);
  assert.match(sealedRun.out, new RegExp(`^case\\.evcase: Sealed by M\\. Alvarez, Northwind AI at .*, certificate SHA-256 ${counsel.info.fingerprint}; unchanged since it was sealed\\.$`));
  const info = await cli('info', file, '--json');
  assert.equal((JSON.parse(info.out) as { seal: { signer: { fingerprint: string } } }).seal.signer.fingerprint, counsel.info.fingerprint);
  delete process.env.EVIDENCE_P12_PASSPHRASE;

  assert.equal((await cli('import', file, 'fixtures/demo/tos-2025-06-01.html', '--kind', 'tos', '--effective', '2025-06-01')).code, 0);
  assert.match((await cli('info', file)).out, /Not sealed/);
});

test('info reads every byte: a swapped original or edited log rows, even with the manifest rewritten to match, fail it; --fast says what it skipped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'info-'));
  const data = makeCaseData();
  const archive = await caseArchiveBytes(data);
  const genuine = join(dir, 'genuine.evcase');
  writeFileSync(genuine, archive);
  const ok = await cli('info', genuine);
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, new RegExp(`Read and checked: ${data.logEntries.length} log rows? against the digests recorded at import, and ${data.sources.length} original files? \\(\\d+ bytes\\) against the SHA-256 recorded at import\\.`));

  const source = data.sources[0]!;
  const swapped = join(dir, 'swapped.evcase');
  writeFileSync(swapped, tamper(archive, (f) => {
    const path = Object.keys(f).find((p) => p.startsWith('originals/') && p.includes(source.id))!;
    f[path] = strToU8('another file entirely');
  }, true));
  const refused = await cli('info', swapped);
  assert.equal(refused.code, 1);
  assert.match(refused.err, new RegExp(`swapped\\.evcase: the original file ${source.fileName.replace('.', '\\.')} does not match its recorded SHA-256`));

  const logPath = `records/logEntries/${source.id}.jsonl`;
  const rows = join(dir, 'rows.evcase');
  writeFileSync(rows, tamper(archive, (f) => editLines(f, logPath, (t) => t.replaceAll(`"account":"${data.logEntries[0]!.account}"`, '"account":"acct_innocent"')), true));
  assert.match((await cli('info', rows)).err, /the log rows of .* differ from the rows recorded when it was imported/);

  const fast = await cli('info', rows, '--fast');
  assert.equal(fast.code, 0);
  assert.match(fast.out.split('\n')[0]!, /^Fast check: the log rows and original files were NOT read/);
});

test('info --sealer pins the sealer: another key under the same name, or a seal removed, fails; the expected one passes', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sealer-'));
  const data = makeCaseData();
  const files = { genuine: await sealed(data), forged: await sealed(data, forger.p12), stripped: tamper(await sealed(data), (f) => delete f[SEAL_ENTRY]) };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, `${name}.evcase`), bytes);
  const run = (name: string) => cli('info', join(dir, `${name}.evcase`), '--sealer', counsel.info.fingerprint.replaceAll(':', '').toLowerCase());
  const genuine = await run('genuine');
  assert.equal(genuine.code, 0, genuine.err);
  assert.match(genuine.out, new RegExp(`Sealer: ok, sealed with the expected certificate ${counsel.info.fingerprint}`));
  const forged = await run('forged');
  assert.equal(forged.code, 1);
  assert.match(forged.out, new RegExp(`Sealer: FAIL, sealed with the certificate ${forger.info.fingerprint} \\(M\\. Alvarez\\), not the expected ${counsel.info.fingerprint}`));
  const stripped = await run('stripped');
  assert.equal(stripped.code, 1);
  assert.match(stripped.out, /Sealer: FAIL, the archive is not sealed, but a seal by .* was expected: its seal may have been removed/);
  assert.equal((await cli('info', join(dir, 'genuine.evcase'), '--sealer', 'M. Alvarez')).code, 2, 'a name is not a fingerprint');
});

test('a table of millions of empty lines is refused before it is held, at the first record beyond its count, with or without sizes in the manifest', async () => {
  const data = makeCaseData();
  const archive = await caseArchiveBytes(data);
  const newlines = new Uint8Array(20 * 1024 * 1024).fill(10);
  await assert.rejects(open(tamper(archive, (f) => (f['records/claims.jsonl'] = newlines))), /case\.evcase: records\/claims\.jsonl holds more than the 1 records the manifest records$/);
  const undigested = tamper(archive, (f) => {
    f['records/claims.jsonl'] = newlines;
    const manifest = JSON.parse(strFromU8(f['case.json']!)) as { entries?: unknown };
    delete manifest.entries;
    f['case.json'] = strToU8(JSON.stringify(manifest));
  });
  await assert.rejects(open(undigested), /case\.evcase: records\/claims\.jsonl holds more than the 1 records the manifest records$/);
});

test('what a killed write left beside a case is removed when the case is next opened, even by info; a running writer’s is kept', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'leftovers-'));
  const file = join(dir, 'case.evcase');
  writeFileSync(file, await caseArchiveBytes(makeCaseData()));
  const dead = join(dir, '.case.evcase.2147483646.partial');
  const alive = join(dir, `.case.evcase.${process.pid}.partial`);
  writeFileSync(dead, 'half a case');
  writeFileSync(alive, 'a case being written');
  assert.equal((await cli('info', file, '--fast')).code, 0);
  assert.deepEqual(readdirSync(dir).sort(), [`.case.evcase.${process.pid}.partial`, 'case.evcase']);
});
