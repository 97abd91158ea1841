import { UnusableFileError } from '../errors';
import { parquetMetadataAsync, parquetReadObjects, parquetSchema, type AsyncBuffer, type FileMetaData } from 'hyparquet';

/** A Parquet file starts (and ends) with these four bytes. */
export function isParquet(firstBytes: Uint8Array): boolean {
  return firstBytes[0] === 0x50 && firstBytes[1] === 0x41 && firstBytes[2] === 0x52 && firstBytes[3] === 0x31;
}

/** A file read at any offset, as Parquet readers need. */
export interface RandomAccessFile {
  size: number;
  slice(start: number, end: number): Promise<Uint8Array>;
}

/** Epoch nanoseconds as ISO 8601 text in UTC, with as many fraction digits as the column's unit holds. */
function isoFromNanos(nanos: bigint, digits: 3 | 6 | 9): string {
  const perMs = 1_000_000n;
  let ms = nanos / perMs;
  if (nanos < 0n && ms * perMs !== nanos) ms -= 1n;
  const date = new Date(Number(ms));
  if (Number.isNaN(date.getTime())) throw new RangeError(`the time ${nanos} ns from 1970 is outside the range of dates`);
  const rest = (nanos - ms * perMs).toString().padStart(6, '0');
  return `${date.toISOString().slice(0, -1)}${rest.slice(0, digits - 3)}Z`;
}

// Timestamps kept to the unit they were stored in, as text the importer reads exactly (the default reader rounds to milliseconds).
const EXACT_TIMES = {
  timestampFromMilliseconds: (ms: bigint) => isoFromNanos(ms * 1_000_000n, 3),
  timestampFromMicroseconds: (us: bigint) => isoFromNanos(us * 1_000n, 6),
  timestampFromNanoseconds: (ns: bigint) => isoFromNanos(ns, 9),
  dateFromDays: (days: number) => new Date(days * 86_400_000).toISOString().slice(0, 10),
};

function asyncBuffer(file: RandomAccessFile): AsyncBuffer {
  return {
    byteLength: file.size,
    slice: async (start, end) => {
      const bytes = await file.slice(start, end ?? file.size);
      return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? (bytes.buffer as ArrayBuffer) : (bytes.slice().buffer as ArrayBuffer);
    },
  };
}

export interface ParquetLog {
  /** Column names, nested fields joined with a dot as in JSON Lines. */
  columns: string[];
  rows: number;
  rowGroups: number;
  /** The rows of each row group in turn, numbered from 1 across the file. */
  groups(): AsyncGenerator<{ group: number; firstRow: number; rows: Record<string, unknown>[] }>;
  /** The first rows, for a preview. */
  first(count: number): Promise<Record<string, unknown>[]>;
}

/** Opens a Parquet log: its schema at once, its rows a row group at a time. A file that cannot be read is refused by name, row group and reason. */
export async function openParquet(file: RandomAccessFile, fileName: string): Promise<ParquetLog> {
  const buffer = asyncBuffer(file);
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(buffer, { parsers: EXACT_TIMES });
  } catch (error) {
    throw new UnusableFileError(`${fileName} is not a Parquet file that can be read: ${(error as Error).message}`);
  }
  const columns = parquetSchema(metadata).children.flatMap((c) => (c.children.length ? c.children.map((g) => `${c.element.name}.${g.element.name}`) : [c.element.name]));
  return {
    columns,
    first: (count) => parquetReadObjects({ file: buffer, metadata, rowStart: 0, rowEnd: Math.min(count, Number(metadata.num_rows)), parsers: EXACT_TIMES }),
    rows: Number(metadata.num_rows),
    rowGroups: metadata.row_groups.length,
    async *groups() {
      let firstRow = 1;
      for (let group = 0; group < metadata.row_groups.length; group++) {
        const count = Number(metadata.row_groups[group]!.num_rows);
        let rows: Record<string, unknown>[];
        try {
          rows = await parquetReadObjects({ file: buffer, metadata, rowStart: firstRow - 1, rowEnd: firstRow - 1 + count, parsers: EXACT_TIMES });
        } catch (error) {
          throw new UnusableFileError(`${fileName}: row group ${group + 1} (rows ${firstRow}–${firstRow + count - 1}) cannot be read: ${(error as Error).message}`);
        }
        yield { group, firstRow, rows };
        firstRow += count;
      }
    },
  };
}
