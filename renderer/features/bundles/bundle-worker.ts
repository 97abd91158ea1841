/// <reference lib="webworker" />
// Lays the bundle out off the UI thread, with the same writeBundle as the CLI.
import type { BundlePlan } from '../../../shared/bundle/bundle-plan';
import { writeBundle, type SignerInfo, type WrittenBundle } from '../../../shared/bundle/write-bundle';
import { EvidenceDatabase } from '../../db/database';
import { fillBundleCase, loadCaseForBundle } from './bundles-store';
import type { JobKind } from '../../workers/job-protocol';
import { serveJob } from '../../workers/serve-job';
import { loadBundleFonts } from './bundle-fonts';

/** The case by its id (the worker reads it, and the rows and files the plan shows, from the store), and the plan. */
export type BundleJob = JobKind<{ caseId: string; plan: BundlePlan; preparer: string; signer: SignerInfo | null; now: string; layoutOnly?: boolean }, WrittenBundle>;

// It only reads, and the file is written only after it is done: a cancel ends the worker at once (see runWorker).
serveJob<BundleJob>(
  async ({ caseId, plan, preparer, signer, now, layoutOnly }, job) => {
    job.progress('Reading the case, and the rows and files it shows', 0, 0);
    const db = new EvidenceDatabase();
    const filled = await fillBundleCase(db, await loadCaseForBundle(db, caseId), plan);
    job.progress('Loading fonts', 0, 0);
    return writeBundle(filled, plan, { fonts: await loadBundleFonts(), preparer, signer, now: new Date(now), ...(layoutOnly && { layoutOnly }), ...job });
  },
  (written) => [written.bytes.buffer],
);
