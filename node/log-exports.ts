import { randomBytes } from 'node:crypto';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_EXPORT_READ_BYTES } from '../shared/ipc/contract';
import type { LogEngine } from './log-engine';

interface Export {
  path: string;
  file: FileHandle;
  size: number;
}

/**
 * A source's rows written out by the engine as a Parquet file, for the page
 * to put in a case archive: the page reads it in pieces and closes it (or
 * reads to its end), and the file goes. Rows cross as file bytes, never as
 * objects.
 */
export class LogExports {
  private readonly exports = new Map<string, Export>();

  constructor(
    private readonly engine: LogEngine,
    private readonly folder: string,
  ) {}

  async start(caseId: string, sourceId: string): Promise<{ export: string; size: number; rows: number }> {
    const id = randomBytes(10).toString('hex');
    await mkdir(this.folder, { recursive: true });
    const path = join(this.folder, `${id}.parquet`);
    try {
      const rows = await this.engine.exportRows(caseId, sourceId, path);
      const file = await open(path, 'r');
      const { size } = await file.stat();
      this.exports.set(id, { path, file, size });
      return { export: id, size, rows };
    } catch (error) {
      await rm(path, { force: true });
      throw error;
    }
  }

  async bytes(id: string, offset: number): Promise<Uint8Array> {
    const found = this.exports.get(id);
    if (!found) throw new Error('No such log export');
    const bytes = new Uint8Array(Math.max(0, Math.min(MAX_EXPORT_READ_BYTES, found.size - offset)));
    const { bytesRead } = await found.file.read(bytes, 0, bytes.length, offset);
    if (offset + bytesRead >= found.size) await this.close(id);
    return bytes.subarray(0, bytesRead);
  }

  async close(id: string): Promise<void> {
    const found = this.exports.get(id);
    if (!found) return;
    this.exports.delete(id);
    await found.file.close();
    await rm(found.path, { force: true });
  }
}
