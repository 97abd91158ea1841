import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ArchiveError, readCaseArchive, writeCaseArchive } from '../../shared/archive/case-archive';
import { sha256Hex } from '../../shared/hash';
import { makeCaseData } from '../builders';

/** Rewrites one file inside an archive, as someone editing the zip by hand would. */
function tamper(archive: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(archive);
  change(files);
  return zipSync(files);
}

test('an archive round trip keeps every record, the history and the original bytes', () => {
  const data = makeCaseData();
  const read = readCaseArchive(writeCaseArchive(data), 'case.evcase');
  assert.deepEqual(read.case, data.case);
  assert.deepEqual(read.audit, data.audit);
  assert.deepEqual(read.logEntries, data.logEntries);
  assert.deepEqual(read.links, data.links);
  const [source] = read.sources;
  assert.ok(source);
  const bytes = read.originals.get(source.id)!;
  assert.deepEqual(bytes, data.originals.get(source.id));
  assert.equal(sha256Hex(bytes), source.sha256);
});

test('writing the same case twice gives the same bytes', () => {
  const data = makeCaseData();
  const when = new Date('2026-05-01T00:00:00Z');
  assert.equal(sha256Hex(writeCaseArchive(data, when)), sha256Hex(writeCaseArchive(data, when)));
});

test('a file that is not a zip is refused as not an archive', () => {
  assert.throws(() => readCaseArchive(strToU8('hello'), 'notes.txt'), { name: 'ArchiveError', message: 'notes.txt is not a case archive: it is not a zip file' });
});

test('a zip without case.json is refused', () => {
  assert.throws(() => readCaseArchive(zipSync({ 'a.txt': strToU8('x') }), 'other.zip'), /other\.zip is not a case archive: it has no case\.json/);
});

test('a truncated archive is refused as damaged', () => {
  const archive = writeCaseArchive(makeCaseData());
  assert.throws(() => readCaseArchive(archive.slice(0, Math.floor(archive.length / 2)), 'cut.evcase'), /cut\.evcase is truncated or damaged/);
});

test('an original file whose bytes changed is refused, naming the file and both hashes', () => {
  const data = makeCaseData();
  const source = data.sources[0]!;
  const archive = tamper(writeCaseArchive(data), (files) => {
    const path = Object.keys(files).find((p) => p.startsWith('originals/'))!;
    files[path] = strToU8(strFromU8(files[path]!).replace('acct-1', 'acct-2'));
  });
  assert.throws(() => readCaseArchive(archive, 'case.evcase'), (error: Error) => {
    assert.ok(error instanceof ArchiveError);
    assert.match(error.message, /the original file gateway-export\.jsonl does not match its recorded SHA-256/);
    assert.ok(error.message.includes(`recorded ${source.sha256}`));
    return true;
  });
});

test('an archive whose audit history was edited is refused with the event named', () => {
  const archive = tamper(writeCaseArchive(makeCaseData()), (files) => {
    files['audit.jsonl'] = strToU8(strFromU8(files['audit.jsonl']!).replace('"actor":"counsel","action":"claim.created"', '"actor":"mallory","action":"claim.created"'));
  });
  assert.throws(() => readCaseArchive(archive, 'case.evcase'), /audit history does not verify: event #3 \(claim\.created\) was edited/);
});

test('an archive with its last audit event removed is refused', () => {
  const data = makeCaseData();
  const archive = tamper(writeCaseArchive(data), (files) => {
    const lines = strFromU8(files['audit.jsonl']!).split('\n');
    files['audit.jsonl'] = strToU8(lines.slice(0, -1).join('\n'));
    const manifest = JSON.parse(strFromU8(files['case.json']!));
    manifest.audit.events -= 1;
    files['case.json'] = strToU8(JSON.stringify(manifest));
  });
  assert.throws(() => readCaseArchive(archive, 'case.evcase'), new RegExp(`audit history does not verify: the history does not end with the recorded last event \\(expected ${data.audit.length - 1} events\\)`));
});

test('a record that fails its schema is refused naming the file, line and field', () => {
  const archive = tamper(writeCaseArchive(makeCaseData()), (files) => {
    files['records/claims.jsonl'] = strToU8(strFromU8(files['records/claims.jsonl']!).replace(/"title":"[^"]*"/, '"title":""'));
  });
  assert.throws(() => readCaseArchive(archive, 'case.evcase'), /case\.evcase: records\/claims\.jsonl line 1: title: /);
});
