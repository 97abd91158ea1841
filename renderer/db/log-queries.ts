import Dexie, { type Collection } from 'dexie';
import { ROW_CHECKPOINT_EVERY, type LogEntry, type SourceRecord } from '../../shared/model/records';
import { parseIpFilter } from '../../shared/analysis/network-range';
import type { EvidenceDatabase } from './database';

export interface LogFilter {
  account?: string;
  apiKey?: string;
  /** One address, or a network in CIDR notation (parseIpFilter). */
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
 * picks the index (account, key, IP or network, then time); the rest is
 * checked row by row. Unfiltered rows come in line order. Throws, with the
 * reason, for an IP filter that is neither an address nor a network.
 */
export function logRows(db: EvidenceDatabase, caseId: string, sourceId: string, filter: LogFilter): Collection<LogEntry, [string, number]> {
  const { account, apiKey, from, to } = filter;
  const text = filter.text?.toLowerCase();
  const ip = filter.ip ? parseIpFilter(filter.ip) : undefined;
  if (ip?.kind === 'invalid') throw new Error(ip.problem);
  const inTime = (e: LogEntry) => (from === undefined || (e.ts !== null && e.ts >= from)) && (to === undefined || (e.ts !== null && e.ts <= to));
  const inNetwork = (e: LogEntry) => !ip || (ip.kind === 'address' ? e.ip === ip.address : e.ip !== undefined && ip.contains(e.ip));
  const matches = (e: LogEntry) =>
    e.sourceId === sourceId && (!account || e.account === account) && (!apiKey || e.apiKey === apiKey) && inNetwork(e) && inTime(e) && (!text || e.raw.toLowerCase().includes(text));
  const table = db.logEntries;
  if (account) return table.where('[caseId+account]').equals([caseId, account]).and(matches);
  if (apiKey) return table.where('[caseId+apiKey]').equals([caseId, apiKey]).and(matches);
  if (ip?.kind === 'address') return table.where('[caseId+ip]').equals([caseId, ip.address]).and(matches);
  // A network's addresses share their leading whole octets: the index narrows to those, the rest is checked row by row.
  if (ip?.textPrefix) return table.where('[caseId+ip]').between([caseId, ip.textPrefix], [caseId, `${ip.textPrefix}\uffff`], true, true).and(matches);
  if (from !== undefined || to !== undefined) {
    return table.where('[caseId+ts]').between([caseId, from ?? -Infinity], [caseId, to ?? Infinity], true, true).and(matches);
  }
  const all = table.where('[sourceId+line]').between([sourceId, Dexie.minKey], [sourceId, Dexie.maxKey]);
  return text || ip ? all.and(matches) : all;
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
