import { rowKey, shownRows, type BundleCase, type BundlePlan } from '../../../shared/bundle/bundle-plan';
import { STORED_TABLES, loadCaseRecords } from '../../db/case-store';
import { originalBytes } from '../../db/originals-store';
import type { EvidenceDatabase } from '../../db/database';
import { rowsByRef } from '../../db/log-store';

/** The case as a bundle reads it, without log rows or original bytes: enough to plan the bundle. */
export async function loadCaseForBundle(db: EvidenceDatabase, caseId: string): Promise<BundleCase> {
  const { logEntries: _none, ...records } = await loadCaseRecords(db, caseId, STORED_TABLES);
  return { ...records, originals: new Map(), rows: new Map() };
}

/** Adds what the planned bundle shows: its log rows and the original bytes of its files. */
export async function fillBundleCase(db: EvidenceDatabase, data: BundleCase, plan: BundlePlan): Promise<BundleCase> {
  const rows = new Map((await rowsByRef(data.case.id, shownRows(data, plan))).map((row) => [rowKey(row.sourceId, row.line), row] as const));
  const originals = new Map<string, Uint8Array>();
  for (const source of plan.originals) originals.set(source.id, await originalBytes(db, source.id));
  return { ...data, rows, originals };
}
