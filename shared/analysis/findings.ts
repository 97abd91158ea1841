import { newId } from '../ids';
import type { Finding, SourceRef, TosClause } from '../model/records';
import { SOFTWARE_VERSION } from '../version';
import type { Cluster } from './campaign';
import type { RedlineStatus } from './tos-redline';

type RedlinedClause = Pick<TosClause, 'number' | 'headingPath' | 'text' | 'line'>;
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

/**
 * A redline between two versions of a terms document as a finding: what
 * changed clause by clause, with the lines of each clause in its source.
 */
export function redlineFinding(
  caseId: string,
  actor: string,
  input: { title: string; from: { effectiveDate: string; sourceId: string }; to: { effectiveDate: string; sourceId: string }; clauses: { status: RedlineStatus; from: RedlinedClause | null; to: RedlinedClause | null }[] },
): Finding {
  const changed = input.clauses.filter((c) => c.status !== 'unchanged');
  const count = (status: string) => input.clauses.filter((c) => c.status === status).length;
  const clause = (c: RedlinedClause | null) => c && { number: c.number, heading: c.headingPath.at(-1) ?? '', text: c.text, line: c.line };
  return makeFinding({
    caseId,
    kind: 'tos-redline',
    title: `${input.title}: version of ${input.from.effectiveDate} against ${input.to.effectiveDate}, ${changed.length} of ${input.clauses.length} clauses differ`,
    actor,
    settings: { document: input.title, from: input.from.effectiveDate, to: input.to.effectiveDate },
    figures: {
      counts: { added: count('added'), removed: count('removed'), changed: count('changed'), renumbered: count('renumbered'), unchanged: count('unchanged') },
      clauses: changed.map((c) => ({ status: c.status, from: clause(c.from), to: clause(c.to) })),
    },
    rows: changed.flatMap((c) => [...(c.from ? [{ sourceId: input.from.sourceId, line: c.from.line }] : []), ...(c.to ? [{ sourceId: input.to.sourceId, line: c.to.line }] : [])]),
  });
}

/** The request timing of a cluster's accounts as a finding: which of them run like machines. */
export function timingFinding(caseId: string, actor: string, cluster: Cluster, settings: { sessionGapSeconds: number; regularCv: number; minIntervals: number }, rows: SourceRef[]): Finding {
  return makeFinding({
    caseId,
    kind: 'account-timing',
    title: `Request timing of cluster ${cluster.id}: ${cluster.machineRegularAccounts} of ${cluster.accounts.length} accounts machine-regular`,
    actor,
    settings: { ...settings },
    figures: { accounts: cluster.timing, hourOfDay: cluster.hourOfDay },
    rows,
  });
}
