import { Refusal } from '../../shared/errors';
import { BLOCK_ROWS, blockRows } from '../../shared/log-store/log-blocks';
import { logRowsHasher } from '../../shared/model/log-row-text';
import type { JobControl } from '../../shared/jobs';
import type { EvidenceDatabase } from './database';
import { deleteLogRows, logRowsWriter } from './log-store';

const BLOCKS_PER_READ = 128;

/** The progress phase of a move, which the case's header shows. */
export const MOVE_PHASE = 'Moving the logs into the log engine';

/**
 * Moves a case's logs out of the IndexedDB block store of versions 7–9 into
 * the log engine, log by log: each log's rows are written to the engine,
 * hashed as they are read, and checked against the count its index kept
 * and the rows digest its source binds; only then are its blocks removed.
 * A log that does not match is left where it was and named. A move cut
 * short (cancel, crash) is taken up again at the next opening: the engine's
 * rows of a log not yet moved are replaced. Gives the rows moved.
 */
export async function moveBlockStoreLogs(db: EvidenceDatabase, caseId: string, job?: JobControl): Promise<number> {
  const indexes = await db.logIndexes.where('caseId').equals(caseId).toArray();
  const sources = new Map((await db.sources.where('caseId').equals(caseId).toArray()).map((s) => [s.id, s]));
  const total = indexes.reduce((n, index) => n + index.rows, 0);
  let moved = 0;
  for (const index of indexes) {
    const source = sources.get(index.sourceId);
    const name = source?.fileName ?? `log ${index.sourceId}`;
    await deleteLogRows(caseId, index.sourceId);
    const writer = logRowsWriter(caseId, index.sourceId);
    const hasher = logRowsHasher();
    const blocks = Math.ceil(index.rows / BLOCK_ROWS);
    for (let from = 0; from < blocks; from += BLOCKS_PER_READ) {
      job?.signal?.throwIfAborted();
      const read = await db.logBlocks.where('[sourceId+block]').between([index.sourceId, from], [index.sourceId, from + BLOCKS_PER_READ], true, false).toArray();
      const rows = read.flatMap((block) => blockRows(block));
      await writer.add(rows);
      await hasher.add(rows);
      job?.progress?.(MOVE_PHASE, (moved += rows.length), total);
    }
    const { rows } = await writer.finish();
    const digest = await hasher.hex();
    if (rows !== index.rows || (source?.rowsSha256 && digest !== source.rowsSha256)) {
      await deleteLogRows(caseId, index.sourceId);
      throw new Refusal(`The rows of ${name} kept on this computer (${rows.toLocaleString('en-US')} of ${index.rows.toLocaleString('en-US')}, SHA-256 ${digest.slice(0, 16)}…) are not the rows its import recorded; they were left where they were`, 'integrity');
    }
    await db.transaction('rw', [db.logBlocks, db.logIndexes], async () => {
      await db.logBlocks.where('[sourceId+block]').between([index.sourceId, -Infinity], [index.sourceId, Infinity]).delete();
      await db.logIndexes.delete(index.sourceId);
    });
  }
  // Blocks no index names: rows of an import the app was closed during, never part of the case.
  await db.logBlocks.where('caseId').equals(caseId).delete();
  return moved;
}
