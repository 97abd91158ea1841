import { newId } from '../ids';
import type { Finding, SourceRef, TosClause } from '../model/records';
import { SOFTWARE_VERSION } from '../version';
import type { Cluster } from './campaign';
import type { AttributionResult } from './attribution';
import type { PairsAnalysis } from './pair-analysis';
import { summarizeRedline, type RedlineLine } from './tos-redline';

type RedlinedClause = Pick<TosClause, 'number' | 'citation' | 'headingPath' | 'text' | 'line' | 'order'> & { markup?: string; page?: number };


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
      metrics: analysis.metrics.map(({ metric, label, pairs, meanSuspect, meanControl, difference, ci95, pValue, z, test, histogram }) => ({ metric, label, pairs, meanSuspect, meanControl, difference, ci95, pValue, z, test, histogram })),
      markers: analysis.markers,
    },
    rows,
  });
}

/**
 * The attribution report as a finding: the conclusion, the plan it
 * followed and every figure behind it (the per-prompt values stay with the
 * analysis; the rows are every answer compared).
 */
export function attributionFinding(caseId: string, actor: string, result: AttributionResult, rows: SourceRef[]): Finding {
  const { perPrompt: _perPrompt, settings, ...figures } = result;
  return makeFinding({
    caseId,
    kind: 'attribution',
    title: `Attribution of ${result.suspect} to ${result.original} against ${result.primary.nullValues.length} reference models on ${result.prompts} prompts`,
    actor,
    settings: { ...settings },
    figures: { ...figures },
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
 * Formatting-only changes are counted apart and left out of the headline.
 * When the versions seem split differently it is refused unless the user
 * confirmed after comparing both outlines, and the warning stays with it.
 */
export function redlineFinding(
  caseId: string,
  actor: string,
  input: { title: string; from: { effectiveDate: string; sourceId: string }; to: { effectiveDate: string; sourceId: string }; clauses: RedlineLine<RedlinedClause>[]; splitConfirmed?: boolean },
): Finding {
  const summary = summarizeRedline(input.clauses);
  if (summary.splitWarning && !input.splitConfirmed) throw new Error(`${summary.splitWarning} Confirm that you compared them to save this redline as a finding.`);
  const differing = input.clauses.filter((c) => c.status !== 'unchanged' && c.status !== 'formatting');
  const clause = (c: RedlinedClause | null) => c && { citation: c.citation, number: c.number, heading: c.headingPath.at(-1) ?? '', text: c.text, line: c.line, ...(c.page !== undefined && { page: c.page }) };
  const { fromClauses, toClauses, splitWarning, ...counts } = summary;
  return makeFinding({
    caseId,
    kind: 'tos-redline',
    title: `${input.title}: version of ${input.from.effectiveDate} against ${input.to.effectiveDate}, ${differing.length} of ${toClauses} clauses differ${summary.formatting ? ` (${summary.formatting} more in formatting only)` : ''}`,
    actor,
    settings: { document: input.title, from: input.from.effectiveDate, to: input.to.effectiveDate, ...(splitWarning && { splitWarning, splitConfirmedBy: actor }) },
    figures: {
      counts,
      clauseCounts: { from: fromClauses, to: toClauses },
      clauses: differing.map((c) => ({ status: c.status, from: clause(c.from), to: clause(c.to) })),
      formattingOnly: input.clauses.filter((c) => c.status === 'formatting').map((c) => c.to!.citation),
    },
    rows: differing.flatMap((c) => [...(c.from ? [{ sourceId: input.from.sourceId, line: c.from.line }] : []), ...(c.to ? [{ sourceId: input.to.sourceId, line: c.to.line }] : [])]),
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
