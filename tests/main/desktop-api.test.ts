import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ipcChannels, parseIpcArgs, type Channel } from '../../shared/ipc/contract';
import { desktopApi, replyOf, unwrap, type Invoke } from '../../shared/ipc/desktop-api';
import { CancellationError, IdentityError, Refusal, isCancellation } from '../../shared/errors';

test('window.api (the preload’s and the bridge’s alike) calls every channel of the contract, with arguments the main process accepts', async () => {
  const calls: { channel: Channel; args: unknown[] }[] = [];
  const record = (async (channel: Channel, ...args: unknown[]) => {
    calls.push({ channel, args });
    return null;
  }) as Invoke;
  const api = desktopApi(record, () => () => undefined);
  const token = 'f'.repeat(20);
  await api.systemInfo();
  await api.openFiles({ title: 'Import', filters: [], multiple: true });
  await api.openFileForReading({ title: 'Open', filters: [] });
  await api.readFileRange(token, 0, 1024);
  await api.createFile({ title: 'Save', suggestedName: 'case.evcase', filters: [] });
  await api.appendToFile(token, new Uint8Array([1]));
  await api.commitFile(token);
  await api.closeFile(token);
  await api.listIdentities();
  await api.createIdentity({ name: 'M. Alvarez', organisation: '', email: '', passphrase: 'correct horse battery' });
  await api.importIdentity('correct horse battery');
  await api.removeIdentity('identity000000000001');
  await api.writeBundle({ identityId: 'identity000000000001', pdf: new Uint8Array([1]), save: { title: 'Save', suggestedName: 'bundle.pdf', filters: [] } });
  await api.verifyBundle({ expectedSigner: null });
  await api.sealArchive({ identityId: 'identity000000000001', manifest: new Uint8Array([1]) });
  await api.pickTermsHistory('ota');
  await api.readTermsHistory('ChatGPT/Terms of Service.md');
  const [caseId, sourceId] = ['case00000001', 'source000001'];
  const row = { caseId, sourceId, line: 3, ts: 1767225600000, tsText: '2026-01-01T00:00:00Z', account: 'acct_1', extra: { org_id: 'org-2' }, raw: '{}' };
  await api.logs.append(caseId, sourceId, [row]);
  await api.logs.finish(caseId, sourceId);
  await api.logs.remove(caseId, sourceId);
  await api.logs.keepOnly(caseId, [sourceId]);
  await api.logs.count(caseId, sourceId, { account: 'acct_1', ip: '192.0.2.0/24', identifier: { column: 'org_id', value: 'org-2' } });
  await api.logs.window(caseId, sourceId, { from: 0, to: 1, text: 'gpt' }, 0, 100);
  await api.logs.linePosition(caseId, sourceId, 3);
  await api.logs.byRef(caseId, [{ sourceId, line: 3 }]);
  await api.logs.chunk(caseId, sourceId, 0);
  await api.logs.countInTime(caseId, [sourceId], 0, 1);
  await api.logs.removeCase(caseId);
  await api.logs.rowsSha256(caseId, sourceId);
  const importId = '0123456789abcdef0123';
  await api.logs.importStart(caseId, sourceId, { fileName: 'gateway.jsonl', size: 10 }, { format: 'jsonl', hasHeader: false, columns: ['ts', 'account'], mapping: { timestamp: 'ts', account: 'account' }, identifiers: [], years: { from: 2000, to: 2030 } });
  await api.logs.importBytes(importId, new Uint8Array([1]));
  await api.logs.importEnd(importId);
  await api.logs.importStatus(importId);
  await api.logs.importCancel(importId);
  await api.logs.restoreStart(caseId, sourceId, { size: 10 });
  await api.logs.exportRows(caseId, sourceId);
  await api.logs.exportBytes(importId, 0);
  await api.logs.exportClose(importId);
  await api.logs.distinctPrompts(caseId, [sourceId]);
  await api.logs.promptPart(caseId, [sourceId], 0, 4);
  await api.logs.promptRows(caseId, [sourceId], ['Explain photosynthesis.'], ['ab12'], 0, 50_000);
  await api.logs.campaignLinks(caseId, [sourceId], ['apiKey', 'ip24', 'payment fp']);
  await api.logs.campaignClusters(caseId, [sourceId], { accounts: ['acct_1', 'acct_2'], clusters: [0, 0] }, 1800);
  await api.runQueryPack({ pack: [{ path: 'clickhouse/excerpt.sql', text: 'SELECT 1;' }], server: { url: 'http://127.0.0.1:8123', username: 'default', password: 'secret', database: 'logs' } });
  await api.queryRunStatus('0123456789abcdef0123');
  await api.cancelQueryRun('0123456789abcdef0123');
  assert.deepEqual(calls.map((c) => c.channel).sort(), (Object.keys(ipcChannels) as Channel[]).sort(), 'each channel once, none left out');
  for (const { channel, args } of calls) assert.doesNotThrow(() => parseIpcArgs(channel, args), `${channel}: the arguments window.api sends pass the main process's check`);

  // The contract is enforced at compile time: these lines would type-check only if it were not.
  const invoke = record;
  // @ts-expect-error an argument of the wrong type for its channel
  void invoke('file:read', token, 'not a number', 1);
  // @ts-expect-error a channel the contract does not have
  void invoke('file:delete-everything');
  // @ts-expect-error a result used as what the channel does not return
  const wrong: Promise<string> = invoke('identity:list');
  void wrong;
});

