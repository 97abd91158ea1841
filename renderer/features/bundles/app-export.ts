import type { BundleCase, BundlePlan } from '../../../shared/bundle/bundle-plan';
import { exportBundle, type ExportedBundle, type ExportSteps } from '../../../shared/bundle/export-bundle';
import { CancellationError } from '../../../shared/errors';
import { safeFileName } from '../../../shared/file-names';
import type { IdentitySummary } from '../../../shared/ipc/contract';
import type { JobControl } from '../../../shared/jobs';
import { api } from '../../api';
import { commitChange } from '../../db/case-store';
import { db } from '../../db/db';
import { startBundle } from './start-bundle';

export const SAVE_CANCELLED = 'Export cancelled at the save dialog; no file was written.';

const fileNameOf = (title: string, date: string) => `${safeFileName(title, 'bundle', 60)} - evidence bundle ${date}.pdf`;

/**
 * The app's side of the export the CLI runs too (exportBundle): laid out in
 * the bundle worker, signed and written by the main process into the file
 * the user names, recorded in the case, and only then put in place.
 */
export async function exportFromApp(data: BundleCase, plan: BundlePlan, who: { actor: string; identity: IdentitySummary | null; passphrase: string }, job: JobControl): Promise<ExportedBundle> {
  const { actor, identity, passphrase } = who;
  const now = new Date();
  const signer = identity && { name: identity.name, organisation: identity.organisation, email: identity.email };
  // The file the user named, known to the main process by this token once it is written.
  let token = '';
  const steps: ExportSteps = {
    build: (planned, control) => startBundle({ caseId: data.case.id, plan: planned, preparer: actor, signer, now: now.toISOString() }, control),
    write: async (pdf) => {
      const save = { title: 'Save evidence bundle', suggestedName: fileNameOf(data.case.title, now.toISOString().slice(0, 10)), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const written = await api.writeBundle({ pdf, ...(identity && { identityId: identity.id, ...(identity.protection === 'passphrase' && { passphrase }) }), save });
      if (!written) throw new CancellationError(SAVE_CANCELLED);
      token = written.token;
      return { fileName: written.name, sha256: written.sha256 };
    },
    record: async (change) => void (await commitChange(db, data.case.id, () => change)),
    place: async () => (await api.commitFile(token)).path,
    discard: async () => void (await api.closeFile(token)),
  };
  return exportBundle(data, plan, { preparer: actor, signer, now }, steps, job);
}
