// Opens an .evcase archive (archive-format.ts) from anyone: checked as it is read, within the format's limits.
import { ArchiveError, UnusableFileError } from '../errors';
import { Reader, ZipReader, type Entry, type FileEntry } from '@zip.js/zip.js';
import type { z } from 'zod';
import { verifyAuditChain } from '../audit/audit-chain';
import { checkRecordBinding, describeBinding, logRowsProblem, type BindingCheck } from '../audit/record-binding';
import { logRowsHasher, type LogRowsHasher } from '../model/log-row-text';
import { joinBytes } from '../bytes';
import { openParquet } from '../import/parquet-rows';
import { entryOfColumns } from '../model/log-row-columns';
import { RECORD_TABLE_NAMES, RECORD_TABLES, emptyRecords, type CaseData, type CaseRecords, type RecordTable } from '../model/case-data';
import { AuditEvent, LogEntry, type CaseRecord, type SourceRecord } from '../model/records';
import { describeIssues } from '../validation';
import { SEAL_ENTRY, checkSeal, type ArchiveSeal } from './archive-seal';
import { defaultLists } from '../new-case';
import { Manifest, archiveOfBytes, MAX_ENTRIES, MAX_MANIFEST_BYTES, MAX_LINE_CHARS, MAX_RATIO, RATIO_CHECKED_ABOVE, type TableRecords, type ArchiveFile, type ArchivedLog, type EntryDigest, type LogPart, type OriginalPart, digested } from './archive-format';

class ArchiveFileReader extends Reader<ArchiveFile> {
  constructor(private readonly file: ArchiveFile) {
    super(file);
  }
  override async init() {
    this.size = this.file.size;
  }
  override readUint8Array(index: number, length: number): Promise<Uint8Array> {
    return this.file.slice(index, Math.min(index + length, this.file.size));
  }
}

/** An opened archive: its manifest and records read and checked; log rows and originals streamed, and checked, when asked for. */
export interface CaseArchive {
  fileName: string;
  case: CaseRecord;
  audit: AuditEvent[];
  records: TableRecords;
  logs: ArchivedLog[];
  /** Who sealed the archive, checked over its manifest; null when it is not sealed. */
  seal: ArchiveSeal | null;
  /** The records checked against the history; log rows are checked as they are read, against the digest their source recorded. */
  binding: BindingCheck;
  /** Rows of all logs, as the manifest counts them. */
  logRows: number;
  /** A log's rows in batches, each row checked against its schema, its case and its source's line order. */
  logBatches(log: ArchivedLog, signal?: AbortSignal): AsyncGenerator<LogEntry[]>;
  /** The rows of one log source, checked as logBatches checks them. */
  rowsOf(sourceId: string, signal?: AbortSignal): AsyncGenerator<LogEntry[]>;
  /** The size of a log's entry, uncompressed. */
  entrySize(log: ArchivedLog): number;
  /** A log's entry as it is (a Parquet log's, for the engine to read), checked against its digest at the end. */
  logBytes(log: ArchivedLog, signal?: AbortSignal): AsyncGenerator<Uint8Array>;
  /** An original's bytes in pieces; the SHA-256 is checked at the end and a mismatch throws ArchiveError. */
  original(sourceId: string, signal?: AbortSignal): AsyncGenerator<Uint8Array>;
  /** The logs for a new archive: copied as they are with their digests, or, from an archive that records none, each source's rows written anew. */
  logParts(): LogPart[];
  /** An original to copy as it is into a new archive. */
  copyOfOriginal(source: SourceRecord): OriginalPart;
  close(): Promise<void>;
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ArchiveError(`${where} is not valid JSON`);
  }
}

/** An entry's bytes; when the manifest gives its digest, a difference at the end throws, naming the entry. */
async function* entryBytes(entry: FileEntry, fileName: string, signal?: AbortSignal, expected?: DigestCheck): AsyncGenerator<Uint8Array> {
  if (!expected) {
    yield* expandedBytes(entry, fileName, signal);
    return;
  }
  let actual: EntryDigest | undefined;
  yield* digested(expandedBytes(entry, fileName, signal), (d) => (actual = d));
  if (actual!.sha256 !== expected.digest.sha256 || actual!.size !== expected.digest.size) {
    const error = new ArchiveError(`${fileName}: ${entry.filename} was changed after the archive was written: its SHA-256 no longer matches the one its manifest records`);
    if (expected.later) expected.later(error);
    else throw error;
  }
}

