import { randomBytes } from 'node:crypto';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { errorData } from '../shared/errors';
import type { LogImportSettings } from '../shared/import/log-import';
import { streamLog } from '../shared/import/log-stream';
import type { LogImportStatus } from '../shared/ipc/contract';
import type { LogEngine } from './log-engine';

/** Bytes received and not yet parsed, past which a sender waits: the parser sets the pace, memory stays flat. */
const AHEAD_BYTES = 32 * 1024 * 1024;

interface Import {
  caseId: string;
  sourceId: string;
  queue: Uint8Array[];
  queued: number;
  ended: boolean;
  /** Wakes the parser when bytes arrive or the file ends. */
  wake?: () => void;
  /** Wakes a sender waiting for the parser to catch up. */
  drained?: () => void;
  /** The bytes as received, on disk: a Parquet file is read from its footer once all of it is here. */
  spool: FileHandle;
  spoolPath: string;
  cancel: AbortController;
  status: LogImportStatus;
}

/**
 * Log imports run where the log engine is: the page sends the file's bytes
 * as it reads them (storing the original itself), and the main process
 * parses them with the same streamLog as the CLI, its rows going straight
 * into the engine; none crosses back. The page reads the status until the
 * import ends. A cancel or a failure removes the rows written.
 */
export class LogImports {
  private readonly imports = new Map<string, Import>();

  constructor(
    private readonly engine: LogEngine,
    private readonly spoolFolder: string,
  ) {}

  async start(caseId: string, sourceId: string, file: { fileName: string; size: number }, settings: LogImportSettings): Promise<string> {
    const { id, job } = await this.newImport(caseId, sourceId, file.size);
    void this.run(job, file, settings);
    return id;
  }

  /** Takes a source's rows as a case archive holds them (a Parquet entry the engine wrote), to store them again: a case being opened. */
  async restore(caseId: string, sourceId: string, size: number): Promise<string> {
    const { id, job } = await this.newImport(caseId, sourceId, size);
    void this.runRestore(job, size);
    return id;
  }

  private async newImport(caseId: string, sourceId: string, size: number): Promise<{ id: string; job: Import }> {
    const id = randomBytes(10).toString('hex');
    await mkdir(this.spoolFolder, { recursive: true });
    const spoolPath = join(this.spoolFolder, `${id}.part`);
    const job: Import = { caseId, sourceId, queue: [], queued: 0, ended: false, spool: await open(spoolPath, 'w+'), spoolPath, cancel: new AbortController(), status: { state: 'running', phase: 'Starting', done: 0, total: size } };
    this.imports.set(id, job);
    return { id, job };
  }

  private runRestore(job: Import, size: number): Promise<void> {
    const { caseId, sourceId } = job;
    const running = (phase: string, done: number, total: number) => job.status.state === 'running' && (job.status = { state: 'running', phase, done, total });
    return this.settle(job, async () => {
      let received = 0;
      // The bytes are on disk as they arrive (bytes()); the engine reads the whole file once it is there.
      for await (const chunk of this.received(job)) running('Receiving the bytes of the log rows', (received += chunk.length), size);
      job.cancel.signal.throwIfAborted();
      await job.spool.sync();
      const result = await this.engine.loadRows(caseId, sourceId, job.spoolPath, (rows, total) => {
        job.cancel.signal.throwIfAborted();
        running('Checking the log rows', rows, total);
      });
      job.status = { state: 'restored', ...result };
    });
  }

  private run(job: Import, file: { fileName: string; size: number }, settings: LogImportSettings): Promise<void> {
    const { caseId, sourceId } = job;
    return this.settle(job, async () => {
      const result = await streamLog(
        {
          caseId,
          sourceId,
          fileName: file.fileName,
          chunks: this.received(job),
          totalBytes: file.size,
          settings,
          random: { size: file.size, slice: async (start, end) => {
            const bytes = new Uint8Array(Math.max(0, Math.min(end, file.size) - start));
            const { bytesRead } = await job.spool.read(bytes, 0, bytes.length, start);
            return bytes.subarray(0, bytesRead);
          } },
          job: { signal: job.cancel.signal, progress: (phase, done, total) => job.status.state === 'running' && (job.status = { state: 'running', phase, done, total }) },
        },
        { original: () => undefined, entries: (batch) => this.engine.append(caseId, sourceId, batch) },
      );
      // A cancel while the parser waited for bytes ends the file early: what was read is not the file.
      job.cancel.signal.throwIfAborted();
      await this.engine.finish(caseId, sourceId);
      job.status = { state: 'done', result };
    });
  }

  /** Runs an import's work; on a failure or a cancel its rows are removed and the status says which. Its bytes on disk go either way. */
  private async settle(job: Import, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      await this.engine.remove(job.caseId, job.sourceId);
      job.status = job.cancel.signal.aborted ? { state: 'cancelled' } : { state: 'failed', error: errorData(error) };
    } finally {
      job.drained?.();
      await job.spool.close();
      await rm(job.spoolPath, { force: true });
    }
  }

  private async *received(job: Import): AsyncGenerator<Uint8Array> {
    for (;;) {
      const chunk = job.queue.shift();
      if (chunk) {
        job.queued -= chunk.length;
        if (job.queued < AHEAD_BYTES) job.drained?.();
        yield chunk;
      } else if (job.ended) return;
      else await new Promise<void>((resolve) => (job.wake = resolve));
    }
  }

  private job(id: string): Import {
    const job = this.imports.get(id);
    if (!job) throw new Error('No such log import');
    return job;
  }

  /** Takes the next bytes of the file; resolves once the parser is near enough to take more. */
  async bytes(id: string, chunk: Uint8Array): Promise<void> {
    const job = this.job(id);
    if (job.status.state !== 'running') return;
    await job.spool.write(chunk);
    job.queue.push(chunk);
    job.queued += chunk.length;
    job.wake?.();
    while (job.queued >= AHEAD_BYTES && job.status.state === 'running') await new Promise<void>((resolve) => (job.drained = resolve));
  }

  end(id: string): void {
    const job = this.job(id);
    job.ended = true;
    job.wake?.();
  }

  /** Where an import is; once it has ended, it is forgotten after its status is read. */
  status(id: string): LogImportStatus {
    const { status } = this.job(id);
    if (status.state !== 'running') this.imports.delete(id);
    return status;
  }

  cancel(id: string): void {
    const job = this.imports.get(id);
    if (!job) return;
    job.cancel.abort();
    job.ended = true;
    job.wake?.();
  }
}
