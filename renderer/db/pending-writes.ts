import type { EvidenceDatabase } from './database';
import { deleteLogRows } from './log-store';
import { deleteOriginal, originalTables } from './originals-store';

/**
 * A log's rows and a file's original bytes are written as they are read,
 * too many for one transaction, under a source id no record names yet: a
 * pending write, marked so, until the transaction that adds the source (or
 * the case) makes them part of the case. A cancel, a failure or a crash
 * leaves rows that are removed here.
 */

export function startPendingWrite(db: EvidenceDatabase, caseId: string, sourceId: string): Promise<string> {
  return db.pendingImports.add({ sourceId, caseId, startedAt: new Date().toISOString() });
}

/** Removes every row and byte a pending write stored; the mark goes last, so a crash half-way leaves it to be removed again. */
export async function discardPendingImport(db: EvidenceDatabase, caseId: string, sourceId: string): Promise<void> {
  await deleteLogRows(caseId, sourceId);
  await db.transaction('rw', [...originalTables(db), db.pendingImports], async () => {
    await deleteOriginal(db, sourceId);
    await db.pendingImports.delete(sourceId);
  });
}

/** Clears what imports cut short by a crash or a closed window left behind; run at start. */
export async function discardAllPendingImports(db: EvidenceDatabase): Promise<number> {
  const pending = await db.pendingImports.toArray();
  for (const p of pending) await discardPendingImport(db, p.caseId, p.sourceId);
  return pending.length;
}
