import { createReadStream } from 'node:fs';
import { link, open, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { readCaseArchive, writeCaseArchive } from '../shared/archive/case-archive';
import type { StreamedFile } from '../shared/import/run-import';
import type { CaseData } from '../shared/model/case-data';

/** A refusal the CLI reports on stderr with exit code 1. */
export class Refusal extends Error {
  override name = 'Refusal';
}

/** A wrong command line: the CLI prints usage and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A file's bytes, or a Refusal that names the file and why it cannot be read. */
export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new Refusal(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

/** A file read from disk in pieces as it is used, never whole; refused at once when it cannot be opened. */
export async function streamedDiskFile(path: string): Promise<StreamedFile> {
  let size: number;
  try {
    const handle = await open(path, 'r');
    size = (await handle.stat()).size;
    await handle.close();
  } catch (error) {
    throw new Refusal(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  return {
    name: basename(path),
    size,
    chunks: () => createReadStream(path, { highWaterMark: 1024 * 1024 }),
    slice: async (start, end) => {
      const handle = await open(path, 'r');
      try {
        const bytes = new Uint8Array(end - start);
        const { bytesRead } = await handle.read(bytes, 0, bytes.length, start);
        return bytes.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
  };
}

export async function readCaseFile(path: string): Promise<CaseData> {
  return readCaseArchive(await readBytes(path), basename(path));
}

/**
 * Writes the archive beside its target first, so a failure never leaves half
 * a file. A new file is put in place with link(), which refuses atomically
 * if the name was taken meanwhile; an update replaces the old file by rename.
 */
export async function writeCaseFile(path: string, data: CaseData, options: { mustNotExist: boolean }): Promise<void> {
  const temporary = `${path}.${process.pid}.partial`;
  await writeFile(temporary, writeCaseArchive(data));
  if (!options.mustNotExist) {
    await rename(temporary, path);
    return;
  }
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Refusal(`${path} already exists; choose another name or remove it first`);
    throw error;
  } finally {
    await unlink(temporary);
  }
}
