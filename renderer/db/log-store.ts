import { parseIpFilter } from '../../shared/analysis/network-range';
import { BLOCK_ROWS, LogBlockWriter, POSTING_BUCKETS, identifierField, blockOf, blockOfLine, blockRows, blockRowsAt, bucketOf, positionsInTime, postedPositions, type LogBlock, type LogPostings, type LogSourceIndex, type PostedField } from '../../shared/log-store/log-blocks';
import { LogChunkWriter, type LogChunks } from '../../shared/log-store/log-chunks';
import type { LogEntry, SourceRef } from '../../shared/model/records';
import type { EvidenceDatabase } from './database';

/**
 * The log rows of a case in IndexedDB, in blocks with posting lists and a
 * time order (see shared/log-store/log-blocks.ts). Every read and write of
 * log rows goes through here.
 */

export interface LogFilter {
  account?: string;
  apiKey?: string;
  /** One address, or a network in CIDR notation (parseIpFilter). */
  ip?: string;
  /** UTC epoch milliseconds, inclusive. */
  from?: number;
  to?: number;
  /** Text the raw line must contain (ignoring case); checked row by row, after the indexed fields narrow the rows. */
  text?: string;
  /** An exact value of a column marked as an identifier when the log was imported. */
  identifier?: { column: string; value: string };
}

export const isFiltered = (f: LogFilter): boolean => Object.values(f).some((v) => v !== undefined && v !== '');

/**
 * Writes one source's rows as they are read. Readers find a source's rows
 * through its index, which `finish` returns for the caller to add in the
 * transaction that commits the source: until then no query sees them.
 */
export function logRowsWriter(db: EvidenceDatabase, caseId: string, sourceId: string, identifiers: readonly string[] = []) {
  const writer = new LogBlockWriter(caseId, sourceId, identifiers);
  const chunks = new LogChunkWriter(caseId, sourceId);
  return {
    add: async (entries: readonly LogEntry[]) => {
      const blocks = writer.add(entries);
      const full = chunks.add(entries);
      if (blocks.length) await db.logBlocks.bulkAdd(blocks);
      if (full.length) await db.logChunks.bulkAdd(full);
    },
    finish: async (): Promise<LogSourceIndex> => {
      const { blocks, postings, index } = writer.finish();
      await db.logBlocks.bulkAdd(blocks);
      await db.logChunks.bulkAdd(chunks.finish());
      await db.logPostings.bulkAdd(postings);
      return index;
    },
  };
}

/** The tables holding log rows, for a transaction that removes them. */
export const logTables = (db: EvidenceDatabase) => [db.logBlocks, db.logChunks, db.logPostings, db.logIndexes];

/** Removes a source's rows, chunks, postings and index. */
export async function deleteLogRows(db: EvidenceDatabase, sourceId: string): Promise<void> {
  await db.logBlocks.where('[sourceId+block]').between([sourceId, -Infinity], [sourceId, Infinity]).delete();
  await db.logChunks.where('[sourceId+chunk]').between([sourceId, -Infinity], [sourceId, Infinity]).delete();
  await db.logPostings.where('[sourceId+field+bucket]').between([sourceId, '', -Infinity], [sourceId, '\uffff', Infinity]).delete();
  await db.logIndexes.delete(sourceId);
}

/** Makes stored rows part of the case: their sources' indexes, added inside the caller's transaction with the sources themselves. */
export async function putLogIndexes(db: EvidenceDatabase, indexes: readonly LogSourceIndex[]): Promise<void> {
  await db.logIndexes.bulkAdd([...indexes]);
}

/** Blocks deleted per step of a removal, between which its progress is reported and Cancel is honoured. */
const BLOCKS_PER_STEP = 20;

/**
 * Deletes a source's row blocks, the bulk of its rows, in steps inside the
 * caller's transaction; after each step `afterStep` is told the rows deleted
 * so far and may throw to stop (the transaction then rolls every step back).
 * deleteLogRows removes the rest.
 */
