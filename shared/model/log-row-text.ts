import { joinBytes } from '../bytes';
import { sha256Bytes, sha256Hex } from '../hash';
import { LogEntry } from './records';

const FIELDS = Object.keys(LogEntry.shape) as (keyof LogEntry)[];
const encoder = new TextEncoder();

/**
 * One log row as text: its fields in the schema's order, extra columns by
 * name, so a row is the same text however it was stored (the log engine,
 * an archive, memory). Archives store rows this way, one per line.
 */
export function logRowLine(row: LogEntry): string {
  // JSON.stringify of the fields in this order, written field by field: the same text, without building an object per row.
  let line = '';
  for (const field of FIELDS) {
    const value = row[field];
    if (value === undefined) continue;
    const text = field === 'extra' ? JSON.stringify(Object.fromEntries(Object.entries(value as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))) : JSON.stringify(value);
    line += `${line ? ',' : '{'}"${field}":${text}`;
  }
  return line ? `${line}}` : '{}';
}

/** Rows per digest: each group's text is hashed natively (Web Crypto), which pure-JavaScript SHA-256 cannot keep up with at import speed. */
const GROUP_ROWS = 1024;

export interface LogRowsHasher {
  /** Await each call before the next: the groups are hashed in order. */
  add(rows: readonly LogEntry[]): Promise<void>;
  hex(): Promise<string>;
}

/**
 * The digest of a log's rows, fed in line order: the SHA-256 of the SHA-256s
 * of each 1,024 rows' logRowLine texts joined by newlines (the last group
 * may be shorter). Any row changed, added, removed or moved changes it.
 */
export function logRowsHasher(): LogRowsHasher {
  let lines: string[] = [];
  const digests: Uint8Array[] = [];
  const digestGroup = async () => {
    const text = lines.join('\n');
    lines = [];
    digests.push(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))));
  };
  return {
    async add(rows) {
      for (const row of rows) {
        lines.push(logRowLine(row));
        if (lines.length === GROUP_ROWS) await digestGroup();
      }
    },
    async hex() {
      if (lines.length) await digestGroup();
      return sha256Hex(joinBytes(digests));
    },
  };
}

/**
 * The digest of each source's rows, for rows held in memory (any order: each
 * source's are hashed in line order). The same digest as logRowsHasher's,
 * taken synchronously, for small cases and tests.
 */
export function logRowsSha256Of(rows: readonly LogEntry[]): Map<string, string> {
  const bySource = new Map<string, LogEntry[]>();
  for (const row of rows) (bySource.get(row.sourceId) ?? bySource.set(row.sourceId, []).get(row.sourceId)!).push(row);
  const digests = new Map<string, string>();
  for (const [sourceId, sourceRows] of bySource) {
    const sorted = sourceRows.sort((a, b) => a.line - b.line);
    const groups: Uint8Array[] = [];
    for (let i = 0; i < sorted.length; i += GROUP_ROWS) groups.push(sha256Bytes(encoder.encode(sorted.slice(i, i + GROUP_ROWS).map(logRowLine).join('\n'))));
    digests.set(sourceId, sha256Hex(joinBytes(groups)));
  }
  return digests;
}
