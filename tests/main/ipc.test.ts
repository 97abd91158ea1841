import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { DEFAULT_CAMPAIGN_SETTINGS } from '../../shared/analysis/campaign';
import { queryPack } from '../../shared/warehouse/query-pack';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { IdentityStore, osSealsSecrets } from '../../electron/identity-store';
import { LogEngine } from '../../node/log-engine';
import { createHandlers } from '../../electron/handlers';
import { externalLinkQuestion } from '../../electron/external-links';
import { isAppUrl, isTrustedSender } from '../../electron/ipc-sender';
import { parseIpcArgs, type IpcHandlers, type WriteBundleRequest } from '../../shared/ipc/contract';
import { sha256Hex } from '../../shared/hash';
import { checkSeal } from '../../shared/archive/archive-seal';
import { ScriptedDialogs } from '../bridge/bridge-server';

/** A machine with no OS secret store: identities are protected by the user's passphrase. */
const noSecrets = { isAvailable: () => false, encrypt: () => new Uint8Array(), decrypt: () => '' };

test('IPC arguments are validated and a bad one is named', () => {
  assert.throws(() => parseIpcArgs('file:open', [{ title: 'x', filters: [{ name: 'Archive', extensions: ['.evcase'] }], multiple: false }]), /Invalid arguments for file:open: 0\.filters\.0\.extensions\.0: must be a file extension without a dot/);
  assert.throws(() => parseIpcArgs('file:append', ['0123456789abcdefghij', 'not bytes']), /1: must be the file’s bytes/);
  assert.throws(() => parseIpcArgs('system:info', ['extra']), /Invalid arguments for system:info/);
  const [, bytes] = parseIpcArgs('file:append', ['0123456789abcdefghij', new Uint8Array([1])]);
  assert.deepEqual(bytes, new Uint8Array([1]));
});

test('only the main frame of our own app may call the desktop API', () => {
  assert.equal(isTrustedSender({ url: 'app://evidence/index.html', isMainFrame: true }), true);
  assert.equal(isTrustedSender({ url: 'app://evidence/index.html', isMainFrame: false }), false);
  assert.equal(isTrustedSender({ url: 'https://evil.example/', isMainFrame: true }), false);
  assert.equal(isTrustedSender({ url: 'file:///etc/passwd', isMainFrame: true }), false);
  assert.equal(isTrustedSender(null), false);
  assert.equal(isAppUrl('app://evidence/index.html#/case/x'), true);
  assert.equal(isAppUrl('app://evidence.evil/index.html'), false);
});

test('a passphrase is kept by the OS only where the OS really seals it: not Electron’s fallback key on Linux', () => {
  assert.equal(osSealsSecrets('linux', true, 'basic_text'), false);
  assert.equal(osSealsSecrets('linux', true, 'unknown'), false);
  assert.equal(osSealsSecrets('linux', true, 'gnome_libsecret'), true);
  assert.equal(osSealsSecrets('linux', true, 'kwallet6'), true);
  assert.equal(osSealsSecrets('darwin', true, ''), true);
  assert.equal(osSealsSecrets('win32', false, ''), false);
});

test('a link from evidence text opens only after the user has seen its whole address; other schemes never', () => {
  const question = externalLinkQuestion('https://www.law.cornell.edu/uscode/text/18/1030#a_2');
  assert.deepEqual(question, { title: 'Open link', message: 'Open this address in your browser?\nwww.law.cornell.edu', detail: 'https://www.law.cornell.edu/uscode/text/18/1030#a_2', action: 'Open in browser' });
  // Text that looks like one host but is another: the dialog names the real one.
  assert.equal(externalLinkQuestion('https://openai.com.evil.example/login')!.message, 'Open this address in your browser?\nopenai.com.evil.example');
  for (const refused of ['http://example.com/', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'https://user:pw@example.com/', 'not a url']) assert.equal(externalLinkQuestion(refused), null, refused);
});

