import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, readFile, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { LogEngine } from '../node/log-engine';
import { contentsOf, writeCaseArchive } from '../shared/archive/archive-writer';
import { openCaseArchive, type CaseArchive } from '../shared/archive/archive-reader';
import { type ArchiveContents, type ArchiveFile, type TableRecords } from '../shared/archive/archive-format';
import { logRowsProblem } from '../shared/audit/record-binding';
import { engineAnalyses, type EngineAnalyses } from '../shared/analysis/engine-analyses';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { placeFile, removeLeftovers, temporaryPathFor } from '../node/durable-files';
import type { SealManifest } from '../shared/archive/archive-seal';
import { ArchiveError, FileExistsError, Refusal } from '../shared/errors';
import type { StreamedFile } from '../shared/import/run-import';
import type { CaseData } from '../shared/model/case-data';
import type { JobControl } from '../shared/jobs';
import type { LogEntry } from '../shared/model/records';

/** A wrong command line: the CLI prints usage and exits with code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

function cannotRead(path: string, error: unknown): Refusal {
  return new Refusal(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
}

/** A file's bytes, or a Refusal that names the file and why it cannot be read. */
export async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw cannotRead(path, error);
  }
}

/** A file read from disk in pieces as it is used, never whole; refused at once when it cannot be opened. */
export async function streamedDiskFile(path: string): Promise<StreamedFile & { close(): Promise<void> }> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw cannotRead(path, error);
  }
  const { size } = await handle.stat();
  return {
    name: basename(path),
    size,
    chunks: () => createReadStream(path, { highWaterMark: 1024 * 1024 }),
    slice: async (start, end) => {
      const bytes = new Uint8Array(Math.max(0, Math.min(end, size) - start));
      const { bytesRead } = await handle.read(bytes, 0, bytes.length, start);
      return bytes.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}

/**
 * A case archive opened by a command: every table but the log rows in
 * `data`, which a command changes; the log rows streamed from the archive
 * when an analysis asks for them. Saving copies the logs and originals it
 * did not change as they are, so a command on a case of millions of rows
 * neither reads nor rewrites them.
 */
export interface CaseFile {
  path: string;
  archive: CaseArchive;
  /** The case; `logEntries` is empty and `originals` holds only files added by this command. */
  data: CaseData;
  /** Log rows, as the manifest counts them. */
  logRows: number;
  /** Every log row, in batches, read from the archive once per call. */
  logBatches(): AsyncGenerator<LogEntry[]>;
  close(): Promise<void>;
}

export async function openCaseFile(path: string): Promise<CaseFile> {
  // What a killed write of this case left beside it goes as soon as the case is next used, not at its next write.
  await removeLeftovers(path);
  const file = await streamedDiskFile(path);
  let archive;
  try {
    archive = await openCaseArchive(file satisfies ArchiveFile);
  } catch (error) {
    await file.close();
    throw error;
  }
  let closed: Promise<void> | undefined;
  const logBatches = async function* () {
    for (const log of archive.logs) yield* archive.logBatches(log);
  };
  return {
    path,
    archive,
    // Copies of the lists: a command changes its data, never what the archive read.
    data: { case: archive.case, audit: [...archive.audit], ...(Object.fromEntries(Object.entries(archive.records).map(([name, rows]) => [name, [...rows]])) as TableRecords), logEntries: [], originals: new Map() },
    logRows: archive.logRows,
    logBatches,
    close: () => (closed ??= archive.close().then(() => file.close())),
  };
}

/** A command's case file, closed when the command is done with it, whatever happens. */
export async function withCaseFile<T>(path: string, use: (file: CaseFile) => Promise<T>): Promise<T> {
  const file = await openCaseFile(path);
  try {
    return await use(file);
  } finally {
    await file.close();
  }
}

/** Rows and an original a command adds while it writes: a log import's, streamed as they are read. */
export interface AddedLog {
  sourceId: string;
  batches: AsyncIterable<readonly LogEntry[]>;
  original: () => AsyncIterable<Uint8Array>;
  /** Called once the rows are written: adds the import to the case's data, or throws to leave the file as it was. */
  settle(): Promise<void>;
}

/** Nothing to save after all (a log already in the case): the file is left as it was. */
export class Unchanged extends Error {
  override name = 'Unchanged';
}

/**
 * Saves a case file's data, copying its logs and originals; with `added`, a
 * log written as it is read; with `seal`, sealed. A saved change leaves an
 * archive unsealed: the seal vouched for what was there before.
 */
export async function saveCaseFile(file: CaseFile, options: { added?: AddedLog; seal?: SealManifest } = {}): Promise<void> {
  const { archive, data } = file;
  const { added, seal } = options;
  const archived = new Set(archive.records.sources.map((s) => s.id));
  // A log whose source the command removed is left out.
  const kept = new Set(data.sources.map((s) => s.id));
  const logs = archive.logParts().filter((log) => kept.has(log.sourceId));
  await writeArchiveFile(file.path, { mustNotExist: false, beforeReplace: file.close, seal }, {
    logs: [...logs, ...(added ? [{ sourceId: added.sourceId, parquet: () => parquetOfRows(data.case.id, added.sourceId, added.batches) }] : [])],
    rest: async () => {
      await added?.settle();
      const { case: record, audit, originals, logEntries: _none, ...records } = data;
      return {
        case: record,
        audit,
        records,
        originals: data.sources.map((source) => {
          if (archived.has(source.id)) return archive.copyOfOriginal(source);
          if (source.id === added?.sourceId) return { source, chunks: added.original };
          const bytes = originals.get(source.id);
          if (!bytes) throw new Error(`The original bytes of ${source.fileName} are missing from the case`);
          return { source, chunks: async function* () { yield bytes; } };
        }),
      };
    },
  });
}

/** A command's own log engine is smaller than the app's: it holds one case for one command, and spills to disk beyond this. */
const COMMAND_ENGINE = { memoryLimit: '256MB' };

/**
 * A case file's logs as the analyses read them, from a log engine of the
 * command's own (the app's engine, node/log-engine.ts): each log's Parquet
 * entry is read into it and checked as the app checks an archive it opens
 * (every row's types and line order, the rows' count and digest against the
 * history); a log of an older archive is read row by row. The engine's
 * folder goes when `use` is done.
 */
export async function withCaseLogs<T>(file: CaseFile, use: (logs: EngineAnalyses) => Promise<T>): Promise<T> {
  const { archive } = file;
  const caseId = archive.case.id;
  const folder = await mkdtemp(join(tmpdir(), 'evidence-desk-analysis-'));
  const engine = new LogEngine(folder, COMMAND_ENGINE);
  try {
    const sources = file.data.sources.filter((s) => s.kind === 'log');
    for (const source of sources) {
      const log = archive.logs.find((l) => l.sourceId === source.id && l.format === 'parquet');
      if (log) {
        const path = join(folder, `${source.id}.parquet`);
        await pipeline(Readable.from(archive.logBytes(log)), createWriteStream(path));
        const loaded = await engine.loadRows(caseId, source.id, path).catch((error: unknown) => {
          throw error instanceof Refusal ? new ArchiveError(`${archive.fileName}: ${log.path}: ${error.message}`) : error;
        });
        await rm(path);
        if (loaded.rows !== source.recordCount) throw new ArchiveError(`${archive.fileName}: ${log.path} holds ${loaded.rows} rows of ${source.fileName}, but its source record counts ${source.recordCount}`);
        const problem = logRowsProblem(archive.audit, source, loaded.rowsSha256);
        if (problem) throw new ArchiveError(`${archive.fileName}: ${problem.message}`);
      } else {
        for await (const batch of archive.rowsOf(source.id)) await engine.append(caseId, source.id, batch);
        await engine.finish(caseId, source.id);
      }
    }
    return await use(engineAnalyses(engine, caseId, async () => sources.map((s) => s.id)));
  } finally {
    await engine.close();
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * A log's rows as the archive holds them: appended to a log engine of the
 * command's own, in a folder that goes once the rows have been written out
 * as Parquet and read.
 */
async function parquetOfRows(caseId: string, sourceId: string, batches: AsyncIterable<readonly LogEntry[]>): Promise<{ rows: number; bytes: AsyncIterable<Uint8Array> }> {
  const folder = await mkdtemp(join(tmpdir(), 'evidence-desk-log-'));
  const engine = new LogEngine(folder, COMMAND_ENGINE);
  const removed = async () => {
    await engine.close();
    await rm(folder, { recursive: true, force: true });
  };
  try {
    for await (const batch of batches) await engine.append(caseId, sourceId, batch);
    await engine.finish(caseId, sourceId);
    const path = join(folder, `${sourceId}.parquet`);
    const rows = await engine.exportRows(caseId, sourceId, path);
    await engine.close();
    return {
      rows,
      bytes: (async function* () {
        try {
          yield* createReadStream(path, { highWaterMark: 1024 * 1024 });
        } finally {
          await removed();
        }
      })(),
    };
  } catch (error) {
    await removed();
    throw error;
  }
}

/** Writes a new case file; refused if the name is taken. */
export function createCaseFile(path: string, data: CaseData): Promise<void> {
  return createArchiveFile(path, contentsOf(data));
}

/** Writes a new archive at `path`, refusing a name taken, with progress and Cancel. */
export function createArchiveFile(path: string, contents: ArchiveContents, job: JobControl = {}): Promise<void> {
  return writeArchiveFile(path, { mustNotExist: true, job }, contents);
}

/**
 * Writes the archive beside its target first and puts it in place durably
 * (node/durable-files.ts), so a failure or a crash never leaves half a
 * file; a new file refuses, atomically, a name taken meanwhile.
 */
async function writeArchiveFile(path: string, options: { mustNotExist: boolean; beforeReplace?: () => Promise<void>; seal?: SealManifest; job?: JobControl }, contents: ArchiveContents): Promise<void> {
  await removeLeftovers(path);
  const temporary = temporaryPathFor(path);
  try {
    await writeCaseArchive(Writable.toWeb(createWriteStream(temporary)) as WritableStream<Uint8Array>, contents, new Date(), { ...options.job, seal: options.seal });
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  if (!options.mustNotExist) await options.beforeReplace?.();
  try {
    await placeFile(temporary, path, { replace: !options.mustNotExist });
  } catch (error) {
    if (error instanceof FileExistsError) throw new Refusal(`${path} already exists; choose another name or remove it first`);
    throw error;
  }
}
