import Dexie, { type Collection } from 'dexie';
import { ROW_CHECKPOINT_EVERY, type LogEntry, type SourceRecord } from '../../shared/model/records';
import type { EvidenceDatabase } from './database';

export interface LogFilter {
  account?: string;
  apiKey?: string;
  ip?: string;
  /** UTC epoch milliseconds, inclusive. */
  from?: number;
  to?: number;
  /** Text the raw line must contain (ignoring case); checked row by row, after the indexed fields narrow the rows. */
  text?: string;
}

export const isFiltered = (f: LogFilter): boolean => Object.values(f).some((v) => v !== undefined && v !== '');

/**
 * A source's log rows matching a filter. The most selective indexed field
 * picks the index (account, key, IP, then time); the rest is checked row by
 * row. Unfiltered rows come in line order.
 */
export function logRows(db: EvidenceDatabase, caseId: string, sourceId: string, filter: LogFilter): Collection<LogEntry, [string, number]> {
  const { account, apiKey, ip, from, to } = filter;
  const text = filter.text?.toLowerCase();
  const inTime = (e: LogEntry) => (from === undefined || (e.ts !== null && e.ts >= from)) && (to === undefined || (e.ts !== null && e.ts <= to));
  const matches = (e: LogEntry) =>
    e.sourceId === sourceId && (!account || e.account === account) && (!apiKey || e.apiKey === apiKey) && (!ip || e.ip === ip) && inTime(e) && (!text || e.raw.toLowerCase().includes(text));
  const table = db.logEntries;
  if (account) return table.where('[caseId+account]').equals([caseId, account]).and(matches);
  if (apiKey) return table.where('[caseId+apiKey]').equals([caseId, apiKey]).and(matches);
  if (ip) return table.where('[caseId+ip]').equals([caseId, ip]).and(matches);
  if (from !== undefined || to !== undefined) {
    return table.where('[caseId+ts]').between([caseId, from ?? -Infinity], [caseId, to ?? Infinity], true, true).and(matches);
  }
  const all = table.where('[sourceId+line]').between([sourceId, Dexie.minKey], [sourceId, Dexie.maxKey]);
  return text ? all.and(matches) : all;
}

/**
 * The rows from position `start` on. Unfiltered, it starts at the nearest
 * line checkpoint and skips fewer than ROW_CHECKPOINT_EVERY rows, so the end
 * of a million-row source is as quick to show as its start.
 */
export function logRowsWindow(db: EvidenceDatabase, source: SourceRecord, filter: LogFilter, start: number, count: number): Promise<LogEntry[]> {
  const checkpoint = Math.floor(start / ROW_CHECKPOINT_EVERY);
  const line = source.lineCheckpoints[checkpoint];
  if (isFiltered(filter) || line === undefined) return logRows(db, source.caseId, source.id, filter).offset(start).limit(count).toArray();
  return db.logEntries
    .where('[sourceId+line]')
    .between([source.id, line], [source.id, Dexie.maxKey])
    .offset(start - checkpoint * ROW_CHECKPOINT_EVERY)
    .limit(count)
    .toArray();
}
