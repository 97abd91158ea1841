import { parquetWriteBuffer } from 'hyparquet-writer';

export interface ParquetLogRow {
  /** Microseconds since 1970 (a TIMESTAMP column, unit MICROS), or null for a row without a time. */
  micros: bigint | null;
  account: string;
  ip: string;
  prompt: string;
  tokens: bigint;
}

/** A log as a warehouse exports it to Parquet: a microsecond timestamp, strings, an INT64 count, in row groups of `rowGroupSize`. */
export function parquetLog(rows: readonly ParquetLogRow[], rowGroupSize: number): Uint8Array {
  const optional = 'OPTIONAL' as const;
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'event_time', data: rows.map((r) => r.micros) },
        { name: 'account_id', data: rows.map((r) => r.account) },
        { name: 'client_ip', data: rows.map((r) => r.ip) },
        { name: 'prompt', data: rows.map((r) => r.prompt) },
        { name: 'prompt_tokens', data: rows.map((r) => r.tokens) },
      ],
      schema: [
        { name: 'root', num_children: 5 },
        { name: 'event_time', type: 'INT64', logical_type: { type: 'TIMESTAMP', isAdjustedToUTC: true, unit: 'MICROS' }, repetition_type: optional },
        { name: 'account_id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: optional },
        { name: 'client_ip', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: optional },
        { name: 'prompt', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: optional },
        { name: 'prompt_tokens', type: 'INT64', repetition_type: optional },
      ],
      rowGroupSize,
    }),
  );
}
