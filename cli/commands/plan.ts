import { parseArgs } from 'node:util';
import { DEFAULT_PLAN, latestPlan, modelsInCase, planProblem, recordPlan, type PlanInput } from '../../shared/analysis/attribution-plan';
import { applyChange } from '../../shared/model/case-change';
import { METRICS, type Metric } from '../../shared/analysis/pair-metrics';
import type { ModelRole } from '../../shared/model/records';
import { cliActor } from '../actor';
import { UsageError, saveCaseFile, withCaseFile } from '../case-file';
import { Refusal } from '../../shared/errors';

export const PLAN_USAGE = 'plan <case-file> --original <model> --suspect <model> [--reference <model> ...] [--related <model> ...] [--known-derived <model> ...] [--known-negative <model> ...] [--excluded <model> ...] [--released <model>=<YYYY-MM-DD> ...] [--date-source <model>=<where the date is from> ...] [--primary <measure>] [--alpha 0.05] [--min-panel 5] [--seed n] | plan <case-file> --show';

const many = { type: 'string', multiple: true } as const;

/** `model=value` options by model; a repeated model or a missing `=` is a usage error. */
function modelValues(entries: string[] | undefined, flag: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const entry of entries ?? []) {
    const at = entry.indexOf('=');
    if (at <= 0 || at === entry.length - 1) throw new UsageError(`${flag} takes <model>=<value>, not “${entry}”`);
    const model = entry.slice(0, at);
    if (values.has(model)) throw new UsageError(`${flag} names ${model} twice`);
    values.set(model, entry.slice(at + 1));
  }
  return values;
}

/** Records a new version of the case's analysis plan (roles by model name, the measure and the rule), or shows the latest. */
export async function planCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      original: many,
      suspect: many,
      reference: many,
      related: many,
      'known-derived': many,
      'known-negative': many,
      excluded: many,
      released: many,
      'date-source': many,
      primary: { type: 'string' },
      alpha: { type: 'string' },
      'min-panel': { type: 'string' },
      seed: { type: 'string' },
      show: { type: 'boolean' },
      actor: { type: 'string' },
    },
  });
  const [path, ...extra] = positionals;
  if (!path || extra.length) throw new UsageError(`usage: ${PLAN_USAGE}`);
  if (values.show) {
    const plan = await withCaseFile(path, async (file) => latestPlan(file.data.analysisPlans));
    out(plan ? JSON.stringify(plan, null, 2) : 'No analysis plan has been recorded.');
    return;
  }
  const named: [ModelRole, string[] | undefined][] = [
    ['original', values.original],
    ['suspect', values.suspect],
    ['reference', values.reference],
    ['related', values.related],
    ['known-derived', values['known-derived']],
    ['known-negative', values['known-negative']],
    ['excluded', values.excluded],
  ];
  const released = modelValues(values.released, '--released');
  const dateSources = modelValues(values['date-source'], '--date-source');
  const roles = named.flatMap(([role, models]) => (models ?? []).map((model) => ({ model, role, ...(released.has(model) && { released: released.get(model)! }), ...(dateSources.has(model) && { source: dateSources.get(model)! }) })));
  for (const model of [...released.keys(), ...dateSources.keys()]) if (!roles.some((r) => r.model === model)) throw new UsageError(`${model} is given a date but no role; name it with --original, --suspect, --reference …`);
  for (const model of dateSources.keys()) if (!released.has(model)) throw new UsageError(`--date-source ${model}=… needs --released ${model}=<date>`);
  const primary = values.primary ?? DEFAULT_PLAN.primary;
  if (!METRICS.includes(primary as Metric)) throw new UsageError(`--primary must be one of ${METRICS.join(', ')}`);
  const number = (text: string | undefined, fallback: number, name: string) => {
    if (text === undefined) return fallback;
    const n = Number(text);
    if (!Number.isFinite(n)) throw new UsageError(`${name} must be a number`);
    return n;
  };
  const input: PlanInput = {
    ...DEFAULT_PLAN,
    roles,
    primary: primary as Metric,
    secondary: METRICS.filter((m) => m !== primary),
    alpha: number(values.alpha, DEFAULT_PLAN.alpha, '--alpha'),
    minPanel: number(values['min-panel'], DEFAULT_PLAN.minPanel, '--min-panel'),
    seed: number(values.seed, DEFAULT_PLAN.seed, '--seed'),
  };
  const problem = planProblem(input);
  if (problem) throw new Refusal(`Refused: ${problem}. No plan was recorded.`);
  await withCaseFile(path, async (file) => {
    const known = new Set(modelsInCase(file.data.outputPairs, file.data.sources).map((m) => m.model));
    for (const r of roles) if (!known.has(r.model)) out(`  note: ${r.model} has no answers in the case yet; the plan will apply to them once imported under that name`);
    const { plan, change } = recordPlan(file.data.case.id, cliActor(values.actor), input, file.data.analysisPlans, file.data.markers);
    applyChange(file.data, change);
    await saveCaseFile(file);
    out(`Recorded analysis plan v${plan.version} (SHA-256 ${plan.sha256}): ${roles.filter((r) => r.role === 'reference').length} reference models, primary measure ${plan.primary}.`);
  });
}
