import type { Migration } from './migration';

/** Version 11: the cases open for review on this computer (review-store.ts); a setting of this computer, never part of a case. */
export const v11: Migration = { version: 11, stores: { reviewModes: 'caseId' } };