export async function deleteLogBlocksInSteps(db: EvidenceDatabase, sourceId: string, afterStep: (rowsDeleted: number) => void): Promise<void> {
  const blocks = db.logBlocks.where('[sourceId+block]').between([sourceId, -Infinity], [sourceId, Infinity]);
  for (let deleted = 0; ; ) {
    const keys = await blocks.clone().limit(BLOCKS_PER_STEP).primaryKeys();
    if (keys.length === 0) return;
    await db.logBlocks.bulkDelete(keys);
    deleted += keys.length;
    afterStep(deleted * BLOCK_ROWS);
  }
}

/** Blocks read at a time when every row of a source is read. */
const BLOCKS_PER_READ = 128;

// Sources never change once imported: what was read of them is kept for the next query
// (not what was missing: a source being stored may be found a moment later).
const cache = new Map<string, Promise<unknown>>();
function cached<T>(key: string, read: () => Promise<T | undefined>): Promise<T | undefined> {
  let value = cache.get(key) as Promise<T | undefined> | undefined;
  if (!value) {
    value = read();
    cache.set(key, value);
    void value.then((found) => found === undefined && cache.delete(key), () => cache.delete(key));
    if (cache.size > 2000) cache.delete(cache.keys().next().value!);
  }
  return value;
}

function sourceIndex(db: EvidenceDatabase, sourceId: string): Promise<LogSourceIndex | undefined> {
  return cached(`${db.name}|index|${sourceId}`, () => db.logIndexes.get(sourceId));
}

function postings(db: EvidenceDatabase, sourceId: string, field: PostedField, bucket: number): Promise<LogPostings | undefined> {
  return cached(`${db.name}|postings|${sourceId}|${field}|${bucket}`, () => db.logPostings.get([sourceId, field, bucket]));
}

/** The rows at the given positions of a source, in the order given, each block read once. */
async function rowsAt(db: EvidenceDatabase, sourceId: string, positions: ArrayLike<number>): Promise<LogEntry[]> {
  const byBlock = new Map<number, number[]>();
  for (let i = 0; i < positions.length; i++) {
    const block = blockOf(positions[i]!);
    const list = byBlock.get(block);
    if (list) list.push(positions[i]!);
    else byBlock.set(block, [positions[i]!]);
  }
  const keys = [...byBlock.keys()];
  const blocks = await db.logBlocks.bulkGet(keys.map((b) => [sourceId, b] as [string, number]));
  const found = new Map<number, LogEntry>();
  blocks.forEach((block, i) => {
    if (!block) return;
    const wanted = byBlock.get(keys[i]!)!;
    blockRowsAt(block, wanted.map((p) => p - keys[i]! * BLOCK_ROWS)).forEach((row, k) => found.set(wanted[k]!, row));
  });
  return Array.from(positions, (p) => found.get(p)!).filter(Boolean);
}

/** Every block of a source, in order, BLOCKS_PER_READ at a time. */
async function* sourceBlocks(db: EvidenceDatabase, sourceId: string): AsyncGenerator<LogBlock[]> {
  const index = await sourceIndex(db, sourceId);
  const blocks = index ? Math.ceil(index.rows / BLOCK_ROWS) : 0;
  for (let from = 0; from < blocks; from += BLOCKS_PER_READ) {
    const read = await db.logBlocks.bulkGet(Array.from({ length: Math.min(BLOCKS_PER_READ, blocks - from) }, (_, k) => [sourceId, from + k] as [string, number]));
    yield read.filter((block) => block !== undefined);
  }
}

/** A source's rows in file order, a read of blocks at a time. */
export async function* sourceRowBatches(db: EvidenceDatabase, sourceId: string): AsyncGenerator<LogEntry[]> {
  for await (const blocks of sourceBlocks(db, sourceId)) yield blocks.flatMap((block) => blockRows(block));
}

