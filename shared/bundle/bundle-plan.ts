import { BundleError } from '../errors';
import { resolveTarget, targetCatalog, type TargetCatalog } from '../claims/targets';
import type { CaseData } from '../model/case-data';
import { pairOutputs, type Claim, type ClaimElement, type EvidenceLink, type LogEntry, type SourceRecord, type SourceRef, type Target } from '../model/records';

/** A case as the bundle reads it: everything but the log rows, of which only those the bundle shows. */
export interface BundleCase extends Omit<CaseData, 'logEntries'> {
  /** Log rows by `${sourceId}:${line}`. */
  rows: ReadonlyMap<string, LogEntry>;
}

export const rowKey = (sourceId: string, line: number) => `${sourceId}:${line}`;

/** The rows a log-row target selects that the case still holds, by source and line: what its exhibit shows and its files attach. */
export function selectedRows(target: Target, data: Pick<BundleCase, 'rows'>): LogEntry[] {
  return (target.rows ?? [])
    .map((r) => data.rows.get(rowKey(r.sourceId, r.line)))
    .filter((row): row is LogEntry => row !== undefined)
    .sort((a, b) => a.sourceId.localeCompare(b.sourceId) || a.line - b.line);
}

/** The log rows a planned bundle shows: what the app and the CLI read from their store before writing it. */
export function shownRows(data: Pick<BundleCase, 'annotations'>, plan: BundlePlan): SourceRef[] {
  return plan.exhibits.flatMap((e) => {
    const target = e.target.kind === 'annotation' ? data.annotations.find((a) => a.id === e.target.id)?.target : e.target;
    return target?.kind === 'logRows' ? (target.rows ?? []) : [];
  });
}

/** A bundle that cannot be made; the message says why, for the user. */
export interface Exhibit {
  number: number;
  /** What it shows, as a key that stays the same when exhibits are reordered or retitled. */
  key: string;
  target: Target;
  title: string;
  /** The files it comes from, for the index and the certificate. */
  sourceIds: string[];
  estimatedPages: number;
}

export interface PlannedLink {
  link: EvidenceLink;
  /** Null when the evidence is gone: the chart says so rather than dropping it. */
  exhibit: number | null;
  broken: string | null;
}

export interface BundlePlan {
  claims: { claim: Claim; elements: { element: ClaimElement; links: PlannedLink[] }[] }[];
  exhibits: Exhibit[];
  /** The original files behind the exhibits, embedded and certified. */
  originals: SourceRecord[];
  estimatedPages: number;
}

const targetKey = (t: Target) => JSON.stringify([t.kind, t.id, t.field ?? null, t.span?.start ?? null, t.span?.end ?? null, (t.rows ?? []).map((r) => [r.sourceId, r.line])]);

const ROWS_PER_PAGE = 24;

/** A rough count of an exhibit's pages, for the estimate shown before building. */
function estimatePages(target: Target, catalog: TargetCatalog): number {
  switch (target.kind) {
    case 'logRows':
      // A description, four summary tables and at most SAMPLE_ROWS rows: the whole selection is attached, not printed.
      return Math.min(3, 1 + Math.ceil((target.rows?.length ?? 0) / ROWS_PER_PAGE));
    case 'outputPair': {
      const pair = catalog.pairs.get(target.id);
      const longest = pair ? Math.max(...pairOutputs(pair).map((o) => o.text.length)) : 0;
      return 1 + Math.floor(longest / 2500);
    }
    case 'finding':
      return 2;
    default:
      return 1;
  }
}

/**
 * What a bundle of the chosen claims (all when none are named) holds: the
 * claims and elements in chart order, and one exhibit per distinct piece of
 * evidence linked to them, numbered in the order the chart first cites it.
 */
