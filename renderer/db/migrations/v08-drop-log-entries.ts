import type { Migration } from './migration';

/** Version 8 drops the one-record-per-row table, once version 7 has moved its rows into blocks. */
export const v08: Migration = { version: 8, stores: { logEntries: null } };
