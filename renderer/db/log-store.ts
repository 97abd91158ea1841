import { joinBytes } from '../../shared/bytes';
import { CancellationError, Refusal, errorFromData } from '../../shared/errors';
import type { LogImportSettings } from '../../shared/import/log-import';
import type { LogStreamResult } from '../../shared/import/log-stream';
import { MAX_APPENDED_ROWS, MAX_WINDOW_ROWS, type LogImportStatus } from '../../shared/ipc/contract';
import { untilEnded, type JobControl } from '../../shared/jobs';
import type { LogApi } from '../../shared/ipc/desktop-api';
import { engineAnalyses, type EngineAnalyses } from '../../shared/analysis/engine-analyses';
import type { LogFilter } from '../../shared/model/log-filter';
import type { LogEntry, SourceRef } from '../../shared/model/records';
import type { EvidenceDatabase } from './database';

/**
 * The renderer's way to the log rows, which live in the log engine of the
 * main process (node/log-engine.ts), reached through the desktop API: on the
 * page `window.api.logs`, in a job's worker the same calls relayed by the
 * page (see workers/serve-job.ts). Every read and write of log rows goes
 * through here. Which sources a case has is the case records' to say.
 */

export type { LogFilter } from '../../shared/model/log-filter';
export { isFiltered } from '../../shared/log-store/log-filter';

let connected: LogApi | undefined;

/** Where a job's worker reaches the engine (the page has window.api). */
export function connectLogEngine(api: LogApi): void {
  connected = api;
}

function engine(): LogApi {
  const api = connected ?? (globalThis as { window?: Window }).window?.api?.logs;
  if (!api) throw new Error('The log engine is not reachable from here');
  return api;
}

/** Rows read per call when every row of a source is read. */
const ROWS_PER_READ = 20_000;

/**
 * Writes one source's rows as they are read, under a source id no record
 * names yet; `finish` writes out the last of them and says how many there
 * are. Until the source is committed with the case's records, no view reads
 * them, and removing the pending write removes them (pending-writes.ts).
 */
export function logRowsWriter(caseId: string, sourceId: string) {
  return {
    add: async (entries: readonly LogEntry[]) => {
      for (let from = 0; from < entries.length; from += MAX_APPENDED_ROWS) await engine().append(caseId, sourceId, entries.slice(from, from + MAX_APPENDED_ROWS));
    },
    finish: () => engine().finish(caseId, sourceId),
  };
}

/** Bytes sent to the engine at a time: few calls, each small enough for one message. */
const SEND_BYTES = 4 * 1024 * 1024;
/** How often an import's progress is read from the engine. */
const STATUS_EVERY_MS = 100;

/**
 * Imports a log file into the engine under a source id no record names yet:
 * the file's bytes are read here, each piece handed to `original` (the page
 * keeps the original) and sent on; the main process parses them with the
 * CLI's streamLog and writes the rows itself, reporting its progress, which
 * is passed on. A cancel stops the engine's import, which removes its rows.
 * Gives what streamLog read; throws its refusal, or a CancellationError.
 */
export async function importLogIntoEngine(caseId: string, sourceId: string, file: { name: string; size: number; stream(): ReadableStream<Uint8Array> }, settings: LogImportSettings, control: Required<JobControl>, original: (bytes: Uint8Array) => Promise<void>): Promise<LogStreamResult> {
  const id = await engine().importStart(caseId, sourceId, { fileName: file.name, size: file.size }, settings);
  const ended = await sendToEngine(id, file.stream() as unknown as AsyncIterable<Uint8Array>, control, original);
  if (ended.state !== 'done') throw new Error('The engine took the log as rows of an archive');
  return ended.result;
}

/**
 * Stores a source's rows as a case archive holds them (a Parquet entry the
 * engine wrote), under a source id no record names yet: the bytes are sent
 * as they are read, and the engine checks every row and gives how many there
 * are and their digest, for the caller to check against the history.
 */
