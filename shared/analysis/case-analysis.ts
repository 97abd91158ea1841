import { canonicalJson, type Json } from '../canonical-json';
import { sha256Hex } from '../hash';
import { stopIfCancelled, type JobControl } from '../jobs';
import type { CaseData } from '../model/case-data';
import type { LogChunks } from '../log-store/log-chunks';
import type { AnalysisPlan, Marker } from '../model/records';
import { SOFTWARE_VERSION } from '../version';
import { analyzeAttribution, type AttributionResult } from './attribution';
import { effectivePlan, firstReference, latestPlan, modelsInCase, planStatus, proposeRoles } from './attribution-plan';
import { analyzeCampaign, analyzeCampaignWith, DEFAULT_CAMPAIGN_SETTINGS, type CampaignAnalysis, type CampaignQueries, type CampaignSettings } from './campaign';
import { naturalExperiment, type NaturalExperiment } from './natural-experiment';
import { analyzePairs, type PairsAnalysis } from './pair-analysis';
import { matchPrompts, matchPromptsWith, type PromptMatching, type PromptQueries } from './prompt-matching';
import type { PairSettings } from './pair-metrics';
import { accountTerms, tosTimeline, type AccountTerms, type DocumentTimeline } from './tos-timeline';

export interface CaseAnalysis {
  softwareVersion: string;
  pairs: PairsAnalysis | null;
  /** The suspect against the reference panel, under the case's plan; null without pairs or without a suspect and an original. */
  attribution: AttributionResult | null;
  /** The same analysis for every further suspect the plan names, each with the other suspects shown as related. */
  furtherSuspects: AttributionResult[];
  tos: { documents: DocumentTimeline[]; accounts: AccountTerms[] };
  campaign: CampaignAnalysis;
  /** The pairs' prompts found in the logs, by whom, and the natural experiment; null without both pairs and log rows. */
  harvest: HarvestAnalysis | null;
}

export interface HarvestAnalysis extends PromptMatching {
  /** Per cluster of linked accounts, how many pairs' prompts its accounts sent. */
  byCluster: { cluster: number; pairs: number }[];
  /** The suspect's lead over the panel on harvested prompts against the others (null without a panel or with a group under two). */
  naturalExperiment: NaturalExperiment | null;
  /** The same on the classifier's held-out probability that an answer is the original's. */
  classifierExperiment: NaturalExperiment | null;
}

/**
 * What an analysis result depends on, as one hash: the evidence (every
 * source's hash), the plans, the markers and the settings. A stored result
 * whose fingerprint differs from the case's is out of date.
 */
export function analysisFingerprint(data: Pick<CaseData, 'sources' | 'analysisPlans' | 'markers'>, settings: unknown): string {
  return sha256Hex(
    canonicalJson({
      sources: data.sources.map((s) => s.sha256).sort(),
      plans: data.analysisPlans.map((p) => p.sha256).sort(),
      markers: [...data.markers].sort((a, b) => a.order - b.order).map(({ kind, label, pattern, regex }) => ({ kind, label, pattern, regex })),
      settings: settings as Json,
    }),
  );
}

/**
 * The markers an attribution counts: the plan's list when a plan is
 * recorded (declared before the answers were seen), with a note if the
 * case's list has changed since; the case's own list otherwise.
 */
function plannedMarkers(plan: AnalysisPlan | undefined, markers: readonly Marker[]): { markers: Marker[]; markersNote?: string } {
  if (!plan) return { markers: [...markers] };
  const declared = plan.markers.map((m, order) => ({ ...m, id: `planmarker${order}`, caseId: plan.caseId, order }));
  const key = (m: Pick<Marker, 'kind' | 'label' | 'pattern' | 'regex'>) => `${m.kind}|${m.label}|${m.pattern}|${m.regex}`;
  const since = markers.filter((m) => !plan.markers.some((d) => key(d) === key(m)));
  return since.length ? { markers: declared, markersNote: `The markers counted are the ${declared.length} declared in plan v${plan.version}; ${since.length} added or changed since (${since.map((m) => m.label).join(', ')}) are post hoc and left out.` } : { markers: declared };
}

