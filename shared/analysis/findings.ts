import { Refusal } from '../errors';
import type { AuditEntry } from '../audit/audit-chain';
import { bindRecords } from '../audit/record-binding';
import { newId } from '../ids';
import type { CaseChange } from '../model/case-change';
import type { Finding, SourceRef, TosClause } from '../model/records';
import { SOFTWARE_VERSION } from '../version';
import type { Cluster } from './campaign';
import { CONCLUSION_LABELS } from './attribution-rule';
import type { AttributionResult } from './attribution';
import type { HarvestTimeline } from './harvest-timeline';
import type { NaturalExperiment } from './natural-experiment';
import { MATCH_METHOD_LABELS, NORMALISATION, type MatchMethod, type PromptMatch } from './prompt-matching';
import type { PairsAnalysis } from './pair-analysis';
import { summarizeRedline, type RedlineLine } from './tos-redline';

type RedlinedClause = Pick<TosClause, 'number' | 'citation' | 'headingPath' | 'text' | 'line' | 'order'> & { markup?: string; page?: number };


/** A finding: a titled, dated record of figures with what produced them and the rows behind them. */
/** Each kind of finding as a reader names it; a kind this version does not know, as it was saved. */
const FINDING_KIND_LABELS: Record<string, string> = {
  'pair-similarity': 'similarity of the output pairs',
  attribution: 'attribution against a reference panel',
  'harvest-cluster': 'prompts a cluster of accounts sent',
  'natural-experiment': 'natural experiment on the harvested prompts',
  'harvest-timeline': 'harvest timeline',
  'campaign-cluster': 'cluster of linked accounts',
  'tos-redline': 'Terms redline',
  'account-timing': 'request timing of a cluster',
};

export const findingKindLabel = (kind: string) => FINDING_KIND_LABELS[kind] ?? kind;

export function makeFinding(input: { caseId: string; kind: string; title: string; actor: string; settings: Record<string, unknown>; figures: Record<string, unknown>; rows: SourceRef[] }, now: Date = new Date()): Finding {
  return { id: newId(), caseId: input.caseId, kind: input.kind, title: input.title, createdAt: now.toISOString(), createdBy: input.actor, settings: input.settings, figures: input.figures, rows: input.rows, softwareVersion: SOFTWARE_VERSION };
}

/** Saving a finding: the finding, and the audit entry that records and binds it. */
export function findingSaved(finding: Finding): CaseChange {
  const audit: AuditEntry = {
    actor: finding.createdBy,
    action: 'finding.saved',
    subject: finding.title,
    details: { findingId: finding.id, kind: finding.kind, rows: finding.rows.length, softwareVersion: finding.softwareVersion },
    records: bindRecords({ put: { findings: [finding] } }),
  };
  return { put: { findings: [finding] }, audit: [audit] };
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
    title: `${CONCLUSION_LABELS[result.conclusion]}: ${result.suspect} against ${result.original}, ${result.primary.nullValues.length} reference models, ${result.prompts} prompts`,
    actor,
    settings: { ...settings },
    figures: { ...figures },
    rows,
  });
}

/** "The prompts of these pairs were sent by this cluster": every pair with the methods that found it, and the rows behind it. */
export function harvestFinding(caseId: string, actor: string, input: { cluster: number; accounts: readonly string[]; matches: readonly PromptMatch[]; methods: readonly MatchMethod[]; pairs: number }): Finding {
  // Only the cluster's own requests: the same prompt may also have been sent by others.
  const sent = input.matches.flatMap((m) => {
    const rows = m.rows.filter((r) => r.account !== undefined && input.accounts.includes(r.account));
    return rows.length ? [{ ...m, rows, methods: m.methods.filter((x) => rows.some((r) => r.method === x)) }] : [];
  });
  return makeFinding({
    caseId,
    kind: 'harvest-cluster',
    title: `Prompts of ${sent.length} of ${input.pairs} output pairs were sent by cluster ${input.cluster} (${input.accounts.length} accounts)`,
    actor,
    settings: { methods: input.methods.map((m) => MATCH_METHOD_LABELS[m]), normalisation: NORMALISATION, cluster: input.cluster },
    figures: {
      pairs: sent.map((m) => ({ promptId: m.promptId, methods: m.methods, requests: m.rows.length, accounts: m.accounts.filter((a) => input.accounts.includes(a)), first: m.first === null ? null : new Date(m.first).toISOString(), last: m.last === null ? null : new Date(m.last).toISOString() })),
      byMethod: Object.fromEntries(input.methods.map((method) => [method, sent.filter((m) => m.methods.includes(method)).length])),
    },
    rows: sent.flatMap((m) => m.rows.map((r) => r.ref)),
  });
}

/** The within-case natural experiment as a finding. */
export function naturalExperimentFinding(caseId: string, actor: string, input: { result: NaturalExperiment; classifier?: NaturalExperiment | null; suspect: string; original: string; measure: string; methods: readonly MatchMethod[] }): Finding {
  return makeFinding({
    caseId,
    kind: 'natural-experiment',
    title: `${input.suspect} on harvested prompts against the others: ${input.result.ci95[0] > 0 ? `its lead over the panel is ${input.result.difference.toFixed(3)} larger` : 'no gap'}`,
    actor,
    settings: { suspect: input.suspect, original: input.original, measure: input.measure, methods: input.methods.map((m) => MATCH_METHOD_LABELS[m]), permutations: input.result.permutations },
    figures: { ...input.result, ...(input.classifier && { classifier: { ...input.classifier } }) },
    rows: [],
  });
}

/** The harvesting timeline as a finding: volume by day, the models' dates and the terms versions. */
export function timelineFinding(caseId: string, actor: string, timeline: HarvestTimeline, rows: SourceRef[]): Finding {
  const requests = timeline.days.reduce((n, d) => n + d.requests, 0);
  return makeFinding({
    caseId,
    kind: 'harvest-timeline',
    title: `Harvesting timeline: ${requests} requests for pair prompts from ${timeline.days[0]?.date ?? '—'} to ${timeline.days.at(-1)?.date ?? '—'}`,
    actor,
    settings: {},
    figures: { ...timeline },
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
  if (summary.splitWarning && !input.splitConfirmed) throw new Refusal(`${summary.splitWarning} Confirm that you compared them to save this redline as a finding.`, 'invalid');
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
