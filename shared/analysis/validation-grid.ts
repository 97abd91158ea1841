import { seededRandom } from '../random';
import { decideAttribution, releaseOrder, type Conclusion } from './attribution-rule';
import type { SimilarityTable } from './similarity-table';
import { clopperPearson } from './statistics';

/**
 * What is publicly documented about a model of the validation set: its
 * maker, its release month, the model whose answers it was trained on or
 * rewrites, its base model, and the makers whose models' outputs went into
 * its training data.
 */
export interface ModelCard {
  model: string;
  vendor: string;
  released: string;
  derivedFrom?: string;
  base?: { model: string; vendor: string };
  trainedOnOutputsOf?: string[];
  /** Where the lineage is documented. */
  source?: string;
}

/** The makers a model owes its weights or its training answers to, itself included. */
const lineage = (m: ModelCard) => new Set([m.vendor, ...(m.base ? [m.base.vendor] : []), ...(m.trainedOnOutputsOf ?? [])]);

/**
 * Two models that cannot serve as each other's unrelated reference: they
 * share a maker in their lineage (the same maker, a base model of the
 * other's maker or of the same maker, training on the outputs of the other's
 * maker's models or of the same maker's).
 */
export function related(a: ModelCard, b: ModelCard): boolean {
  const of = lineage(b);
  return [...lineage(a)].some((v) => of.has(v));
}

export type GridKind = 'documented-derivation' | 'suspect-predates-original' | 'later-unrelated';

export interface GridCase {
  kind: GridKind;
  original: string;
  suspect: string;
  /** Every model of the set related to neither. */
  references: string[];
}

/**
 * The cases the method is validated on: every documented derivation
 * (positives), every pair whose suspect was released before its original,
 * and every later model of an unrelated family (negatives), each with the
 * panel of every model related to neither.
 */
export function validationGrid(cards: readonly ModelCard[]): GridCase[] {
  const cases: GridCase[] = [];
  for (const original of cards) {
    for (const suspect of cards) {
      if (suspect === original) continue;
      const order = releaseOrder(original.released, suspect.released);
      const kind: GridKind | null = suspect.derivedFrom === original.model ? 'documented-derivation' : order === 'suspect-first' ? 'suspect-predates-original' : order === 'original-first' && !related(original, suspect) ? 'later-unrelated' : null;
      if (!kind) continue;
      const references = cards.filter((m) => m !== original && m !== suspect && !related(m, original) && !related(m, suspect)).map((m) => m.model);
      cases.push({ kind, original: original.model, suspect: suspect.model, references });
    }
  }
  return cases;
}

export interface GridOutcome extends GridCase {
  /** The statistical criterion alone, blind to the dates and the plan. */
  ruleMet: boolean;
  /** The gate's conclusion, with both dates and a plan recorded before the import. */
  conclusion: Conclusion;
  /** Of `draws` random five-model panels of the references: how many met the criterion, and how many concluded consistent with derivation. */
  panels: { draws: number; ruleMet: number; consistent: number };
}

export const GRID_SETTINGS = { alpha: 0.05, minPanel: 5, panelDraws: 20, panelSize: 5, seed: 20261207 } as const;

/** Every case of the grid decided as the app decides it, from one table of similarities. */
export function runGrid(table: SimilarityTable, cards: readonly ModelCard[], cases: readonly GridCase[], label: string): GridOutcome[] {
  const released = new Map(cards.map((c) => [c.model, c.released]));
  const random = seededRandom(GRID_SETTINGS.seed);
  const decide = (c: GridCase, references: readonly string[]) =>
    decideAttribution(table, { original: c.original, suspect: c.suspect, references, knownNegatives: [], knownDerived: [], released, alpha: GRID_SETTINGS.alpha, minPanel: GRID_SETTINGS.minPanel, status: 'pre-registered', label });
  return cases.map((c) => {
    const decision = decide(c, c.references);
    const panels = { draws: 0, ruleMet: 0, consistent: 0 };
    if (c.references.length > GRID_SETTINGS.panelSize) {
      for (let d = 0; d < GRID_SETTINGS.panelDraws; d++) {
        const pool = [...c.references];
        for (let i = pool.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [pool[i], pool[j]] = [pool[j]!, pool[i]!];
        }
        const drawn = decide(c, pool.slice(0, GRID_SETTINGS.panelSize));
        panels.draws++;
        if (drawn.checks.met) panels.ruleMet++;
        if (drawn.conclusion === 'consistent-with-derivation') panels.consistent++;
      }
    }
    return { ...c, ruleMet: decision.checks.met, conclusion: decision.conclusion, panels };
  });
}

