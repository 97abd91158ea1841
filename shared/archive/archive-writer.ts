// Writes a case as an .evcase archive (archive-format.ts), streamed entry by entry.
import { Refusal } from '../errors';
import { ZipWriter } from '@zip.js/zip.js';
import { safeFileName } from '../file-names';
import { logRowLine } from '../model/log-row-text';
import { joinBytes } from '../bytes';
import { RECORD_TABLE_NAMES, type CaseData } from '../model/case-data';
import type { LogEntry, SourceRecord } from '../model/records';
import { SEAL_ENTRY } from './archive-seal';
import type { Manifest} from './archive-format';
import { ARCHIVE_FORMAT, logPath, type EntryDigest, type CopiedEntry, type ArchiveContents, type WriteOptions, digested } from './archive-format';

// A fixed zip timestamp keeps archives of the same case byte-identical.
const ZIP_MTIME = new Date('2000-01-01T00:00:00Z');
const ZIP_OPTIONS = { level: 6, lastModDate: ZIP_MTIME, extendedTimestamp: false, keepOrder: true } as const;


const encoder = new TextEncoder();

function readableOf(chunks: AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel(reason) {
      await iterator.return?.(reason);
    },
  });
}

/** The compressed bytes of an entry, as they are, for a writer to copy. */
function rawReadable(copy: CopiedEntry): ReadableStream<Uint8Array> {
  const pipe = new TransformStream<Uint8Array, Uint8Array>();
  copy.entry.getData!(pipe.writable, { passThrough: true }).catch((error: unknown) => pipe.readable.cancel(error).catch(() => undefined));
  return pipe.readable;
}

const copyOptions = (copy: CopiedEntry) => ({ passThrough: true, compressionMethod: copy.entry.compressionMethod, uncompressedSize: copy.entry.uncompressedSize, crc32: copy.entry.signature });

async function* jsonLines<T>(batches: AsyncIterable<readonly T[]>, count: { rows: number }, line: (row: T) => string = JSON.stringify): AsyncGenerator<Uint8Array> {
  for await (const batch of batches) {
    if (batch.length === 0) continue;
    const text = batch.map(line).join('\n');
    yield encoder.encode(count.rows === 0 ? text : `\n${text}`);
    count.rows += batch.length;
  }
}

async function* once<T>(value: T): AsyncGenerator<T> {
  yield value;
}

async function* hashed(chunks: AsyncIterable<Uint8Array>, source: SourceRecord): AsyncGenerator<Uint8Array> {
  let actual: EntryDigest | undefined;
  yield* digested(chunks, (d) => (actual = d));
  if (actual!.sha256 !== source.sha256 || actual!.size !== source.size) {
    throw new Refusal(`The original bytes of ${source.fileName} no longer match what was imported (SHA-256 ${actual!.sha256}, ${actual!.size} bytes; recorded ${source.sha256}, ${source.size} bytes)`, 'integrity');
  }
}

/**
 * Writes an archive to `out` entry by entry. Log rows are serialised as
 * they come, originals hashed as they pass and refused if they differ from
 * their source record; copied entries are not decompressed. On any failure
 * `out` is aborted and the error thrown: the caller discards what was written.
 */
