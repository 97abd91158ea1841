import { latestPlan, modelsInCase, proposeRoles, recordPlan, type PlanInput } from '../../../shared/analysis/attribution-plan';
import type { AnalysisPlan } from '../../../shared/model/records';
import { appendAudit } from '../../db/case-store';
import type { EvidenceDatabase } from '../../db/database';

/** The models of a case with their roles (the latest plan's, or proposed from the imports), and that plan. */
export async function caseRoles(db: EvidenceDatabase, caseId: string): Promise<{ roles: PlanInput['roles']; plan: AnalysisPlan | undefined; plans: AnalysisPlan[] }> {
  const [pairs, sources, plans] = await Promise.all([
    db.outputPairs.where('caseId').equals(caseId).toArray(),
    db.sources.where('caseId').equals(caseId).toArray(),
    db.analysisPlans.where('caseId').equals(caseId).toArray(),
  ]);
  const plan = latestPlan(plans);
  const roles = proposeRoles(modelsInCase(pairs, sources), plan);
  // A model the plan names but the case has no answers of yet stays in the plan's roles.
  for (const r of plan?.roles ?? []) if (!roles.some((x) => x.model === r.model)) roles.push(r);
  return { roles, plan, plans };
}

/** Records a new version of the case's analysis plan, with its hash in the case history. */
export async function savePlan(db: EvidenceDatabase, caseId: string, actor: string, input: PlanInput): Promise<AnalysisPlan> {
  return db.transaction('rw', [db.analysisPlans, db.markers, db.auditEvents, db.cases], async () => {
    const [earlier, markers] = await Promise.all([db.analysisPlans.where('caseId').equals(caseId).toArray(), db.markers.where('caseId').equals(caseId).toArray()]);
    const { plan, audit } = recordPlan(caseId, actor, input, earlier, markers);
    await db.analysisPlans.add(plan);
    await appendAudit(db, caseId, audit);
    return plan;
  });
}
