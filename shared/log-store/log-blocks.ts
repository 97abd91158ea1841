import type { LogEntry, LogRow } from '../model/records';

/**
 * How versions 7 to 9 of the app stored a source's log rows in IndexedDB,
 * kept so a database of an earlier version upgrades (v07 writes blocks from
 * rows kept one per record) and its rows move into the log engine
 * (renderer/db/block-store-move.ts reads them). The design, as it was: not one record
 * per row with four indexes (about 4,000 rows a second into IndexedDB), but
 * small blocks of BLOCK_ROWS rows in file order, each one record holding its rows
 * column by column (IndexedDB clones arrays of values much faster than
 * objects, and far faster than we can write JSON), beside a per-source index (where each block starts, and
 * the rows in time order) and posting lists (account, API key, IP → row
 * positions). A row's position is its rank in the file among the rows read;
 * its block is position / BLOCK_ROWS. Sources never change once imported,
 * so all of it is written once and can be cached by readers.
 */
// 64 rows of a few hundred bytes stay under the 64 KB above which Chromium's IndexedDB
// moves a value out into a blob: blocks of 1,024 rows cost four times as much to store.
export const BLOCK_ROWS = 64;

/** Posting lists are split by a hash of the value, so finding one account reads a 64th of them. */
export const POSTING_BUCKETS = 64;

export const POSTED_FIELDS = ['account', 'apiKey', 'ip'] as const;
/** A field with posting lists: account, key and IP always; an unmapped column the user marked as an identifier, as `extra:<column>`. */
export type PostedField = (typeof POSTED_FIELDS)[number] | `extra:${string}`;

export const identifierField = (column: string): PostedField => `extra:${column}`;

/** A row's fields as a block keeps them: the case and source are named once, by the block. */
const STORED_FIELDS = ['line', 'ts', 'tsText', 'account', 'apiKey', 'ip', 'userAgent', 'endpoint', 'model', 'prompt', 'promptHash', 'tokensIn', 'tokensOut', 'requestId', 'status', 'extra'] as const;
type StoredField = (typeof STORED_FIELDS)[number];

export interface LogBlock {
  caseId: string;
  sourceId: string;
  block: number;
  count: number;
  /** Per field, its value in each row (undefined where the row has none); a field no row has is left out. */
  columns: Partial<Record<StoredField, unknown[]>>;
  /** The rows' original text, the largest part of a block, as one string (one copy to store, not a thousand) and where each row's ends. */
  raw: string;
  rawEnds: Uint32Array;
}

export interface LogPostings {
  caseId: string;
  sourceId: string;
  field: PostedField;
  bucket: number;
  /** The distinct values that hash to this bucket, sorted. */
  values: string[];
  /** Positions of the rows with values[i]: positions[starts[i] .. starts[i + 1]), ascending. */
  starts: Int32Array;
  positions: Int32Array;
}

export interface LogSourceIndex {
  caseId: string;
  sourceId: string;
  rows: number;
  /** The line of the first row of each block. */
  firstLines: number[];
  /** Unmapped columns with posting lists of their own, as the user marked them at import. */
  identifiers?: string[];
  /** Positions of the rows with a time, ordered by time (ties in file order), and their times. */
  timeOrder: Int32Array;
  times: Float64Array;
}

/** FNV-1a of the value's UTF-16 code units, then its bucket. */
function bucketOf(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) h = Math.imul(h ^ value.charCodeAt(i), 0x01000193);
  return (h >>> 0) % POSTING_BUCKETS;
}

function readRows(block: LogBlock, offsets: readonly number[], withText: boolean): Record<string, unknown>[] {
  const present = STORED_FIELDS.filter((f) => block.columns[f]);
  return offsets.map((k) => {
    const row: Record<string, unknown> = { caseId: block.caseId, sourceId: block.sourceId };
    for (const field of present) {
      const value = block.columns[field]![k];
      if (value !== undefined) row[field] = value;
    }
    if (withText) row.raw = block.raw.slice(k === 0 ? 0 : block.rawEnds[k - 1], block.rawEnds[k]);
    return row;
  });
}

/** The rows of a block without their original text (what the column chunks are made from when a database is upgraded). */
export function blockFields(block: LogBlock): LogRow[] {
  return readRows(block, Array.from({ length: block.count }, (_, k) => k), false) as LogRow[];
}

/** The rows of a block, whole. */
export function blockRows(block: LogBlock): LogEntry[] {
  return readRows(block, Array.from({ length: block.count }, (_, k) => k), true) as LogEntry[];
}

/**
 * Turns a source's rows, given in file order in batches of any size, into
 * blocks (returned as they fill, to be written at once), then at the end
 * the last block, the postings and the index.
 */
