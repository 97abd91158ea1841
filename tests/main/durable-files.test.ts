import { FileExistsError } from '../../shared/errors';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { placeFile, removeLeftovers, temporaryPathFor, writeTemporary } from '../../node/durable-files';

const writeFileDurably = async (path: string, bytes: Uint8Array, options: { replace: boolean }) => placeFile(await writeTemporary(path, bytes), path, options);

test('a durable write replaces a file whole, or refuses an existing one and leaves it as it was; no temporary stays', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'durable-'));
  const path = join(dir, 'case.evcase');
  await writeFileDurably(path, new TextEncoder().encode('first'), { replace: false });
  await writeFileDurably(path, new TextEncoder().encode('second'), { replace: true });
  assert.equal(readFileSync(path, 'utf8'), 'second');
  await assert.rejects(writeFileDurably(path, new TextEncoder().encode('third'), { replace: false }), FileExistsError);
  assert.equal(readFileSync(path, 'utf8'), 'second');
  assert.deepEqual(readdirSync(dir), ['case.evcase']);
});

test('what a killed writer left beside a file is removed by the next write; a running writer’s is not', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'durable-'));
  const path = join(dir, 'bundle.pdf');
  // A process that has exited: its pid is free (or reused by something that is not ours to worry about, and then kept).
  const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  writeFileSync(join(dir, `.bundle.pdf.${dead}.partial`), 'half a bundle');
  writeFileSync(join(dir, `.bundle.pdf.${process.ppid}.partial`), 'being written by a live process');
  writeFileSync(join(dir, `.other.pdf.${dead}.partial`), 'another file’s');
  await removeLeftovers(path);
  assert.deepEqual(readdirSync(dir).sort(), [`.bundle.pdf.${process.ppid}.partial`, `.other.pdf.${dead}.partial`]);
  assert.equal(temporaryPathFor(path), join(dir, `.bundle.pdf.${process.pid}.partial`));
});