/** A digest to check an entry against; `later` takes the refusal instead of throwing it, so a more precise one (the line, the event) can come first. */
interface DigestCheck {
  digest: EntryDigest;
  later?: (error: ArchiveError) => void;
}

async function* expandedBytes(entry: FileEntry, fileName: string, signal?: AbortSignal): AsyncGenerator<Uint8Array> {
  const pipe = new TransformStream<Uint8Array, Uint8Array>();
  const reader = pipe.readable.getReader();
  let failure: unknown;
  // zip.js checks each entry as it expands it: its CRC-32, and that it holds no more bytes than its header declares.
  const damaged = (error: unknown) => (signal?.aborted ? signal.reason : new ArchiveError(`${fileName} is truncated or damaged: ${entry.filename} cannot be read (${(error as Error).message})`));
  const done = entry.getData!(pipe.writable, { signal, checkSignature: true }).catch((error: unknown) => {
    failure = damaged(error);
    void reader.cancel().catch(() => undefined);
  });
  try {
    for (;;) {
      const next = await reader.read().catch((error: unknown) => {
        throw failure ?? damaged(error);
      });
      if (next.done) break;
      yield next.value;
    }
    await done;
    if (failure) throw failure;
  } finally {
    reader.releaseLock();
  }
}

/** The lines of a JSON Lines entry, decoded as UTF-8, in batches. */
async function* entryLines(entry: FileEntry, fileName: string, signal?: AbortSignal, expected?: DigestCheck): AsyncGenerator<string[]> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw new ArchiveError(`${fileName}: ${entry.filename} is not UTF-8 text`);
    }
  };
  // The start of a line not yet ended, in pieces: joined once, when its end arrives, so a long line costs its length, not its length squared.
  let open: string[] = [];
  let openLength = 0;
  let numbered = 0;
  const tooLong = () => new ArchiveError(`${fileName}: ${entry.filename} line ${numbered + 1} is longer than ${MAX_LINE_CHARS / 1024 / 1024} MB, which no record is`);
  for await (const chunk of entryBytes(entry, fileName, signal, expected)) {
    const text = decode(chunk);
    const end = text.indexOf('\n');
    if (end < 0) {
      open.push(text);
      openLength += text.length;
      if (openLength > MAX_LINE_CHARS) throw tooLong();
      continue;
    }
    const lines = text.split('\n');
    lines[0] = open.join('') + lines[0];
    const rest = lines.pop()!;
    [open, openLength] = [[rest], rest.length];
    for (const line of lines) {
      if (line.length > MAX_LINE_CHARS) throw tooLong();
      numbered++;
    }
    yield lines;
  }
  const last = open.join('') + decode();
  if (last !== '' || entry.uncompressedSize === 0) yield last === '' ? [] : [last];
}

const LOG_BATCH_ROWS = 10_000;
/** A zip local file header before its name and extra field (APPNOTE 4.3.7). */
const LOCAL_HEADER_BYTES = 30;


