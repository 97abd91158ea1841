import assert from 'node:assert/strict';
import { test } from 'node:test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { archiveOfBytes } from '../../shared/archive/archive-format';
import { caseArchiveBytes } from '../../shared/archive/archive-writer';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { ArchiveError } from '../../shared/errors';
import { makeCaseData } from '../builders';

// Archives built to hurt the reader: names that escape, bombs, lines longer than any record. Slow by design, so out of the seconds loop.
const read = (bytes: Uint8Array, name: string) => readCaseArchive(archiveOfBytes(bytes, name));
const write = (data = makeCaseData(), now?: Date) => caseArchiveBytes(data, now);

/** Rewrites one file inside an archive, as someone editing the zip by hand would. */
function tamper(archive: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(archive);
  change(files);
  return zipSync(files);
}

test('a record line longer than any record is refused by file and line, not left to exhaust memory', async () => {
  const archive = tamper(await write(), (files) => {
    // Text that compresses as poorly as real text, so the zip-bomb check lets it through.
    let seed = 7;
    const long = Array.from({ length: 66 * 1024 * 1024 / 8 }, () => (seed = (seed * 48271) % 2147483647).toString(36).padStart(8, '0')).join('');
    files['records/claims.jsonl'] = strToU8(`${strFromU8(files['records/claims.jsonl']!)}\n{"title":"${long}"}`);
  });
  await assert.rejects(() => read(archive, 'case.evcase'), /case\.evcase: records\/claims\.jsonl line 2 is longer than 64 MB, which no record is/);
});

test('entries with unsafe names, folders or two of the same name are refused', async () => {
  for (const name of ['../evil.jsonl', '/etc/passwd', 'originals/../../x', 'C:/x', 'a\\b']) {
    const archive = tamper(await write(), (files) => {
      files[name] = strToU8('x');
    });
    await assert.rejects(() => read(archive, 'case.evcase'), (error: Error) => error instanceof ArchiveError && error.message.includes(`unsafe name: “${name}”`), name);
  }
  // Two entries of the same length, the second renamed to the first in both the local header and the directory.
  const twice = Buffer.from(tamper(await write(), (files) => {
    files['auditXjsonl'] = strToU8('x');
  }));
  const renamed = new Uint8Array(Buffer.from(twice.toString('latin1').replaceAll('auditXjsonl', 'audit.jsonl'), 'latin1'));
  await assert.rejects(() => read(renamed, 'case.evcase'), /case\.evcase holds two entries named “audit\.jsonl”/);
});

test('a listed entry that would expand a thousand times is refused as a zip bomb, at once and without expanding it', async () => {
  const data = makeCaseData();
  const archive = tamper(await write(data), (files) => {
    const path = Object.keys(files).find((p) => p.startsWith('originals/'))!;
    files[path] = new Uint8Array(100 * 1024 * 1024);
  });
  const started = performance.now();
  await assert.rejects(() => read(archive, 'case.evcase'), /would expand \d+ times, to 104,857,600 bytes; no evidence compresses so well, and the archive is refused as a zip bomb/);
  assert.ok(archive.length < 1024 * 1024, 'the bomb is small');
  assert.ok(performance.now() - started < 5_000, 'refused from the directory, not by expanding it');
});
