import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readCaseArchive } from '../../shared/archive/case-archive';
import { newId } from '../../shared/ids';
import { logSettingsFor } from '../../shared/import/log-import';
import { logSample } from '../../shared/import/log-stream';
import type { CaseData } from '../../shared/model/case-data';
import { createCase, loadCaseData } from '../../renderer/db/case-store';
import { EvidenceDatabase } from '../../renderer/db/database';
import { runImportJob, type NamedBlob } from '../../renderer/import/import-jobs';
import { cli } from '../run-cli';

const demoLog = new Uint8Array(await readFile('fixtures/demo/api-gateway-2026Q1.jsonl'));
// Times without a zone (read as UTC and said so), a row that cannot be read, CRLF line ends.
const zonelessCsv = new TextEncoder().encode(['timestamp,account,ip,prompt', '2026-03-01 10:00:00,acct_a,203.0.113.5,"hello, world"', '2026-03-01 10:00:05,acct_b,203.0.113.6,second', 'not a time,acct_c,203.0.113.7,third', '2026-03-01T10:00:09Z,acct_a,203.0.113.5,"multi', 'line"'].join('\r\n'));

function blob(bytes: Uint8Array, name: string): NamedBlob {
  return {
    name,
    size: bytes.length,
    arrayBuffer: async () => bytes.slice().buffer,
    stream: () => {
      let offset = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (offset >= bytes.length) return controller.close();
          controller.enqueue(bytes.slice(offset, (offset += 65536)));
        },
      });
    },
  };
}

/** The file imported as the app does: settings detected from the sample the dialog reads, then the import worker's job. */
async function throughApp(bytes: Uint8Array, name: string) {
  const db = new EvidenceDatabase(`parity-${newId()}`);
  const record = await createCase(db, { title: 'Parity' }, 'counsel');
  const file = blob(bytes, name);
  const settings = logSettingsFor(await logSample(file.stream(), name), {});
  const outcome = await runImportJob(db, { kind: 'log', caseId: record.id, actor: 'counsel', file, settings }, { signal: new AbortController().signal, afterCancel: () => undefined, onProgress: () => undefined, decide: async () => true });
  assert.equal(outcome.status, 'imported');
  return { data: await loadCaseData(db, record.id), notes: outcome.status === 'imported' ? outcome.notes : [] };
}

/** The same file through the CLI, from disk. */
async function throughCli(bytes: Uint8Array, name: string) {
  const folder = await mkdtemp(join(tmpdir(), 'parity-'));
  const casePath = join(folder, 'case.evcase');
  await writeFile(join(folder, name), bytes);
  assert.equal((await cli('init', casePath, '--title', 'Parity', '--actor', 'counsel')).code, 0);
  const run = await cli('import', casePath, join(folder, name), '--kind', 'log', '--accept-partial', '--actor', 'counsel');
  assert.equal(run.code, 0, run.err);
  const notes = run.out.split('\n').filter((l) => l.startsWith('  note: ')).map((l) => l.slice('  note: '.length));
  return { data: readCaseArchive(new Uint8Array(await readFile(casePath))), notes };
}

/** What an import stored, without what differs by nature (ids, the time of import). */
function stored(data: CaseData) {
  const [source] = data.sources;
  const { id, caseId, importedAt, ...rest } = source!;
  void [id, caseId, importedAt];
  return {
    source: rest,
    original: data.originals.get(source!.id),
    entries: data.logEntries.map(({ caseId: _c, sourceId: _s, ...entry }) => entry).sort((a, b) => a.line - b.line),
    audit: data.audit.filter((e) => e.action === 'source.imported').map((e) => ({ ...e.details, sourceId: undefined })),
  };
}

for (const [name, bytes] of [
  ['api-gateway-2026Q1.jsonl', demoLog],
  ['zoneless.csv', zonelessCsv],
  ['api-gateway-2026Q1.jsonl.gz', new Uint8Array(gzipSync(demoLog))],
] as const) {
  test(`${name}: the app and the CLI store the same records, notes, settings, rejections and hashes`, async () => {
    const [app, command] = await Promise.all([throughApp(bytes, name), throughCli(bytes, name)]);
    assert.deepEqual(stored(app.data), stored(command.data));
    assert.deepEqual(app.notes, command.notes);
    if (name === 'zoneless.csv') {
      assert.deepEqual(app.notes, ['zoneless.csv: 2 timestamps named no time zone and were read as UTC']);
      assert.equal(app.data.sources[0]!.settings.zonelessTimesReadAsUtc, 2);
      assert.deepEqual(app.data.sources[0]!.rejectedRows, [{ line: 4, reason: 'timestamp “not a time” is not an ISO 8601 time or epoch seconds/milliseconds' }]);
      assert.equal(app.data.logEntries.find((e) => e.line === 5)!.prompt, 'multi\r\nline');
    }
  });
}

test('a gzip file cut short is refused by name, by the app and the CLI, and the case is left as it was', async () => {
  const whole = new Uint8Array(gzipSync(demoLog));
  const cut = whole.subarray(0, Math.floor(whole.length * 0.6));

  const db = new EvidenceDatabase(`parity-${newId()}`);
  const record = await createCase(db, { title: 'Parity' }, 'counsel');
  const before = await Promise.all(db.tables.map((t) => t.count()));
  const settings = logSettingsFor(await logSample(blob(cut, 'cut.jsonl.gz').stream(), 'cut.jsonl.gz'), {});
  await assert.rejects(
    runImportJob(db, { kind: 'log', caseId: record.id, actor: 'counsel', file: blob(cut, 'cut.jsonl.gz'), settings }, { signal: new AbortController().signal, afterCancel: () => undefined, onProgress: () => undefined, decide: async () => true }),
    /cut\.jsonl\.gz is not a whole gzip file/,
  );
  assert.deepEqual(await Promise.all(db.tables.map((t) => t.count())), before);

  const folder = await mkdtemp(join(tmpdir(), 'parity-'));
  const casePath = join(folder, 'case.evcase');
  await writeFile(join(folder, 'cut.jsonl.gz'), cut);
  assert.equal((await cli('init', casePath, '--title', 'Parity', '--actor', 'counsel')).code, 0);
  const archive = await readFile(casePath);
  const run = await cli('import', casePath, join(folder, 'cut.jsonl.gz'), '--kind', 'log');
  assert.equal(run.code, 1);
  assert.match(run.err, /Refused: cut\.jsonl\.gz is not a whole gzip file.*Nothing was imported/s);
  assert.deepEqual(await readFile(casePath), archive);
});
