import Dexie from 'dexie';
import { joinBytes } from '../../shared/bytes';
import type { EvidenceDatabase } from './database';
import { deleteLogRows, logTables } from './log-store';

/**
 * A log's rows and a file's original bytes are written as they are read,
 * too many for one transaction, under a source id no record names yet: a
 * pending write, marked so, until the transaction that adds the source (or
 * the case) makes them part of the case. A cancel, a failure or a crash
 * leaves rows that are removed here.
 */

const CHUNK_BYTES = 4 * 1024 * 1024;

export function startPendingWrite(db: EvidenceDatabase, caseId: string, sourceId: string): Promise<string> {
  return db.pendingImports.add({ sourceId, caseId, startedAt: new Date().toISOString() });
}

/** Removes every row and byte a pending write stored. */
export async function discardPendingImport(db: EvidenceDatabase, sourceId: string): Promise<void> {
  await db.transaction('rw', [...logTables(db), db.originalChunks, db.pendingImports], async () => {
    await deleteLogRows(db, sourceId);
    await db.originalChunks.where('[sourceId+seq]').between([sourceId, Dexie.minKey], [sourceId, Dexie.maxKey]).delete();
    await db.pendingImports.delete(sourceId);
  });
}

/** Clears what imports cut short by a crash or a closed window left behind; run at start. */
export async function discardAllPendingImports(db: EvidenceDatabase): Promise<number> {
  const pending = await db.pendingImports.toArray();
  for (const p of pending) await discardPendingImport(db, p.sourceId);
  return pending.length;
}

/** The original's bytes as IndexedDB records of about CHUNK_BYTES each. */
export function originalWriter(db: EvidenceDatabase, caseId: string, sourceId: string) {
  let pending: Uint8Array[] = [];
  let size = 0;
  let seq = 0;
  const flush = async () => {
    if (size === 0) return;
    const bytes = joinBytes(pending, size);
    [pending, size] = [[], 0];
    await db.originalChunks.add({ caseId, sourceId, seq: seq++, bytes });
  };
  return {
    flush,
    async add(chunk: Uint8Array) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= CHUNK_BYTES) await flush();
    },
  };
}
