import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { DEFAULT_PLAN, recordPlan } from '../../shared/analysis/attribution-plan';
import { findingSaved, makeFinding } from '../../shared/analysis/findings';
import type { BundleManifest } from '../../shared/bundle/bundle-manifest';
import { bundleRecord } from '../../shared/bundle/bundle-record';
import { claimsStateOf, editChange } from '../../shared/claims/case-edit';
import { addClaim } from '../../shared/claims/claim-edits';
import { sourceDependents, targetCatalog } from '../../shared/claims/targets';
import { newId } from '../../shared/ids';
import { runImport } from '../../shared/import/run-import';
import { sourceRemoval } from '../../shared/import/source-removal';
import { importChange } from '../../shared/import/source-record';
import { applyChange, type CaseChange } from '../../shared/model/case-change';
import { editCaseDetails, type CaseData } from '../../shared/model/case-data';
import { caseFromData, storeCase } from '../../renderer/db/archive-store';
import { commitChange, loadCaseData } from '../../renderer/db/case-store';
import { EvidenceDatabase } from '../../renderer/db/database';
import { makeCaseData } from '../builders';
import { undoChange } from '../../shared/audit/undo';
import { connectTestLogEngine } from '../log-engine-api';

connectTestLogEngine();

/** The case as both appliers leave it: every table in id order, the original bytes, and what each audit event records (not when). */
function comparable(data: CaseData) {
  const { case: record, audit, originals, ...tables } = data;
  const { updatedAt: _when, ...details } = record;
  const sorted = Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, [...(rows as { id?: string; line?: number }[])].sort((a, b) => String(a.id ?? a.line).localeCompare(String(b.id ?? b.line)))]));
  return { details, tables: sorted, originals: new Map([...originals].sort(([a], [b]) => a.localeCompare(b))), audit: audit.map(({ actor, action, subject, details, records }) => ({ actor, action, subject, details, records })) };
}

test('the same changes applied to a case in memory (the CLI) and to the store (the app) leave the same case', async () => {
  const memory = makeCaseData({}, 30);
  const db = new EvidenceDatabase(`appliers-${newId()}`);
  await storeCase(db, caseFromData(structuredClone(memory)), { replace: false });
  const caseId = memory.case.id;
  const both = async (make: (data: CaseData) => CaseChange | Promise<CaseChange>) => {
    const change = await make(memory);
    applyChange(memory, change);
    await commitChange(db, caseId, () => change);
  };

  const pairs = { name: 'output-pairs.jsonl', bytes: new Uint8Array(readFileSync('fixtures/demo/output-pairs.jsonl')) };
  await both(async (data) => importChange((await runImport({ caseId, sources: data.sources, tosDocuments: data.tosDocuments, tosVersions: data.tosVersions }, { kind: 'pairs', file: pairs }, 'counsel')).records));
  await both((data) => editChange(addClaim(claimsStateOf(data), 'unauthorised-access', 'counsel').edit));
  // Undone and redone through both: each applier keeps, in the event, the records a change replaces, and the undo puts them back.
  await both((data) => undoChange(data, data.audit.at(-1)!.seq, 'reviewer'));
  await both((data) => undoChange(data, data.audit.at(-1)!.seq, 'reviewer'));
  await both(() => findingSaved(makeFinding({ caseId, kind: 'note', title: 'Twelve accounts, one key', actor: 'expert', settings: {}, figures: { accounts: 12 }, rows: [{ sourceId: memory.sources[0]!.id, line: 3 }] })));
  await both((data) => recordPlan(caseId, 'expert', { ...DEFAULT_PLAN, roles: [{ model: 'atlas-2-large', role: 'original' }, { model: 'lumen-7b-instruct', role: 'suspect' }, { model: 'open-llm-13b', role: 'reference' }, { model: 'orca-lite-7b', role: 'reference' }] }, data.analysisPlans, data.markers).change);
  const manifest = { bates: { first: 'NWA-000001', last: 'NWA-000012', pages: 12 }, exhibits: [], originals: [] } as unknown as BundleManifest;
  await both(() => bundleRecord({ caseId, fileName: 'bundle.pdf', sha256: 'cd'.repeat(32), manifest, signer: null, actor: 'counsel', now: new Date() }).change);
  await both((data) => editCaseDetails(data.case, { ...data.case, parties: 'Northwind AI; Lumen Labs' }, 'counsel')!);
  // The log goes with its rows and bytes; links and annotations on it stay, broken.
  const log = memory.sources.find((s) => s.kind === 'log')!;
  await both((data) => sourceRemoval(data, log, sourceDependents(log.id, targetCatalog(data), data.links), 'counsel'));

  const stored = await loadCaseData(db, caseId);
  assert.equal(memory.logEntries.length, 0, 'the log rows went with their file');
  assert.equal(memory.outputPairs.length > 0 && memory.findings.length === 1 && memory.bundles.length === 1 && memory.analysisPlans.length === 1, true);
  assert.deepEqual(comparable(stored), comparable(memory));
});

test('the store refuses a change that carries log rows, and keeps nothing of it', async () => {
  const memory = makeCaseData({}, 3);
  const db = new EvidenceDatabase(`appliers-${newId()}`);
  await storeCase(db, caseFromData(structuredClone(memory)), { replace: false });
  const before = await loadCaseData(db, memory.case.id);
  const rows = memory.logEntries.map((row) => ({ ...row, line: row.line + 100 }));
  await assert.rejects(commitChange(db, memory.case.id, () => ({ logRows: rows, put: { findings: [] }, audit: [{ actor: 'x', action: 'source.imported', subject: 'x' }] })), /Log rows are stored as they are read/);
  assert.deepEqual(await loadCaseData(db, memory.case.id), before);
});
