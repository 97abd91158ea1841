// Runs in Chromium (see bench/run.ts): imports generated rows through the
// app's own import worker, then times the bare-insert baseline.
import { createCase } from '../renderer/db/case-store';
import { EvidenceDatabase } from '../renderer/db/database';
import { logRows } from '../renderer/db/log-store';
import { startImport } from '../renderer/import/start-import';
import { detectLogSettings } from '../shared/import/log-import';
import { logText } from './generated-log';

/** Imports the file chosen in the page's file input (a file on disk, as a user would drop it). */
async function importRows(rows: number) {
  const file = (document.getElementById('file') as HTMLInputElement).files![0]!;
  const db = new EvidenceDatabase();
  const record = await createCase(db, { title: `Benchmark ${rows} rows` }, 'bench');
  const settings = detectLogSettings(logText(0, 100));
  const started = performance.now();
  const handle = startImport({ kind: 'log', caseId: record.id, actor: 'bench', file, settings }, { progress: () => undefined, review: () => undefined });
  const outcome = await handle.done;
  const importMs = performance.now() - started;
  if (outcome.status !== 'imported' || outcome.records !== rows) throw new Error(`import ended ${JSON.stringify(outcome)}`);
  const source = outcome.sources[0]!;
  // What the virtualised table does on a scroll: fetch the rows on screen at that depth.
  const windowMs: Record<string, number> = {};
  for (const depth of [0, Math.floor(rows / 2), rows - 100]) {
    const t = performance.now();
    await logRows(db, source.id, {}).window(depth, 100);
    windowMs[`row ${depth.toLocaleString('en-US')}`] = performance.now() - t;
  }
  const t = performance.now();
  await logRows(db, source.id, { account: 'acct_00000007' }).window(0, 100);
  windowMs['first rows of one account'] = performance.now() - t;
  return { importMs, bytes: file.size, windowMs, caseId: record.id };
}

/** Reading, hashing and parsing the chosen file with nothing stored: the ceiling an import can reach. */
function parseOnly(): Promise<{ ms: number; rows: number }> {
  const file = (document.getElementById('file') as HTMLInputElement).files![0]!;
  const worker = new Worker(new URL('./parse-only-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (e) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage({ file, settings: detectLogSettings(logText(0, 100)) });
  });
}

/** Starts importing the chosen file, cancels it once `afterRows` rows are read, and times how long the cancel takes to be answered. */
async function cancelLatency(afterRows: number): Promise<{ rowsRead: number; answeredMs: number }> {
  const file = (document.getElementById('file') as HTMLInputElement).files![0]!;
  const db = new EvidenceDatabase();
  const record = await createCase(db, { title: 'Benchmark cancel' }, 'bench');
  let cancelledAt = 0;
  let rowsRead = 0;
  const handle = startImport({ kind: 'log', caseId: record.id, actor: 'bench', file, settings: detectLogSettings(logText(0, 100)) }, {
    progress: (p) => {
      if (cancelledAt || p.rows < afterRows) return;
      rowsRead = p.rows;
      cancelledAt = performance.now();
      handle.cancel();
    },
    review: () => undefined,
  });
  const outcome = await handle.done;
  if (outcome.status !== 'cancelled') throw new Error(`the cancel ended ${outcome.status}`);
  return { rowsRead, answeredMs: performance.now() - cancelledAt };
}

function bareInsert(rows: number): Promise<{ insertMs: number }> {
  const worker = new Worker(new URL('./bare-insert-worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (e) => {
      worker.terminate();
      resolve(e.data);
    };
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage({ rows, batch: 20_000 });
  });
}

Object.assign(window, { importRows, bareInsert, parseOnly, cancelLatency });

