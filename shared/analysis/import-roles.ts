import type { PairRole } from '../import/pairs-import';
import type { AnalysisPlan, ModelRole } from '../model/records';
import { modelFamily, ROLE_LABELS } from './attribution-plan';

/** The roles a file of one model's answers can be imported under. */
export const IMPORT_ROLES: readonly PairRole[] = ['original', 'suspect', 'reference', 'related', 'known-derived'];

/** A role proposed for a file of answers, and why, in words the dialog shows. */
export interface RoleProposal {
  role: PairRole;
  why: string;
  /** The role the case's plan gives the model, when it names it. */
  planned: ModelRole | null;
}

const asImportRole = (role: ModelRole): PairRole => ((IMPORT_ROLES as readonly string[]).includes(role) ? (role as PairRole) : 'reference');

/**
 * The role proposed for each model's answers at import: the plan's where it
 * names the model, else the role an earlier import gave it, else related
 * when it shares the original's family name, else reference. The original
 * and the suspect are never guessed from file order; a model the plan
 * leaves out is never proposed as either.
 */
export function proposeImportRoles(models: readonly string[], plan: Pick<AnalysisPlan, 'roles' | 'version'> | undefined, imported: readonly { model: string; role: ModelRole }[]): Map<string, RoleProposal> {
  const original = plan?.roles.find((r) => r.role === 'original')?.model ?? imported.find((r) => r.role === 'original')?.model;
  const family = original ? modelFamily(original) : null;
  return new Map(
    models.map((model): [string, RoleProposal] => {
      const planned = plan?.roles.find((r) => r.model === model)?.role ?? null;
      if (planned) return [model, { role: asImportRole(planned), why: `the plan (version ${plan!.version}) names it ${ROLE_LABELS[planned].toLowerCase()}`, planned }];
      const earlier = imported.find((r) => r.model === model)?.role;
      if (earlier) return [model, { role: asImportRole(earlier), why: 'its answers were imported under this role before', planned }];
      if (family && model !== original && modelFamily(model) === family) return [model, { role: 'related', why: `its name shares the original’s family (“${family}”)`, planned }];
      return [model, { role: 'reference', why: plan ? 'the plan does not name it' : 'no plan is recorded; mark the original and the suspect', planned }];
    }),
  );
}

/** A sentence when the role chosen differs from the plan's, which is what the analysis follows until a new plan is recorded. */
export function planDisagreement(model: string, chosen: PairRole, proposal: RoleProposal | undefined): string | null {
  const planned = proposal?.planned;
  if (!planned || asImportRole(planned) === chosen) return null;
  return `${model} is imported as ${ROLE_LABELS[chosen].toLowerCase()}, but the plan names it ${ROLE_LABELS[planned].toLowerCase()}: the analysis follows the plan until a new version of it is recorded.`;
}
