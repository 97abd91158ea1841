import { latestPlan, modelsInCase, proposeRoles, recordPlan, type ModelInCase, type PlanInput } from '../../../shared/analysis/attribution-plan';
import type { AnalysisPlan } from '../../../shared/model/records';
import { commitChange, loadCaseRecords } from '../../db/case-store';
import type { EvidenceDatabase } from '../../db/database';

/** The models of a case with their roles (the latest plan's, or proposed from the imports), and that plan. */
export async function caseRoles(db: EvidenceDatabase, caseId: string): Promise<{ roles: PlanInput['roles']; plan: AnalysisPlan | undefined; plans: AnalysisPlan[]; models: ModelInCase[] }> {
  const { outputPairs: pairs, sources, analysisPlans: plans } = await loadCaseRecords(db, caseId, ['outputPairs', 'sources', 'analysisPlans']);
  const plan = latestPlan(plans);
  const models = modelsInCase(pairs, sources);
  const roles = proposeRoles(models, plan);
  // A model the plan names but the case has no answers of yet stays in the plan's roles.
  for (const r of plan?.roles ?? []) if (!roles.some((x) => x.model === r.model)) roles.push(r);
  return { roles, plan, plans, models };
}

/** Records a new version of the case's analysis plan, with its hash in the case history. */
export async function savePlan(db: EvidenceDatabase, caseId: string, actor: string, input: PlanInput): Promise<AnalysisPlan> {
  let plan: AnalysisPlan | undefined;
  await commitChange(db, caseId, async () => {
    const { analysisPlans: earlier, markers } = await loadCaseRecords(db, caseId, ['analysisPlans', 'markers']);
    const recorded = recordPlan(caseId, actor, input, earlier, markers);
    plan = recorded.plan;
    return recorded.change;
  });
  return plan!;
}
