import { newId } from '../ids';
import type { Finding, SourceRef } from '../model/records';
import { SOFTWARE_VERSION } from '../version';
import type { Cluster } from './campaign';
import type { PairsAnalysis } from './pair-analysis';

/** A finding: a titled, dated record of figures with what produced them and the rows behind them. */
export function makeFinding(input: { caseId: string; kind: string; title: string; actor: string; settings: Record<string, unknown>; figures: Record<string, unknown>; rows: SourceRef[] }, now: Date = new Date()): Finding {
  return { id: newId(), caseId: input.caseId, kind: input.kind, title: input.title, createdAt: now.toISOString(), createdBy: input.actor, settings: input.settings, figures: input.figures, rows: input.rows, softwareVersion: SOFTWARE_VERSION };
}

/** The headline pair comparison as a finding: per metric, suspect against control. */
export function pairsFinding(caseId: string, actor: string, analysis: PairsAnalysis, rows: SourceRef[]): Finding {
  return makeFinding({
    caseId,
    kind: 'pair-similarity',
    title: `Suspect outputs against the original on ${analysis.pairs} prompts (${analysis.withControl} with a control)`,
    actor,
    settings: { ...analysis.settings },
    figures: {
      baseline: analysis.baseline,
      metrics: analysis.metrics.map(({ metric, label, pairs, meanSuspect, meanControl, difference, ci95, pValue, test, histogram }) => ({ metric, label, pairs, meanSuspect, meanControl, difference, ci95, pValue, test, histogram })),
      markers: analysis.markers,
    },
    rows,
  });
}

/** One cluster of linked accounts as a finding. */
export function clusterFinding(caseId: string, actor: string, cluster: Cluster, settings: Record<string, unknown>, rows: SourceRef[]): Finding {
  const { timing: _perAccount, ...figures } = cluster;
  return makeFinding({
    caseId,
    kind: 'campaign-cluster',
    title: `Cluster of ${cluster.accounts.length} linked accounts: ${cluster.requests} requests, ${cluster.firstSeen?.slice(0, 10)} to ${cluster.lastSeen?.slice(0, 10)}`,
    actor,
    settings,
    figures: { ...figures, machineRegular: cluster.timing.filter((t) => t.machineRegular).map((t) => ({ account: t.account, meanIntervalSeconds: t.meanIntervalSeconds, cv: t.cv })) },
    rows,
  });
}
