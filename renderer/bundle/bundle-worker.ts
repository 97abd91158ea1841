/// <reference lib="webworker" />
// Builds the bundle off the UI thread, with the same planBundle and writeBundle as the CLI.
import { planBundle } from '../../shared/bundle/bundle-plan';
import type { BundleManifest } from '../../shared/bundle/bundle-manifest';
import { writeBundle, type SignerInfo } from '../../shared/bundle/write-bundle';
import { EvidenceDatabase } from '../db/database';
import { fillBundleCase, loadCaseForBundle } from '../db/bundles-store';
import type { FromJobWorker } from '../workers/run-worker';
import { loadBundleFonts } from './bundle-fonts';

export type ToBundleWorker = { type: 'start'; caseId: string; claimIds: string[]; preparer: string; signer: SignerInfo | null; now: string };
export interface BuiltBundle {
  bytes: Uint8Array;
  manifest: BundleManifest;
  pages: number;
}
export type FromBundleWorker = FromJobWorker<BuiltBundle>;

const post = (message: FromBundleWorker, transfer: Transferable[] = []) => postMessage(message, transfer);

// Cancel ends this worker (see runWorker): it only reads the case, and the file is written only after it is done.
onmessage = async (event: MessageEvent<ToBundleWorker>) => {
  const message = event.data;
  try {
    const db = new EvidenceDatabase();
    post({ type: 'progress', phase: 'Reading the case', done: 0, total: 0 });
    const planned = await loadCaseForBundle(db, message.caseId);
    const plan = planBundle(planned, message.claimIds);
    const data = await fillBundleCase(db, planned, plan);
    post({ type: 'progress', phase: 'Loading fonts', done: 0, total: 0 });
    const written = await writeBundle(data, plan, {
      fonts: await loadBundleFonts(),
      preparer: message.preparer,
      signer: message.signer,
      now: new Date(message.now),
      onProgress: (phase, done, total) => post({ type: 'progress', phase, done, total }),
    });
    post({ type: 'done', result: written }, [written.bytes.buffer]);
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
