import type { AuditEntry } from '../audit/audit-chain';
import { bindRecords } from '../audit/record-binding';
import type { CaseChange } from '../model/case-change';
import { newId } from '../ids';
import type { BundleRecord } from '../model/records';
import type { BundleManifest } from './bundle-manifest';

/** What the case keeps of an exported bundle, and the change that records the export. */
export function bundleRecord(input: { caseId: string; fileName: string; sha256: string; manifest: BundleManifest; signer: string | null; actor: string; now: Date }): { record: BundleRecord; change: CaseChange } {
  const record: BundleRecord = { id: newId(), caseId: input.caseId, fileName: input.fileName, createdAt: input.now.toISOString(), createdBy: input.actor, sha256: input.sha256, signer: input.signer, pages: input.manifest.bates.pages };
  const audit: AuditEntry = {
    actor: input.actor,
    action: 'bundle.exported',
    subject: input.fileName,
    details: {
      bundleId: record.id,
      sha256: record.sha256,
      signer: record.signer,
      pages: record.pages,
      bates: `${input.manifest.bates.first} – ${input.manifest.bates.last}`,
      exhibits: input.manifest.exhibits.length,
      originals: input.manifest.originals.map((o) => o.sha256),
    },
    records: bindRecords({ put: { bundles: [record] } }),
  };
  return { record, change: { put: { bundles: [record] }, audit: [audit] } };
}
