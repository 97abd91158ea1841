import Dexie from 'dexie';
import type { LogEntry } from '../../../shared/model/records';
import { LogBlockWriter } from '../../../shared/log-store/log-blocks';
import type { Migration } from './migration';

const ROWS_PER_READ = 20_000;

/**
 * Version 7: log rows are stored in blocks with posting lists and a time
 * order (shared/log-store/log-blocks.ts) instead of one record per row; the
 * rows of every imported log are moved into them. Unlike the lists of
 * versions 3 and 4, this calls today's block writer: the blocks must be in
 * the form today's reader reads, and no later version converts blocks.
 */
export const v07: Migration = {
  version: 7,
  stores: { logBlocks: '[sourceId+block], caseId', logPostings: '[sourceId+field+bucket], caseId', logIndexes: 'sourceId, caseId' },
  upgrade: async (tx) => {
    const sources = (await tx.table('sources').toArray()) as { id: string; caseId: string; kind: string }[];
    for (const source of sources.filter((s) => s.kind === 'log')) {
      const writer = new LogBlockWriter(source.caseId, source.id);
      for (let after = 0; ; ) {
        const rows = (await tx.table('logEntries').where('[sourceId+line]').between([source.id, after + 1], [source.id, Dexie.maxKey]).limit(ROWS_PER_READ).toArray()) as LogEntry[];
        if (rows.length === 0) break;
        await tx.table('logBlocks').bulkAdd(writer.add(rows));
        after = rows[rows.length - 1]!.line;
      }
      const { blocks, postings, index } = writer.finish();
      await tx.table('logBlocks').bulkAdd(blocks);
      await tx.table('logPostings').bulkAdd(postings);
      await tx.table('logIndexes').add(index);
    }
  },
};
