import type { DuckDBConnection } from '@duckdb/node-api';
import { LOG_ROW_COLUMNS } from '../shared/warehouse/harvest-sql';

/** The pack's `log_rows` contract as DuckDB column types, with any fingerprint columns as text. */
export function logRowsColumns(extra: readonly string[] = []): string {
  return [...LOG_ROW_COLUMNS.map(([name, type]) => `${name} ${type === 'integer' ? 'BIGINT' : 'VARCHAR'}`), ...extra.map((name) => `${name} VARCHAR`)].join(', ');
}

/** Appends records (their values in the table's column order; numbers as BIGINT, null as NULL) to a DuckDB table. */
export async function appendRecords(duck: DuckDBConnection, table: string, records: Iterable<Record<string, string | number | null>>): Promise<void> {
  const appender = await duck.createAppender(table);
  for (const record of records) {
    for (const value of Object.values(record)) {
      if (value === null) appender.appendNull();
      else if (typeof value === 'number') appender.appendBigInt(BigInt(value));
      else appender.appendVarchar(value);
    }
    appender.endRow();
  }
  appender.closeSync();
}
