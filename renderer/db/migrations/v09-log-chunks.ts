import { BLOCK_ROWS, blockFields, type LogBlock, type LogSourceIndex } from '../../../shared/log-store/log-blocks';
import { LogChunkWriter } from '../../../shared/log-store/log-chunks';
import type { Migration } from './migration';

const BLOCKS_PER_READ = 256;

/**
 * Version 9: beside the blocks the log browser reads, the fields the
 * analyses read are kept in large column chunks (shared/log-store/log-chunks.ts);
 * the chunks of every imported log are made from its blocks, by today's
 * chunk writer, for the reason version 7 gives.
 */
export const v09: Migration = {
  version: 9,
  stores: { logChunks: '[sourceId+chunk], caseId' },
  upgrade: async (tx) => {
    for (const index of (await tx.table('logIndexes').toArray()) as LogSourceIndex[]) {
      const writer = new LogChunkWriter(index.caseId, index.sourceId);
      const blocks = Math.ceil(index.rows / BLOCK_ROWS);
      for (let from = 0; from < blocks; from += BLOCKS_PER_READ) {
        const read = (await tx.table('logBlocks').where('[sourceId+block]').between([index.sourceId, from], [index.sourceId, from + BLOCKS_PER_READ], true, false).toArray()) as LogBlock[];
        await tx.table('logChunks').bulkAdd(writer.add(read.flatMap((block) => blockFields(block))));
      }
      await tx.table('logChunks').bulkAdd(writer.finish());
    }
  },
};