/** Positions of the rows the indexed part of a filter allows (ascending), or undefined when nothing indexed narrows them. */
async function indexedPositions(db: EvidenceDatabase, sourceId: string, filter: LogFilter): Promise<Int32Array | undefined> {
  const sets: Int32Array[] = [];
  for (const field of ['account', 'apiKey'] as const) {
    const value = filter[field];
    if (value) sets.push(postedPositions(await postings(db, sourceId, field, bucketOf(value)), value));
  }
  if (filter.identifier) {
    const { column, value } = filter.identifier;
    if (!(await sourceIndex(db, sourceId))?.identifiers?.includes(column)) throw new Error(`“${column}” was not marked as an identifier when this log was imported`);
    sets.push(postedPositions(await postings(db, sourceId, identifierField(column), bucketOf(value)), value));
  }
  if (filter.ip) {
    const ip = parseIpFilter(filter.ip);
    if (ip.kind === 'invalid') throw new Error(ip.problem);
    if (ip.kind === 'address') sets.push(postedPositions(await postings(db, sourceId, 'ip', bucketOf(ip.address)), ip.address));
    else {
      // A network: every distinct address of the source is tested (there are far fewer addresses than rows).
      const buckets = await Promise.all(Array.from({ length: POSTING_BUCKETS }, (_, b) => postings(db, sourceId, 'ip', b)));
      const lists = buckets.flatMap((p) => (p ? p.values.flatMap((v, i) => (ip.contains(v) ? [p.positions.subarray(p.starts[i]!, p.starts[i + 1]!)] : [])) : []));
      sets.push(Int32Array.from(lists.flatMap((l) => Array.from(l))).sort());
    }
  }
  if (filter.from !== undefined || filter.to !== undefined) {
    const index = await sourceIndex(db, sourceId);
    sets.push(index ? positionsInTime(index, filter.from, filter.to).slice().sort() : new Int32Array(0));
  }
  if (sets.length === 0) return undefined;
  return sets.reduce((a, b) => {
    const inB = new Set(b);
    return a.filter((p) => inB.has(p));
  });
}

/**
 * A source's rows matching a filter: how many, and the rows at any
 * position, in file order. Account, key, address, network and time are
 * answered from the postings and the time order; the text is checked row
 * by row in what they leave. Throws, with the reason, for an IP filter that
 * is neither an address nor a network.
 */
export interface LogRowsQuery {
  count(): Promise<number>;
  window(start: number, count: number): Promise<LogEntry[]>;
}

export function logRows(db: EvidenceDatabase, sourceId: string, filter: LogFilter): LogRowsQuery {
  const ip = filter.ip ? parseIpFilter(filter.ip) : undefined;
  if (ip?.kind === 'invalid') throw new Error(ip.problem);
  const text = filter.text?.toLowerCase();
  // The positions of the matching rows, worked out once per query.
  let matching: Promise<Int32Array | undefined> | undefined;
  const positions = () =>
    (matching ??= (async () => {
      const indexed = await indexedPositions(db, sourceId, filter);
      if (!text) return indexed;
      const kept: number[] = [];
      if (indexed) (await rowsAt(db, sourceId, indexed)).forEach((row, i) => row.raw.toLowerCase().includes(text) && kept.push(indexed[i]!));
      else {
        for await (const blocks of sourceBlocks(db, sourceId)) {
          for (const block of blocks) blockRows(block).forEach((row, k) => row.raw.toLowerCase().includes(text) && kept.push(block.block * BLOCK_ROWS + k));
        }
      }
      return Int32Array.from(kept);
    })());
  return {
    count: async () => (await positions())?.length ?? (await sourceIndex(db, sourceId))?.rows ?? 0,
    window: async (start, count) => {
      const found = await positions();
      if (found) return rowsAt(db, sourceId, found.subarray(start, start + count));
      const rows = (await sourceIndex(db, sourceId))?.rows ?? 0;
      return rowsAt(db, sourceId, Int32Array.from({ length: Math.max(0, Math.min(count, rows - start)) }, (_, k) => start + k));
    },
  };
}

