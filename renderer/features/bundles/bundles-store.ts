import Dexie from 'dexie';
import { rowKey, shownRows, type BundleCase, type BundlePlan } from '../../../shared/bundle/bundle-plan';
import type { MadeBundleRecord } from '../../../shared/bundle/bundle-record';
import { appendAudit, chunksToOriginal, loadCaseRecords } from '../../db/case-store';
import type { EvidenceDatabase } from '../../db/database';
import { rowsByRef } from '../../db/log-store';

/** The case as a bundle reads it, without log rows or original bytes: enough to plan the bundle. */
export async function loadCaseForBundle(db: EvidenceDatabase, caseId: string): Promise<BundleCase> {
  const { logEntries: _none, ...records } = await loadCaseRecords(db, caseId, ['logEntries']);
  return { ...records, originals: new Map(), rows: new Map() };
}

/** Adds what the planned bundle shows: its log rows and the original bytes of its files. */
export async function fillBundleCase(db: EvidenceDatabase, data: BundleCase, plan: BundlePlan): Promise<BundleCase> {
  const rows = new Map((await rowsByRef(db, shownRows(data, plan))).map((row) => [rowKey(row.sourceId, row.line), row] as const));
  const originals = new Map<string, Uint8Array>();
  for (const source of plan.originals) {
    const chunks = await db.originalChunks.where('[sourceId+seq]').between([source.id, Dexie.minKey], [source.id, Dexie.maxKey]).toArray();
    originals.set(source.id, chunksToOriginal(chunks));
  }
  return { ...data, rows, originals };
}

/** Records an exported bundle in the case, with its audit event, as the CLI does in the case file. */
export async function recordBundle(db: EvidenceDatabase, made: MadeBundleRecord): Promise<void> {
  await db.transaction('rw', db.bundles, db.auditEvents, db.cases, async () => {
    await db.bundles.add(made.record);
    await appendAudit(db, made.record.caseId, made.audit);
  });
}
