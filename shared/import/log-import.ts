import { UnusableFileError } from '../errors';
import type { LogEntry } from '../model/records';
import { autoMapFields, isKnownColumnName, type FieldMapping, type LogField } from './log-fields';
import { csvRecords, linesOf, type CsvRecord, type TextRecord } from './records-in-text';
import { parseTimestamp } from './timestamps';
import type { RowRejection } from './rejections';
import { parseJsonRecord } from './json-record';

export type LogFormat = 'jsonl' | 'csv' | 'tsv' | 'parquet';

/** How a log file is read; detected from a sample, correctable by the user. */
export interface LogImportSettings {
  format: LogFormat;
  hasHeader: boolean;
  /** Header names, JSON key paths, or `column 1`... for headerless files. */
  columns: string[];
  mapping: FieldMapping;
  /**
   * Unmapped columns the user marks as identifiers (an organisation, a
   * payment fingerprint, a device id): kept with posting lists like account,
   * key and IP, so that a filter on one is answered at once.
   */
  identifiers?: string[];
  /**
   * The years the log's times may lie in, first and last inclusive
   * (DEFAULT_YEARS when not given). A time outside them, such as a year 50
   * or an epoch of 10^20, is a misread column or a corrupt row: rejected,
   * with its line, rather than stored as a date nobody meant.
   */
  years?: { from: number; to: number };
}

export const DEFAULT_YEARS = { from: 1990, to: 2100 } as const;

const DELIMITER: Record<Exclude<LogFormat, 'jsonl' | 'parquet'>, string> = { csv: ',', tsv: '\t' };

/** JSON objects flattened one level: {"usage": {"prompt_tokens": 3}} has the column `usage.prompt_tokens`. */
function flatten(object: Record<string, unknown>): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, v] of Object.entries(value)) flat[`${key}.${inner}`] = v;
    } else {
      flat[key] = value;
    }
  }
  return flat;
}

function looksLikeData(value: string): boolean {
  const v = value.trim();
  return /^-?\d+(\.\d+)?$/.test(v) || /^\d{1,3}(\.\d{1,3}){3}$/.test(v) || (v.length >= 10 && parseTimestamp(v) !== null);
}

/** Columns and a first mapping for delimited text, its first row read as the header or, numbered, as data. */
function delimitedSettings(format: LogFormat, firstRow: readonly string[], hasHeader: boolean): LogImportSettings {
  if (hasHeader) return { format, hasHeader, columns: [...firstRow], mapping: autoMapFields([...firstRow]) };
  const columns = firstRow.map((_, i) => `column ${i + 1}`);
  const mapping: FieldMapping = {};
  firstRow.forEach((value, i) => {
    if (!mapping.timestamp && value.length >= 10 && parseTimestamp(value)) mapping.timestamp = columns[i];
    else if (!mapping.ip && /^\d{1,3}(\.\d{1,3}){3}$/.test(value.trim())) mapping.ip = columns[i];
  });
  return { format, hasHeader, columns, mapping };
}

