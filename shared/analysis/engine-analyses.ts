import type { LogChunk, LogChunks } from '../log-store/log-chunks';
import type { CampaignLinks, CampaignQueries, ClusterMembership, ClusterReadings } from './campaign';
import { pagedPromptQueries, type LoggedPrompt, type PromptQueries, type PromptRow } from './prompt-matching';

/** What the analyses ask of the log engine (node/log-engine.ts): in the app through the desktop API, in the CLI directly. */
export interface AnalysisEngine {
  chunk(caseId: string, sourceId: string, chunk: number): Promise<LogChunk | null>;
  campaignLinks(caseId: string, sourceIds: string[], attributes: string[]): Promise<CampaignLinks>;
  campaignClusters(caseId: string, sourceIds: string[], membership: ClusterMembership, sessionGapSeconds: number): Promise<ClusterReadings>;
  distinctPrompts(caseId: string, sourceIds: string[]): Promise<number>;
  promptPart(caseId: string, sourceIds: string[], part: number, parts: number): Promise<LoggedPrompt[]>;
  promptRows(caseId: string, sourceIds: string[], prompts: string[], hashes: string[], start: number, count: number): Promise<PromptRow[]>;
}

/** A case's logs as the analyses read them from the engine: column chunks, and the campaign's and the matching's questions. */
export interface EngineAnalyses {
  chunks: LogChunks;
  campaign: CampaignQueries;
  prompts: PromptQueries;
}

/** The analyses' reading of a case's logs (the sources, as the case's records name them when asked) from an engine. */
export function engineAnalyses(engine: AnalysisEngine, caseId: string, sourceIds: () => Promise<string[]>): EngineAnalyses {
  return {
    chunks: async function* () {
      for (const sourceId of await sourceIds()) {
        for (let chunk = 0; ; chunk++) {
          const read = await engine.chunk(caseId, sourceId, chunk);
          if (!read) break;
          yield read;
        }
      }
    },
    campaign: {
      links: async (attributes) => engine.campaignLinks(caseId, await sourceIds(), [...attributes]),
      clusters: async (membership, gap) => engine.campaignClusters(caseId, await sourceIds(), membership, gap),
    },
    prompts: pagedPromptQueries({
      distinctPrompts: async () => engine.distinctPrompts(caseId, await sourceIds()),
      promptPart: async (part, parts) => engine.promptPart(caseId, await sourceIds(), part, parts),
      promptRows: async (prompts, hashes, start, count) => engine.promptRows(caseId, await sourceIds(), [...prompts], [...hashes], start, count),
    }),
  };
}