test('a file is written in pieces beside its target and put in place only on commit; a cancelled dialog writes nothing', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'handlers-'));
  const dialogs = new ScriptedDialogs();
  const handlers = createHandlers({ dialogs, userName: 'counsel', platform: 'linux', appVersion: '1.0.0', identities: new IdentityStore(join(dir, 'identities'), noSecrets), logs: new LogEngine(join(dir, 'logs')) });
  dialogs.saveAnswers.push(join(dir, 'case.evcase'), null, join(dir, 'abandoned.evcase'));
  const file = (await handlers['file:create']({ title: 'Save', suggestedName: 'case.evcase', filters: [] }))!;
  await handlers['file:append'](file.token, new Uint8Array([1, 2]));
  await handlers['file:append'](file.token, new Uint8Array([3]));
  assert.deepEqual(await readdir(dir), [`.case.evcase.${process.pid}.partial`], 'nothing at the path until it is whole');
  assert.deepEqual(await handlers['file:commit'](file.token), { name: 'case.evcase', path: join(dir, 'case.evcase') });
  await handlers['file:close'](file.token);
  assert.deepEqual(new Uint8Array(await readFile(join(dir, 'case.evcase'))), new Uint8Array([1, 2, 3]));
  assert.equal(await handlers['file:create']({ title: 'Save', suggestedName: 'x', filters: [] }), null);
  const abandoned = (await handlers['file:create']({ title: 'Save', suggestedName: 'abandoned.evcase', filters: [] }))!;
  await handlers['file:append'](abandoned.token, new Uint8Array([9]));
  await handlers['file:close'](abandoned.token);
  assert.deepEqual(await readdir(dir), ['case.evcase']);
});

test('open returns the bytes of each chosen file, and nothing when cancelled', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'handlers-'));
  await writeFile(join(dir, 'a.jsonl'), '{"a":1}\n');
  const dialogs = new ScriptedDialogs();
  const handlers = createHandlers({ dialogs, userName: 'counsel', platform: 'linux', appVersion: '1.0.0', identities: new IdentityStore(join(dir, 'identities'), noSecrets), logs: new LogEngine(join(dir, 'logs')) });
  dialogs.openAnswers.push([join(dir, 'a.jsonl')], []);
  const [file] = await handlers['file:open']({ title: 'Open', filters: [], multiple: true });
  assert.equal(file!.name, 'a.jsonl');
  assert.equal(new TextDecoder().decode(file!.bytes), '{"a":1}\n');
  assert.deepEqual(await handlers['file:open']({ title: 'Open', filters: [], multiple: true }), []);
  assert.deepEqual(await handlers['system:info'](), { userName: 'counsel', platform: 'linux', appVersion: '1.0.0' });
});

/** A stand-in for the OS secret store: reversible, so a test can see it was used. */
const fakeOs = { isAvailable: () => true, encrypt: (text: string) => new TextEncoder().encode(`sealed:${text}`), decrypt: (bytes: Uint8Array) => new TextDecoder().decode(bytes).replace(/^sealed:/, '') };

async function preparedBundle(signer: { name: string; organisation: string; email: string }) {
  const { readCaseArchive } = await import('../../shared/archive/archive-reader');
  const { planBundle, rowKey } = await import('../../shared/bundle/bundle-plan');
  const { writeBundle } = await import('../../shared/bundle/write-bundle');
  const { readBundleFonts } = await import('../../node/bundle-fonts');
  const { logEntries, ...rest } = (await readCaseArchive(new Uint8Array(await readFile('fixtures/demo.evcase'))));
  const data = { ...rest, rows: new Map(logEntries.map((e) => [rowKey(e.sourceId, e.line), e])) };
  return (await writeBundle(data, planBundle(data), { fonts: await readBundleFonts(), preparer: 'counsel', signer, now: new Date() })).bytes;
}

/** Signs a bundle as the app does: written by bundle:write into a file the user named, then put in place; the file's bytes. */
async function signedBundle(handlers: IpcHandlers, dialogs: ScriptedDialogs, path: string, request: Omit<WriteBundleRequest, 'save'>): Promise<Uint8Array> {
  dialogs.saveAnswers.push(path);
  const file = await handlers['bundle:write']({ ...request, save: { title: 'Save evidence bundle', suggestedName: 'bundle.pdf', filters: [] } }).catch((error: unknown) => {
    // Refused before the save dialog: its answer is left unused.
    dialogs.saveAnswers.splice(dialogs.saveAnswers.indexOf(path), 1);
    throw error;
  });
  assert.ok(file, 'the save dialog was answered');
  await handlers['file:commit'](file.token);
  const bytes = new Uint8Array(await readFile(path));
  assert.equal(sha256Hex(bytes), file.sha256, 'the digest the case records is that of the file written');
  return bytes;
}