export class LogBlockWriter {
  private pending: Partial<Record<StoredField, unknown[]>> = {};
  private pendingRaw: string[] = [];
  private pendingCount = 0;
  private block = 0;
  private rows = 0;
  private readonly firstLines: number[] = [];
  private readonly posted: { field: PostedField; valueOf: (entry: LogEntry) => string | undefined; lists: Map<string, number[]> }[];
  private times = new Float64Array(1024);
  private timed = new Int32Array(1024);
  private timedCount = 0;
  private inTimeOrder = true;

  constructor(
    private readonly caseId: string,
    private readonly sourceId: string,
    private readonly identifiers: readonly string[] = [],
  ) {
    this.posted = [
      ...POSTED_FIELDS.map((field) => ({ field, valueOf: (entry: LogEntry) => entry[field], lists: new Map<string, number[]>() })),
      ...identifiers.map((column) => ({ field: identifierField(column), valueOf: (entry: LogEntry) => entry.extra?.[column], lists: new Map<string, number[]>() })),
    ];
  }

  add(entries: readonly LogEntry[]): LogBlock[] {
    const full: LogBlock[] = [];
    for (const entry of entries) {
      const position = this.rows++;
      if (this.pendingCount === 0) this.firstLines.push(entry.line);
      for (const field of STORED_FIELDS) {
        const value = entry[field];
        if (value === undefined) continue;
        // Columns are kept packed (no holes: undefined where a row has no value), which IndexedDB copies many times faster than arrays with holes.
        const column = (this.pending[field] ??= []);
        while (column.length < this.pendingCount) column.push(undefined);
        column.push(value);
      }
      this.pendingRaw.push(entry.raw);
      this.pendingCount++;
      for (const { valueOf, lists } of this.posted) {
        const value = valueOf(entry);
        if (value === undefined) continue;
        const list = lists.get(value);
        if (list) list.push(position);
        else lists.set(value, [position]);
      }
      if (entry.ts !== null) this.addTime(entry.ts, position);
      if (this.pendingCount === BLOCK_ROWS) full.push(this.takeBlock());
    }
    return full;
  }

  finish(): { blocks: LogBlock[]; postings: LogPostings[]; index: LogSourceIndex } {
    const blocks = this.pendingCount ? [this.takeBlock()] : [];
    const postings = this.posted.flatMap(({ field, lists }) => this.bucketed(field, lists));
    let timeOrder = this.timed.slice(0, this.timedCount);
    let times = this.times.slice(0, this.timedCount);
    if (!this.inTimeOrder) {
      const order = Array.from(timeOrder.keys()).sort((a, b) => times[a]! - times[b]! || timeOrder[a]! - timeOrder[b]!);
      [timeOrder, times] = [Int32Array.from(order, (k) => timeOrder[k]!), Float64Array.from(order, (k) => times[k]!)];
    }
    const index: LogSourceIndex = { caseId: this.caseId, sourceId: this.sourceId, rows: this.rows, firstLines: this.firstLines, timeOrder, times };
    if (this.identifiers.length) index.identifiers = [...this.identifiers];
    return { blocks, postings, index };
  }

  private addTime(ts: number, position: number): void {
    if (this.timedCount === this.times.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T) => {
        const bigger = make(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      this.times = grow(this.times, (n) => new Float64Array(n));
      this.timed = grow(this.timed, (n) => new Int32Array(n));
    }
    if (this.timedCount > 0 && ts < this.times[this.timedCount - 1]!) this.inTimeOrder = false;
    this.times[this.timedCount] = ts;
    this.timed[this.timedCount++] = position;
  }

  private takeBlock(): LogBlock {
    const count = this.pendingCount;
    const columns = this.pending;
    for (const column of Object.values(columns)) while (column.length < count) column.push(undefined);
    const rawEnds = new Uint32Array(count);
    this.pendingRaw.reduce((end, text, k) => (rawEnds[k] = end + text.length), 0);
    const block = { caseId: this.caseId, sourceId: this.sourceId, block: this.block++, count, columns, raw: this.pendingRaw.join(''), rawEnds };
    [this.pending, this.pendingRaw, this.pendingCount] = [{}, [], 0];
    return block;
  }

  private bucketed(field: PostedField, lists: Map<string, number[]>): LogPostings[] {
    const byBucket = Array.from({ length: POSTING_BUCKETS }, () => [] as string[]);
    for (const value of lists.keys()) byBucket[bucketOf(value)]!.push(value);
    return byBucket.flatMap((values, bucket) => {
      if (values.length === 0) return [];
      values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      const starts = new Int32Array(values.length + 1);
      values.forEach((v, i) => (starts[i + 1] = starts[i]! + lists.get(v)!.length));
      const positions = new Int32Array(starts[values.length]!);
      values.forEach((v, i) => positions.set(lists.get(v)!, starts[i]!));
      return [{ caseId: this.caseId, sourceId: this.sourceId, field, bucket, values, starts, positions }];
    });
  }
}
