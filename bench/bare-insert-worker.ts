/// <reference lib="webworker" />
// The baseline: the same rows, parsed beforehand (untimed), put with nothing
// but Dexie's bulkAdd into the store of schema version 1 to 6 (one record
// per row, four compound indexes), in a worker like the real import.
import Dexie, { type Table } from 'dexie';
import { v01 } from '../renderer/db/migrations/v01-initial';
import type { LogEntry } from '../shared/model/records';
import { LogParser, detectLogSettings } from '../shared/import/log-import';
import { logText } from './generated-log';

class OneRecordPerRow extends Dexie {
  logEntries!: Table<LogEntry, [string, number]>;
  constructor() {
    super('bench-one-record-per-row');
    this.version(1).stores({ logEntries: v01.stores.logEntries! });
  }
}

onmessage = async (event: MessageEvent<{ rows: number; batch: number }>) => {
  const { rows, batch } = event.data;
  const db = new OneRecordPerRow();
  await db.logEntries.clear();
  const settings = detectLogSettings(logText(0, 100));
  const parser = new LogParser(settings, { caseId: 'benchcase0001', sourceId: 'benchsource01' });
  let insertMs = 0;
  for (let from = 0; from < rows; from += batch) {
    const { entries } = parser.push(logText(from, Math.min(rows, from + batch)));
    const started = performance.now();
    await db.logEntries.bulkAdd(entries);
    insertMs += performance.now() - started;
  }
  await db.logEntries.clear();
  db.close();
  postMessage({ insertMs });
};