test('identities: the key stays in the main process, a passphrase protects it where the OS keeps no secrets, and signing checks it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'handlers-'));
  const dialogs = new ScriptedDialogs();
  const handlers = createHandlers({ dialogs, userName: 'counsel', platform: 'linux', appVersion: '1.0.0', identities: new IdentityStore(join(dir, 'identities'), noSecrets), logs: new LogEngine(join(dir, 'logs')) });
  assert.throws(() => parseIpcArgs('identity:create', [{ name: ' ', organisation: '', email: '', passphrase: 'x' }]), /Invalid arguments for identity:create: 0\.name: Name is required/);
  await assert.rejects(handlers['identity:create']({ name: 'M. Alvarez', organisation: 'Northwind AI', email: '', passphrase: 'short' }), /Passphrase: use at least 8 characters/);
  const made = await handlers['identity:create']({ name: 'M. Alvarez', organisation: 'Northwind AI', email: 'm@example.com', passphrase: 'correct horse' });
  assert.deepEqual([made.name, made.organisation, made.protection, made.selfSigned], ['M. Alvarez', 'Northwind AI', 'passphrase', true]);
  assert.deepEqual((await handlers['identity:list']()).map((i) => i.id), [made.id]);
  const stored = await readFile(join(dir, 'identities', `${made.id}.json`), 'utf8');
  assert.doesNotMatch(stored, /correct horse/, 'the passphrase is not stored');

  const pdf = await preparedBundle(made);
  await assert.rejects(signedBundle(handlers, dialogs, join(dir, 'refused.pdf'), { pdf, identityId: made.id }), /Passphrase: the identity of M\. Alvarez needs its passphrase to sign/);
  await assert.rejects(signedBundle(handlers, dialogs, join(dir, 'refused.pdf'), { pdf, identityId: made.id, passphrase: 'wrong one' }), /The passphrase is wrong for the identity of M\. Alvarez/);
  assert.equal(dialogs.requests.filter((r) => r.kind === 'confirm').length, 0, 'a wrong or missing passphrase is said before the user is asked');
  // The main process asks in its own dialog, naming who signs and what, read from the bytes; declining signs nothing.
  dialogs.confirmAnswers.push(false);
  await assert.rejects(signedBundle(handlers, dialogs, join(dir, 'declined.pdf'), { pdf, identityId: made.id, passphrase: 'correct horse' }), /Signing was declined; nothing was signed/);
  assert.deepEqual((await readdir(dir)).filter((f) => f.endsWith('.pdf') || f.includes('partial')), [], 'a refused or declined signature leaves no file');
  const asked = dialogs.requests.find((r) => r.kind === 'confirm')!;
  assert.equal(asked.message, 'Sign this bundle as M. Alvarez, Northwind AI?');
  assert.match(asked.detail!, new RegExp(`^“.*”, \\d+ pages, \\d+\\.\\d MB, SHA-256 ${sha256Hex(pdf).slice(0, 16)}…\nCertificate SHA-256 ${made.fingerprint}`));
  dialogs.confirmAnswers.push(true);
  const file = join(dir, 'bundle.pdf');
  await signedBundle(handlers, dialogs, file, { pdf, identityId: made.id, passphrase: 'correct horse' });
  dialogs.openAnswers.push([file], []);
  const report = await handlers['bundle:verify']({ expectedSigner: made.fingerprint });
  assert.equal(report?.valid, true, report?.verdict);
  assert.equal(report?.signer?.fingerprint, made.fingerprint);
  assert.equal(report?.expectedSigner, made.fingerprint);
  assert.equal(await handlers['bundle:verify']({ expectedSigner: null }), null, 'a cancelled dialog verifies nothing');

  // Sealing an archive's manifest asks the same way, naming the case and its history; the seal holds over exactly those bytes.
  const manifest = new TextEncoder().encode(JSON.stringify({ case: { title: 'Northwind AI v. Lumen Labs' }, audit: { events: 12, head: 'ab'.repeat(32) } }));
  dialogs.confirmAnswers.push(false, true);
  await assert.rejects(handlers['archive:seal']({ manifest, identityId: made.id, passphrase: 'correct horse' }), /Signing was declined; nothing was signed/);
  const seal = await handlers['archive:seal']({ manifest, identityId: made.id, passphrase: 'correct horse' });
  const sealQuestion = dialogs.requests.filter((r) => r.kind === 'confirm').at(-1)!;
  assert.equal(sealQuestion.message, 'Seal this case archive as M. Alvarez, Northwind AI?');
  assert.match(sealQuestion.detail!, /^Case “Northwind AI v\. Lumen Labs”, 12 history events, last event SHA-256 abababababababab…/);
  const checked = await checkSeal(seal, manifest);
  assert.equal(checked.ok && checked.seal.signer.fingerprint, made.fingerprint);
  assert.equal((await checkSeal(seal, new TextEncoder().encode('{}'))).ok, false);

  await handlers['identity:remove'](made.id);
  assert.deepEqual(await handlers['identity:list'](), []);
});

