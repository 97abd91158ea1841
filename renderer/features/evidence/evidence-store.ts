import { pairOutputs, type OutputPair, type SourceRecord, type TosClause } from '../../../shared/model/records';
import type { EvidenceDatabase } from '../../db/database';

/** The clauses of one terms version, in the document's order. */
export function clausesOfVersion(db: EvidenceDatabase, versionId: string): Promise<TosClause[]> {
  return db.tosClauses.where('versionId').equals(versionId).sortBy('order');
}

/** The clauses read from one imported terms file; none for another kind of file. */
export async function clausesOfSource(db: EvidenceDatabase, source: SourceRecord): Promise<TosClause[]> {
  const version = await db.tosVersions.where('caseId').equals(source.caseId).filter((v) => v.sourceId === source.id).first();
  return version ? clausesOfVersion(db, version.id) : [];
}

/** The output pairs with an answer read from one imported file. */
export function pairsFromSource(db: EvidenceDatabase, source: SourceRecord): Promise<OutputPair[]> {
  return db.outputPairs.where('caseId').equals(source.caseId).filter((p) => pairOutputs(p).some((o) => o.ref.sourceId === source.id)).toArray();
}
