import type { AuditEntry } from '../audit/audit-chain';
import { canonicalJson, type Json } from '../canonical-json';
import { sha256Hex } from '../hash';
import type { CaseChange } from '../model/case-change';
import type { AuditEvent } from '../model/records';

/** One run of an attribution, as the case's history records it (an `analysis.run` event). */
export interface AttributionRun {
  /** 1-based, over the runs of the same suspect and original in this case. */
  number: number;
  at: string;
  actor: string;
  original: string;
  suspect: string;
  planVersion: number | null;
  planSha256: string | null;
  references: string[];
  conclusion: string;
  resultSha256: string;
}

/** Where a run stands among the case's runs of the same attribution: every earlier panel is shown, so panel shopping is visible. */
export interface RunStanding {
  number: number;
  /** Earlier runs whose panel differs from this one's, grouped by panel. */
  otherPanels: { runs: number[]; references: string[] }[];
  sentence: string;
}

/** What an attribution run writes to the history: enough to tell which panel and plan gave which conclusion. */
export interface RunSummary {
  original: string;
  suspect: string;
  conclusion: string;
  plan: { version: number | null; sha256: string | null };
  references: readonly { model: string; role: string }[];
  run: RunStanding;
}

const text = (v: Json | undefined) => (typeof v === 'string' ? v : '');

/** The attribution runs a case's history records, in order. */
export function attributionRuns(audit: readonly AuditEvent[]): AttributionRun[] {
  return audit
    .filter((e) => e.action === 'analysis.run')
    .map((e) => {
      const d = e.details;
      return {
        number: typeof d.run === 'number' ? d.run : 0,
        at: e.at,
        actor: e.actor,
        original: text(d.original),
        suspect: text(d.suspect),
        planVersion: typeof d.planVersion === 'number' ? d.planVersion : null,
        planSha256: typeof d.planSha256 === 'string' ? d.planSha256 : null,
        references: Array.isArray(d.references) ? d.references.filter((r): r is string => typeof r === 'string') : [],
        conclusion: text(d.conclusion),
        resultSha256: text(d.resultSha256),
      };
    });
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

/** "runs 1–2, 4" */
function runList(numbers: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < numbers.length; ) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    parts.push(j > i ? `${numbers[i]}–${numbers[j]}` : `${numbers[i]}`);
    i = j + 1;
  }
  return `${numbers.length === 1 ? 'run' : 'runs'} ${parts.join(', ')}`;
}

/** This run's number and the panels of the earlier runs of the same attribution, from the history as it stands. */
export function runStanding(audit: readonly AuditEvent[], attribution: { original: string; suspect: string; references: readonly string[] }): RunStanding {
  const earlier = attributionRuns(audit).filter((r) => r.original === attribution.original && r.suspect === attribution.suspect);
  const number = earlier.length + 1;
  const otherPanels: RunStanding['otherPanels'] = [];
  earlier.forEach((r, i) => {
    if (sameSet(r.references, attribution.references)) return;
    const group = otherPanels.find((g) => sameSet(g.references, r.references));
    if (group) group.runs.push(i + 1);
    else otherPanels.push({ runs: [i + 1], references: [...r.references] });
  });
  const others = otherPanels.map((g) => `${runList(g.runs)} used ${g.references.length ? g.references.join(', ') : 'no reference model'}`);
  const sentence =
    number === 1
      ? `Run 1 of this attribution on this case: no earlier run is recorded. Every run is recorded in the case's history with its plan and panel.`
      : `Run ${number} of ${number} of this attribution on this case; ${others.length ? `${others.join('; ')}` : 'every earlier run used the same panel'}. Every run is recorded in the case's history with its plan and panel.`;
  return { number, otherPanels, sentence };
}

/** The SHA-256 of a result as JSON with sorted keys (NaN as null): what the history records of it. */
export function resultDigest(result: unknown): string {
  return sha256Hex(canonicalJson(JSON.parse(JSON.stringify(result)) as Json));
}

/** The history entries of attribution runs: each names its plan, its panel, its conclusion and the digest of its result. */
export function attributionRunsChange(results: readonly (RunSummary & object)[], actor: string): CaseChange {
  const audit: AuditEntry[] = results.map((r) => ({
    actor,
    action: 'analysis.run',
    subject: `Attribution of ${r.suspect} to ${r.original}, run ${r.run.number}`,
    details: {
      run: r.run.number,
      original: r.original,
      suspect: r.suspect,
      planVersion: r.plan.version,
      planSha256: r.plan.sha256,
      references: r.references.filter((m) => m.role === 'reference').map((m) => m.model),
      conclusion: r.conclusion,
      resultSha256: resultDigest(r),
    },
  }));
  return { audit };
}