test('an error crosses the boundary as data: a refusal arrives with its name, code and message, a cancellation as one, a bug as an error', async () => {
  // What IPC does to a reply: a structured clone, which keeps data and drops an Error's class.
  const across = async (work: () => Promise<unknown>) => {
    try {
      return unwrap(structuredClone(await replyOf(work)));
    } catch (error) {
      return error;
    }
  };
  const refused = (await across(async () => {
    throw new IdentityError('The passphrase is wrong for counsel.p12');
  })) as Refusal;
  assert.ok(refused instanceof Refusal);
  assert.deepEqual([refused.name, refused.code, refused.message], ['IdentityError', 'identity', 'The passphrase is wrong for counsel.p12']);
  const cancelled = await across(async () => {
    throw new CancellationError('Removal cancelled; nothing was removed');
  });
  assert.ok(isCancellation(cancelled) && cancelled instanceof CancellationError);
  const bug = (await across(async () => {
    throw new TypeError('x is undefined');
  })) as Error;
  assert.deepEqual([bug instanceof Refusal, bug.name, bug.message], [false, 'TypeError', 'x is undefined']);
  assert.deepEqual(await across(async () => [1, 2]), [1, 2]);
});

test('the log engine’s and the warehouse run’s channels refuse what the main process must not take on trust, naming the field', () => {
  const row = { caseId: 'case00000001', sourceId: 'source000001', line: 3, ts: null, tsText: '', raw: '{}' };
  assert.throws(() => parseIpcArgs('logs:append', ['case00000001', 'source000001', [{ ...row, line: 0 }]]), /Invalid arguments for logs:append: .*line/);
  assert.throws(() => parseIpcArgs('logs:append', ['../../etc', 'source000001', [row]]), /Invalid arguments for logs:append: .*must be an id/);
  assert.throws(() => parseIpcArgs('logs:window', ['case00000001', 'source000001', {}, 0, 100_001]), /Invalid arguments for logs:window/);
  assert.throws(() => parseIpcArgs('logs:count', ['case00000001', 'source000001', { account: 7 }]), /Invalid arguments for logs:count: .*account/);
  assert.throws(() => parseIpcArgs('logs:campaignClusters', ['case00000001', ['source000001'], { accounts: ['acct_1'], clusters: [] }, 1800]), /Invalid arguments for logs:campaignClusters: .*a cluster for each account/);
  assert.throws(() => parseIpcArgs('logs:exportBytes', ['../outgoing/x', 0]), /Invalid arguments for logs:exportBytes: .*must be an export id/);
  assert.throws(() => parseIpcArgs('logs:restoreStart', ['case00000001', 'source000001', { size: -1 }]), /Invalid arguments for logs:restoreStart: .*size/);
  const server = { url: 'http://127.0.0.1:8123' };
  assert.throws(() => parseIpcArgs('warehouse:run', [{ pack: [{ path: '../outside.sql', text: '' }], server }]), /must be a relative path inside the pack/);
  assert.throws(() => parseIpcArgs('warehouse:run', [{ pack: [{ path: 'a.sql', text: '' }], server: { url: 'file:///etc/passwd' } }]), /must be the server’s HTTP address/);
  assert.throws(() => parseIpcArgs('warehouse:run', [{ pack: [{ path: 'a.sql', text: '' }], server: { ...server, database: 'x; DROP TABLE y' } }]), /must be a database name/);
});
