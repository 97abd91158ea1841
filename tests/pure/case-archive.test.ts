import { ArchiveError } from '../../shared/errors';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { archiveOfBytes, type OriginalPart } from '../../shared/archive/archive-format';
import { caseArchiveBytes, writeCaseArchive } from '../../shared/archive/archive-writer';
import { openCaseArchive, readCaseArchive } from '../../shared/archive/archive-reader';
import { nextAuditEvent } from '../../shared/audit/audit-chain';
import { sha256Hex } from '../../shared/hash';
import { editCaseDetails } from '../../shared/model/case-data';
import { makeCaseData } from '../builders';

const read = (bytes: Uint8Array, name: string) => readCaseArchive(archiveOfBytes(bytes, name));
const write = (data = makeCaseData(), now?: Date) => caseArchiveBytes(data, now);

/** The builders' case with a second log row, so that order within a log can be tested. */
const twoRowCase = () => makeCaseData({}, 2);

/** Rewrites one file inside an archive, as someone editing the zip by hand would. */
function tamper(archive: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(archive);
  change(files);
  return zipSync(files);
}

test('an archive round trip keeps every record, the history and the original bytes', async () => {
  const data = makeCaseData();
  const opened = await read(await write(data), 'case.evcase');
  assert.deepEqual(opened.case, data.case);
  assert.deepEqual(opened.audit, data.audit);
  assert.deepEqual(opened.logEntries, data.logEntries);
  assert.deepEqual(opened.links, data.links);
  const [source] = opened.sources;
  assert.ok(source);
  const bytes = opened.originals.get(source.id)!;
  assert.deepEqual(bytes, data.originals.get(source.id));
  assert.equal(sha256Hex(bytes), source.sha256);
});

test('writing the same case twice gives the same bytes', async () => {
  const data = makeCaseData();
  const when = new Date('2026-05-01T00:00:00Z');
  assert.equal(sha256Hex(await write(data, when)), sha256Hex(await write(data, when)));
});

test('a file that is not a zip is refused as not an archive', async () => {
  await assert.rejects(() => read(strToU8('hello'), 'notes.txt'), { name: 'ArchiveError', message: 'notes.txt is not a case archive: it is not a zip file' });
});

test('a zip without case.json is refused', async () => {
  await assert.rejects(() => read(zipSync({ 'a.txt': strToU8('x') }), 'other.zip'), /other\.zip is not a case archive: it has no case\.json/);
});

test('a truncated archive is refused as damaged', async () => {
  const archive = await write();
  await assert.rejects(() => read(archive.slice(0, Math.floor(archive.length / 2)), 'cut.evcase'), /cut\.evcase is truncated or damaged/);
});

test('an original file whose bytes changed is refused, naming the file and both hashes', async () => {
  const data = makeCaseData();
  const source = data.sources[0]!;
  const archive = tamper(await write(data), (files) => {
    const path = Object.keys(files).find((p) => p.startsWith('originals/'))!;
    files[path] = strToU8(strFromU8(files[path]!).replace('acct-1', 'acct-2'));
  });
  await assert.rejects(() => read(archive, 'case.evcase'), (error: Error) => {
    assert.ok(error instanceof ArchiveError);
    assert.match(error.message, /the original file gateway-export\.jsonl does not match its recorded SHA-256/);
    assert.ok(error.message.includes(`recorded ${source.sha256}`));
    return true;
  });
});

