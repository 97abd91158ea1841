import { DuckDBInstance, INTEGER, LIST, VARCHAR, blobValue, listValue, type DuckDBAppender, type DuckDBBlobValue, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { CampaignLinks, ClusterMembership, ClusterReadings } from '../shared/analysis/campaign';
import { CAMPAIGN_SQL, PROMPT_SQL } from './analysis-sql';
import type { LoggedPrompt, PromptRow } from '../shared/analysis/prompt-matching';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseIpFilter } from '../shared/analysis/network-range';
import { LogChunkWriter, decodeChunk, encodeChunk, type LogChunk } from '../shared/log-store/log-chunks';
import { isFiltered } from '../shared/log-store/log-filter';
import type { LogFilter } from '../shared/model/log-filter';
import { logRowsHasher } from '../shared/model/log-row-text';
import { EXACT_TEXT_COLUMN, LOG_ENTRY_COLUMNS, entryOfColumns, isWellFormed, type LogRowColumn } from '../shared/model/log-row-columns';
import { LogEntry, type SourceRef } from '../shared/model/records';
import { Refusal } from '../shared/errors';
import { describeIssues } from '../shared/validation';

/**
 * The log rows of every case, each case in its own DuckDB database in one
 * folder (the app's data folder, or a command's working folder). The one
 * module that writes, reads and deletes log rows: the main process serves
 * it to the renderer through the desktop API.
 *
 * A row keeps its source, its position in the source (0, 1, … in file
 * order), every field of LogEntry and its raw text. Which sources belong to
 * a case is the case records' to say: a source's rows are written first,
 * under an id no record names yet, and the records that name it are
 * committed after; rows of a source no record names are leftovers of an
 * import that stopped, which `keepOnly` removes.
 */

const NUMERIC = new Set<LogRowColumn>(['ts', 'tokensIn', 'tokensOut']);
const quoted = (name: string) => `"${name}"`;
const FIELDS = [...LOG_ENTRY_COLUMNS.map(([name]) => quoted(name)), EXACT_TEXT_COLUMN].join(', ');