export async function restoreLogRows(caseId: string, sourceId: string, size: number, bytes: AsyncIterable<Uint8Array>, control: Required<JobControl>): Promise<{ rows: number; rowsSha256: string }> {
  const id = await engine().restoreStart(caseId, sourceId, { size });
  const ended = await sendToEngine(id, bytes, control);
  if (ended.state !== 'restored') throw new Error('The engine took the rows of an archive as a log file');
  return { rows: ended.rows, rowsSha256: ended.rowsSha256 };
}

/**
 * Sends bytes to an import the engine started, each piece handed to `seen`
 * first, and passes its progress on until it ends. A cancel stops the
 * engine's import, which removes its rows. Throws the engine's refusal, or
 * a CancellationError.
 */
async function sendToEngine(id: string, chunks: AsyncIterable<Uint8Array>, control: Required<JobControl>, seen?: (bytes: Uint8Array) => Promise<void>): Promise<Extract<LogImportStatus, { state: 'done' | 'restored' }>> {
  const logs = engine();
  let ended: Exclude<LogImportStatus, { state: 'running' }> | undefined;
  let unread: unknown;
  const stop = () => void logs.importCancel(id);
  control.signal.addEventListener('abort', stop, { once: true });
  const sending = (async () => {
    let pending: Uint8Array[] = [];
    let size = 0;
    const send = async () => {
      const bytes = joinBytes(pending, size);
      [pending, size] = [[], 0];
      await logs.importBytes(id, bytes);
    };
    for await (const chunk of chunks) {
      if (ended || control.signal.aborted) return;
      await seen?.(chunk);
      pending.push(chunk);
      size += chunk.length;
      if (size >= SEND_BYTES) await send();
    }
    if (size) await send();
    await logs.importEnd(id);
  })().catch((error: unknown) => {
    // The bytes could not be read to their end (or the import had already ended): the engine's import is stopped, and this is the reason.
    unread = error;
    stop();
  });
  try {
    ended = await untilEnded(() => logs.importStatus(id), control.progress, STATUS_EVERY_MS);
  } finally {
    control.signal.removeEventListener('abort', stop);
  }
  await sending;
  if (ended.state === 'failed') throw errorFromData(ended.error);
  if (ended.state === 'cancelled') throw control.signal.aborted ? new CancellationError('The import was cancelled') : unread;
  return ended;
}

/** A source's rows as the engine writes them for a case archive (Parquet), read from it in pieces; what was written goes once read or abandoned. */
export async function exportedLogRows(caseId: string, sourceId: string): Promise<{ rows: number; size: number; bytes: () => AsyncGenerator<Uint8Array> }> {
  const logs = engine();
  const written = await logs.exportRows(caseId, sourceId);
  return {
    rows: written.rows,
    size: written.size,
    bytes: async function* () {
      try {
        for (let offset = 0; offset < written.size; ) {
          const piece = await logs.exportBytes(written.export, offset);
          if (piece.length === 0) throw new Refusal(`The log rows of source ${sourceId} ended after ${offset} of ${written.size} bytes`, 'integrity');
          offset += piece.length;
          yield piece;
        }
      } finally {
        await logs.exportClose(written.export);
      }
    },
  };
}

/** Removes a source's rows. */
export async function deleteLogRows(caseId: string, sourceId: string): Promise<void> {
  await engine().remove(caseId, sourceId);
}

/** Removes every log row of a case. */
export async function deleteCaseLogs(caseId: string): Promise<void> {
  await engine().removeCase(caseId);
}

/** The ids of a case's logs, as its records name them. */
async function logSourceIds(db: EvidenceDatabase, caseId: string): Promise<string[]> {
  return (await db.sources.where('caseId').equals(caseId).toArray()).filter((s) => s.kind === 'log').map((s) => s.id);
}

/** Removes rows the engine holds for sources the case's records do not name (an import the app was closed during); gives how many. */
export async function keepOnlyCaseLogs(db: EvidenceDatabase, caseId: string): Promise<number> {
  const pending = (await db.pendingImports.where('caseId').equals(caseId).toArray()).map((p) => p.sourceId);
  return engine().keepOnly(caseId, [...(await logSourceIds(db, caseId)), ...pending]);
}

