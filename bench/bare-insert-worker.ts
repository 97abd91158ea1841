/// <reference lib="webworker" />
// The baseline: the same rows, parsed beforehand (untimed), put into the same
// table with nothing but Dexie's bulkAdd, in a worker like the real import.
import { EvidenceDatabase } from '../renderer/db/database';
import { LogParser, detectLogSettings } from '../shared/import/log-import';
import { logText } from './generated-log';

onmessage = async (event: MessageEvent<{ rows: number; batch: number }>) => {
  const { rows, batch } = event.data;
  const db = new EvidenceDatabase('bench-bare');
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
