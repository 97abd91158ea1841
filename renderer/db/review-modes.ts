import type { EvidenceDatabase, ReviewMode } from './database';

/** Whether the case is open for review on this computer (commitChange then takes only marks and sign-offs). */
export const reviewModeOf = (db: EvidenceDatabase, caseId: string): Promise<ReviewMode | undefined> => db.reviewModes.get(caseId);

export async function enterReview(db: EvidenceDatabase, caseId: string, reviewer: string): Promise<void> {
  await db.reviewModes.put({ caseId, reviewer, since: new Date().toISOString() });
}

export async function leaveReview(db: EvidenceDatabase, caseId: string): Promise<void> {
  await db.reviewModes.delete(caseId);
}
