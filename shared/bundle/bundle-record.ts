import type { AuditEntry } from '../audit/audit-chain';
import { sha256Hex } from '../hash';
import { newId } from '../ids';
import type { BundleRecord } from '../model/records';
import type { BundleManifest } from './bundle-manifest';

/** What the case keeps of an exported bundle, and the audit entry that records the export. */
export function bundleRecord(input: { caseId: string; fileName: string; bytes: Uint8Array; manifest: BundleManifest; signer: string | null; actor: string; now: Date }): { record: BundleRecord; audit: AuditEntry } {
  const record: BundleRecord = { id: newId(), caseId: input.caseId, fileName: input.fileName, createdAt: input.now.toISOString(), createdBy: input.actor, sha256: sha256Hex(input.bytes), signer: input.signer, pages: input.manifest.bates.pages };
  return {
    record,
    audit: {
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
    },
  };
}