export async function writeCaseArchive(out: WritableStream<Uint8Array>, contents: ArchiveContents, now: Date = new Date(), options: WriteOptions = {}): Promise<void> {
  const zip = new ZipWriter(out, { ...ZIP_OPTIONS, signal: options.signal });
  try {
    const entries: Record<string, EntryDigest> = {};
    const logs: NonNullable<Manifest['logs']> = [];
    for (const [i, log] of contents.logs.entries()) {
      options.progress?.('Writing the log rows', i, contents.logs.length);
      if ('copy' in log) {
        const path = logPath(log.sourceId, log.format);
        await zip.add(path, rawReadable(log.copy), copyOptions(log.copy));
        entries[path] = log.copy.digest;
        logs.push({ sourceId: log.sourceId, path, rows: log.rows, ...(log.format === 'parquet' && { format: log.format }) });
      } else if ('parquet' in log) {
        const path = logPath(log.sourceId, 'parquet');
        const { rows, bytes } = await log.parquet();
        // Stored as it is: Parquet compresses its own columns, and a stored entry is read at any offset.
        await zip.add(path, readableOf(digested(bytes, (d) => (entries[path] = d))), { level: 0 });
        logs.push({ sourceId: log.sourceId, path, rows, format: 'parquet' });
      } else {
        const path = logPath(log.sourceId);
        const count = { rows: 0 };
        // Rows as logRowLine writes them: the entry's SHA-256 is then the rowsSha256 their source recorded at import.
        await zip.add(path, readableOf(digested(jsonLines(log.batches, count, logRowLine), (d) => (entries[path] = d))));
        logs.push({ sourceId: log.sourceId, path, rows: count.rows });
      }
    }
    const rest = await contents.rest();
    const originals: Manifest['originals'] = [];
    for (const [i, part] of rest.originals.entries()) {
      options.progress?.('Writing the original files', i, rest.originals.length);
      const { source } = part;
      const path = `originals/${source.id}/${safeFileName(source.fileName, 'original')}`;
      if ('copy' in part) await zip.add(path, rawReadable(part.copy), copyOptions(part.copy));
      else await zip.add(path, readableOf(hashed(part.chunks(), source)));
      originals.push({ sourceId: source.id, path, sha256: source.sha256, size: source.size });
    }
    const tables: Record<string, number> = { logEntries: logs.reduce((n, l) => n + l.rows, 0) };
    for (const name of RECORD_TABLE_NAMES) {
      if (name === 'logEntries') continue;
      tables[name] = rest.records[name].length;
      const path = `records/${name}.jsonl`;
      await zip.add(path, readableOf(digested(jsonLines(once<readonly unknown[]>(rest.records[name]), { rows: 0 }), (d) => (entries[path] = d))));
    }
    await zip.add('audit.jsonl', readableOf(digested(jsonLines(once(rest.audit), { rows: 0 }), (d) => (entries['audit.jsonl'] = d))));
    const last = rest.audit[rest.audit.length - 1];
    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: 3,
      writtenAt: now.toISOString(),
      case: rest.case,
      audit: { events: rest.audit.length, head: last ? last.hash : '' },
      tables,
      logs,
      originals,
      entries,
    };
    const manifestBytes = encoder.encode(JSON.stringify(manifest, null, 2));
    await zip.add('case.json', readableOf(once(manifestBytes)));
    if (options.seal) {
      options.progress?.('Sealing the archive', 0, 1);
      await zip.add(SEAL_ENTRY, readableOf(once(await options.seal(manifestBytes))));
    }
    await zip.close();
  } catch (error) {
    await out.abort(error).catch(() => undefined);
    throw error;
  }
}

/** The parts of a case in memory, for the writer. */
export function contentsOf(data: CaseData): ArchiveContents {
  const bySource = new Map<string, LogEntry[]>();
  for (const row of data.logEntries) {
    const rows = bySource.get(row.sourceId);
    if (rows) rows.push(row);
    else bySource.set(row.sourceId, [row]);
  }
  const { case: record, audit, originals, logEntries: _rows, ...records } = data;
  return {
    logs: [...bySource].map(([sourceId, rows]) => ({ sourceId, batches: once(rows.sort((a, b) => a.line - b.line)) })),
    rest: async () => ({
      case: record,
      audit,
      records,
      originals: data.sources.map((source) => {
        const bytes = originals.get(source.id);
        if (!bytes) throw new Refusal(`The original bytes of ${source.fileName} are missing from the case`, 'integrity');
        return { source, chunks: () => once(bytes) };
      }),
    }),
  };
}

/** A whole archive in memory: for small cases, tests and the demo case. */
export async function caseArchiveBytes(data: CaseData, now: Date = new Date()): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  await writeCaseArchive(new WritableStream({ write: (chunk) => void parts.push(chunk) }), contentsOf(data), now);
  return joinBytes(parts);
}

