import { stopIfCancelled, type JobControl } from '../jobs';
import type { BundleRecord } from '../model/records';
import type { BundleManifest } from './bundle-manifest';
import type { BundleCase, BundlePlan } from './bundle-plan';
import type { CaseChange } from '../model/case-change';
import { bundleRecord } from './bundle-record';
import type { SignerInfo, WrittenBundle } from './write-bundle';

export interface ExportRequest {
  preparer: string;
  /** Who signs, named on the cover; null for a bundle that says it is unsigned. */
  signer: SignerInfo | null;
  now: Date;
}

/**
 * Where each step of an export runs. The CLI runs them all in its own
 * process; the app lays the PDF out in a worker, signs and writes it in the
 * main process (the PDF crosses to it once) and records it in IndexedDB.
 */
export interface ExportSteps {
  /** Lays out the planned bundle, reading the log rows and originals it shows from wherever the case is. */
  build(plan: BundlePlan, job: JobControl): Promise<WrittenBundle>;
  /** Signs the PDF when a signer was chosen and writes it whole, not yet in place; says what it wrote. */
  write(pdf: Uint8Array): Promise<{ fileName: string; sha256: string }>;
  /** Records the export in the case. */
  record(change: CaseChange): Promise<void>;
  /** Puts the written file in place; where it now is. */
  place(): Promise<string>;
  /** Removes a written file that was not put in place. */
  discard(): Promise<void>;
}

export interface ExportedBundle {
  path: string;
  pages: number;
  manifest: BundleManifest;
  record: BundleRecord;
}

/**
 * Exports a planned bundle, in the one order the app and the CLI share: lay
 * out, sign, write the file whole, record the export in the case, and only
 * then put the file in place. A crash leaves at worst a recorded export whose
 * file was not placed, never a bundle the case does not know of; a failure
 * after the write removes the file.
 */
export async function exportBundle(data: BundleCase, plan: BundlePlan, request: ExportRequest, steps: ExportSteps, job: JobControl = {}): Promise<ExportedBundle> {
  const built = await steps.build(plan, job);
  stopIfCancelled(job, 'The bundle export was cancelled; nothing was written');
  job.progress?.(request.signer ? `Signing as ${request.signer.name} and writing the file` : 'Writing the file', 0, 0);
  const written = await steps.write(built.bytes);
  try {
    const { record, change } = bundleRecord({ caseId: data.case.id, ...written, manifest: built.manifest, signer: request.signer?.name ?? null, actor: request.preparer, now: request.now });
    await steps.record(change);
    return { path: await steps.place(), pages: built.pages, manifest: built.manifest, record };
  } catch (error) {
    await steps.discard();
    throw error;
  }
}
