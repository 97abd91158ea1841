import type { LogRow } from '../model/records';

/**
 * The fields the analyses read, for a source's rows, in chunks of
 * CHUNK_ROWS rows held column by column: numbers in typed arrays, text
 * coded against the chunk's own list of distinct values, so a text sent a
 * thousand times is worked on once per chunk, not once per row. The log
 * engine serves a source's rows this way (node/log-engine.ts); the CLI
 * makes them from an archive's rows.
 */
export const CHUNK_ROWS = 65_536;

const NUMBER_FIELDS = ['line', 'ts', 'tokensIn', 'tokensOut'] as const;
const TEXT_FIELDS = ['account', 'apiKey', 'ip', 'userAgent', 'prompt', 'promptHash'] as const;
type NumberField = (typeof NUMBER_FIELDS)[number];
type TextField = (typeof TEXT_FIELDS)[number];

/** A text column: each row's index into `values`, or -1 where the row has none. */
export interface CodedColumn {
  values: string[];
  codes: Int32Array;
}

export interface LogChunk {
  caseId: string;
  sourceId: string;
  chunk: number;
  rows: number;
  /** NaN where a row has no value (a row with no time has ts NaN). */
  numbers: Record<NumberField, Float64Array>;
  text: Record<TextField, CodedColumn>;
  /** The unmapped columns some rows have, by header name. */
  extra: Record<string, CodedColumn>;
}

/** The fields of a log row the analyses read. */
export type AnalysedRow = Pick<LogRow, 'sourceId' | 'line' | 'ts' | 'account' | 'apiKey' | 'ip' | 'userAgent' | 'prompt' | 'promptHash' | 'tokensIn' | 'tokensOut' | 'extra'>;

/** A case's log rows as chunks, read afresh each time it is called: an analysis may pass over them more than once, and never holds them all. */
export type LogChunks = () => AsyncIterable<LogChunk> | Iterable<LogChunk>;

/** A row's value in a text column. */
export function textAt(column: CodedColumn, row: number): string | undefined {
  const code = column.codes[row]!;
  return code < 0 ? undefined : column.values[code];
}

class CodedColumnWriter {
  private readonly index = new Map<string, number>();
  private readonly values: string[] = [];
  constructor(private readonly codes: Int32Array) {}
  set(row: number, value: string | undefined): void {
    if (value === undefined) return;
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    this.codes[row] = code;
  }
  column(rows: number): CodedColumn {
    return { values: this.values, codes: this.codes.slice(0, rows) };
  }
}

/** Turns a source's rows, given in file order in batches of any size, into chunks, returned as they fill. */
export class LogChunkWriter {
  private chunk = 0;
  private rows = 0;
  private numbers!: Record<NumberField, Float64Array>;
  private text!: Record<TextField, CodedColumnWriter>;
  private extra!: Map<string, CodedColumnWriter>;

  constructor(
    private readonly caseId: string,
    private readonly sourceId: string,
  ) {
    this.start();
  }

  add(rows: readonly LogRow[]): LogChunk[] {
    const full: LogChunk[] = [];
    for (const row of rows) {
      const k = this.rows++;
      for (const field of NUMBER_FIELDS) {
        const value = row[field];
        if (value !== undefined && value !== null) this.numbers[field][k] = value;
      }
      for (const field of TEXT_FIELDS) this.text[field].set(k, row[field]);
      if (row.extra) {
        for (const [name, value] of Object.entries(row.extra)) {
          let column = this.extra.get(name);
          if (!column) this.extra.set(name, (column = new CodedColumnWriter(new Int32Array(CHUNK_ROWS).fill(-1))));
          column.set(k, value);
        }
      }
      if (this.rows === CHUNK_ROWS) full.push(this.take());
    }
    return full;
  }

  /** The last chunk, if any rows are left. */
  finish(): LogChunk[] {
    return this.rows ? [this.take()] : [];
  }

  private start(): void {
    this.numbers = Object.fromEntries(NUMBER_FIELDS.map((f) => [f, new Float64Array(CHUNK_ROWS).fill(NaN)])) as Record<NumberField, Float64Array>;
    this.text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, new CodedColumnWriter(new Int32Array(CHUNK_ROWS).fill(-1))])) as Record<TextField, CodedColumnWriter>;
    this.extra = new Map();
    this.rows = 0;
  }

  private take(): LogChunk {
    const rows = this.rows;
    const chunk: LogChunk = {
      caseId: this.caseId,
      sourceId: this.sourceId,
      chunk: this.chunk++,
      rows,
      numbers: Object.fromEntries(NUMBER_FIELDS.map((f) => [f, this.numbers[f].slice(0, rows)])) as Record<NumberField, Float64Array>,
      text: Object.fromEntries(TEXT_FIELDS.map((f) => [f, this.text[f].column(rows)])) as Record<TextField, CodedColumn>,
      extra: Object.fromEntries([...this.extra].map(([name, column]) => [name, column.column(rows)])),
    };
    this.start();
    return chunk;
  }
}