/** Guesses format, header and mapping from the start of a file; `choice` overrides the format or header guess of delimited text. */
export function detectLogSettings(sample: string, choice: { format?: LogFormat; hasHeader?: boolean } = {}): LogImportSettings {
  const lines = [...takeFirst(linesOf(sample), 50)];
  const first = lines[0]?.raw.trim() ?? '';
  if (first.startsWith('{')) {
    const columns: string[] = [];
    for (const { raw } of lines) {
      // A bad row in the sample is reported when the file is parsed.
      const parsed = parseJsonRecord(raw);
      if ('value' in parsed && parsed.value && typeof parsed.value === 'object') for (const key of Object.keys(flatten(parsed.value as Record<string, unknown>))) if (!columns.includes(key)) columns.push(key);
    }
    return { format: 'jsonl', hasHeader: false, columns, mapping: autoMapFields(columns) };
  }
  const guessed: LogFormat = (first.match(/\t/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? 'tsv' : 'csv';
  const format = choice.format === 'csv' || choice.format === 'tsv' ? choice.format : guessed;
  const [head] = csvRecords(first, DELIMITER[format]);
  const names = head?.fields ?? [];
  return delimitedSettings(format, names, choice.hasHeader ?? (names.some(isKnownColumnName) || !names.some(looksLikeData)));
}

function* takeFirst<T>(items: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  let i = 0;
  for (const item of items) {
    yield item;
    if (++i >= n) return;
  }
}

export interface ParsedRows {
  entries: LogEntry[];
  rejections: RowRejection[];
  /** Rows whose timestamp named no zone and was read as UTC. */
  zonelessTimes: number;
}

type TextField = Exclude<LogField, 'timestamp' | 'tokensIn' | 'tokensOut'>;
const isTextField = (field: LogField): field is TextField => field !== 'timestamp' && field !== 'tokensIn' && field !== 'tokensOut' && field !== 'status';

/** A value as text, an empty string kept as empty: a field present and empty is not a field missing. */
function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Parses log text as it arrives, in pieces of any size, keeping each entry's
 * line number and original text. Rows that cannot be read are returned as
 * rejections with the reason, never dropped.
 */
function yearStart(year: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, 0, 1);
  return date.getTime();
}

export class LogParser {
  private buffer = '';
  private nextLine = 1;
  private headerSeen: boolean;
  private readonly mappedColumns: [LogField, string][];

  constructor(
    private readonly settings: LogImportSettings,
    private readonly ids: { caseId: string; sourceId: string },
  ) {
    this.headerSeen = !settings.hasHeader;
    this.mappedColumns = Object.entries(settings.mapping).filter((e): e is [LogField, string] => typeof e[1] === 'string');
    const years = settings.years ?? DEFAULT_YEARS;
    this.window = { ...years, first: yearStart(years.from), end: yearStart(years.to + 1) };
  }

  private readonly window: { from: number; to: number; first: number; end: number };

  /**
   * A row that ran past MAX_ROW_CHARS, already rejected, being passed over
   * as the text arrives; `quoted` says whether the text so far leaves a CSV
   * quote open.
   */
  private skipping: { quoted: boolean } | null = null;

  /**
   * With a CSV record left open (a quoted field running on), the buffer
   * is parsed again only once it has doubled: a long field is then read a
   * few times in all, not once per piece.
   */
  private parseAgainAt = 0;

  /** Parses every complete row in `text` (plus what was left over) and keeps the rest for later. */
  push(text: string): ParsedRows {
    if (this.skipping) text = this.skip(text);
    this.buffer += text;
    const cut = this.buffer.lastIndexOf('\n');
    let rows: ParsedRows = { entries: [], rejections: [], zonelessTimes: 0 };
    if (cut >= 0 && this.buffer.length >= this.parseAgainAt) {
      const result = this.parse(this.buffer.slice(0, cut + 1), false);
      this.buffer = result.leftover + this.buffer.slice(cut + 1);
      this.parseAgainAt = result.leftover ? this.buffer.length * 2 : 0;
      rows = result.rows;
    }
    if (this.buffer.length > MAX_ROW_CHARS) {
      // The unfinished row at the buffer's start is refused now, not held whole.
      rows.rejections.push({ line: this.nextLine, reason: `is longer than ${MAX_ROW_CHARS / 1024 / 1024} MB, which no log row is; it was passed over to its end`, raw: this.buffer.slice(0, 1000) });
      this.skipping = { quoted: false };
      this.parseAgainAt = 0;
      this.buffer = this.skip(this.buffer);
    }
    return rows;
  }

  /** Passes over the rest of a refused row (in CSV, to the first line break outside quotes), counting its lines; returns the text after it. */
  private skip(text: string): string {
    const skipping = this.skipping!;
    const csv = this.settings.format !== 'jsonl';
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      // A doubled quote inside a quoted field toggles twice, so toggling on every quote tracks RFC 4180's state.
      if (csv && ch === 0x22) skipping.quoted = !skipping.quoted;
      else if (ch === 0x0a) {
        this.nextLine++;
        if (!skipping.quoted) {
          this.skipping = null;
          return text.slice(i + 1);
        }
      }
    }
    return '';
  }

  /** Parses whatever is left at the end of the file. */
  end(): ParsedRows {
    const { rows } = this.parse(this.buffer, true);
    this.buffer = '';
    return rows;
  }

  /** Parses rows read as objects (a Parquet row group), numbered from `firstRow`; each is kept as its JSON text. */
  pushObjects(objects: readonly Record<string, unknown>[], firstRow: number): ParsedRows {
    const rows: ParsedRows = { entries: [], rejections: [], zonelessTimes: 0 };
    objects.forEach((object, k) => {
      const flat = flatten(object);
      this.addEntry({ line: firstRow + k, raw: JSON.stringify(object, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) }, (column) => flat[column], rows);
    });
    return rows;
  }

  private parse(text: string, last: boolean): { rows: ParsedRows; leftover: string } {
    const rows: ParsedRows = { entries: [], rejections: [], zonelessTimes: 0 };
    const startLine = this.nextLine;
    let leftover = '';
    const { format } = this.settings;
    if (format === 'parquet') throw new Error('A Parquet file is read by row group (pushObjects), not as text');
    if (format === 'jsonl') {
      for (const record of linesOf(text, startLine)) this.addJson(record, rows);
    } else {
      for (const record of csvRecords(text, DELIMITER[format], startLine)) {
        if (record.unclosed && !last) {
          // A quoted field may go on in the next piece: keep it and read it again then.
          leftover = text.slice(record.offset);
          this.nextLine = record.line;
          return { rows, leftover };
        }
        this.addCsv(record, rows);
      }
    }
    this.nextLine = startLine + countLines(text);
    return { rows, leftover };
  }

  private addJson(record: TextRecord, rows: ParsedRows): void {
    if (record.raw.length > MAX_ROW_CHARS) {
      rows.rejections.push({ line: record.line, reason: `is longer than ${MAX_ROW_CHARS / 1024 / 1024} MB, which no log row is`, raw: record.raw.slice(0, 1000) });
      return;
    }
    const parsed = parseJsonRecord(record.raw);
    if ('reason' in parsed) {
      rows.rejections.push({ line: record.line, reason: parsed.reason, raw: record.raw });
      return;
    }
    const { value } = parsed;
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      rows.rejections.push({ line: record.line, reason: 'is not a JSON object', raw: record.raw });
      return;
    }
    const flat = flatten(value as Record<string, unknown>);
    this.addEntry(record, (column) => flat[column], rows);
  }

  private addCsv(record: CsvRecord, rows: ParsedRows): void {
    if (record.error) {
      rows.rejections.push({ line: record.line, reason: record.error, raw: record.raw });
      return;
    }
    if (!this.headerSeen) {
      this.headerSeen = true;
      return;
    }
    const { columns } = this.settings;
    if (record.fields.length !== columns.length) {
      rows.rejections.push({ line: record.line, reason: `has ${record.fields.length} fields where ${this.settings.hasHeader ? 'the header has' : 'the first row has'} ${columns.length}`, raw: record.raw });
      return;
    }
    this.addEntry(record, (column) => record.fields[columns.indexOf(column)], rows);
  }

  private addEntry(record: Pick<TextRecord, 'line' | 'raw'>, valueOf: (column: string) => unknown, rows: ParsedRows): void {
    const entry: LogEntry = { caseId: this.ids.caseId, sourceId: this.ids.sourceId, line: record.line, ts: null, tsText: '', raw: record.raw };
    const mapped = new Set<string>();
    for (const [field, column] of this.mappedColumns) {
      mapped.add(column);
      const given = asText(valueOf(column));
      // A count, a status or a time that is empty is none: only text fields keep an empty value.
      const text = given === '' && !isTextField(field) ? undefined : given;
      if (field === 'timestamp') {
        if (!text) return reject(`has no ${column}`);
        const time = parseTimestamp(text);
        if (!time) return reject(`${column} “${text}” is not an ISO 8601 time or epoch seconds/milliseconds`);
        if (!(time.ms >= this.window.first && time.ms < this.window.end)) {
          return reject(`${column} “${text}” is outside the years ${this.window.from} to ${this.window.to} that this log's times are taken to lie in (change them at import if it truly goes beyond)`);
        }
        entry.ts = time.ms;
        entry.tsText = text;
        if (time.zoneless) rows.zonelessTimes++;
      } else if (field === 'tokensIn' || field === 'tokensOut') {
        if (text === undefined) continue;
        const n = Number(text);
        if (!Number.isInteger(n) || n < 0 || n > MAX_TOKEN_COUNT) return reject(`${column} “${text}” is not a token count (a whole number from 0 to ${MAX_TOKEN_COUNT.toLocaleString('en-US')})`);
        entry[field] = n;
      } else if (field === 'status' && text !== undefined) {
        const problem = statusProblem(text);
        if (problem) return reject(`${column} “${text.slice(0, 80)}” ${problem}`);
        entry.status = text;
      } else if (text !== undefined) {
        entry[field as TextField] = text;
      }
    }
    const extra: Record<string, string> = {};
    for (const column of this.settings.columns) {
      if (mapped.has(column)) continue;
      const text = asText(valueOf(column));
      if (text !== undefined) extra[column] = text;
    }
    if (Object.keys(extra).length) entry.extra = extra;
    rows.entries.push(entry);

    function reject(reason: string): void {
      rows.rejections.push({ line: record.line, reason, raw: record.raw });
    }
  }
}

