import type { PlanInput } from './attribution-plan';
import type { PromptMatch } from './prompt-matching';
import type { DocumentTimeline } from './tos-timeline';

/** Harvesting by day beside the dates the suspect (and other models) appeared, and the terms in force. */
export interface HarvestTimeline {
  /** Matched requests per UTC day, every day from the first to the last (zeros included). */
  days: { date: string; requests: number }[];
  /** Models with a release or observation date in the plan, with where the date comes from. */
  models: { model: string; role: string; date: string; source: string }[];
  /** Each terms version's effective date. */
  terms: { title: string; effectiveDate: string }[];
}

const DAY = 86_400_000;

export function harvestTimeline(matches: readonly PromptMatch[], roles: PlanInput['roles'], documents: readonly DocumentTimeline[]): HarvestTimeline {
  const counts = new Map<number, number>();
  for (const m of matches) for (const r of m.rows) if (r.ts !== null) counts.set(Math.floor(r.ts / DAY), (counts.get(Math.floor(r.ts / DAY)) ?? 0) + 1);
  const dayNumbers = [...counts.keys()];
  const days = dayNumbers.length
    ? Array.from({ length: Math.max(...dayNumbers) - Math.min(...dayNumbers) + 1 }, (_, k) => {
        const day = Math.min(...dayNumbers) + k;
        return { date: new Date(day * DAY).toISOString().slice(0, 10), requests: counts.get(day) ?? 0 };
      })
    : [];
  return {
    days,
    models: roles.flatMap((r) => (r.released ? [{ model: r.model, role: r.role, date: r.released, source: r.source ?? 'no source given' }] : [])),
    terms: documents.flatMap((d) => d.versions.map((v) => ({ title: d.title, effectiveDate: v.effectiveDate }))),
  };
}
