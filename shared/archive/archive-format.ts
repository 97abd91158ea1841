import { createSha256 } from '../hash';
import { configure, type FileEntry } from '@zip.js/zip.js';
import { z } from 'zod';
import type { JobControl } from '../jobs';
import type { RandomAccessFile } from '../import/parquet-rows';
import type { CaseRecords } from '../model/case-data';
import { CaseRecord, type AuditEvent, type LogEntry, type SourceRecord } from '../model/records';
import type { SealManifest } from './archive-seal';

/**
 * The `.evcase` file: one zip holding a whole case, for backup and hand-over.
 *
 *   case.json                          manifest: format, the case, counts, audit head, logs, originals, entry digests
 *   seal.p7s                           optional: a CMS signature over case.json's bytes (archive-seal.ts)
 *   audit.jsonl                        the audit events in order
 *   records/<table>.jsonl              one JSON record per line, one file per table
 *   records/logEntries/<source>.parquet  the rows of one log, in line order, as the log engine
 *                                      wrote them (LOG_ENTRY_COLUMNS), stored uncompressed (version 3)
 *   records/logEntries/<source>.jsonl  the rows of one log, in line order (version 2; still
 *                                      written for a case held in memory)
 *   originals/<id>/<name>              each imported file, byte for byte
 *
 * Archives are written and read as streams, entry by entry, so a case of
 * millions of log rows never sits whole in memory; entries a writer does not
 * change are copied compressed, as they are. A Parquet entry is stored, not
 * compressed again, so its rows are read from the archive at any offset,
 * and any Parquet reader (DuckDB, pyarrow, Spark) reads them once the entry
 * is extracted. Version 1 archives kept every log row in
 * records/logEntries.jsonl; they are still read.
 */

export const ARCHIVE_FORMAT = 'evidence-desk/case-archive';
export const ARCHIVE_EXTENSION = 'evcase';

// Workers would need a script URL the app's content policy does not allow; compression runs on the native streams anyway.
configure({ useWebWorkers: false });

export const Manifest = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  writtenAt: z.iso.datetime({ offset: true }),
  case: CaseRecord,
  audit: z.object({ events: z.number().int().nonnegative(), head: z.string() }),
  tables: z.record(z.string(), z.number().int().nonnegative()),
  logs: z.array(z.object({ sourceId: z.string(), path: z.string(), rows: z.number().int().nonnegative(), format: z.enum(['jsonl', 'parquet']).optional() })).optional(),
  originals: z.array(z.object({ sourceId: z.string(), path: z.string(), sha256: z.string(), size: z.number().int().nonnegative() })),
  /** The SHA-256 and size of every records, audit and log entry as written (originals are in `originals`); absent in archives made before seals. */
  entries: z.record(z.string(), z.object({ sha256: z.string(), size: z.number().int().nonnegative() })).optional(),
});
export type Manifest = z.infer<typeof Manifest>;

/** The record tables but the log rows, which are streamed. */
export type TableRecords = Omit<CaseRecords, 'logEntries'>;

/** An archive file read at any offset: from disk in the CLI, through the desktop side in the app, or bytes in memory. */
export interface ArchiveFile extends RandomAccessFile {
  name: string;
}

export function archiveOfBytes(bytes: Uint8Array, name = 'The archive'): ArchiveFile {
  return { name, size: bytes.length, slice: async (start, end) => bytes.subarray(start, end) };
}

/** One log of a case as an archive holds it. Version 1 archives hold every source's rows in one file, with no sourceId. */
export interface ArchivedLog {
  sourceId?: string;
  path: string;
  rows: number;
  /** JSON Lines when not given. */
  format?: LogFormat;
}

export type LogFormat = 'jsonl' | 'parquet';

/** The SHA-256 and size of an entry's uncompressed bytes. */
export interface EntryDigest {
  sha256: string;
  size: number;
}

/** An entry of an opened archive, copied into a new one compressed as it is, with its digest from the manifest it was listed in. */
export interface CopiedEntry {
  entry: FileEntry;
  digest?: EntryDigest;
}

/** Log rows for a writer: given in batches, as the engine writes them (Parquet, asked for when written), or copied from the archive they were opened from. */
export type LogPart =
  | { sourceId: string; batches: AsyncIterable<readonly LogEntry[]> }
  | { sourceId: string; parquet: () => Promise<{ rows: number; bytes: AsyncIterable<Uint8Array> }> }
  | { sourceId: string; rows: number; format: LogFormat; copy: CopiedEntry & { digest: EntryDigest } };

/** An original file for a writer: its bytes in pieces (checked against the source's SHA-256 as written), or copied. */
export type OriginalPart = { source: SourceRecord; chunks: () => AsyncIterable<Uint8Array> } | { source: SourceRecord; copy: CopiedEntry };

export interface ArchiveContents {
  logs: LogPart[];
  /**
   * Everything else, asked for once the logs are written: a log import
   * knows its source, its audit event and whether it is accepted only when
   * its rows have been read. A throw here abandons the archive.
   */
  rest(): Promise<{ case: CaseRecord; audit: AuditEvent[]; records: TableRecords; originals: OriginalPart[] }>;
}

export interface WriteOptions extends JobControl {
  /** Seals the archive: called with the manifest's bytes once everything else is written. */
  seal?: SealManifest;
}

/** Where a log's rows are in the archive. */
export const logPath = (sourceId: string, format: LogFormat = 'jsonl') => `records/logEntries/${sourceId}.${format}`;

/**
 * Limits for archives from anyone: far above any real case, far below what
 * would exhaust a laptop. A line longer than this is no record we write.
 */
export const MAX_ENTRIES = 100_000;
export const MAX_MANIFEST_BYTES = 16 * 1024 * 1024;
export const MAX_LINE_CHARS = 64 * 1024 * 1024;
/** Deflate cannot do better than about 1,000 to 1; evidence does worse than 100 to 1. A large entry beyond this is a zip bomb. */
export const MAX_RATIO = 200;
export const RATIO_CHECKED_ABOVE = 64 * 1024 * 1024;

/** Passes bytes through, and hands over their SHA-256 and size once they have all passed. */
export async function* digested(chunks: AsyncIterable<Uint8Array>, done: (digest: EntryDigest) => void): AsyncGenerator<Uint8Array> {
  const hash = createSha256();
  let size = 0;
  for await (const chunk of chunks) {
    hash.update(chunk);
    size += chunk.length;
    yield chunk;
  }
  done({ sha256: hash.hex(), size });
}