function countLines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

/** More columns than any API gateway export has; a file with more is not a log excerpt (or is one no field mapping could be checked against). */
const MAX_LOG_COLUMNS = 1_000;
/** More tokens than any one request can carry (the largest context windows hold about ten million). */
export const MAX_TOKEN_COUNT = 100_000_000;
/** Longer than any log row, even one carrying a whole prompt; a line this long is a broken file or an attack on memory. */
const MAX_ROW_CHARS = 16 * 1024 * 1024;

/** Why a status value is not one, or null: a number must be an HTTP status code; text must be short and printable. */
function statusProblem(text: string): string | null {
  if (/^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(text)) return Number.isInteger(Number(text)) && Number(text) >= 100 && Number(text) <= 599 ? null : 'is a number but no HTTP status code (100 to 599)';
  // eslint-disable-next-line no-control-regex
  if (text.length > 64 || /[\u0000-\u001f\u007f]/.test(text)) return 'is not a status: longer than 64 characters or holding control characters';
  return null;
}

/** Refuses a log file in which nothing identifies a log row, or whose columns no log has. */
export function checkLogSettings(settings: LogImportSettings, fileName: string): void {
  if (settings.columns.length > MAX_LOG_COLUMNS) throw new UnusableFileError(`${fileName} has ${settings.columns.length.toLocaleString('en-US')} columns; no API log export has more than ${MAX_LOG_COLUMNS.toLocaleString('en-US')}, so it is refused rather than read as one`);
  if (settings.columns.includes('__proto__')) throw new UnusableFileError(`${fileName} has a column named “__proto__”, which names object structure in JavaScript and cannot be kept as a field; rename it in the export`);
  // With two columns of one name, a mapping could only ever read the first: which one the export meant is not ours to guess.
  const twice = settings.columns.find((column, i) => settings.columns.indexOf(column) !== i);
  if (twice !== undefined) throw new UnusableFileError(`${fileName} has two columns named “${twice}”; rename one in the export, since only the first could ever be read`);
  const years = settings.years;
  if (years && !(Number.isInteger(years.from) && Number.isInteger(years.to) && years.from >= 1 && years.to <= 9999 && years.from <= years.to)) {
    throw new UnusableFileError(`The years a log's times lie in must be whole years from 1 to 9999, the first no later than the last; not ${years.from} to ${years.to}`);
  }
  for (const column of settings.identifiers ?? []) {
    if (!settings.columns.includes(column)) throw new UnusableFileError(`${fileName} has no column named “${column}” to mark as an identifier; its columns are ${settings.columns.map((c) => `“${c}”`).join(', ')}`);
    const field = Object.entries(settings.mapping).find(([, mapped]) => mapped === column)?.[0];
    if (field) throw new UnusableFileError(`“${column}” is mapped to the ${field} field; only a column left unmapped can be marked as an identifier`);
  }
  if (!settings.mapping.timestamp && !settings.mapping.account && !settings.mapping.apiKey && !settings.mapping.ip) {
    throw new UnusableFileError(
      `${fileName} does not look like an API log excerpt: no timestamp, account, API key or IP column was found among ${settings.columns.length ? settings.columns.map((c) => `“${c}”`).join(', ') : 'its columns'}. Map the fields by hand (--map timestamp=<column> ...)`,
    );
  }
}

