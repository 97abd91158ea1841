import { UnusableFileError } from '../errors';
import { count } from '../text/count';
import type { JobControl } from '../jobs';
import { createSha256 } from '../hash';
import { logRowsHasher } from '../model/log-row-text';
import { ROW_CHECKPOINT_EVERY, type LogEntry, type SourceRecord } from '../model/records';
import { createStreamDecoder, type TextEncoding } from '../text/decode-text';
import { LogParser, checkLogSettings, detectLogSettings, parquetSettings, type LogImportSettings, type ParsedRows } from './log-import';
import { isParquet, openParquet, type RandomAccessFile } from './parquet-rows';
import type { RowRejection } from './rejections';
import type { QueryProvenance } from './query-provenance';
import { KEPT_REJECTIONS, makeSource } from './source-record';

/** How much of the start of a log (as text) its settings are detected from, in the app's dialog and in the CLI alike. */
export const LOG_SAMPLE_CHARS = 256 * 1024;

/** Rows handed to the sink at a time: large enough for fast bulk writes, small enough for flat memory. */
const BATCH_ROWS = 20_000;

export type Compression = 'gzip';

/** A gzip file starts with these two bytes (RFC 1952). */
export function compressionOf(firstBytes: Uint8Array): Compression | undefined {
  return firstBytes[0] === 0x1f && firstBytes[1] === 0x8b ? 'gzip' : undefined;
}

/** The progress line of reading records: rows read, rejected, and the speed when it is known. */
export function readingPhase(rows: number, rejected: number, rowsPerSecond = 0): string {
  const count = (n: number) => n.toLocaleString('en-US');
  return `${count(rows)} rows · ${count(rejected)} rejected${rowsPerSecond > 0 ? ` · ${count(Math.round(rowsPerSecond))} rows/s` : ''}`;
}

export interface LogStreamInput {
  caseId: string;
  sourceId: string;
  fileName: string;
  /** The file's bytes as received, in pieces of any size. */
  chunks: AsyncIterable<Uint8Array>;
  totalBytes: number;
  /** The settings the user chose, or what to make of those detected (from the first LOG_SAMPLE_CHARS of text, or a Parquet schema). */
  settings: LogImportSettings | ((detected: LogImportSettings) => LogImportSettings);
  /** The file at any offset: needed for Parquet, whose rows are found from its footer. */
  random?: RandomAccessFile;
  /** Progress counts the bytes read; its phase says rows, rejections and speed. */
  job?: JobControl;
}

/** Where the rows and the original bytes go as they are read: IndexedDB in the app, the case in memory in the CLI. */
export interface LogStreamSink {
  original(bytes: Uint8Array): Promise<void> | void;
  entries(batch: LogEntry[]): Promise<void> | void;
}

export interface LogStreamResult {
  sha256: string;
  /** The rows read, hashed as they were read (logRowsHasher). */
  rowsSha256: string;
  /** Bytes as received: the evidence, hashed and kept as it came. */
  size: number;
  compression?: Compression;
  /** The size of the text after decompression, when the file was compressed. */
  decompressedSize?: number;
  encoding: TextEncoding;
  settings: LogImportSettings;
  rows: number;
  rejected: number;
  /** The first KEPT_REJECTIONS rejections. */
  rejections: RowRejection[];
  checkpoints: number[];
  zonelessTimes: number;
}

/** Bytes of a gzip stream, decompressed as they arrive; a cut or damaged stream is named as such. */
async function* gunzip(chunks: AsyncIterable<Uint8Array>, fileName: string): AsyncGenerator<Uint8Array> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let failure: unknown;
  const feeding = (async () => {
    try {
      // Files and streams hand over bytes in ordinary ArrayBuffers, never shared ones.
      for await (const chunk of chunks) await writer.write(chunk as Uint8Array<ArrayBuffer>);
      await writer.close();
    } catch (error) {
      failure ??= error;
      await reader.cancel().catch(() => undefined);
    }
  })();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield value;
    }
  } catch (error) {
    throw failure instanceof UnusableFileError || (failure as Error | undefined)?.name === 'AbortError' ? failure : new UnusableFileError(`${fileName} is not a whole gzip file: ${(error as Error).message || 'the compressed data is cut short or damaged'}`);
  } finally {
    // Cancelling the reading side also ends the writing side (aborting the writer first would wait for a reader).
    await reader.cancel().catch(() => undefined);
    await feeding;
  }
  if (failure) throw failure;
}

