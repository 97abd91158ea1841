import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createHandlers } from '../../electron/handlers';
import { isAppUrl, isTrustedSender } from '../../electron/ipc-sender';
import { parseIpcArgs } from '../../shared/ipc/contract';
import { ScriptedDialogs } from '../bridge/bridge-server';

test('IPC arguments are validated and a bad one is named', () => {
  assert.throws(() => parseIpcArgs('file:open', [{ title: 'x', filters: [{ name: 'Archive', extensions: ['.evcase'] }], multiple: false }]), /Invalid arguments for file:open: 0\.filters\.0\.extensions\.0: must be a file extension without a dot/);
  assert.throws(() => parseIpcArgs('file:save', [{ title: 'x', suggestedName: 'a.evcase', filters: [], bytes: 'not bytes' }]), /0\.bytes: must be the file’s bytes/);
  assert.throws(() => parseIpcArgs('system:info', ['extra']), /Invalid arguments for system:info/);
  const [request] = parseIpcArgs('file:save', [{ title: 'x', suggestedName: 'a.evcase', filters: [], bytes: new Uint8Array([1]) }]);
  assert.deepEqual(request.bytes, new Uint8Array([1]));
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

test('save writes the chosen file whole, and a cancelled dialog writes nothing', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'handlers-'));
  const dialogs = new ScriptedDialogs();
  const handlers = createHandlers({ dialogs, userName: 'counsel', platform: 'linux', appVersion: '1.0.0' });
  dialogs.saveAnswers.push(join(dir, 'case.evcase'), null);
  const saved = await handlers['file:save']({ title: 'Save', suggestedName: 'case.evcase', filters: [], bytes: new Uint8Array([1, 2, 3]) });
  assert.deepEqual(saved, { name: 'case.evcase', path: join(dir, 'case.evcase') });
  assert.deepEqual(new Uint8Array(await readFile(join(dir, 'case.evcase'))), new Uint8Array([1, 2, 3]));
  assert.equal(await handlers['file:save']({ title: 'Save', suggestedName: 'x', filters: [], bytes: new Uint8Array([9]) }), null);
  assert.deepEqual(await readdir(dir), ['case.evcase']);
});

test('open returns the bytes of each chosen file, and nothing when cancelled', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'handlers-'));
  await writeFile(join(dir, 'a.jsonl'), '{"a":1}\n');
  const dialogs = new ScriptedDialogs();
  const handlers = createHandlers({ dialogs, userName: 'counsel', platform: 'linux', appVersion: '1.0.0' });
  dialogs.openAnswers.push([join(dir, 'a.jsonl')], []);
  const [file] = await handlers['file:open']({ title: 'Open', filters: [], multiple: true });
  assert.equal(file!.name, 'a.jsonl');
  assert.equal(new TextDecoder().decode(file!.bytes), '{"a":1}\n');
  assert.deepEqual(await handlers['file:open']({ title: 'Open', filters: [], multiple: true }), []);
  assert.deepEqual(await handlers['system:info'](), { userName: 'counsel', platform: 'linux', appVersion: '1.0.0' });
});
