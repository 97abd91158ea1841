import type { Migration } from './migration';

/**
 * Version 5: clauses carry a citation unique in their version. Clauses split
 * before then keep their split and get the citation they were shown with
 * (their number, or ¶ and position); the rule is written out here, not
 * called, so this upgrade never changes with later code.
 */
export const v05: Migration = {
  version: 5,
  stores: {},
  upgrade: async (tx) => {
    await tx
      .table('tosClauses')
      .toCollection()
      .modify((clause: { number: string; order: number; citation?: string }) => {
        clause.citation ??= clause.number || `¶${clause.order + 1}`;
      });
  },
};
