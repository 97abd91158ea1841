import type { CaseData } from '../model/case-data';
import { SOFTWARE_VERSION } from '../version';
import { analyzeCampaign, DEFAULT_CAMPAIGN_SETTINGS, type CampaignAnalysis, type CampaignSettings } from './campaign';
import { analyzePairs, type PairsAnalysis } from './pair-analysis';
import { DEFAULT_PAIR_SETTINGS, type PairSettings } from './pair-metrics';
import { accountTerms, tosTimeline, type AccountTerms, type DocumentTimeline } from './tos-timeline';

export interface CaseAnalysis {
  softwareVersion: string;
  pairs: PairsAnalysis | null;
  tos: { documents: DocumentTimeline[]; accounts: AccountTerms[] };
  campaign: CampaignAnalysis;
}

/** Everything the analysis says about a case, from the same functions the app runs in its worker. */
export function analyzeCase(
  data: Pick<CaseData, 'outputPairs' | 'tosDocuments' | 'tosVersions' | 'logEntries' | 'markers'>,
  settings: { pairs?: PairSettings; campaign?: CampaignSettings } = {},
  progress?: { onProgress(pairsDone: number): void; isCancelled(): boolean },
): CaseAnalysis | null {
  const documents = tosTimeline(data.tosDocuments, data.tosVersions);
  const pairs = data.outputPairs.length ? analyzePairs(data.outputPairs, { settings: settings.pairs ?? DEFAULT_PAIR_SETTINGS, markers: data.markers, progress }) : null;
  if (progress?.isCancelled()) return null;
  return {
    softwareVersion: SOFTWARE_VERSION,
    pairs,
    tos: { documents, accounts: documents.length ? accountTerms(data.logEntries, documents) : [] },
    campaign: analyzeCampaign(data.logEntries, settings.campaign ?? DEFAULT_CAMPAIGN_SETTINGS),
  };
}