/** A path inside the archive that is plain and relative: no `..`, no absolute or drive paths, no backslashes. */
function isSafeName(name: string): boolean {
  return name !== '' && !name.startsWith('/') && !name.includes('\\') && !/^[A-Za-z]:/.test(name) && name.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** Refuses, before anything is decompressed, an archive whose directory no case archive has. */
function checkDirectory(entries: readonly Entry[], fileName: string): Map<string, FileEntry> {
  if (entries.length > MAX_ENTRIES) throw new ArchiveError(`${fileName} holds ${entries.length.toLocaleString('en-US')} entries, more than any case archive (${MAX_ENTRIES.toLocaleString('en-US')})`);
  const byPath = new Map<string, FileEntry>();
  for (const entry of entries) {
    const name = entry.filename;
    if (!isSafeName(name)) throw new ArchiveError(`${fileName} holds an entry with an unsafe name: “${name}”`);
    if (entry.directory) throw new ArchiveError(`${fileName} holds a folder entry, which no case archive has: “${name}”`);
    if (byPath.has(name)) throw new ArchiveError(`${fileName} holds two entries named “${name}”`);
    if (entry.uncompressedSize > RATIO_CHECKED_ABOVE && entry.uncompressedSize / Math.max(1, entry.compressedSize) > MAX_RATIO) {
      throw new ArchiveError(`${fileName}: “${name}” would expand ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))} times, to ${entry.uncompressedSize.toLocaleString('en-US')} bytes; no evidence compresses so well, and the archive is refused as a zip bomb`);
    }
    byPath.set(name, entry);
  }
  const manifest = byPath.get('case.json');
  if (manifest && manifest.uncompressedSize > MAX_MANIFEST_BYTES) throw new ArchiveError(`${fileName}: case.json declares ${manifest.uncompressedSize.toLocaleString('en-US')} bytes, more than any manifest`);
  return byPath;
}

/**
 * Opens an archive: reads its manifest, checks every record table against
 * its schema and the audit history against its hash chain, and that every
 * source has its original. Throws ArchiveError naming the file and the fault.
 */
export async function openCaseArchive(file: ArchiveFile): Promise<CaseArchive> {
  const fileName = file.name;
  const first = await file.slice(0, 4);
  if (!(first[0] === 0x50 && first[1] === 0x4b && first[2] === 0x03 && first[3] === 0x04)) throw new ArchiveError(`${fileName} is not a case archive: it is not a zip file`);
  const zip = new ZipReader(new ArchiveFileReader(file));
  let entries: Entry[];
  try {
    entries = await zip.getEntries();
  } catch (error) {
    // zip.js itself refuses some unsafe names (`../`, absolute paths), naming the entry.
    const unsafe = (error as { filename?: unknown }).filename;
    if (typeof unsafe === 'string') throw new ArchiveError(`${fileName} holds an entry with an unsafe name: “${unsafe}”`);
    throw new ArchiveError(`${fileName} is truncated or damaged: its zip data cannot be read (${(error as Error).message})`);
  }
  const byPath = checkDirectory(entries, fileName);
  const entryAt = (path: string, what: string) => {
    const entry = byPath.get(path);
    if (!entry) throw new ArchiveError(`${fileName} is incomplete: ${what} (${path}) is missing`);
    return entry;
  };
  // Filled from the manifest once it is read; until then (the manifest itself) nothing is checked.
  let digests: Record<string, EntryDigest> = {};
  const changed: ArchiveError[] = [];
  // An entry whose size is not the manifest's was not written with it. `later` defers the refusal (as a digest's
  // is) so that an edited history is named as such; the line count below still stops a huge entry early.
  const sizedEntry = (path: string, what: string, later?: (error: ArchiveError) => void) => {
    const entry = entryAt(path, what);
    const digest = digests[path];
    if (digest && entry.uncompressedSize !== digest.size) {
      const error = new ArchiveError(`${fileName}: ${path} was changed after the archive was written: it holds ${entry.uncompressedSize} bytes, the manifest records ${digest.size}`);
      if (later) later(error);
      else throw error;
    }
    return entry;
  };
  // Lines are counted as they arrive, so a table of millions of empty lines is refused at the first line too many, not after all are held.
  const readAll = async (path: string, what: string, expected: number) => {
    const lines: string[] = [];
    const digest = digests[path];
    for await (const batch of entryLines(sizedEntry(path, what, (e) => changed.push(e)), fileName, undefined, digest && { digest, later: (e) => changed.push(e) })) {
      for (const line of batch) lines.push(line);
      if (lines.length > expected) throw new ArchiveError(`${fileName}: ${path} holds more than the ${expected} records the manifest records`);
    }
    return lines;
  };
  const readRows = async <S extends z.ZodType>(path: string, schema: S, expected: number): Promise<z.infer<S>[]> => {
    const lines = await readAll(path, `the records of ${path}`, expected);
    if (lines.length !== expected) throw new ArchiveError(`${fileName}: ${path} holds ${lines.length} records but the manifest records ${expected}`);
    return lines.map((line, i) => {
      const result = schema.safeParse(parseJson(line, `${fileName}: ${path} line ${i + 1}`));
      if (!result.success) throw new ArchiveError(`${fileName}: ${path} line ${i + 1}: ${describeIssues(result.error)}`);
      return result.data;
    });
  };
  const readBytes = async (path: string, what: string) => {
    const parts: Uint8Array[] = [];
    for await (const chunk of entryBytes(entryAt(path, what), fileName)) parts.push(chunk);
    return joinBytes(parts);
  };

  if (!byPath.has('case.json')) throw new ArchiveError(`${fileName} is not a case archive: it has no case.json`);
  const manifestBytes = await readBytes('case.json', 'the manifest');
  let manifestText: string;
  try {
    manifestText = new TextDecoder('utf-8', { fatal: true }).decode(manifestBytes);
  } catch {
    throw new ArchiveError(`${fileName}: case.json is not UTF-8 text`);
  }
  const parsed = Manifest.safeParse(parseJson(manifestText, `${fileName}: case.json`));
  if (!parsed.success) throw new ArchiveError(`${fileName}: case.json: ${describeIssues(parsed.error)}`);
  const manifest = parsed.data;
  digests = manifest.entries ?? {};
  let seal: ArchiveSeal | null = null;
  if (byPath.has(SEAL_ENTRY)) {
    const checked = await checkSeal(await readBytes(SEAL_ENTRY, 'the seal'), manifestBytes);
    if (!checked.ok) throw new ArchiveError(`${fileName} is sealed, but its seal does not hold: ${checked.reason}`);
    if (!manifest.entries) throw new ArchiveError(`${fileName} is sealed, but its manifest records no digests of its entries, so the seal covers nothing`);
    seal = checked.seal;
  }
  const caseId = manifest.case.id;
  const unknownTable = Object.keys(manifest.tables).find((name) => !RECORD_TABLE_NAMES.includes(name as RecordTable));
  if (unknownTable) throw new ArchiveError(`${fileName}: case.json lists a table this version of the app does not know, “${unknownTable}”; open it with a newer version`);

  // A table newer than the archive is not in it: it starts as a new case's would.
  const { logEntries: _none, ...records }: CaseRecords = { ...emptyRecords(), ...defaultLists(caseId) };
  for (const name of RECORD_TABLE_NAMES) {
    if (name === 'logEntries' || manifest.tables[name] === undefined) continue;
    const rows = await readRows(`records/${name}.jsonl`, RECORD_TABLES[name], manifest.tables[name]);
    const foreign = rows.findIndex((row) => row.caseId !== caseId);
    if (foreign >= 0) throw new ArchiveError(`${fileName}: records/${name}.jsonl line ${foreign + 1} belongs to another case`);
    (records as Record<string, unknown[]>)[name] = rows;
  }

  const audit = await readRows('audit.jsonl', AuditEvent, manifest.audit.events);
  const verification = verifyAuditChain(audit, manifest.audit);
  if (!verification.verified) {
    throw new ArchiveError(`${fileName}: the audit history does not verify: ${verification.problems.map((p) => p.message).join('; ')}`);
  }
  if (audit.some((event) => event.caseId !== caseId)) throw new ArchiveError(`${fileName}: audit.jsonl holds events of another case`);
  if (changed.length) throw changed[0]!;
  // Log rows are checked as they are read (logBatches), against the digest their source recorded.
  const binding = checkRecordBinding(audit, { case: manifest.case, ...records });
  if (binding.problems.length) throw new ArchiveError(`${fileName}: ${describeBinding(binding)}`);

  const logSources = records.sources.filter((s) => s.kind === 'log');
  const logs: ArchivedLog[] = manifest.logs ?? (manifest.tables.logEntries ? [{ path: 'records/logEntries.jsonl', rows: manifest.tables.logEntries }] : []);
  for (const log of logs) {
    entryAt(log.path, `the log rows${log.sourceId ? ` of source ${log.sourceId}` : ''}`);
    if (log.sourceId && !logSources.some((s) => s.id === log.sourceId)) throw new ArchiveError(`${fileName}: case.json lists log rows of ${log.sourceId}, which is not a log source of the case`);
  }
  const originalEntry = (source: SourceRecord) => {
    const listed = manifest.originals.find((o) => o.sourceId === source.id);
    const entry = listed && byPath.get(listed.path);
    if (!listed || !entry) throw new ArchiveError(`${fileName}: the original file ${source.fileName} is missing`);
    if (listed.sha256 !== source.sha256) throw new ArchiveError(`${fileName}: case.json records another SHA-256 for ${source.fileName} than its source record`);
    return entry;
  };
  for (const source of records.sources) originalEntry(source);
  const listed = new Set(['case.json', 'audit.jsonl', ...manifest.originals.map((o) => o.path), ...logs.map((l) => l.path)]);
  for (const name of Object.keys(manifest.tables)) if (name !== 'logEntries' || manifest.formatVersion === 1) listed.add(`records/${name}.jsonl`);
  if (seal) listed.add(SEAL_ENTRY);
  const unlisted = [...byPath.keys()].find((name) => !listed.has(name));
  if (unlisted) throw new ArchiveError(`${fileName} holds an entry its manifest does not list: “${unlisted}”`);
  const undigested = seal && [...listed].find((name) => name !== 'case.json' && name !== SEAL_ENTRY && !name.startsWith('originals/') && !digests[name]);
  if (undigested) throw new ArchiveError(`${fileName} is sealed, but its manifest records no digest for ${undigested}, which the seal therefore does not cover`);

  // A JSON Lines log's rows as parsed JSON, a batch of lines at a time; a changed entry is reported through `changed` once its rows have been read.
  const jsonValues = async function* (log: ArchivedLog, signal: AbortSignal | undefined, changed: (error: ArchiveError) => void): AsyncGenerator<unknown[]> {
    const digest = digests[log.path];
    let line = 0;
    for await (const lines of entryLines(sizedEntry(log.path, 'log rows', changed), fileName, signal, digest && { digest, later: changed })) {
      yield lines.map((text) => parseJson(text, `${fileName}: ${log.path} line ${++line}`));
    }
  };
  // A Parquet log's rows, a row group at a time, read from the stored entry where it lies in the archive, once the whole entry has matched its digest.
  const parquetValues = async function* (log: ArchivedLog, signal?: AbortSignal): AsyncGenerator<unknown[]> {
    const where = `${fileName}: ${log.path}`;
    const entry = sizedEntry(log.path, 'log rows');
    const digest = digests[log.path];
    for await (const _ of entryBytes(entry, fileName, signal, digest && { digest }));
    if (entry.compressionMethod !== 0 || entry.encrypted) throw new ArchiveError(`${where} is compressed or encrypted; the rows of a log are stored as they are`);
    const header = await file.slice(entry.offset, entry.offset + LOCAL_HEADER_BYTES);
    const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
    if (header.length < LOCAL_HEADER_BYTES || view.getUint32(0, true) !== 0x04034b50) throw new ArchiveError(`${fileName} is truncated or damaged: the entry ${log.path} cannot be found`);
    const start = entry.offset + LOCAL_HEADER_BYTES + view.getUint16(26, true) + view.getUint16(28, true);
    const size = entry.compressedSize;
    let row = 0;
    try {
      const parquet = await openParquet({ size, slice: (from, to) => file.slice(start + from, start + Math.min(to, size)) }, where);
      for await (const group of parquet.groups()) {
        signal?.throwIfAborted();
        yield group.rows.map((columns) => {
          row++;
          try {
            return entryOfColumns(caseId, log.sourceId ?? '', columns);
          } catch {
            throw new ArchiveError(`${where} row ${row}: its extra columns are not a JSON object`);
          }
        });
      }
    } catch (error) {
      throw error instanceof UnusableFileError ? new ArchiveError(error.message) : error;
    }
  };

  const archive: CaseArchive = {
    fileName,
    case: manifest.case,
    audit,
    records,
    logs,
    seal,
    binding,
    logRows: logs.reduce((n, l) => n + l.rows, 0),
    async *logBatches(log, signal) {
      const lastLine = new Map<string, number>();
      const perSource = new Map<string, number>();
      const hashers = new Map<string, LogRowsHasher>();
      const hashBatch = async (rows: readonly LogEntry[]) => {
        // A version 1 archive holds every log in one file; each source's rows are hashed apart.
        for (const sourceId of new Set(rows.map((row) => row.sourceId))) {
          const hasher = hashers.get(sourceId) ?? hashers.set(sourceId, logRowsHasher()).get(sourceId)!;
          await hasher.add(log.sourceId ? rows : rows.filter((row) => row.sourceId === sourceId));
        }
      };
      let batch: LogEntry[] = [];
      let count = 0;
      let changedRows: ArchiveError | null = null;
      const values = log.format === 'parquet' ? parquetValues(log, signal) : jsonValues(log, signal, (e) => (changedRows = e));
      for await (const rows of values) {
        for (const value of rows) {
          count++;
          if (count > log.rows) throw new ArchiveError(`${fileName}: ${log.path} holds more than the ${log.rows} rows the manifest records`);
          const where = `${fileName}: ${log.path} ${log.format === 'parquet' ? 'row' : 'line'} ${count}`;
          const result = LogEntry.safeParse(value);
          if (!result.success) throw new ArchiveError(`${where}: ${describeIssues(result.error)}`);
          const row = result.data;
          if (row.caseId !== caseId) throw new ArchiveError(`${where} belongs to another case`);
          if (log.sourceId ? row.sourceId !== log.sourceId : !logSources.some((s) => s.id === row.sourceId)) throw new ArchiveError(`${where} belongs to a source that is not this log's`);
          if (row.line <= (lastLine.get(row.sourceId) ?? 0)) throw new ArchiveError(`${where}: the rows of a log must be in line order`);
          lastLine.set(row.sourceId, row.line);
          perSource.set(row.sourceId, (perSource.get(row.sourceId) ?? 0) + 1);
          batch.push(row);
          if (batch.length === LOG_BATCH_ROWS) {
            await hashBatch(batch);
            yield batch;
            batch = [];
          }
        }
      }
      if (batch.length) {
        await hashBatch(batch);
        yield batch;
      }
      if (count !== log.rows) throw new ArchiveError(`${fileName}: ${log.path} holds ${count} rows but the manifest records ${log.rows}`);
      for (const source of log.sourceId ? logSources.filter((s) => s.id === log.sourceId) : logSources) {
        const rows = perSource.get(source.id) ?? 0;
        if (rows !== source.recordCount) throw new ArchiveError(`${fileName}: ${log.path} holds ${rows} rows of ${source.fileName}, but its source record counts ${source.recordCount}`);
      }
      // The entry's own digest before the rows' binding: it names the entry that was changed.
      if (changedRows) throw changedRows;
      for (const source of log.sourceId ? logSources.filter((s) => s.id === log.sourceId) : logSources) {
        const problem = logRowsProblem(audit, source, await (hashers.get(source.id) ?? logRowsHasher()).hex());
        if (problem) throw new ArchiveError(`${fileName}: ${problem.message}`);
      }
    },
    entrySize: (log) => entryAt(log.path, 'log rows').uncompressedSize,
    logBytes: (log, signal) => {
      const digest = digests[log.path];
      return entryBytes(sizedEntry(log.path, 'log rows'), fileName, signal, digest && { digest });
    },
    async *original(sourceId, signal) {
      const source = records.sources.find((s) => s.id === sourceId);
      if (!source) throw new ArchiveError(`${fileName}: no source ${sourceId}`);
      let actual: EntryDigest | undefined;
      yield* digested(entryBytes(originalEntry(source), fileName, signal), (d) => (actual = d));
      if (actual!.sha256 !== source.sha256) {
        throw new ArchiveError(`${fileName}: the original file ${source.fileName} does not match its recorded SHA-256 (recorded ${source.sha256}, found ${actual!.sha256})`);
      }
    },
    async *rowsOf(sourceId, signal) {
      for (const log of logs) {
        if (log.sourceId === sourceId) yield* archive.logBatches(log, signal);
        else if (!log.sourceId) yield* rowsOfSource(archive.logBatches(log, signal), sourceId);
      }
    },
    logParts: () =>
      logs.flatMap((log): LogPart[] =>
        log.sourceId && digests[log.path]
          ? [{ sourceId: log.sourceId, rows: log.rows, format: log.format ?? 'jsonl', copy: { entry: entryAt(log.path, 'log rows'), digest: digests[log.path]! } }]
          : // Rows with no digest (an archive made before seals, or version 1) are written anew, so the new archive records one.
            (log.sourceId ? logSources.filter((s) => s.id === log.sourceId) : logSources).map((source) => ({ sourceId: source.id, batches: archive.rowsOf(source.id) })),
      ),
    copyOfOriginal: (source) => ({ source, copy: { entry: originalEntry(source) } }),
    close: () => zip.close(),
  };
  return archive;
}

async function* rowsOfSource(batches: AsyncIterable<LogEntry[]>, sourceId: string): AsyncGenerator<LogEntry[]> {
  for await (const batch of batches) {
    const rows = batch.filter((row) => row.sourceId === sourceId);
    if (rows.length) yield rows;
  }
}

/** Reads every log row and original of an archive into memory, each checked: for small cases, tests and the demo. */
export async function readCaseArchive(file: ArchiveFile | Uint8Array, name?: string): Promise<CaseData> {
  const archive = await openCaseArchive(file instanceof Uint8Array ? archiveOfBytes(file, name) : file);
  try {
    const logEntries: LogEntry[] = [];
    for (const log of archive.logs) for await (const batch of archive.logBatches(log)) for (const row of batch) logEntries.push(row);
    const originals = new Map<string, Uint8Array>();
    for (const source of archive.records.sources) {
      const parts: Uint8Array[] = [];
      for await (const chunk of archive.original(source.id)) parts.push(chunk);
      originals.set(source.id, joinBytes(parts));
    }
    return { case: archive.case, audit: archive.audit, originals, logEntries, ...archive.records };
  } finally {
    await archive.close();
  }
}

