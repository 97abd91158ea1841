import { Refusal } from '../errors';
import { bindRecords } from '../audit/record-binding';
import type { AuditEntry } from '../audit/audit-chain';
import { canonicalJson, type Json } from '../canonical-json';
import { sha256Hex } from '../hash';
import { newId } from '../ids';
import type { CaseChange } from '../model/case-change';
import { pairOutputs, type AnalysisPlan, type Marker, type ModelRole, type OutputPair, type SourceRecord } from '../model/records';
import { DEFAULT_PAIR_SETTINGS, METRICS, type Metric, type PairSettings } from './pair-metrics';
import { formatInstant } from '../time-format';

export const ROLE_LABELS: Record<ModelRole, string> = {
  original: 'Original',
  suspect: 'Suspect',
  reference: 'Reference (panel)',
  related: 'Related (shown, not a reference)',
  'known-derived': 'Known derived (calibration)',
  'known-negative': 'Known negative (calibration)',
  excluded: 'Excluded',
};

/** A model's role as one attribution's report names it: the suspect analysed, another suspect (shown), or its role. */
export function roleInReport(model: { model: string; role: ModelRole }, suspect: string): string {
  if (model.model === suspect) return 'Suspect';
  return model.role === 'suspect' ? 'Another suspect (shown, not a reference)' : ROLE_LABELS[model.role];
}

/** The plan's first reference model: the control the pair measures compare with, and the third column of the pair view. */
export function firstReference(roles: readonly { model: string; role: ModelRole }[]): string | null {
  return roles.find((r) => r.role === 'reference')?.model ?? null;
}

/** What an expert declares before looking at the suspect's answers. */
export interface PlanInput {
  roles: { model: string; role: ModelRole; released?: string; source?: string }[];
  primary: Metric;
  secondary: Metric[];
  alpha: number;
  minPanel: number;
  seed: number;
  settings: PairSettings;
}

export const DEFAULT_PLAN: Omit<PlanInput, 'roles'> = {
  primary: 'rougeL',
  secondary: METRICS.filter((m) => m !== 'rougeL'),
  alpha: 0.05,
  minPanel: 5,
  seed: 20260301,
  settings: DEFAULT_PAIR_SETTINGS,
};

/** A model whose answers the case holds, and the role its file was imported under. */
export interface ModelInCase {
  model: string;
  answers: number;
  importedAs: ModelRole;
  sourceIds: string[];
}

/** Every model with answers in the case, the original and the suspect first, then by name (never by the order files were dropped). */
export function modelsInCase(pairs: readonly OutputPair[], sources: readonly SourceRecord[]): ModelInCase[] {
  const byModel = new Map<string, ModelInCase>();
  const roleOf = (sourceId: string, fallback: ModelRole): ModelRole => {
    const role = sources.find((s) => s.id === sourceId)?.settings.role;
    return role === 'related' || role === 'known-derived' ? role : fallback;
  };
  for (const pair of pairs) {
    pairOutputs(pair).forEach((output, i) => {
      let entry = byModel.get(output.model);
      if (!entry) byModel.set(output.model, (entry = { model: output.model, answers: 0, importedAs: i === 0 ? 'original' : i === 1 ? 'suspect' : roleOf(output.ref.sourceId, 'reference'), sourceIds: [] }));
      entry.answers++;
      if (!entry.sourceIds.includes(output.ref.sourceId)) entry.sourceIds.push(output.ref.sourceId);
    });
  }
  const rank = (r: ModelRole) => (r === 'original' ? 0 : r === 'suspect' ? 1 : 2);
  return [...byModel.values()].sort((a, b) => rank(a.importedAs) - rank(b.importedAs) || a.model.localeCompare(b.model));
}

/** The family a model name starts with (“claude”, “gpt”, “llama”): a reference of the original's own family is proposed as related instead. */
export function modelFamily(model: string): string {
  return model.toLowerCase().match(/^[a-z]+/)?.[0] ?? model.toLowerCase();
}

/**
 * The roles proposed for the models of a case, for the expert to confirm:
 * the plan's where it names the model, else the role its file was imported
 * under, with a would-be reference of the original's family proposed as
 * related.
 */
export function proposeRoles(models: readonly ModelInCase[], plan?: Pick<AnalysisPlan, 'roles'>): PlanInput['roles'] {
  const original = plan?.roles.find((r) => r.role === 'original')?.model ?? models.find((m) => m.importedAs === 'original')?.model;
  const family = original ? modelFamily(original) : null;
  return models.map(({ model, importedAs }) => {
    const planned = plan?.roles.find((r) => r.model === model);
    if (planned) return planned;
    const role = importedAs === 'reference' && modelFamily(model) === family ? 'related' : importedAs;
    return { model, role };
  });
}