/** The natural experiment on the primary measure, and on the classifier's probabilities where it ran. */
export function experiments(attribution: AttributionResult | undefined | null, harvested: ReadonlySet<string>, seed: number): Pick<HarvestAnalysis, 'naturalExperiment' | 'classifierExperiment'> {
  if (!attribution) return { naturalExperiment: null, classifierExperiment: null };
  const classified = attribution.perPrompt.flatMap((p) => (p.classifierSuspect === undefined || Number.isNaN(p.classifierSuspect) ? [] : [{ pairId: p.pairId, suspect: p.classifierSuspect, panelMean: p.classifierPanel! }]));
  return {
    naturalExperiment: naturalExperiment(attribution.perPrompt, harvested, seed, `${attribution.primary.label} to the original`),
    classifierExperiment: classified.length ? naturalExperiment(classified, harvested, seed + 1, "the classifier's probability that the answer is the original's") : null,
  };
}

/** The case's records an analysis reads, and its log rows as chunks, which are read as they are needed and never held whole. */
export type AnalysedData = Pick<CaseData, 'outputPairs' | 'tosDocuments' | 'tosVersions' | 'markers' | 'analysisPlans' | 'sources' | 'audit'> & {
  logChunks: LogChunks;
  /** The campaign's questions asked where the rows are (the log engine's SQL); without them, the chunks are read. */
  campaign?: CampaignQueries;
  /** The prompt matching's questions asked where the rows are; without them, the chunks are read. */
  prompts?: PromptQueries;
};

/**
 * Everything the analysis says about a case, from the same functions the
 * app runs in its worker. The pair comparison and the attribution follow
 * the case's latest plan (roles, measure, n-gram settings); without one,
 * the roles proposed from the imports and the default settings, labelled
 * exploratory. `pairs` settings given here (the app's “ignore case”) apply
 * only when there is no plan: a recorded plan is never overridden.
 */
export async function analyzeCase(
  data: AnalysedData,
  settings: { pairs?: Partial<PairSettings>; campaign?: CampaignSettings } = {},
  job?: JobControl,
): Promise<CaseAnalysis> {
  const documents = tosTimeline(data.tosDocuments, data.tosVersions);
  const recorded = latestPlan(data.analysisPlans);
  const plan = effectivePlan(recorded, proposeRoles(modelsInCase(data.outputPairs, data.sources), recorded));
  if (!recorded && settings.pairs) plan.settings = { ...plan.settings, ...settings.pairs };
  const control = firstReference(plan.roles);
  const pairs = data.outputPairs.length
    ? analyzePairs(data.outputPairs, { settings: plan.settings, markers: data.markers, ...(control && { control }) }, job)
    : null;
  const suspects = data.outputPairs.length ? plan.roles.filter((r) => r.role === 'suspect').map((r) => r.model) : [];
  const attributions: AttributionResult[] = [];
  for (const suspect of suspects) {
    const result = analyzeAttribution(data.outputPairs, { plan, suspect, status: planStatus(recorded, data.outputPairs, data.sources), ...(recorded && { recorded }), ...plannedMarkers(recorded, data.markers), audit: data.audit }, job);
    if (result) attributions.push(result);
  }
  job?.progress?.('Linking accounts in the logs', 0, 0);
  const campaignSettings = settings.campaign ?? DEFAULT_CAMPAIGN_SETTINGS;
  const campaign = data.campaign ? await analyzeCampaignWith(data.campaign, campaignSettings) : await analyzeCampaign(data.logChunks, campaignSettings);
  stopIfCancelled(job, 'The analysis was cancelled');
  let harvest: HarvestAnalysis | null = null;
  if (data.outputPairs.length && campaign.requests) {
    job?.progress?.('Finding the pairs’ prompts in the logs', 0, 0);
    const matching = data.prompts ? await matchPromptsWith(data.outputPairs, data.prompts) : await matchPrompts(data.outputPairs, data.logChunks);
    const harvested = new Set(matching.matches.map((m) => m.pairId));
    harvest = {
      ...matching,
      byCluster: campaign.clusters.map((c) => ({ cluster: c.id, pairs: matching.matches.filter((m) => m.accounts.some((a) => c.accounts.includes(a))).length })),
      ...experiments(attributions[0], harvested, plan.seed),
    };
  }
  return {
    softwareVersion: SOFTWARE_VERSION,
    pairs,
    attribution: attributions[0] ?? null,
    furtherSuspects: attributions.slice(1),
    tos: { documents, accounts: documents.length ? await accountTerms(data.logChunks, documents) : [] },
    campaign,
    harvest,
  };
}