/** The identifier columns a log source was imported with, read from its recorded settings. */
export function identifiersOf(source: { settings: Record<string, unknown> }): string[] {
  const { identifiers } = source.settings;
  return Array.isArray(identifiers) ? identifiers.filter((c): c is string => typeof c === 'string') : [];
}

/** How a Parquet log is read: its columns (nested fields joined with a dot), mapped by name like CSV headers. */
export function parquetSettings(columns: string[]): LogImportSettings {
  return { format: 'parquet', hasHeader: false, columns, mapping: autoMapFields(columns) };
}

/** The settings a log file is read with: those detected, corrected by what the user chose. */
export function logSettingsFor(detected: LogImportSettings, request: { mapping?: FieldMapping; format?: LogFormat; hasHeader?: boolean; identifiers?: string[]; years?: { from: number; to: number } }): LogImportSettings {
  // A header read as data (--no-header): its names become the first row's values, and the columns are numbered.
  const headerAsData = request.hasHeader === false && detected.hasHeader && (detected.format === 'csv' || detected.format === 'tsv');
  const settings = {
    ...(headerAsData ? delimitedSettings(detected.format, detected.columns, false) : detected),
    ...(request.format && { format: request.format }),
    ...(request.hasHeader !== undefined && { hasHeader: request.hasHeader }),
    ...(request.identifiers?.length && { identifiers: request.identifiers }),
    ...(request.years && { years: request.years }),
  };
  if (request.mapping) {
    const unknown = Object.values(request.mapping).filter((column) => column !== undefined && !settings.columns.includes(column));
    if (unknown.length) throw new UnusableFileError(`No column named ${unknown.map((c) => `“${c}”`).join(', ')}; the columns are ${settings.columns.map((c) => `“${c}”`).join(', ')}`);
    settings.mapping = { ...settings.mapping, ...request.mapping };
  }
  return settings;
}
