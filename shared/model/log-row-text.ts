import { createSha256 } from '../hash';
import { LogEntry } from './records';

const FIELDS = Object.keys(LogEntry.shape) as (keyof LogEntry)[];
const encoder = new TextEncoder();

/**
 * One log row as text: its fields in the schema's order, extra columns by
 * name, so a row is the same text however it was stored (IndexedDB blocks,
 * an archive, memory). Archives store rows this way, one per line.
 */
export function logRowLine(row: LogEntry): string {
  const ordered: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = row[field];
    if (value === undefined) continue;
    ordered[field] = field === 'extra' ? Object.fromEntries(Object.entries(value as Record<string, string>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value;
  }
  return JSON.stringify(ordered);
}

/**
 * The SHA-256 of a log's rows, fed in line order: of their logRowLine texts
 * joined by newlines, which is the text of the log's entry in an archive.
 */
export function logRowsHasher(): { add(rows: readonly LogEntry[]): void; hex(): string } {
  const hash = createSha256();
  let first = true;
  return {
    add(rows) {
      if (rows.length === 0) return;
      const text = rows.map(logRowLine).join('\n');
      hash.update(encoder.encode(first ? text : `\n${text}`));
      first = false;
    },
    hex: () => hash.hex(),
  };
}

/** The SHA-256 of each source's rows, for rows held in memory (any order: each source's are hashed in line order). */
export function logRowsSha256Of(rows: readonly LogEntry[]): Map<string, string> {
  const bySource = new Map<string, LogEntry[]>();
  for (const row of rows) (bySource.get(row.sourceId) ?? bySource.set(row.sourceId, []).get(row.sourceId)!).push(row);
  return new Map(
    [...bySource].map(([sourceId, sourceRows]) => {
      const hasher = logRowsHasher();
      hasher.add(sourceRows.sort((a, b) => a.line - b.line));
      return [sourceId, hasher.hex()];
    }),
  );
}
