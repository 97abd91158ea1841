import type { Migration } from './migration';

/**
 * Version 6: a pair holds any number of other models' answers (`others`),
 * the single control of earlier cases becoming the first of them; analysis
 * plans are kept, one record per recorded version; the last analysis of
 * each case is kept (not part of the case: it is recomputed from it).
 */
export const v06: Migration = {
  version: 6,
  stores: { analysisPlans: 'id, caseId', analysisRuns: 'caseId' },
  upgrade: async (tx) => {
    await tx
      .table('outputPairs')
      .toCollection()
      .modify((pair: { control?: unknown; others?: unknown[] }) => {
        pair.others ??= pair.control ? [pair.control] : [];
        delete pair.control;
      });
  },
};
