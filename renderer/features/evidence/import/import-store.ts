import { Refusal } from '../../../../shared/errors';
import type { ImportResult } from '../../../../shared/import/run-import';
import { importChange } from '../../../../shared/import/source-record';
import type { CaseChange } from '../../../../shared/model/case-change';
import type { SourceRecord } from '../../../../shared/model/records';
import { commitChange } from '../../../db/case-store';
import type { EvidenceDatabase } from '../../../db/database';

/** The file of a case with these bytes, if it was imported already. */
export function findSourceByHash(db: EvidenceDatabase, caseId: string, sha256: string): Promise<SourceRecord | undefined> {
  return db.sources.where('[caseId+sha256]').equals([caseId, sha256]).first();
}

/** Makes a streamed log's rows, stored pending under its source id, part of the case: its source and audit event, in one transaction. */
export async function commitLogImport(db: EvidenceDatabase, source: SourceRecord): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    await db.pendingImports.delete(source.id);
    await commitChange(db, source.caseId, () => importedChange(db, source.caseId, importChange({ sources: [source] })));
  });
}

/** Stores the records of files read whole (pairs, terms), with their original bytes and audit events, in one transaction. */
export async function storeImport(db: EvidenceDatabase, caseId: string, result: ImportResult): Promise<void> {
  await commitChange(db, caseId, () => importedChange(db, caseId, importChange(result.records)));
}

/** An import's change, refused if one of its files was imported meanwhile (by another window). */
async function importedChange(db: EvidenceDatabase, caseId: string, change: CaseChange): Promise<CaseChange> {
  for (const source of change.put?.sources ?? []) {
    if (await findSourceByHash(db, caseId, source.sha256)) throw new Refusal(`${source.fileName} was imported meanwhile`, 'conflict');
  }
  return change;
}