test('an archive whose audit history was edited is refused with the event named', async () => {
  const archive = tamper(await write(), (files) => {
    files['audit.jsonl'] = strToU8(strFromU8(files['audit.jsonl']!).replace('"actor":"counsel","action":"claim.created"', '"actor":"mallory","action":"claim.created"'));
  });
  await assert.rejects(() => read(archive, 'case.evcase'), /audit history does not verify: event #3 \(claim\.created\) was edited/);
});

test('an archive with its last audit event removed is refused', async () => {
  const data = makeCaseData();
  const archive = tamper(await write(data), (files) => {
    const lines = strFromU8(files['audit.jsonl']!).split('\n');
    files['audit.jsonl'] = strToU8(lines.slice(0, -1).join('\n'));
    const manifest = JSON.parse(strFromU8(files['case.json']!));
    manifest.audit.events -= 1;
    files['case.json'] = strToU8(JSON.stringify(manifest));
  });
  await assert.rejects(() => read(archive, 'case.evcase'), new RegExp(`audit history does not verify: the history does not end with the recorded last event \\(expected ${data.audit.length - 1} events\\)`));
});

test('a record that fails its schema is refused naming the file, line and field', async () => {
  const archive = tamper(await write(), (files) => {
    files['records/claims.jsonl'] = strToU8(strFromU8(files['records/claims.jsonl']!).replace(/"title":"[^"]*"/, '"title":""'));
  });
  await assert.rejects(() => read(archive, 'case.evcase'), /case\.evcase: records\/claims\.jsonl line 1: title: /);
});

test('a log row that fails its schema is refused naming its file and line', async () => {
  const archive = tamper(await write(twoRowCase()), (files) => {
    const path = Object.keys(files).find((p) => p.startsWith('records/logEntries/'))!;
    const lines = strFromU8(files[path]!).split('\n');
    lines[1] = lines[1]!.replace(/"line":\d+/, '"line":-4');
    files[path] = strToU8(lines.join('\n'));
  });
  await assert.rejects(() => read(archive, 'case.evcase'), /case\.evcase: records\/logEntries\/\w+\.jsonl line 2: line: /);
});

test('log rows out of line order are refused', async () => {
  const archive = tamper(await write(twoRowCase()), (files) => {
    const path = Object.keys(files).find((p) => p.startsWith('records/logEntries/'))!;
    const lines = strFromU8(files[path]!).split('\n');
    files[path] = strToU8([lines[1], lines[0], ...lines.slice(2)].join('\n'));
  });
  await assert.rejects(() => read(archive, 'case.evcase'), /line 2: the rows of a log must be in line order/);
});

test('a version 1 archive, every log row in one file, is still read', async () => {
  const data = twoRowCase();
  const v1 = tamper(await write(data), (files) => {
    const logFiles = Object.keys(files).filter((p) => p.startsWith('records/logEntries/'));
    files['records/logEntries.jsonl'] = strToU8(logFiles.map((p) => strFromU8(files[p]!)).join('\n'));
    for (const p of logFiles) delete files[p];
    const manifest = JSON.parse(strFromU8(files['case.json']!));
    manifest.formatVersion = 1;
    delete manifest.logs;
    files['case.json'] = strToU8(JSON.stringify(manifest));
  });
  const opened = await read(v1, 'old.evcase');
  assert.deepEqual(opened.logEntries, data.logEntries);
  assert.deepEqual(opened.claims, data.claims);
});

test('an archive rewritten from an opened one copies its logs and originals as they are and keeps the changed tables', async () => {
  const data = twoRowCase();
  const first = await write(data);
  const archive = await openCaseArchive(archiveOfBytes(first, 'case.evcase'));
  const renamed = editCaseDetails(archive.case, { ...archive.case, title: 'Renamed' }, 'counsel')!;
  const audit = [...archive.audit, nextAuditEvent(archive.case.id, archive.audit.at(-1), renamed.audit[0]!)];
  const parts: Uint8Array[] = [];
  await writeCaseArchive(new WritableStream({ write: (chunk) => void parts.push(chunk) }), {
    logs: archive.logParts(),
    rest: async () => ({ case: renamed.case!, audit, records: archive.records, originals: archive.records.sources.map((s) => archive.copyOfOriginal(s)) }),
  });
  const copy = await read(new Uint8Array(Buffer.concat(parts)), 'copy.evcase');
  assert.equal(copy.case.title, 'Renamed');
  assert.deepEqual(copy.logEntries, data.logEntries);
  assert.deepEqual([...copy.originals], [...data.originals]);
});

test('the writer refuses an original whose bytes are not the ones its source records', async () => {
  const data = makeCaseData();
  const source = data.sources[0]!;
  const wrong: OriginalPart = {
    source,
    chunks: async function* () {
      yield strToU8('not the file that was imported');
    },
  };
  const out = new WritableStream<Uint8Array>();
  await assert.rejects(
    () => writeCaseArchive(out, { logs: [], rest: async () => ({ case: data.case, audit: data.audit, records: data, originals: [wrong] }) }),
    new RegExp(`The original bytes of ${source.fileName} no longer match what was imported`),
  );
});

test('a log whose rows were removed, manifest and all, is refused against its source record', async () => {
  const archive = tamper(await write(twoRowCase()), (files) => {
    const path = Object.keys(files).find((p) => p.startsWith('records/logEntries/'))!;
    files[path] = strToU8(strFromU8(files[path]!).split('\n')[0]!);
    const manifest = JSON.parse(strFromU8(files['case.json']!));
    manifest.logs[0].rows = 1;
    manifest.tables.logEntries = 1;
    files['case.json'] = strToU8(JSON.stringify(manifest));
  });
  await assert.rejects(() => read(archive, 'case.evcase'), /case\.evcase: records\/logEntries\/\w+\.jsonl holds 1 rows of gateway-export\.jsonl, but its source record counts 2/);
});

test('an entry the manifest does not list is refused by name before anything is read', async () => {
  const archive = tamper(await write(), (files) => {
    files['records/notes.jsonl'] = strToU8('{}');
  });
  await assert.rejects(() => read(archive, 'case.evcase'), /case\.evcase holds an entry its manifest does not list: “records\/notes\.jsonl”/);
});

test('a table from a newer version of the app is refused, not silently dropped', async () => {
  const archive = tamper(await write(), (files) => {
    const manifest = JSON.parse(strFromU8(files['case.json']!));
    manifest.tables.exhibitsV3 = 0;
    files['case.json'] = strToU8(JSON.stringify(manifest));
    files['records/exhibitsV3.jsonl'] = strToU8('');
  });
  await assert.rejects(() => read(archive, 'case.evcase'), /case\.json lists a table this version of the app does not know, “exhibitsV3”/);
});

/** Lowers the uncompressed size an entry declares, in its local header and in the central directory. */
function understate(archive: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = archive.slice();
  const view = new DataView(bytes.buffer);
  const nameAt = (at: number, length: number) => new TextDecoder().decode(bytes.subarray(at, at + length));
  for (let at = 0; at + 46 < bytes.length; at++) {
    const signature = view.getUint32(at, true);
    if (signature === 0x04034b50 && nameAt(at + 30, view.getUint16(at + 26, true)) === name) view.setUint32(at + 22, size, true);
    if (signature === 0x02014b50 && nameAt(at + 46, view.getUint16(at + 28, true)) === name) view.setUint32(at + 24, size, true);
  }
  return bytes;
}

test('an entry that holds more bytes than its header declares is refused as damaged, naming it', async () => {
  const archive = await write();
  const files = unzipSync(archive);
  const path = Object.keys(files).find((p) => p.startsWith('originals/'))!;
  files[path] = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7919) % 251);
  const lying = understate(zipSync(files), path, 1024);
  await assert.rejects(() => read(lying, 'case.evcase'), (error: Error) => error instanceof ArchiveError && error.message.startsWith(`case.evcase is truncated or damaged: ${path} cannot be read (`));
});
