import { nextAuditEvent } from '../shared/audit/audit-chain';
import { editChange, claimsStateOf } from '../shared/claims/case-edit';
import { addClaim } from '../shared/claims/claim-edits';
import { addAnnotation, addLink } from '../shared/claims/evidence-edits';
import { type CaseData } from '../shared/model/case-data';
import { importChange } from '../shared/import/source-record';
import { sha256Hex } from '../shared/hash';
import { logRowsSha256Of } from '../shared/model/log-row-text';
import { newId } from '../shared/ids';
import type { CaseFieldsInput, SourceRecord } from '../shared/model/records';
import { applyChange } from '../shared/model/case-change';
import { createCaseData } from '../shared/new-case';

const encode = (text: string) => new TextEncoder().encode(text);

/**
 * A case with a record in every table (a claim from a template, a link, an annotation) and an imported log of
 * `logRows` rows (acct-1, acct-2, ... a minute apart) with its original bytes (named `fileName`), built through the same shared
 * functions the app uses, so its history binds every record.
 */
export function makeCaseData(overrides: Partial<CaseFieldsInput> = {}, logRows = 1, fileName = 'gateway-export.jsonl'): CaseData {
  const data = createCaseData({ title: 'Northwind AI v. Lumen Labs', batesPrefix: 'NWA', ...overrides }, 'counsel');
  const caseId = data.case.id;
  const sourceId = newId();
  const lines = Array.from({ length: logRows }, (_, i) => `{"ts":"2026-03-01T10:${String(i).padStart(2, '0')}:00Z","account":"acct-${i + 1}","prompt":"你好 🌏"}`);
  const original = encode(lines.map((line) => `${line}\n`).join(''));
  lines.forEach((raw, i) => data.logEntries.push({ caseId, sourceId, line: i + 1, ts: Date.UTC(2026, 2, 1, 10, i), tsText: `2026-03-01T10:${String(i).padStart(2, '0')}:00Z`, account: `acct-${i + 1}`, prompt: '你好 🌏', raw }));
  const source: SourceRecord = {
    id: sourceId,
    caseId,
    kind: 'log',
    fileName,
    size: original.length,
    sha256: sha256Hex(original),
    importedAt: '2026-03-02T09:00:00.000Z',
    importedBy: 'counsel',
    recordCount: logRows,
    rejectedCount: 0,
    rejectedRows: [],
    lineCheckpoints: [1],
    settings: { format: 'jsonl' },
    rowsSha256: logRowsSha256Of(data.logEntries).get(sourceId)!,
  };
  applyChange(data, importChange({ sources: [source], originals: new Map([[source.id, original]]) }));
  const at = new Date('2026-03-02T10:00:00.000Z');
  const { edit, claim } = addClaim(claimsStateOf(data), 'breach-of-contract', 'counsel');
  applyChange(data, editChange(edit), at);
  const conduct = data.elements.find((e) => e.claimId === claim.id && e.order === 2)!;
  const rows = { kind: 'logRows' as const, id: source.id, rows: [{ sourceId: source.id, line: 1 }] };
  applyChange(data, editChange(addLink(claimsStateOf(data), { elementId: conduct.id, target: rows, note: 'Account acct-1 sent the prompt', stance: 'supports' }, 'counsel', at).edit), at);
  applyChange(data, editChange(addAnnotation(claimsStateOf(data), { target: rows, label: 'characteristic phrase', comment: 'A greeting in Chinese with an emoji' }, 'expert', at).edit), at);
  return data;
}

/** A case as a version before record binding left it: the same events re-hashed without `records`, logs without a rows digest. */
export function madeBeforeBinding(data: CaseData): CaseData {
  const audit = data.audit.reduce<CaseData['audit']>((chain, e) => [...chain, nextAuditEvent(e.caseId, chain.at(-1), { actor: e.actor, action: e.action, subject: e.subject, details: e.details }, new Date(e.at))], []);
  return { ...data, audit, sources: data.sources.map(({ rowsSha256: _none, ...source }) => source) };
}