test('with an OS secret store, signing needs no passphrase; a .p12 is imported through the main process after its passphrase opens it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'handlers-'));
  const dialogs = new ScriptedDialogs();
  const store = new IdentityStore(join(dir, 'identities'), fakeOs);
  const handlers = createHandlers({ dialogs, userName: 'counsel', platform: 'darwin', appVersion: '1.0.0', identities: store, logs: new LogEngine(join(dir, 'logs')) });
  const made = await handlers['identity:create']({ name: 'J. Chen', organisation: '', email: '', passphrase: 'a long passphrase' });
  assert.equal(made.protection, 'os');
  dialogs.confirmAnswers.push(true);
  const signed = await signedBundle(handlers, dialogs, join(dir, 'signed.pdf'), { pdf: await preparedBundle(made), identityId: made.id });
  const { verifyBundle } = await import('../../shared/bundle/verify-bundle');
  const report = await verifyBundle(signed, 'signed.pdf');
  assert.equal(report.valid, true, report.verdict);
  assert.equal(report.signer?.fingerprint, made.fingerprint, 'signed with the sealed identity, no passphrase typed');

  const { createIdentity } = await import('../../node/signing');
  const p12 = join(dir, 'outside.p12');
  await writeFile(p12, createIdentity({ name: 'Outside Counsel' }, 'their passphrase').p12);
  dialogs.openAnswers.push([p12], [p12], []);
  await assert.rejects(handlers['identity:import']({ passphrase: 'guess' }), /The passphrase is wrong for outside\.p12/);
  const imported = await handlers['identity:import']({ passphrase: 'their passphrase' });
  assert.equal(imported?.name, 'Outside Counsel');
  assert.equal(await handlers['identity:import']({ passphrase: 'x' }), null);
  assert.equal((await handlers['identity:list']()).length, 2);
});

test('terms history: only a folder picked in the dialog is read, and only for the documents listed from it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'handlers-'));
  const dialogs = new ScriptedDialogs();
  const handlers = createHandlers({ dialogs, userName: 'counsel', platform: 'linux', appVersion: '1.0.0', identities: new IdentityStore(join(dir, 'identities'), noSecrets), logs: new LogEngine(join(dir, 'logs')) });
  await assert.rejects(handlers['terms:readHistory']('qwen-chat-terms-of-service'), /is not a document of the folder picked/);
  dialogs.folderAnswers.push('fixtures/tos-real', null, dir);
  const picked = await handlers['terms:pickHistory']('folder');
  assert.equal(picked!.documents.length, 9);
  assert.ok(picked!.documents.includes('qwen-chat-terms-of-service'));
  const history = await handlers['terms:readHistory']('qwen-chat-terms-of-service');
  assert.deepEqual(history.versions.map((v) => [v.name, v.effectiveDate]), [['qwen-chat-terms-of-service_2025-11-11.md', '2025-11-11'], ['qwen-chat-terms-of-service_2026-04-09.md', '2026-04-09'], ['qwen-chat-terms-of-service_2026-05-19.md', '2026-05-19']]);
  await assert.rejects(handlers['terms:readHistory']('../../etc/passwd'), /is not a document of the folder picked/);
  assert.equal(await handlers['terms:pickHistory']('ota'), null, 'a cancelled dialog picks nothing');
  await assert.rejects(handlers['terms:pickHistory']('ota'), new RegExp(`${dir} is not a git repository`));
  assert.throws(() => parseIpcArgs('terms:pickHistory', ['svn']), /Invalid arguments for terms:pickHistory/);
});

