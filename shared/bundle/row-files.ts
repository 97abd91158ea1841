import { csvField } from '../text/csv';
import { sha256Hex } from '../hash';
import type { LogEntry, SourceRecord } from '../model/records';

/** One file of a log-row exhibit's selection, attached to the bundle and listed in its manifest. */
export interface RowFile {
  attachment: string;
  bytes: Uint8Array;
  sha256: string;
  rows: number;
}

/** The columns of a selection's CSV: each row's file and line first, its fields by the names a reader knows, its text as logged last. */
const CSV_COLUMNS: [string, (row: LogEntry, file: string) => string | number | null | undefined][] = [
  ['file', (_, file) => file],
  ['line', (row) => row.line],
  ['time_utc', (row) => (row.ts === null ? '' : new Date(row.ts).toISOString())],
  ['time_as_logged', (row) => row.tsText],
  ['account', (row) => row.account],
  ['api_key', (row) => row.apiKey],
  ['ip_address', (row) => row.ip],
  ['user_agent', (row) => row.userAgent],
  ['endpoint', (row) => row.endpoint],
  ['model', (row) => row.model],
  ['prompt', (row) => row.prompt],
  ['prompt_sha256', (row) => row.promptHash],
  ['tokens_in', (row) => row.tokensIn],
  ['tokens_out', (row) => row.tokensOut],
  ['request_id', (row) => row.requestId],
  ['status', (row) => row.status],
  ['other_columns', (row) => (row.extra ? JSON.stringify(row.extra) : '')],
  ['as_logged', (row) => row.raw],
];


const encoder = new TextEncoder();

function rowFile(attachment: string, text: string, rows: number): RowFile {
  const bytes = encoder.encode(text);
  return { attachment, bytes, sha256: sha256Hex(bytes), rows };
}

/** The files a selection will be attached as, named and counted but not written: for counting a bundle's pages. */
export function selectionFilesUnwritten(exhibit: number, rows: number): RowFile[] {
  return ['csv', 'jsonl'].map((ext) => ({ attachment: `exhibit-${exhibit}-rows.${ext}`, bytes: new Uint8Array(), sha256: '0'.repeat(64), rows }));
}

/**
 * A log-row exhibit's whole selection as CSV (for a spreadsheet) and JSON
 * Lines (every field as stored), each row with its file and line, so each
 * can be traced to the original attached beside it.
 */
export function selectionFiles(exhibit: number, rows: readonly LogEntry[], sources: readonly SourceRecord[]): RowFile[] {
  const fileOf = new Map(sources.map((s) => [s.id, s.fileName]));
  const name = (id: string) => fileOf.get(id) ?? 'a removed file';
  const csv = [CSV_COLUMNS.map(([column]) => column).join(','), ...rows.map((row) => CSV_COLUMNS.map(([, value]) => csvField(value(row, name(row.sourceId)))).join(','))].join('\r\n');
  const jsonl = rows.map(({ caseId: _case, sourceId, ...fields }) => JSON.stringify({ file: name(sourceId), ...fields })).join('\n');
  return [rowFile(`exhibit-${exhibit}-rows.csv`, `${csv}\r\n`, rows.length), rowFile(`exhibit-${exhibit}-rows.jsonl`, `${jsonl}\n`, rows.length)];
}
