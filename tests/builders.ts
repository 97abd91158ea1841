import { createCaseData, recordChange, type CaseData } from '../shared/model/case-data';
import { sha256Hex } from '../shared/hash';
import { newId } from '../shared/ids';
import type { CaseFieldsInput, SourceRecord } from '../shared/model/records';

const encode = (text: string) => new TextEncoder().encode(text);

/**
 * A case with a record in every table and an imported source with its
 * original bytes, built through the same shared functions the app uses.
 */
export function makeCaseData(overrides: Partial<CaseFieldsInput> = {}): CaseData {
  const data = createCaseData({ title: 'Northwind AI v. Lumen Labs', batesPrefix: 'NWA', ...overrides }, 'counsel');
  const caseId = data.case.id;
  const original = encode('{"ts":"2026-03-01T10:00:00Z","account":"acct-1","prompt":"你好 🌏"}\n');
  const source: SourceRecord = {
    id: newId(),
    caseId,
    kind: 'log',
    fileName: 'gateway-export.jsonl',
    size: original.length,
    sha256: sha256Hex(original),
    importedAt: '2026-03-02T09:00:00.000Z',
    importedBy: 'counsel',
    recordCount: 1,
    rejectedCount: 0,
    rejectedRows: [],
    lineCheckpoints: [1],
    settings: { format: 'jsonl' },
  };
  data.sources.push(source);
  data.originals.set(source.id, original);
  data.logEntries.push({ caseId, sourceId: source.id, line: 1, ts: Date.UTC(2026, 2, 1, 10), tsText: '2026-03-01T10:00:00Z', account: 'acct-1', prompt: '你好 🌏', raw: '{"ts":"2026-03-01T10:00:00Z","account":"acct-1","prompt":"你好 🌏"}' });
  recordChange(data, { actor: 'counsel', action: 'source.imported', subject: source.fileName, details: { sha256: source.sha256 } });
  const claim = { id: newId(), caseId, order: 0, theory: 'breach-of-contract', title: 'Breach of the Terms of Service', description: '' };
  data.claims.push(claim);
  const element = { id: newId(), caseId, claimId: claim.id, order: 0, text: 'The conduct occurred' };
  data.elements.push(element);
  data.links.push({ id: newId(), caseId, elementId: element.id, target: { kind: 'logRows', id: source.id, rows: [{ sourceId: source.id, line: 1 }] }, note: 'Account acct-1 sent the prompt', stance: 'supports', createdAt: '2026-03-02T10:00:00.000Z', createdBy: 'counsel' });
  recordChange(data, { actor: 'counsel', action: 'claim.created', subject: claim.title });
  return data;
}