test('identities named with typographic punctuation, Chinese or Arabic sign, and the verifier and pdfsig show the names as given', async () => {
  const { execFileSync } = await import('node:child_process');
  const dir = await mkdtemp(join(tmpdir(), 'unicode-names-'));
  const dialogs = new ScriptedDialogs();
  const handlers = createHandlers({ dialogs, userName: 'counsel', platform: 'linux', appVersion: '1.0.0', identities: new IdentityStore(join(dir, 'identities'), noSecrets), logs: new LogEngine(join(dir, 'logs')) });
  for (const [name, organisation] of [['王小明', 'Anthropic, PBC — Legal'], ['Seán O’Brien', '“Northwind” AI'], ['محمد العلي', 'Zoë Müller & Partners']] as const) {
    const made = await handlers['identity:create']({ name, organisation, email: '', passphrase: 'correct horse' });
    assert.deepEqual([made.name, made.organisation], [name, organisation]);
    dialogs.confirmAnswers.push(true);
    const file = join(dir, `${made.id}.pdf`);
    await signedBundle(handlers, dialogs, file, { pdf: await preparedBundle(made), identityId: made.id, passphrase: 'correct horse' });
    dialogs.openAnswers.push([file]);
    const report = await handlers['bundle:verify']({ expectedSigner: null });
    assert.equal(report?.valid, true, report?.verdict);
    assert.deepEqual([report?.signer?.name, report?.signer?.organisation], [name, organisation]);
    const pdfsig = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    assert.match(pdfsig, /Signature Validation: Signature is Valid\./);
    assert.ok(pdfsig.includes(`Signer Certificate Common Name: ${name}`), pdfsig);
  }
});

test('a query run on a server that does not answer shows it is running, and Cancel stops it; the pack stays in its folder', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'handlers-'));
  // A server that takes requests and never answers them.
  const requests: string[] = [];
  const silent = createServer((request) => void requests.push(request.url ?? ''));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const dialogs = new ScriptedDialogs();
    const handlers = createHandlers({ dialogs, userName: 'counsel', platform: 'linux', appVersion: '1.0.0', identities: new IdentityStore(join(dir, 'identities'), noSecrets), logs: new LogEngine(join(dir, 'logs')) });
    dialogs.folderAnswers.push(join(dir, 'pack'));
    const pack = queryPack({ id: 'case00000001', title: 'Silent server', historyHead: 'a'.repeat(64) }, [], DEFAULT_CAMPAIGN_SETTINGS, '2026-12-07T00:00:00.000Z');
    const started = (await handlers['warehouse:run']({ pack, server: { url: `http://127.0.0.1:${(silent.address() as AddressInfo).port}` } }))!;
    for (let tries = 0; requests.length === 0 && tries < 100; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal((await handlers['warehouse:status'](started.run)).state, 'running');
    await handlers['warehouse:cancel'](started.run);
    let status = await handlers['warehouse:status'](started.run);
    for (let tries = 0; status.state === 'running' && tries < 100; tries++) status = (await new Promise((resolve) => setTimeout(resolve, 20)), await handlers['warehouse:status'](started.run));
    assert.deepEqual(status, { state: 'cancelled', folder: join(dir, 'pack') });
    assert.deepEqual((await readdir(join(dir, 'pack'))).sort(), ['README.md', 'bigquery', 'case_prompts.csv', 'clickhouse', 'duckdb', 'pack.json', 'spark']);
  } finally {
    silent.closeAllConnections();
    silent.close();
  }
});