/** Passes the chunks through, hashing and counting them and handing each to `seen` first. */
async function* observed(chunks: AsyncIterable<Uint8Array>, seen: (chunk: Uint8Array) => Promise<void> | void, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    signal?.throwIfAborted();
    if (chunk.length === 0) continue;
    await seen(chunk);
    yield chunk;
  }
}

/** The start of a log's text, decompressed if need be: what its settings are detected from and the dialog previews. */
export async function logSample(chunks: AsyncIterable<Uint8Array>, fileName: string): Promise<string> {
  let text = '';
  let decoder: ReturnType<typeof createStreamDecoder> | undefined;
  for await (const bytes of textBytes(chunks, fileName)) {
    decoder ??= createStreamDecoder(bytes, fileName);
    text += decoder.decode(bytes, false);
    if (text.length >= LOG_SAMPLE_CHARS) break;
  }
  if (!decoder) throw new UnusableFileError(`${fileName} is empty`);
  return text.slice(0, LOG_SAMPLE_CHARS);
}

/** The first non-empty piece of a stream, and the whole stream (that piece included) to read on. */
async function peek(chunks: AsyncIterable<Uint8Array>): Promise<{ first?: Uint8Array; all: AsyncIterable<Uint8Array> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  let next = await iterator.next();
  while (!next.done && next.value.length === 0) next = await iterator.next();
  const first = next.done ? undefined : next.value;
  const all = {
    async *[Symbol.asyncIterator]() {
      if (first) yield first;
      for (let more = await iterator.next(); !more.done; more = await iterator.next()) yield more.value;
    },
  };
  return { ...(first && { first }), all };
}

/** The file's text bytes: the bytes themselves, or their decompression when the file is gzip. */
async function* textBytes(chunks: AsyncIterable<Uint8Array>, fileName: string, onCompression?: (c: Compression) => void): AsyncGenerator<Uint8Array> {
  const { first, all } = await peek(chunks);
  if (!first) return;
  const compression = compressionOf(first);
  if (compression) onCompression?.(compression);
  yield* compression ? gunzip(all, fileName) : all;
}

/**
 * Reads a log file as it arrives, for the app's import worker and the CLI
 * alike: the bytes as received are hashed and handed to the sink, a gzip
 * file is decompressed on the fly, the settings are detected from the start
 * of the text unless given, and rows go to the sink in batches, so memory
 * does not grow with the file. Rejections are counted, the first ones kept.
 */
