import type { Migration } from './migration';

/** Version 2: imports stream into the tables before they are committed, so the rows of an unfinished import are found and removed by their source. */
export const v02: Migration = { version: 2, stores: { pendingImports: 'sourceId, caseId' } };
