/// <reference lib="webworker" />
// The campaign analysis of a stored case, in a job worker as the app runs it: its questions answered in SQL by the log engine, through the page.
import { analyzeCampaignWith } from '../shared/analysis/campaign';
import { EvidenceDatabase } from '../renderer/db/database';
import { caseLogAnalyses } from '../renderer/db/log-store';
import type { JobKind } from '../renderer/workers/job-protocol';
import { serveJob } from '../renderer/workers/serve-job';

export type CampaignStoreJob = JobKind<{ caseId: string }, { ms: number; rows: number; clusters: number }>;

serveJob<CampaignStoreJob>(async ({ caseId }) => {
  const t = performance.now();
  const analysis = await analyzeCampaignWith(caseLogAnalyses(new EvidenceDatabase(), caseId).campaign);
  return { ms: performance.now() - t, rows: analysis.requests, clusters: analysis.clusters.length };
});
