import type { LogEntry } from './records';

/**
 * A log row as columns: how the log engine stores a row, and how a case
 * archive's Parquet entry holds it (one column each, in this order, with
 * the SQL type), so that any tool reading the archive sees the same rows.
 */
export const LOG_ENTRY_COLUMNS = [
  ['line', 'INTEGER NOT NULL'],
  ['ts', 'DOUBLE'],
  ['tsText', 'VARCHAR NOT NULL'],
  ['account', 'VARCHAR'],
  ['apiKey', 'VARCHAR'],
  ['ip', 'VARCHAR'],
  ['userAgent', 'VARCHAR'],
  ['endpoint', 'VARCHAR'],
  ['model', 'VARCHAR'],
  ['prompt', 'VARCHAR'],
  ['promptHash', 'VARCHAR'],
  ['tokensIn', 'DOUBLE'],
  ['tokensOut', 'DOUBLE'],
  ['requestId', 'VARCHAR'],
  ['status', 'VARCHAR'],
  // The unmapped columns, as a JSON object of text values.
  ['extra', 'VARCHAR'],
  ['raw', 'VARCHAR NOT NULL'],
] as const satisfies readonly (readonly [keyof LogEntry, string])[];

export type LogRowColumn = (typeof LOG_ENTRY_COLUMNS)[number][0];

/**
 * Columns are UTF-8 text, which has no lone surrogate: a JSON log can still
 * give one ("\ud800"), and the row must come back as it went in. Such a
 * field's exact text is kept beside the row in this column, as JSON (which
 * escapes it), and read back in its place.
 */
export const EXACT_TEXT_COLUMN = 'exactText';

const NUMERIC = new Set<LogRowColumn>(['line', 'ts', 'tokensIn', 'tokensOut']);

// String.prototype.isWellFormed (ES2024, in every Node, Electron and Chromium we run) is native; the library types stop at ES2023.
export const isWellFormed = (text: string) => (text as string & { isWellFormed(): boolean }).isWellFormed();

/** A row read back from its columns (the engine's, or a Parquet entry's); `withRaw` false leaves its text out, as the analyses need none. */
export function entryOfColumns(caseId: string, sourceId: string, row: Readonly<Record<string, unknown>>, withRaw = true): LogEntry {
  const entry: Record<string, unknown> = { caseId, sourceId };
  for (const [name] of LOG_ENTRY_COLUMNS) {
    const value = row[name];
    if (value === null || value === undefined) continue;
    if (name === 'extra') entry.extra = JSON.parse(String(value)) as Record<string, string>;
    else entry[name] = NUMERIC.has(name) ? Number(value) : String(value);
  }
  entry.ts ??= null;
  const exact = row[EXACT_TEXT_COLUMN];
  if (exact !== null && exact !== undefined) Object.assign(entry, JSON.parse(String(exact)) as Record<string, string>);
  if (!withRaw) entry.raw = '';
  return entry as LogEntry;
}
