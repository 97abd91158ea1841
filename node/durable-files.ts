import { FileExistsError } from '../shared/errors';
import { link, open, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Files written so that a crash or power cut leaves either the old file or
 * the whole new one, never half: written beside the target under a
 * temporary name, flushed to disk, moved into place, and the folder flushed
 * so the move itself survives. The CLI and the desktop side both write
 * cases, archives and bundles this way.
 */

const PARTIAL = /^\.(.+)\.(\d+)\.partial$/;

/** Where a file is written before it is put in place: hidden, beside it, named for this process. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes what a killed writer left beside `path`: temporaries of processes no longer running. */
export async function removeLeftovers(path: string): Promise<void> {
  const names = await readdir(dirname(path)).catch(() => [] as string[]);
  for (const name of names) {
    const match = PARTIAL.exec(name);
    if (match?.[1] === basename(path) && Number(match[2]) !== process.pid && !isRunning(Number(match[2]))) await unlink(join(dirname(path), name)).catch(() => undefined);
  }
}

/** Flushes a file, or a folder's entries (which Windows cannot open, and which it keeps durable itself), to disk. */
async function flush(path: string, folder = false): Promise<void> {
  if (folder && process.platform === 'win32') return;
  const handle = await open(path, folder ? 'r' : 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Puts a fully written temporary file in place durably. `replace: false`
 * links it, which refuses atomically if the name was taken meanwhile
 * (FileExistsError); otherwise it replaces the file by rename. The
 * temporary is gone afterwards either way.
 */
export async function placeFile(temporary: string, path: string, options: { replace: boolean }): Promise<void> {
  try {
    await flush(temporary);
    if (options.replace) await rename(temporary, path);
    else {
      try {
        await link(temporary, path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(`${path} already exists`);
        throw error;
      }
    }
    await flush(dirname(path), true);
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

/** Writes bytes to a new temporary beside `path` (clearing leftovers first), for placeFile to put in place. */
export async function writeTemporary(path: string, bytes: Uint8Array): Promise<string> {
  await removeLeftovers(path);
  const temporary = temporaryPathFor(path);
  try {
    await writeFile(temporary, bytes, { mode: 0o644 });
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  return temporary;
}