/**
 * A source's rows matching a filter: how many, and the rows at any
 * position, in file order. Throws, with the reason, for an IP filter that is
 * neither an address nor a network.
 */
export interface LogRowsQuery {
  count(): Promise<number>;
  window(start: number, count: number): Promise<LogEntry[]>;
}

export function logRows(caseId: string, sourceId: string, filter: LogFilter): LogRowsQuery {
  return {
    count: () => engine().count(caseId, sourceId, filter),
    window: async (start, count) => {
      const rows: LogEntry[] = [];
      for (let at = start; at < start + count; at += MAX_WINDOW_ROWS) {
        const read = await engine().window(caseId, sourceId, filter, at, Math.min(MAX_WINDOW_ROWS, start + count - at));
        rows.push(...read);
        if (read.length < MAX_WINDOW_ROWS) break;
      }
      return rows;
    },
  };
}

/** The rows on screen: `count` rows from position `start` of the rows matching the filter. */
export function logRowsWindow(caseId: string, sourceId: string, filter: LogFilter, start: number, count: number): Promise<LogEntry[]> {
  return logRows(caseId, sourceId, filter).window(start, count);
}

/** The position of a line among a source's rows (where the browser scrolls to show it). */
export function linePosition(caseId: string, sourceId: string, line: number): Promise<number> {
  return engine().linePosition(caseId, sourceId, line);
}

/** Rows named by reference (a bundle's exhibits, a link's target). */
export async function rowsByRef(caseId: string, refs: readonly SourceRef[]): Promise<LogEntry[]> {
  const found: LogEntry[] = [];
  for (let from = 0; from < refs.length; from += MAX_WINDOW_ROWS) found.push(...(await engine().byRef(caseId, refs.slice(from, from + MAX_WINDOW_ROWS))));
  return found;
}

/** A source's rows in file order, ROWS_PER_READ at a time. */
export async function* sourceRowBatches(caseId: string, sourceId: string): AsyncGenerator<LogEntry[]> {
  for (let start = 0; ; start += ROWS_PER_READ) {
    const rows = await engine().window(caseId, sourceId, {}, start, ROWS_PER_READ);
    if (rows.length) yield rows;
    if (rows.length < ROWS_PER_READ) return;
  }
}

/** The digest of a source's rows as stored, taken where they are (the history binds it; see logRowsHasher). */
export function storedRowsSha256(caseId: string, sourceId: string): Promise<string> {
  return engine().rowsSha256(caseId, sourceId);
}

/** Every row of a case, source by source in file order. */
export async function caseLogEntries(db: EvidenceDatabase, caseId: string): Promise<LogEntry[]> {
  const rows: LogEntry[] = [];
  for (const sourceId of await logSourceIds(db, caseId)) {
    for await (const batch of sourceRowBatches(caseId, sourceId)) for (const row of batch) rows.push(row);
  }
  return rows;
}

/** A case's logs as the analyses read them from the engine: column chunks (one in memory at a time) and the questions asked in SQL. */
export function caseLogAnalyses(db: EvidenceDatabase, caseId: string): EngineAnalyses {
  return engineAnalyses(engine(), caseId, () => logSourceIds(db, caseId));
}

/** The rows of one account across a case's sources. */
export async function accountRows(db: EvidenceDatabase, caseId: string, account: string): Promise<LogEntry[]> {
  const rows: LogEntry[] = [];
  for (const sourceId of await logSourceIds(db, caseId)) rows.push(...(await logRows(caseId, sourceId, { account }).window(0, Number.MAX_SAFE_INTEGER)));
  return rows;
}

/** How many rows of a case's sources were sent within [from, to]. */
export async function countInTime(db: EvidenceDatabase, caseId: string, from: number, to: number): Promise<number> {
  return engine().countInTime(caseId, await logSourceIds(db, caseId), from, to);
}
