import { open, unlink, type FileHandle } from 'node:fs/promises';
import { basename } from 'node:path';
import { placeFile, removeLeftovers, temporaryPathFor } from '../node/durable-files';
import { newId } from '../shared/ids';
import type { FileForReading, FileForWriting, SavedFile } from '../shared/ipc/contract';

/**
 * Files the renderer reads in ranges or writes in pieces (case archives of
 * millions of rows), each known to it only by a random token. Only a path
 * the user picked in a dialog is ever opened.
 */
export class LargeFiles {
  private reading = new Map<string, FileHandle>();
  private writing = new Map<string, { handle: FileHandle; path: string; temporary: string }>();

  async openForReading(path: string): Promise<FileForReading> {
    const handle = await open(path, 'r');
    const token = newId();
    this.reading.set(token, handle);
    return { token, name: basename(path), path, size: (await handle.stat()).size };
  }

  async read(token: string, offset: number, length: number): Promise<Uint8Array> {
    const handle = this.reading.get(token);
    if (!handle) throw new Error('That file is no longer open');
    const bytes = new Uint8Array(length);
    const { bytesRead } = await handle.read(bytes, 0, length, offset);
    return bytes.subarray(0, bytesRead);
  }

  /** Written beside the target and put in place durably on commit, so a failure never leaves half a file. */
  async create(path: string): Promise<FileForWriting> {
    await removeLeftovers(path);
    const temporary = temporaryPathFor(path);
    const token = newId();
    this.writing.set(token, { handle: await open(temporary, 'w'), path, temporary });
    return { token, name: basename(path), path };
  }

  async append(token: string, bytes: Uint8Array): Promise<void> {
    const file = this.writing.get(token);
    if (!file) throw new Error('That file is no longer being written');
    await file.handle.write(bytes);
  }

  async commit(token: string): Promise<SavedFile> {
    const file = this.writing.get(token);
    if (!file) throw new Error('That file is no longer being written');
    this.writing.delete(token);
    await file.handle.close();
    await placeFile(file.temporary, file.path, { replace: true });
    return { name: basename(file.path), path: file.path };
  }

  async close(token: string): Promise<void> {
    const reading = this.reading.get(token);
    if (reading) {
      this.reading.delete(token);
      await reading.close();
    }
    const writing = this.writing.get(token);
    if (writing) {
      this.writing.delete(token);
      await writing.handle.close();
      await unlink(writing.temporary).catch(() => undefined);
    }
  }
}