/** Why a plan cannot be recorded, or null. */
export function planProblem(input: PlanInput): string | null {
  const count = (role: ModelRole) => input.roles.filter((r) => r.role === role).length;
  if (count('original') !== 1) return `A plan names exactly one original model; this one names ${count('original')}`;
  if (count('suspect') < 1) return 'A plan names at least one suspect model';
  const names = input.roles.map((r) => r.model);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) return `${twice} is given two roles`;
  const badDate = input.roles.find((r) => r.released !== undefined && !/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/.test(r.released));
  if (badDate) return `${badDate.model}: the release or observation date “${badDate.released}” is not a date in the form YYYY-MM or YYYY-MM-DD`;
  if (!METRICS.includes(input.primary)) return `${input.primary} is not a measure of the analysis`;
  if (input.secondary.includes(input.primary)) return 'The primary measure is not also a secondary one';
  if (!(input.alpha > 0 && input.alpha < 0.5)) return 'The error level must be between 0 and 0.5';
  if (!Number.isInteger(input.minPanel) || input.minPanel < 2) return 'The smallest panel must be at least 2 reference models';
  return null;
}

/**
 * A new version of the case's plan, hashed, with the audit entry that
 * records its hash. The plan's markers are the case's list as it stands,
 * so editing the list later does not change what was declared.
 */
export function recordPlan(caseId: string, actor: string, input: PlanInput, earlier: readonly AnalysisPlan[], markers: readonly Marker[], now: Date = new Date()): { plan: AnalysisPlan; change: CaseChange } {
  const problem = planProblem(input);
  if (problem) throw new Refusal(problem, 'invalid');
  const content = {
    roles: input.roles.map(({ model, role, released, source }) => ({ model, role, ...(released ? { released } : {}), ...(released && source ? { source } : {}) })),
    primary: input.primary,
    secondary: input.secondary,
    alpha: input.alpha,
    minPanel: input.minPanel,
    seed: input.seed,
    settings: { ...input.settings },
    markers: [...markers].sort((a, b) => a.order - b.order).map(({ kind, label, pattern, regex, postHoc }) => ({ kind, label, pattern, regex, ...(postHoc && { postHoc }) })),
  };
  const sha256 = sha256Hex(canonicalJson(content as unknown as Json));
  const version = Math.max(0, ...earlier.map((p) => p.version)) + 1;
  const plan: AnalysisPlan = { id: newId(), caseId, version, recordedAt: now.toISOString(), recordedBy: actor, ...content, sha256 };
  const audit: AuditEntry = { actor, action: 'plan.recorded', subject: `Analysis plan v${version}`, details: { version, sha256, primary: input.primary, references: content.roles.filter((r) => r.role === 'reference').length }, records: bindRecords({ put: { analysisPlans: [plan] } }) };
  return { plan, change: { put: { analysisPlans: [plan] }, audit: [audit] } };
}

export function latestPlan(plans: readonly AnalysisPlan[]): AnalysisPlan | undefined {
  return [...plans].sort((a, b) => b.version - a.version)[0];
}

export type PlanStatus = 'exploratory' | 'pre-registered' | 'post-hoc';

/**
 * Whether the figures are confirmatory: a plan recorded before any answer
 * of its suspects was imported is pre-registered; one recorded after is
 * post hoc; without a plan the analysis is exploratory.
 */
export function planStatus(plan: AnalysisPlan | undefined, pairs: readonly OutputPair[], sources: readonly SourceRecord[]): { status: PlanStatus; sentence: string } {
  if (!plan) return { status: 'exploratory', sentence: 'No analysis plan was recorded: every figure here is exploratory.' };
  const suspects = new Set(plan.roles.filter((r) => r.role === 'suspect').map((r) => r.model));
  const sourceIds = new Set(pairs.flatMap((p) => pairOutputs(p).filter((o) => suspects.has(o.model)).map((o) => o.ref.sourceId)));
  const imported = sources.filter((s) => sourceIds.has(s.id)).map((s) => s.importedAt).sort()[0];
  const named = `Plan v${plan.version} (SHA-256 ${plan.sha256.slice(0, 16)}…), recorded ${formatInstant(plan.recordedAt)} by ${plan.recordedBy}`;
  if (imported && plan.recordedAt < imported) return { status: 'pre-registered', sentence: `${named}, before the suspect's answers were imported (${formatInstant(imported)}): the primary result is confirmatory.` };
  return { status: 'post-hoc', sentence: `${named}, after the suspect's answers were imported${imported ? ` (${formatInstant(imported)})` : ''}: every figure is post hoc, not confirmatory.` };
}

/** The plan an analysis follows: the case's latest, or the defaults with the roles proposed from the imports. */
export function effectivePlan(plan: AnalysisPlan | undefined, proposed: PlanInput['roles']): PlanInput {
  if (!plan) return { ...DEFAULT_PLAN, roles: proposed };
  return { roles: plan.roles, primary: plan.primary as Metric, secondary: plan.secondary as Metric[], alpha: plan.alpha, minPanel: plan.minPanel, seed: plan.seed, settings: { ...DEFAULT_PLAN.settings, ...(plan.settings as Partial<PairSettings>) } };
}
