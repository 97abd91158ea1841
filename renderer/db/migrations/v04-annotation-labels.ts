import { newId } from '../../../shared/ids';
import type { Migration } from './migration';

/** The default labels as version 4 shipped them. */
const LABELS_OF_VERSION_4 = ['verbatim run', 'same structure', 'same refusal template', 'self-identification', 'characteristic phrase', 'other'];

/**
 * Version 4: each case keeps its own editable list of annotation labels;
 * existing cases get the list of the time. Annotations hold their label's
 * text, so changing the list never changes an annotation already made.
 */
export const v04: Migration = {
  version: 4,
  stores: { annotationLabels: 'id, caseId' },
  upgrade: async (tx) => {
    const caseIds = await tx.table('cases').toCollection().primaryKeys();
    await tx.table('annotationLabels').bulkAdd(caseIds.flatMap((caseId) => LABELS_OF_VERSION_4.map((name, order) => ({ id: newId(), caseId: String(caseId), order, name }))));
  },
};
