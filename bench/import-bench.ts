// Runs in Chromium (see bench/run.ts): imports generated rows through the
// app's own import worker.
import { caseArchiveContents, caseFromArchive, storeCase } from '../renderer/db/archive-store';
import { createCase } from '../renderer/db/case-store';
import { openCaseArchive } from '../shared/archive/archive-reader';
import { writeCaseArchive } from '../shared/archive/archive-writer';
import { EvidenceDatabase } from '../renderer/db/database';
import { logRows } from '../renderer/db/log-store';
import { startImport } from '../renderer/features/evidence/import/start-import';
import { isCancellation } from '../shared/errors';
import { detectLogSettings } from '../shared/import/log-import';
import { logText } from './generated-log';

/** Imports the file chosen in the page's file input (a file on disk, as a user would drop it). */
async function importRows(rows: number) {
  const file = (document.getElementById('file') as HTMLInputElement).files![0]!;
  const db = new EvidenceDatabase();
  const record = await createCase(db, { title: `Benchmark ${rows} rows` }, 'bench');
  const settings = detectLogSettings(logText(0, 100));
  const started = performance.now();
  const outcome = await startImport({ kind: 'log', caseId: record.id, actor: 'bench', file, settings }, {});
  const importMs = performance.now() - started;
  if (outcome.status !== 'imported' || outcome.records !== rows) throw new Error(`import ended ${JSON.stringify(outcome)}`);
  const source = outcome.sources[0]!;
  // What the virtualised table does on a scroll: fetch the rows on screen at that depth.
  const windowMs: Record<string, number> = {};
  for (const depth of [0, Math.floor(rows / 2), rows - 100]) {
    const t = performance.now();
    await logRows(record.id, source.id, {}).window(depth, 100);
    windowMs[`row ${depth.toLocaleString('en-US')}`] = performance.now() - t;
  }
  const t = performance.now();
  await logRows(record.id, source.id, { account: 'acct_00000007' }).window(0, 100);
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

/** Starts importing the chosen file, cancels it once a share of its bytes is read, and times how long the cancel takes to be answered. */
async function cancelLatency(afterShare: number): Promise<{ progress: string; answeredMs: number }> {
  const file = (document.getElementById('file') as HTMLInputElement).files![0]!;
  const db = new EvidenceDatabase();
  const record = await createCase(db, { title: 'Benchmark cancel' }, 'bench');
  const cancel = new AbortController();
  let cancelledAt = 0;
  let progress = '';
  const outcome = startImport({ kind: 'log', caseId: record.id, actor: 'bench', file, settings: detectLogSettings(logText(0, 100)) }, {
    signal: cancel.signal,
    progress: (phase, done, total) => {
      if (cancelledAt || done < total * afterShare) return;
      progress = phase;
      cancelledAt = performance.now();
      cancel.abort();
    },
  });
  const ended = await outcome.then((o) => o.status, (error: unknown) => (isCancellation(error) ? 'cancelled' : String(error)));
  if (ended !== 'cancelled') throw new Error(`the cancel ended ${ended}`);
  return { progress, answeredMs: performance.now() - cancelledAt };
}

// The saved archive, kept between the two steps so each is measured alone.
let savedArchive: Blob | undefined;

/** Saves a stored case as a case archive, streamed from the store as the app saves it (into memory here, not through the desktop side). */
async function saveArchive(caseId: string): Promise<{ ms: number; bytes: number }> {
  const db = new EvidenceDatabase();
  const parts: Blob[] = [];
  const started = performance.now();
  await writeCaseArchive(new WritableStream({ write: (chunk) => void parts.push(new Blob([chunk as Uint8Array<ArrayBuffer>])) }), await caseArchiveContents(db, caseId));
  savedArchive = new Blob(parts);
  return { ms: performance.now() - started, bytes: savedArchive.size };
}

/** Opens the archive just saved into an empty database, every row and original checked and stored as the app opens one. */
async function openArchive(): Promise<{ ms: number; rows: number }> {
  const blob = savedArchive!;
  const db = new EvidenceDatabase('bench-opened-archive');
  const started = performance.now();
  const archive = await openCaseArchive({ name: 'bench.evcase', size: blob.size, slice: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()) });
  await storeCase(db, caseFromArchive(archive), { replace: false });
  await archive.close();
  return { ms: performance.now() - started, rows: archive.logRows };
}

Object.assign(window, { importRows, parseOnly, cancelLatency, saveArchive, openArchive });