export async function streamLog(input: LogStreamInput, sink: LogStreamSink): Promise<LogStreamResult> {
  const { fileName } = input;
  const signal = input.job?.signal;
  const hasher = createSha256();
  const rowsHasher = logRowsHasher();
  let size = 0;
  let textSize = 0;
  let compression: Compression | undefined;
  let decoder: ReturnType<typeof createStreamDecoder> | undefined;
  let settings: LogImportSettings | undefined;
  let sample = '';
  const rejections: RowRejection[] = [];
  const checkpoints: number[] = [];
  let rows = 0;
  let rejected = 0;
  let zonelessTimes = 0;
  let batch: LogEntry[] = [];

  const take = async (parsed: ParsedRows) => {
    for (const entry of parsed.entries) {
      if (rows % ROW_CHECKPOINT_EVERY === 0) checkpoints.push(entry.line);
      rows++;
      batch.push(entry);
    }
    rejected += parsed.rejections.length;
    for (const r of parsed.rejections) if (rejections.length < KEPT_REJECTIONS) rejections.push(r);
    zonelessTimes += parsed.zonelessTimes;
    if (batch.length >= BATCH_ROWS) await flush();
  };
  const flush = async () => {
    const ready = batch;
    batch = [];
    await rowsHasher.add(ready);
    if (ready.length) await sink.entries(ready);
  };
  const started = Date.now();
  const progress = () => input.job?.progress?.(readingPhase(rows, rejected, rows / Math.max((Date.now() - started) / 1000, 0.001)), size, input.totalBytes);
  const start = (chosen: LogImportSettings) => {
    checkLogSettings(chosen, fileName);
    settings = chosen;
    return new LogParser(chosen, { caseId: input.caseId, sourceId: input.sourceId });
  };
  // The parser starts once the settings are known: at once when given, else after the sample.
  const detect = typeof input.settings === 'function' ? input.settings : undefined;
  let parser = detect ? undefined : start(input.settings as LogImportSettings);
  const parse = async (text: string, last: boolean) => {
    if (!parser) {
      sample += text;
      if (sample.length < LOG_SAMPLE_CHARS && !last) return;
      parser = start(detect!(detectLogSettings(sample.slice(0, LOG_SAMPLE_CHARS))));
      [text, sample] = [sample, ''];
    }
    await take(parser.push(text));
    if (last) await take(parser.end());
  };

  const { first, all: received } = await peek(
    observed(input.chunks, async (chunk) => {
      hasher.update(chunk);
      size += chunk.length;
      await sink.original(chunk);
    }, signal),
  );
  // Parquet: the bytes are hashed and kept as they come, then its rows are read a row group at a time.
  if (first && isParquet(first)) {
    if (!input.random) throw new UnusableFileError(`${fileName} is a Parquet file, which can only be read from a file on disk`);
    for await (const _ of received) progress();
    const parquet = await openParquet(input.random, fileName);
    parser = start(detect ? detect(parquetSettings(parquet.columns)) : (input.settings as LogImportSettings));
    for await (const { firstRow, rows: objects } of parquet.groups()) {
      signal?.throwIfAborted();
      await take(parser.pushObjects(objects, firstRow));
      progress();
    }
    await flush();
    return { sha256: hasher.hex(), rowsSha256: await rowsHasher.hex(), size, encoding: 'utf-8', settings: settings!, rows, rejected, rejections, checkpoints, zonelessTimes };
  }
  for await (const bytes of textBytes(received, fileName, (c) => (compression = c))) {
    signal?.throwIfAborted();
    decoder ??= createStreamDecoder(bytes, fileName);
    textSize += bytes.length;
    await parse(decoder.decode(bytes, false), false);
    progress();
  }
  if (!decoder) throw new UnusableFileError(`${fileName} is empty`);
  await parse(decoder.decode(new Uint8Array(), true), true);
  await flush();
  progress();
  return {
    sha256: hasher.hex(),
    rowsSha256: await rowsHasher.hex(),
    size,
    ...(compression && { compression, decompressedSize: textSize }),
    encoding: decoder.encoding,
    settings: settings!,
    rows,
    rejected,
    rejections,
    checkpoints,
    zonelessTimes,
  };
}

/**
 * The source record a read log becomes, and the notes the user reads with
 * it; refuses a log none of whose rows could be read.
 */
export function logSource(result: LogStreamResult, input: { caseId: string; sourceId: string; fileName: string; actor: string; now: Date; fromQuery?: QueryProvenance }): { source: SourceRecord; notes: string[] } {
  if (result.rows === 0) {
    const first = result.rejections[0];
    throw new UnusableFileError(`${input.fileName}: none of its ${result.rejected} rows could be read (line ${first?.line ?? 1}: ${first?.reason ?? 'no rows'})`);
  }
  const notes: string[] = [];
  if (result.zonelessTimes) notes.push(`${input.fileName}: ${count(result.zonelessTimes, 'timestamp')} named no time zone and ${result.zonelessTimes === 1 ? 'was' : 'were'} read as UTC`);
  if (result.compression) notes.push(`${input.fileName}: a ${result.compression} file of ${result.size.toLocaleString('en-US')} bytes (${result.decompressedSize!.toLocaleString('en-US')} bytes of text); the compressed file is the original kept and hashed`);
  const source = makeSource({
    id: input.sourceId,
    caseId: input.caseId,
    kind: 'log',
    fileName: input.fileName,
    size: result.size,
    sha256: result.sha256,
    actor: input.actor,
    now: input.now,
    recordCount: result.rows,
    rejectedCount: result.rejected,
    rejectedRows: result.rejections,
    lineCheckpoints: result.checkpoints,
    settings: {
      ...result.settings,
      encoding: result.encoding,
      zonelessTimesReadAsUtc: result.zonelessTimes,
      ...(result.compression && { compression: result.compression, decompressedSize: result.decompressedSize }),
      ...(input.fromQuery && { fromQuery: input.fromQuery }),
    },
  });
  return { source: { ...source, rowsSha256: result.rowsSha256 }, notes };
}