/** The rows on screen: `count` rows from position `start` of the rows matching the filter. */
export function logRowsWindow(db: EvidenceDatabase, sourceId: string, filter: LogFilter, start: number, count: number): Promise<LogEntry[]> {
  return logRows(db, sourceId, filter).window(start, count);
}

/** The position of a line among a source's rows (where the browser scrolls to show it). */
export async function linePosition(db: EvidenceDatabase, sourceId: string, line: number): Promise<number> {
  const index = await sourceIndex(db, sourceId);
  if (!index || index.rows === 0) return 0;
  const block = blockOfLine(index, line);
  const read = await db.logBlocks.get([sourceId, block]);
  const lines = read ? blockRows(read).map((r) => r.line) : [];
  const k = lines.findIndex((l) => l >= line);
  return block * BLOCK_ROWS + (k < 0 ? lines.length : k);
}

/** Rows named by reference (a bundle's exhibits, a link's target). */
export async function rowsByRef(db: EvidenceDatabase, refs: readonly SourceRef[]): Promise<LogEntry[]> {
  const bySource = new Map<string, number[]>();
  for (const ref of refs) {
    const lines = bySource.get(ref.sourceId);
    if (lines) lines.push(ref.line);
    else bySource.set(ref.sourceId, [ref.line]);
  }
  const found: LogEntry[] = [];
  for (const [sourceId, lines] of bySource) {
    const index = await sourceIndex(db, sourceId);
    if (!index) continue;
    const wanted = new Set(lines);
    const blocks = new Set(lines.map((line) => blockOfLine(index, line)));
    for (const block of await db.logBlocks.bulkGet([...blocks].map((b) => [sourceId, b] as [string, number]))) {
      if (block) found.push(...blockRows(block).filter((r) => wanted.has(r.line)));
    }
  }
  return found;
}

/** Every row of a case, source by source in file order. */
export async function caseLogEntries(db: EvidenceDatabase, caseId: string): Promise<LogEntry[]> {
  const rows: LogEntry[] = [];
  for (const sourceId of await db.logIndexes.where('caseId').equals(caseId).primaryKeys()) {
    for await (const batch of sourceRowBatches(db, String(sourceId))) for (const row of batch) rows.push(row);
  }
  return rows;
}

/** A case's log rows as the analyses read them: column chunks, source by source, one chunk in memory at a time. */
export function caseLogChunks(db: EvidenceDatabase, caseId: string): LogChunks {
  return async function* () {
    for (const sourceId of await db.logIndexes.where('caseId').equals(caseId).primaryKeys()) {
      for (let chunk = 0; ; chunk++) {
        const read = await db.logChunks.get([String(sourceId), chunk]);
        if (!read) break;
        yield read;
      }
    }
  };
}

/** The rows of one account across a case's sources. */
export async function accountRows(db: EvidenceDatabase, caseId: string, account: string): Promise<LogEntry[]> {
  const rows: LogEntry[] = [];
  for (const sourceId of await db.logIndexes.where('caseId').equals(caseId).primaryKeys()) rows.push(...(await logRows(db, String(sourceId), { account }).window(0, Number.MAX_SAFE_INTEGER)));
  return rows;
}

/** How many rows of a case's sources were sent within [from, to]. */
export async function countInTime(db: EvidenceDatabase, caseId: string, from: number, to: number): Promise<number> {
  let total = 0;
  for (const sourceId of await db.logIndexes.where('caseId').equals(caseId).primaryKeys()) {
    const index = await sourceIndex(db, String(sourceId));
    if (index) total += positionsInTime(index, from, to).length;
  }
  return total;
}