/** A count out of a total with its exact (Clopper–Pearson) 95% interval. */
export interface Rate {
  count: number;
  of: number;
  ci95: [number, number];
}

const rate = (count: number, of: number): Rate => ({ count, of, ci95: clopperPearson(count, of) });

export interface GridSummary {
  derivations: { consistent: Rate; ruleMet: Rate };
  predating: { consistent: Rate; ruleMet: Rate };
  laterUnrelated: { consistent: Rate; ruleMet: Rate };
  /** Random five-model panels of the negatives: how many draws met the criterion, and how many concluded consistent with derivation. */
  negativePanels: { ruleMet: Rate; consistent: Rate };
}

export function summarizeGrid(outcomes: readonly GridOutcome[]): GridSummary {
  const of = (kind: GridKind) => outcomes.filter((o) => o.kind === kind);
  const figures = (xs: readonly GridOutcome[]) => ({ consistent: rate(xs.filter((x) => x.conclusion === 'consistent-with-derivation').length, xs.length), ruleMet: rate(xs.filter((x) => x.ruleMet).length, xs.length) });
  const negatives = outcomes.filter((o) => o.kind !== 'documented-derivation');
  const draws = negatives.reduce((n, o) => n + o.panels.draws, 0);
  return {
    derivations: figures(of('documented-derivation')),
    predating: figures(of('suspect-predates-original')),
    laterUnrelated: figures(of('later-unrelated')),
    negativePanels: { ruleMet: rate(negatives.reduce((n, o) => n + o.panels.ruleMet, 0), draws), consistent: rate(negatives.reduce((n, o) => n + o.panels.consistent, 0), draws) },
  };
}

/** The record stored in the repository: the method's version, what it ran on, and every case's outcome. */
export interface MethodValidation {
  methodVersion: number;
  data: string;
  measure: string;
  settings: typeof GRID_SETTINGS;
  models: ModelCard[];
  outcomes: GridOutcome[];
  summary: GridSummary;
}

/** A percentage to two significant digits, so small rates and their intervals stay readable. */
const pct = (x: number) => `${x === 0 ? '0' : Number((100 * x).toPrecision(2)).toString()}%`;
const share = (r: Rate) => `${r.count} (${pct(r.count / Math.max(1, r.of))}; exact 95% CI ${pct(r.ci95[0])}–${pct(r.ci95[1])})`;

/** The validation in one paragraph, as every report and bundle prints it. */
export function validationSentence(record: MethodValidation, methodVersion: number): string {
  if (record.methodVersion !== methodVersion) return `The decision rule (version ${methodVersion}) has not been validated on public data: the stored validation is of version ${record.methodVersion}.`;
  const { summary: s } = record;
  return (
    `Validation of this rule (version ${record.methodVersion}) on ${record.data}, each case with a plan recorded before the import, both release dates and a panel of every model related to neither: ` +
    `of ${s.derivations.consistent.of} documented derivations it concluded ${share(s.derivations.consistent)} consistent with derivation; ` +
    `of ${s.predating.consistent.of} suspects released before their original, ${share(s.predating.consistent)} (with the dates withheld its statistical criterion alone was met by ${share(s.predating.ruleMet)}, which the dates then refuse); ` +
    `of ${s.laterUnrelated.consistent.of} later models of unrelated families, ${share(s.laterUnrelated.consistent)}. ` +
    `On ${s.negativePanels.consistent.of.toLocaleString('en-US')} random five-model panels of these negatives it concluded ${share(s.negativePanels.consistent)} consistent with derivation.`
  );
}