const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS log_rows (sourceId VARCHAR NOT NULL, position INTEGER NOT NULL, ${LOG_ENTRY_COLUMNS.map(([name, type]) => `${quoted(name)} ${type}`).join(', ')}, ${EXACT_TEXT_COLUMN} VARCHAR)`,
  // The analyses' column chunks of each source, made as its rows are appended: an analysis reads a chunk at once instead of its rows one by one.
  'CREATE TABLE IF NOT EXISTS log_chunks (sourceId VARCHAR NOT NULL, chunk INTEGER NOT NULL, bytes BLOB NOT NULL)',
];

/**
 * The most memory one case's database takes (DuckDB's default is 80% of the
 * machine's): past it, grouping, sorting and windows spill to a folder
 * beside the database, so a laptop stays usable while a case of tens of
 * millions of rows is analysed.
 */
const MEMORY_LIMIT = '1GB';

/** A file name safe for any case id (ids are already [0-9a-z], this only makes sure). */
const databaseName = (caseId: string) => `${caseId.replace(/[^0-9A-Za-z_-]/g, '_')}.duckdb`;

type Row = Record<string, DuckDBValue>;

/** A query parameter: a value, or a list with its type (DuckDB cannot tell an empty list's). */
type Parameter = DuckDBValue | { list: readonly (string | number)[]; of: DuckDBType };
const texts = (values: readonly string[]): Parameter => ({ list: values, of: VARCHAR });

/** A filter as SQL conditions and their parameters, after the source's own. Throws, with the reason, for an IP filter that is neither an address nor a network. */
async function conditions(filter: LogFilter, distinctAddresses: () => Promise<string[]>): Promise<{ where: string[]; values: Parameter[] }> {
  const where: string[] = [];
  const values: Parameter[] = [];
  const add = (condition: string, ...given: Parameter[]) => {
    where.push(condition.replace(/\?/g, () => `$${values.push(given.shift()!)}`));
  };
  if (filter.account) add('account = ?', filter.account);
  if (filter.apiKey) add('apiKey = ?', filter.apiKey);
  // The column as a quoted JSON path key: a name starting with $ or / would otherwise be read as a path.
  if (filter.identifier) add('json_extract_string(extra, ?) = ?', `$.${JSON.stringify(filter.identifier.column)}`, filter.identifier.value);
  if (filter.ip) {
    const ip = parseIpFilter(filter.ip);
    if (ip.kind === 'invalid') throw new Error(ip.problem);
    if (ip.kind === 'address') add('ip = ?', ip.address);
    // A network: the source's distinct addresses (far fewer than its rows) are tested here, where the notation is understood.
    // A semi-join on the addresses found: testing each row against a list is an order of magnitude slower.
    else add('ip IN (SELECT unnest(?))', texts((await distinctAddresses()).filter((a) => ip.contains(a))));
  }
  if (filter.from !== undefined) add('ts >= ?', filter.from);
  if (filter.to !== undefined) add('ts <= ?', filter.to);
  if (filter.text) add('strpos(lower(raw), ?) > 0', filter.text.toLowerCase());
  return { where, values };
}

async function putChunks(connection: DuckDBConnection, chunks: readonly LogChunk[]): Promise<void> {
  for (const chunk of chunks) await connection.run('INSERT INTO log_chunks VALUES ($1, $2, $3)', [chunk.sourceId, chunk.chunk, blobValue(encodeChunk(chunk))]);
}

/** Text as an SQL string literal, for the statements (COPY) that take no parameters. */
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Rows read at a time when a source's rows are hashed. */
const HASHED_PER_READ = 50_000;
/** Rows per Parquet row group: a reader holds one group at a time, so this bounds its memory. */
const ROWS_PER_GROUP = 50_000;

interface PendingSource {
  connection: DuckDBConnection;
  appender: DuckDBAppender;
  chunks: LogChunkWriter;
  rows: number;
}

export class LogEngine {
  private readonly cases = new Map<string, Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }>>();
  private readonly pending = new Map<string, PendingSource>();
  // A source's distinct addresses, for network filters: read once, as a source's rows never change once written.
  private readonly addresses = new Map<string, Promise<string[]>>();
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  /**
   * `folder` holds one database per case; imports in progress keep their
   * bytes in its `incoming` folder. `memoryLimit` bounds each database's
   * memory (DuckDB's notation: '1GB', '256MB').
   */
  constructor(
    readonly folder: string,
    private readonly options: { memoryLimit: string } = { memoryLimit: MEMORY_LIMIT },
  ) {}

  private database(caseId: string) {
    if (this.closed) throw new Error('The log engine is closed');
    let opened = this.cases.get(caseId);
    if (!opened) {
      opened = (async () => {
        await mkdir(this.folder, { recursive: true });
        const instance = await DuckDBInstance.create(join(this.folder, databaseName(caseId)), { memory_limit: this.options.memoryLimit });
        const connection = await instance.connect();
        for (const statement of SCHEMA) await connection.run(statement);
        return { instance, connection };
      })();
      this.cases.set(caseId, opened);
      opened.catch(() => this.cases.delete(caseId));
    }
    return opened;
  }

  private async query(caseId: string, sql: string, parameters: Parameter[] = []): Promise<Row[]> {
    const { connection } = await this.database(caseId);
    const isList = (p: Parameter): p is { list: readonly (string | number)[]; of: DuckDBType } => typeof p === 'object' && p !== null && 'list' in p;
    const values = parameters.map((p) => (isList(p) ? listValue([...p.list]) : p));
    // Undefined lets DuckDB type a value itself; the library's declaration does not say it may be.
    const types = parameters.map((p) => (isList(p) ? LIST(p.of) : undefined)) as DuckDBType[];
    const running = connection.runAndReadAll(sql, values, types);
    this.running.add(running);
    try {
      return (await running).getRowObjects();
    } finally {
      this.running.delete(running);
    }
  }

  private async where(caseId: string, sourceId: string, filter: LogFilter) {
    const key = `${caseId}/${sourceId}`;
    const distinct = async () => (await this.query(caseId, 'SELECT DISTINCT ip FROM log_rows WHERE sourceId = $1 AND ip IS NOT NULL', [sourceId])).map((r) => String(r.ip));
    const { where, values } = await conditions(filter, () => {
      let found = this.addresses.get(key);
      if (!found) this.addresses.set(key, (found = distinct()));
      return found;
    });
    const shifted = where.map((w) => w.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + 1}`));
    return { sql: ['sourceId = $1', ...shifted].join(' AND '), values: [sourceId, ...values] };
  }

  /** Appends a source's rows, in file order, batch after batch; nothing reads them until the case's records name the source. */
  async append(caseId: string, sourceId: string, entries: readonly LogEntry[]): Promise<void> {
    const key = `${caseId}/${sourceId}`;
    this.addresses.delete(key);
    let source = this.pending.get(key);
    if (!source) {
      const { instance } = await this.database(caseId);
      const connection = await instance.connect();
      source = { connection, appender: await connection.createAppender('log_rows'), chunks: new LogChunkWriter(caseId, sourceId), rows: 0 };
      this.pending.set(key, source);
    }
    const { appender } = source;
    for (const entry of entries) {
      appender.appendVarchar(sourceId);
      appender.appendInteger(source.rows++);
      let exact: Record<string, string> | undefined;
      for (const [name] of LOG_ENTRY_COLUMNS) {
        const value = entry[name];
        if (value === undefined || value === null) appender.appendNull();
        else if (name === 'line') appender.appendInteger(value as number);
        else if (NUMERIC.has(name)) appender.appendDouble(value as number);
        else if (name === 'extra') appender.appendVarchar(JSON.stringify(value));
        else {
          if (!isWellFormed(value as string)) (exact ??= {})[name] = value as string;
          appender.appendVarchar(value as string);
        }
      }
      if (exact) appender.appendVarchar(JSON.stringify(exact));
      else appender.appendNull();
      appender.endRow();
    }
    await putChunks(source.connection, source.chunks.add(entries));
  }

  /** Writes out the rows appended; gives how many the source has. */
  async finish(caseId: string, sourceId: string): Promise<{ rows: number }> {
    const key = `${caseId}/${sourceId}`;
    const source = this.pending.get(key);
    if (!source) return { rows: 0 };
    this.pending.delete(key);
    source.appender.closeSync();
    await putChunks(source.connection, source.chunks.finish());
    source.connection.closeSync();
    return { rows: source.rows };
  }

  /** Removes a source's rows (an import cancelled or declined, a source removed). */
  async remove(caseId: string, sourceId: string): Promise<void> {
    const key = `${caseId}/${sourceId}`;
    const source = this.pending.get(key);
    if (source) {
      this.pending.delete(key);
      source.appender.closeSync();
      source.connection.closeSync();
    }
    this.addresses.delete(key);
    await this.query(caseId, 'DELETE FROM log_rows WHERE sourceId = $1', [sourceId]);
    await this.query(caseId, 'DELETE FROM log_chunks WHERE sourceId = $1', [sourceId]);
  }

  /** Removes the rows of every source but those the case's records name (what an import that stopped left behind). */
  async keepOnly(caseId: string, sourceIds: readonly string[]): Promise<number> {
    const writing = [...this.pending.keys()].filter((k) => k.startsWith(`${caseId}/`)).map((k) => k.slice(caseId.length + 1));
    for (const key of this.addresses.keys()) if (key.startsWith(`${caseId}/`)) this.addresses.delete(key);
    const kept = texts([...sourceIds, ...writing]);
    const rows = await this.query(caseId, 'DELETE FROM log_rows WHERE NOT list_contains($1, sourceId) RETURNING 1', [kept]);
    await this.query(caseId, 'DELETE FROM log_chunks WHERE NOT list_contains($1, sourceId)', [kept]);
    return rows.length;
  }

  /** The sources that have rows, and how many each has. */
  async sources(caseId: string): Promise<Map<string, number>> {
    const rows = await this.query(caseId, 'SELECT sourceId, count(*) AS n FROM log_rows GROUP BY sourceId');
    return new Map(rows.map((r) => [String(r.sourceId), Number(r.n)]));
  }

  async count(caseId: string, sourceId: string, filter: LogFilter): Promise<number> {
    const { sql, values } = await this.where(caseId, sourceId, filter);
    const [row] = await this.query(caseId, `SELECT count(*) AS n FROM log_rows WHERE ${sql}`, values);
    return Number(row!.n);
  }

  /** `count` rows from position `start` of the rows matching the filter, in file order. */
  async window(caseId: string, sourceId: string, filter: LogFilter, start: number, count: number): Promise<LogEntry[]> {
    const [from, rows] = [Math.max(0, Math.floor(start)), Math.max(0, Math.floor(count))];
    const { sql, values } = await this.where(caseId, sourceId, filter);
    // Unfiltered, the rows at a depth are found by their positions, which the storage's zone maps skip to. Filtered, the
    // matches' positions are counted off first and only then are those rows read whole: reading every column of each
    // match on the way to the window took ten times as long in a 10M-row case.
    const read = isFiltered(filter)
      ? await this.query(caseId, `SELECT ${FIELDS} FROM log_rows WHERE sourceId = $1 AND position IN (SELECT position FROM log_rows WHERE ${sql} ORDER BY position LIMIT ${rows} OFFSET ${from}) ORDER BY position`, values)
      : await this.query(caseId, `SELECT ${FIELDS} FROM log_rows WHERE ${sql} AND position >= ${from} AND position < ${from + rows} ORDER BY position`, values);
    return read.map((row) => entryOfColumns(caseId, sourceId, row));
  }

  /** The digest of a source's rows as stored, read in file order (logRowsHasher): what the history binds. Hashed here, where the rows are. */
  async rowsSha256(caseId: string, sourceId: string): Promise<string> {
    const hasher = logRowsHasher();
    for (let start = 0; ; start += HASHED_PER_READ) {
      const rows = await this.window(caseId, sourceId, {}, start, HASHED_PER_READ);
      await hasher.add(rows);
      if (rows.length < HASHED_PER_READ) return hasher.hex();
    }
  }

  /**
   * Writes a source's rows, in file order, to a Parquet file of LOG_ENTRY_COLUMNS
   * (and EXACT_TEXT_COLUMN): what a case archive holds and any Parquet reader reads.
   */
  async exportRows(caseId: string, sourceId: string, path: string): Promise<number> {
    const [row] = await this.query(caseId, `COPY (SELECT ${FIELDS} FROM log_rows WHERE sourceId = ${literal(sourceId)} ORDER BY position) TO ${literal(path)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE ${ROWS_PER_GROUP})`);
    return Number(row?.Count ?? 0);
  }

  /**
   * Reads a source's rows from a Parquet file exportRows wrote (a case
   * archive's entry), checking each row against LogEntry's schema and their
   * lines' order, and makes the source's column chunks; gives the rows and
   * their digest for the caller to check against the history. A file that
   * is not such rows is refused with the row and the reason, and nothing of
   * it is kept.
   */
  async loadRows(caseId: string, sourceId: string, path: string, progress?: (rows: number, total: number) => void): Promise<{ rows: number; rowsSha256: string }> {
    // The source's rows are these: any an earlier attempt left are removed first.
    await this.remove(caseId, sourceId);
    const { instance } = await this.database(caseId);
    const connection = await instance.connect();
    try {
      const typed = [...LOG_ENTRY_COLUMNS.map(([name, type]) => [quoted(name), type.replace(' NOT NULL', '')] as const), [EXACT_TEXT_COLUMN, 'VARCHAR'] as const];
      const read = `read_parquet(${literal(path)}, file_row_number = true)`;
      let total: number;
      try {
        const [counted] = (await connection.runAndReadAll(`SELECT count(*) AS n FROM ${read}`)).getRowObjects();
        total = Number(counted!.n);
        await connection.run(`INSERT INTO log_rows SELECT ${literal(sourceId)}, CAST(file_row_number AS INTEGER), ${typed.map(([name, type]) => `CAST(${name} AS ${type})`).join(', ')} FROM ${read}`);
      } catch (error) {
        throw new Refusal(await this.unreadableRow(connection, read, typed).catch(() => `its rows are not log rows as this app writes them: ${(error as Error).message.split('\n')[0]}`));
      }
      const hasher = logRowsHasher();
      const chunks = new LogChunkWriter(caseId, sourceId);
      let last = 0;
      for (let start = 0; ; start += HASHED_PER_READ) {
        const rows = await this.window(caseId, sourceId, {}, start, HASHED_PER_READ);
        for (const [i, row] of rows.entries()) {
          const checked = LogEntry.safeParse(row);
          if (!checked.success) throw new Refusal(`row ${start + i + 1}: ${describeIssues(checked.error)}`);
          if (row.line <= last) throw new Refusal(`row ${start + i + 1}: line ${row.line} comes after line ${last}; the rows of a log must be in line order`);
          last = row.line;
        }
        await hasher.add(rows);
        await putChunks(connection, chunks.add(rows));
        progress?.(start + rows.length, total);
        if (rows.length < HASHED_PER_READ) break;
      }
      await putChunks(connection, chunks.finish());
      return { rows: total, rowsSha256: await hasher.hex() };
    } catch (error) {
      await this.remove(caseId, sourceId);
      throw error;
    } finally {
      connection.closeSync();
    }
  }

  /** Why rows could not be read as LOG_ENTRY_COLUMNS: the first row whose value a column's type cannot hold, or that lacks a value it must have. */
  private async unreadableRow(connection: DuckDBConnection, read: string, typed: readonly (readonly [string, string])[]): Promise<string> {
    for (const [name, type] of typed) {
      const required = LOG_ENTRY_COLUMNS.some(([column, declared]) => quoted(column) === name && declared.endsWith('NOT NULL'));
      const [bad] = (await connection.runAndReadAll(`SELECT file_row_number AS n, CAST(${name} AS VARCHAR) AS value FROM ${read} WHERE ${required ? `${name} IS NULL OR ` : ''}(${name} IS NOT NULL AND TRY_CAST(${name} AS ${type}) IS NULL) ORDER BY file_row_number LIMIT 1`)).getRowObjects();
      if (bad) return `row ${Number(bad.n) + 1}: ${name.replace(/"/g, '')} ${bad.value === null ? 'is missing' : `“${String(bad.value).slice(0, 80)}” is not ${type === 'VARCHAR' ? 'text' : `a number (${type})`}`}`;
    }
    throw new Error('no row found');
  }

  /** The accounts of a case's sources and the values two or more share (CampaignQueries.links), asked in SQL. */
  async campaignLinks(caseId: string, sourceIds: readonly string[], attributes: readonly string[]): Promise<CampaignLinks> {
    const sources = texts(sourceIds);
    const [counted] = await this.query(caseId, CAMPAIGN_SQL.requests, [sources]);
    const accounts = await this.query(caseId, CAMPAIGN_SQL.accounts, [sources]);
    const shared = attributes.length ? await this.query(caseId, CAMPAIGN_SQL.shared(attributes), [sources]) : [];
    return {
      requests: Number(counted!.n),
      accounts: accounts.map((r) => String(r.account)),
      shared: shared.filter((r) => r.kind === 'value').map((r) => ({ attribute: String(r.attribute), value: String(r.value), accounts: Number(r.accounts), first: String(r.first) })),
      links: shared.filter((r) => r.kind === 'edge').map((r) => [String(r.account), String(r.first)] as [string, string]),
    };
  }

  /** What the clustered accounts' rows did (CampaignQueries.clusters), summed in SQL. */
  async campaignClusters(caseId: string, sourceIds: readonly string[], membership: ClusterMembership, sessionGapSeconds: number): Promise<ClusterReadings> {
    const parameters: Parameter[] = [texts(sourceIds), texts(membership.accounts), { list: membership.clusters, of: INTEGER }];
    const read = (sql: string, more: Parameter[] = []) => this.query(caseId, sql, [...parameters, ...more]);
    const n = (value: DuckDBValue | undefined) => Number(value);
    const orNull = (value: DuckDBValue | undefined) => (value === null || value === undefined ? null : Number(value));
    const sums = await read(CAMPAIGN_SQL.sums);
    // A group of rows with no time, agent or prompt counts in the totals only.
    const of = (kind: number, column: string) => sums.filter((r) => n(r.sums) === kind && r[column] !== null);
    return {
      totals: of(0, 'cluster').map((r) => ({ cluster: n(r.cluster), requests: n(r.requests), tokensIn: n(r.tokensIn), tokensOut: n(r.tokensOut), tokensRecorded: n(r.tokensRecorded), first: orNull(r.first), last: orNull(r.last) })),
      days: of(1, 'day').map((r) => ({ cluster: n(r.cluster), day: n(r.day), requests: n(r.requests) })),
      hours: of(2, 'hour').map((r) => ({ cluster: n(r.cluster), hour: n(r.hour), requests: n(r.requests) })),
      agents: of(3, 'agent').map((r) => ({ cluster: n(r.cluster), value: String(r.agent), requests: n(r.requests) })),
      prompts: of(4, 'text').map((r) => ({ cluster: n(r.cluster), prompt: String(r.text), requests: n(r.requests) })),
      timing: (await read(CAMPAIGN_SQL.timing, [sessionGapSeconds])).map((r) => ({ account: String(r.account), requests: n(r.requests), intervals: n(r.intervals), mean: orNull(r.mean), sd: orNull(r.sd) })),
    };
  }

  /** How many distinct prompts (text and hash together) a case's sources hold. */
  async distinctPrompts(caseId: string, sourceIds: readonly string[]): Promise<number> {
    const [row] = await this.query(caseId, PROMPT_SQL.distinct, [texts(sourceIds)]);
    return Number(row!.n);
  }

  /** The distinct prompts in part `part` of `parts` (PromptQueries.prompts, a part at a time). */
  async promptPart(caseId: string, sourceIds: readonly string[], part: number, parts: number): Promise<LoggedPrompt[]> {
    const rows = await this.query(caseId, PROMPT_SQL.part, [texts(sourceIds), part, parts]);
    return rows.map((r) => ({ prompt: r.prompt === null ? null : String(r.prompt), promptHash: r.promptHash === null ? null : String(r.promptHash) }));
  }

  /** Rows that sent one of the prompts, or hashes, given (PromptQueries.rows), `count` from `start`, in file order. */
  async promptRows(caseId: string, sourceIds: readonly string[], prompts: readonly string[], hashes: readonly string[], start: number, count: number): Promise<PromptRow[]> {
    const rows = await this.query(caseId, PROMPT_SQL.rows, [texts(sourceIds), texts(prompts), texts(hashes), count, start]);
    return rows.map((r) => ({
      sourceId: String(r.sourceId),
      line: Number(r.line),
      ts: r.ts === null ? null : Number(r.ts),
      ...(r.account !== null && { account: String(r.account) }),
      ...(r.apiKey !== null && { apiKey: String(r.apiKey) }),
      ...(r.ip !== null && { ip: String(r.ip) }),
      prompt: r.prompt === null ? null : String(r.prompt),
      promptHash: r.promptHash === null ? null : String(r.promptHash),
    }));
  }

  /** The position of a line among a source's rows: where the first row at or after it is. */
  async linePosition(caseId: string, sourceId: string, line: number): Promise<number> {
    const [row] = await this.query(caseId, 'SELECT count(*) AS n FROM log_rows WHERE sourceId = $1 AND line < $2', [sourceId, line]);
    return Number(row!.n);
  }

  /** Rows named by reference (a bundle's exhibits, a link's target), in the order of their sources and lines. */
  async rowsByRef(caseId: string, refs: readonly SourceRef[]): Promise<LogEntry[]> {
    const found: LogEntry[] = [];
    const bySource = new Map<string, number[]>();
    for (const ref of refs) {
      const lines = bySource.get(ref.sourceId);
      if (lines) lines.push(ref.line);
      else bySource.set(ref.sourceId, [ref.line]);
    }
    for (const [sourceId, lines] of bySource) {
      const rows = await this.query(caseId, `SELECT ${FIELDS} FROM log_rows WHERE sourceId = $1 AND list_contains($2, line) ORDER BY position`, [sourceId, { list: lines, of: INTEGER }]);
      found.push(...rows.map((row) => entryOfColumns(caseId, sourceId, row)));
    }
    return found;
  }

  /** A source's rows as the analyses read them: chunk `chunk` of CHUNK_ROWS rows, or null past the last. */
  async chunk(caseId: string, sourceId: string, chunk: number): Promise<LogChunk | null> {
    const [row] = await this.query(caseId, 'SELECT bytes FROM log_chunks WHERE sourceId = $1 AND chunk = $2', [sourceId, chunk]);
    return row ? decodeChunk((row.bytes as DuckDBBlobValue).bytes) : null;
  }

  /** How many rows of the given sources were sent within [from, to] (inclusive). */
  async countInTime(caseId: string, sourceIds: readonly string[], from: number, to: number): Promise<number> {
    const [row] = await this.query(caseId, 'SELECT count(*) AS n FROM log_rows WHERE list_contains($1, sourceId) AND ts BETWEEN $2 AND $3', [texts(sourceIds), from, to]);
    return Number(row!.n);
  }

  /**
   * Closes every database, once the queries running have ended; a call
   * after it is refused. A database opened again by a call still running
   * (a records check hashing a log) would hold the process open.
   */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.allSettled([...this.running]);
    for (const [key, source] of this.pending) {
      source.appender.closeSync();
      source.connection.closeSync();
      this.pending.delete(key);
    }
    for (const [caseId, opened] of this.cases) {
      this.cases.delete(caseId);
      const { instance, connection } = await opened.catch(() => ({ instance: undefined, connection: undefined }));
      connection?.closeSync();
      instance?.closeSync();
    }
  }

  /** Removes a case's database (the case was deleted). */
  async removeCase(caseId: string): Promise<void> {
    for (const key of this.addresses.keys()) if (key.startsWith(`${caseId}/`)) this.addresses.delete(key);
    const opened = this.cases.get(caseId);
    if (opened) {
      this.cases.delete(caseId);
      const { instance, connection } = await opened;
      connection.closeSync();
      instance.closeSync();
    }
    const name = databaseName(caseId);
    for (const file of await readdir(this.folder).catch(() => [])) if (file === name || file === `${name}.wal`) await rm(join(this.folder, file), { force: true });
  }
}
