import type { Migration } from './migration';

/**
 * Version 10: log rows live in the log engine of the main process
 * (node/log-engine.ts). The postings and column chunks go; the blocks and
 * their indexes stay until each case's logs are moved out of them when the
 * case is next opened (block-store-move.ts): an upgrade cannot wait for the
 * engine, which IndexedDB does not know.
 */
export const v10: Migration = { version: 10, stores: { logPostings: null, logChunks: null } };