export function planBundle(data: BundleCase, claimIds?: readonly string[]): BundlePlan {
  if (data.claims.length === 0) throw new BundleError('This case has no claims: add claims and link evidence to them before exporting a bundle.');
  const unknown = (claimIds ?? []).filter((id) => !data.claims.some((c) => c.id === id));
  if (unknown.length) throw new BundleError(`No claim with the id ${unknown.join(', ')} in this case`);
  const chosen = [...data.claims].filter((c) => !claimIds?.length || claimIds.includes(c.id)).sort((a, b) => a.order - b.order);
  const catalog = targetCatalog(data);
  const exhibits = new Map<string, Exhibit>();
  const claims = chosen.map((claim) => ({
    claim,
    elements: data.elements
      .filter((e) => e.claimId === claim.id)
      .sort((a, b) => a.order - b.order)
      .map((element) => ({
        element,
        links: data.links
          .filter((l) => l.elementId === element.id)
          .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
          .map((link): PlannedLink => {
            const resolved = resolveTarget(link.target, catalog);
            if (resolved.broken) return { link, exhibit: null, broken: resolved.reason };
            const key = targetKey(link.target);
            let exhibit = exhibits.get(key);
            if (!exhibit) {
              exhibit = { number: exhibits.size + 1, key, target: link.target, title: resolved.title, sourceIds: resolved.sourceIds, estimatedPages: estimatePages(link.target, catalog) };
              exhibits.set(key, exhibit);
            }
            return { link, exhibit: exhibit.number, broken: null };
          }),
      })),
  }));
  if (exhibits.size === 0) {
    throw new BundleError(`The ${chosen.length === data.claims.length ? '' : 'chosen '}claims have no linked evidence${claims.some((c) => c.elements.some((e) => e.links.length)) ? ' that still exists' : ''}: link evidence to their elements before exporting a bundle.`);
  }
  const list = [...exhibits.values()];
  const sourceIds = new Set(list.flatMap((e) => e.sourceIds));
  const originals = data.sources.filter((s) => sourceIds.has(s.id));
  const linkCount = claims.reduce((n, c) => n + c.elements.reduce((m, e) => m + e.links.length, 0), 0);
  const fixedPages = 1 + Math.ceil(list.length / 22) + Math.ceil((linkCount + chosen.length * 4) / 14) + 2 + Math.ceil(originals.length / 10);
  return { claims, exhibits: list, originals, estimatedPages: fixedPages + list.reduce((n, e) => n + e.estimatedPages, 0) };
}

/** How counsel arranged the exhibits before export: their order (by key) and any titles of their own. */
export interface ExhibitArrangement {
  order: readonly string[];
  titles: Readonly<Record<string, string>>;
}

/** The longest title an exhibit may be given. */
export const MAX_EXHIBIT_TITLE = 200;

/**
 * The plan with its exhibits in the order given (any not named keep their
 * place after those that are), numbered again from 1, the chart citing the
 * new numbers, and the titles given (trimmed; an empty one keeps the
 * exhibit's own).
 */
export function arrangeExhibits(plan: BundlePlan, arrangement: ExhibitArrangement): BundlePlan {
  const rank = (e: Exhibit) => {
    const at = arrangement.order.indexOf(e.key);
    return at < 0 ? arrangement.order.length + e.number : at;
  };
  const ordered = [...plan.exhibits].sort((a, b) => rank(a) - rank(b));
  const renumbered = new Map(ordered.map((e, i) => [e.number, i + 1]));
  const title = (e: Exhibit) => arrangement.titles[e.key]?.trim().slice(0, MAX_EXHIBIT_TITLE) || e.title;
  return {
    ...plan,
    exhibits: ordered.map((e) => ({ ...e, number: renumbered.get(e.number)!, title: title(e) })),
    claims: plan.claims.map((c) => ({ ...c, elements: c.elements.map((el) => ({ ...el, links: el.links.map((l) => ({ ...l, exhibit: l.exhibit === null ? null : renumbered.get(l.exhibit)! })) })) })),
  };
}