/** Adds rows to the chunk writer of their source; gives the chunks that filled. */
function* addRows(writers: Map<string, LogChunkWriter>, rows: Iterable<LogRow>): Generator<LogChunk> {
  for (const row of rows) {
    let writer = writers.get(row.sourceId);
    if (!writer) writers.set(row.sourceId, (writer = new LogChunkWriter(row.caseId, row.sourceId)));
    yield* writer.add([row]);
  }
}

/**
 * Rows already in memory (the tests, the demo) as chunks, each source's in
 * the order given. A function giving the rows is called once per pass, so
 * rows made on the fly are never all held.
 */
export function chunksOfRows(rows: readonly LogRow[] | (() => Iterable<LogRow>)): LogChunks {
  return function* () {
    const writers = new Map<string, LogChunkWriter>();
    yield* addRows(writers, typeof rows === 'function' ? rows() : rows);
    for (const writer of writers.values()) yield* writer.finish();
  };
}

/** A chunk's rows as objects, for an analysis that works row by row. */
export function chunkRows(chunk: LogChunk): AnalysedRow[] {
  const extras = Object.entries(chunk.extra);
  const rows: AnalysedRow[] = new Array(chunk.rows);
  for (let k = 0; k < chunk.rows; k++) {
    const ts = chunk.numbers.ts[k]!;
    const row: AnalysedRow = { sourceId: chunk.sourceId, line: chunk.numbers.line[k]!, ts: Number.isNaN(ts) ? null : ts };
    for (const field of TEXT_FIELDS) {
      const value = textAt(chunk.text[field], k);
      if (value !== undefined) row[field] = value;
    }
    for (const field of ['tokensIn', 'tokensOut'] as const) {
      const value = chunk.numbers[field][k]!;
      if (!Number.isNaN(value)) row[field] = value;
    }
    for (const [name, column] of extras) {
      const value = textAt(column, k);
      if (value !== undefined) (row.extra ??= {})[name] = value;
    }
    rows[k] = row;
  }
  return rows;
}

/**
 * A chunk as bytes, for a store to keep whole and give back at once: a JSON
 * header (the chunk's names, counts and each text column's values), then
 * its numbers and codes as they are in memory. Decoded, it is the chunk.
 */
export function encodeChunk(chunk: LogChunk): Uint8Array {
  const header = new TextEncoder().encode(
    JSON.stringify({ caseId: chunk.caseId, sourceId: chunk.sourceId, chunk: chunk.chunk, rows: chunk.rows, text: Object.fromEntries(TEXT_FIELDS.map((f) => [f, chunk.text[f].values])), extra: Object.fromEntries(Object.entries(chunk.extra).map(([name, column]) => [name, column.values])) }),
  );
  // The numbers start on an 8-byte boundary, where a Float64Array can be laid over them.
  const start = Math.ceil((4 + header.length) / 8) * 8;
  const codes = [...TEXT_FIELDS.map((f) => chunk.text[f].codes), ...Object.values(chunk.extra).map((c) => c.codes)];
  const bytes = new Uint8Array(start + NUMBER_FIELDS.length * chunk.rows * 8 + codes.length * chunk.rows * 4);
  new DataView(bytes.buffer).setUint32(0, header.length, true);
  bytes.set(header, 4);
  let at = start;
  for (const array of [...NUMBER_FIELDS.map((f) => chunk.numbers[f]), ...codes]) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array.byteLength;
  }
  return bytes;
}

export function decodeChunk(bytes: Uint8Array): LogChunk {
  // A copy on its own buffer, aligned for the typed arrays laid over it (a Node Buffer's slice would share its pool).
  const own = new Uint8Array(bytes);
  const length = new DataView(own.buffer).getUint32(0, true);
  const header = JSON.parse(new TextDecoder().decode(own.subarray(4, 4 + length))) as { caseId: string; sourceId: string; chunk: number; rows: number; text: Record<TextField, string[]>; extra: Record<string, string[]> };
  const { rows } = header;
  let at = Math.ceil((4 + length) / 8) * 8;
  const take = <T extends Float64Array | Int32Array>(make: new (buffer: ArrayBuffer, offset: number, length: number) => T, size: number): T => {
    const array = new make(own.buffer, at, rows);
    at += rows * size;
    return array;
  };
  const numbers = Object.fromEntries(NUMBER_FIELDS.map((f) => [f, take(Float64Array, 8)])) as Record<NumberField, Float64Array>;
  const text = Object.fromEntries(TEXT_FIELDS.map((f) => [f, { values: header.text[f], codes: take(Int32Array, 4) }])) as Record<TextField, CodedColumn>;
  const extra = Object.fromEntries(Object.entries(header.extra).map(([name, values]) => [name, { values, codes: take(Int32Array, 4) }]));
  return { caseId: header.caseId, sourceId: header.sourceId, chunk: header.chunk, rows, numbers, text, extra };
}
