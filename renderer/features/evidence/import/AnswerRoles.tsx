import { IMPORT_ROLES, planDisagreement } from '../../../../shared/analysis/import-roles';
import { ROLE_LABELS } from '../../../../shared/analysis/attribution-plan';
import type { PairRole } from '../../../../shared/import/pairs-import';
import type { FilePlan } from './plan-files';

/**
 * The files of answers at the top of the import: each model, the role
 * proposed for it and why, and any role chosen against the plan, said
 * before anything is imported.
 */
export function AnswerRoles({ plans, onRole }: { plans: readonly FilePlan[]; onRole: (plan: FilePlan, role: PairRole) => void }) {
  const answers = plans.filter((p) => p.kind === 'answers' && !p.unusable);
  if (answers.length === 0) return null;
  const disagreements = answers.map((p) => planDisagreement(p.model, p.role, p.proposal)).filter((d): d is string => d !== null);
  const count = (role: PairRole) => answers.filter((p) => p.role === role).length;
  return (
    <section className="answer-roles" aria-label="Roles of the answer files">
      <h3>Whose answers, in which role</h3>
      <table className="table">
        <thead>
          <tr>
            <th>File</th>
            <th>Model</th>
            <th>Role</th>
            <th>Proposed because</th>
          </tr>
        </thead>
        <tbody>
          {answers.map((p) => (
            <tr key={p.file.name}>
              <td>{p.file.name}</td>
              <td className="mono">{p.model}</td>
              <td>
                <select aria-label={`Role of ${p.file.name}`} value={p.role} onChange={(e) => onRole(p, e.target.value as PairRole)}>
                  {IMPORT_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {ROLE_LABELS[role]}
                    </option>
                  ))}
                </select>
              </td>
              <td className="muted small">{p.proposal?.why ?? 'no plan is recorded; mark the original and the suspect'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {(count('original') !== 1 || count('suspect') !== 1) && (
        <p className="field-error" role="alert">
          Mark exactly one file as the original and one as the suspect (now {count('original')} and {count('suspect')}).
        </p>
      )}
      {disagreements.length > 0 && (
        <div className="banner banner-warn" role="alert" aria-label="Roles against the plan">
          {disagreements.map((d) => (
            <p key={d}>{d}</p>
          ))}
        </div>
      )}
    </section>
  );
}
