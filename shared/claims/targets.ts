import type { Json } from '../canonical-json';
import { selectionInWords } from '../log-store/log-filter';
import { fieldOutput, pairOutputs, type Annotation, type EvidenceLink, type Finding, type OutputPair, type SourceRecord, type SourceRef, type Target, type TosClause, type TosDocument, type TosVersion } from '../model/records';

/** The evidence a link or an annotation can point at, by id. */
export interface TargetCatalog {
  sources: ReadonlyMap<string, SourceRecord>;
  pairs: ReadonlyMap<string, OutputPair>;
  clauses: ReadonlyMap<string, TosClause>;
  versions: ReadonlyMap<string, TosVersion>;
  documents: ReadonlyMap<string, TosDocument>;
  findings: ReadonlyMap<string, Finding>;
  annotations: ReadonlyMap<string, Annotation>;
}

const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((row) => [row.id, row]));

export function targetCatalog(records: {
  sources: readonly SourceRecord[];
  outputPairs: readonly OutputPair[];
  tosClauses: readonly TosClause[];
  tosVersions: readonly TosVersion[];
  tosDocuments: readonly TosDocument[];
  findings: readonly Finding[];
  annotations: readonly Annotation[];
}): TargetCatalog {
  return {
    sources: byId(records.sources),
    pairs: byId(records.outputPairs),
    clauses: byId(records.tosClauses),
    versions: byId(records.tosVersions),
    documents: byId(records.tosDocuments),
    findings: byId(records.findings),
    annotations: byId(records.annotations),
  };
}

export const TARGET_KIND_LABELS: Record<Target['kind'], string> = {
  logRows: 'Log rows',
  outputPair: 'Output pair',
  tosClause: 'ToS clause',
  finding: 'Analysis finding',
  annotation: 'Annotation',
  source: 'Source file',
};

export type ResolvedTarget =
  | { broken: false; title: string; quote: string | null; sourceIds: string[] }
  | { broken: true; title: string; reason: string };

/** A target as audit details: only the fields it has. */
export function targetDetails(target: Target): Json {
  return JSON.parse(JSON.stringify(target)) as Json;
}

/** Where a selection's lines are, short enough for a title: its ranges when they are few, else the first and the last. */
export function lineSpan(lines: readonly number[]): string {
  const ranges = lineRanges(lines);
  if (ranges.length <= 24) return `line${lines.length === 1 ? '' : 's'} ${ranges}`;
  return `lines between ${Math.min(...lines)} and ${Math.max(...lines)}`;
}

/** Line numbers as short ranges: 3, 5–9, 12. */
function lineRanges(lines: readonly number[]): string {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}–${sorted[j]}`);
    i = j;
  }
  return parts.join(', ');
}

const FIELD_LABELS = { prompt: 'prompt', original: 'original output', suspect: 'suspect output', control: 'reference output' } as const;

/** The text a target's span counts in: an output or prompt of a pair, or a clause. Log rows are annotated and linked whole. */
export function targetText(target: Target, catalog: TargetCatalog): string | null {
  if (target.kind === 'outputPair') {
    const pair = catalog.pairs.get(target.id);
    if (!pair || !target.field) return null;
    return target.field === 'prompt' ? pair.prompt : (fieldOutput(pair, target.field, target.model)?.text ?? null);
  }
  if (target.kind === 'tosClause') return catalog.clauses.get(target.id)?.text ?? null;
  return null;
}

/** The exact words an annotation on a model's answer marks (its span, whole), or null for any other target. */
export function annotatedWords(target: Target, catalog: TargetCatalog): string | null {
  if (target.kind !== 'outputPair' || !target.span || target.field === 'prompt') return null;
  return targetText(target, catalog)?.slice(target.span.start, target.span.end) ?? null;
}

function quoteOf(target: Target, catalog: TargetCatalog, max = 160): string | null {
  const text = targetText(target, catalog);
  if (text === null) return null;
  const quoted = target.span ? text.slice(target.span.start, target.span.end) : text;
  return quoted.length > max ? `${quoted.slice(0, max)}…` : quoted;
}

function spanProblem(target: Target, catalog: TargetCatalog): string | null {
  if (!target.span) return null;
  const text = targetText(target, catalog);
  if (text === null) return target.kind === 'outputPair' ? `the pair has no ${target.field ?? 'such'} text` : null;
  return target.span.end > text.length ? `the marked characters ${target.span.start}–${target.span.end} run past the end of the text (${text.length})` : null;
}

/**
 * What a target is, in words, or why it is broken (its evidence was removed).
 * A broken target is shown as broken, never dropped.
 */
export function resolveTarget(target: Target, catalog: TargetCatalog, depth = 0): ResolvedTarget {
  const broken = (title: string, reason: string): ResolvedTarget => ({ broken: true, title, reason });
  switch (target.kind) {
    case 'source': {
      const source = catalog.sources.get(target.id);
      if (!source) return broken('Source file', 'the file was removed from the case');
      return { broken: false, title: `${source.fileName} (SHA-256 ${source.sha256.slice(0, 12)}…)`, quote: null, sourceIds: [source.id] };
    }
    case 'logRows': {
      const rows = target.rows ?? [];
      const sourceIds = [...new Set(rows.map((r) => r.sourceId))];
      const missing = sourceIds.filter((id) => !catalog.sources.has(id));
      const names = sourceIds.map((id) => catalog.sources.get(id)?.fileName ?? 'a removed file');
      const title = `${rows.length.toLocaleString('en-US')} row${rows.length === 1 ? '' : 's'} of ${names.join(', ')}, ${lineSpan(rows.map((r) => r.line))}`;
      if (rows.length === 0) return broken('Log rows', 'no rows are selected');
      if (missing.length) return broken(title, 'the log file was removed from the case');
      return { broken: false, title, quote: target.selectedBy ? selectionInWords(target.selectedBy, rows.length) : null, sourceIds };
    }
    case 'outputPair': {
      const pair = catalog.pairs.get(target.id);
      if (!pair) return broken('Output pair', 'the pair was removed from the case (its file was removed)');
      const where = target.field ? `, ${FIELD_LABELS[target.field]}${target.model ? ` (${target.model})` : ''}` : '';
      const span = target.span ? `, characters ${target.span.start}–${target.span.end}` : '';
      const title = `Pair ${pair.promptId}${where}${span}`;
      const problem = spanProblem(target, catalog);
      if (problem) return broken(title, problem);
      const sourceIds = [...new Set(pairOutputs(pair).map((o) => o.ref.sourceId))];
      return { broken: false, title, quote: target.span || target.field ? quoteOf(target, catalog) : pair.prompt, sourceIds };
    }
    case 'tosClause': {
      const clause = catalog.clauses.get(target.id);
      if (!clause) return broken('ToS clause', 'the terms version was removed from the case');
      const version = catalog.versions.get(clause.versionId);
      const document = version && catalog.documents.get(version.documentId);
      const title = `${document?.title ?? 'Terms'} (in force from ${version?.effectiveDate ?? '?'}), clause ${clause.citation}${target.span ? `, characters ${target.span.start}–${target.span.end}` : ''}`;
      const problem = spanProblem(target, catalog);
      if (problem) return broken(title, problem);
      return { broken: false, title, quote: quoteOf(target, catalog), sourceIds: version ? [version.sourceId] : [] };
    }
    case 'finding': {
      const finding = catalog.findings.get(target.id);
      if (!finding) return broken('Analysis finding', 'the finding was removed from the case');
      return { broken: false, title: finding.title, quote: null, sourceIds: [...new Set(finding.rows.map((r) => r.sourceId))] };
    }
    case 'annotation': {
      const annotation = catalog.annotations.get(target.id);
      if (!annotation) return broken('Annotation', 'the annotation was removed');
      // An annotation never points at an annotation; the depth guard keeps a corrupt archive from looping.
      const on = depth > 2 ? broken('Annotation', 'it points at itself') : resolveTarget(annotation.target, catalog, depth + 1);
      const title = `“${annotation.label}” by ${annotation.author} on ${on.title}`;
      if (on.broken) return broken(title, on.reason);
      return { broken: false, title, quote: on.quote, sourceIds: on.sourceIds };
    }
  }
}

/**
 * True when a target points into the given source's records, so removing
 * the source breaks it. A finding is a record of its own: it survives, still
 * citing the removed rows.
 */
export function targetUsesSource(target: Target, sourceId: string, catalog: TargetCatalog): boolean {
  if (target.kind === 'finding') return false;
  const resolved = resolveTarget(target, catalog);
  return !resolved.broken && resolved.sourceIds.includes(sourceId);
}

/** What removing a source takes away, and what will show as broken afterwards. */
export interface SourceDependents {
  pairs: number;
  clauses: number;
  logRows: number;
  links: EvidenceLink[];
  annotations: Annotation[];
  findings: Finding[];
}

export function sourceDependents(sourceId: string, catalog: TargetCatalog, links: readonly EvidenceLink[]): SourceDependents {
  const source = catalog.sources.get(sourceId);
  const pairs = [...catalog.pairs.values()].filter((p) => pairOutputs(p).some((o) => o.ref.sourceId === sourceId)).length;
  const versions = new Set([...catalog.versions.values()].filter((v) => v.sourceId === sourceId).map((v) => v.id));
  const clauses = [...catalog.clauses.values()].filter((c) => versions.has(c.versionId)).length;
  const cites = (rows: readonly SourceRef[]) => rows.some((r) => r.sourceId === sourceId);
  return {
    pairs,
    clauses,
    logRows: source?.kind === 'log' ? source.recordCount : 0,
    links: links.filter((l) => targetUsesSource(l.target, sourceId, catalog)),
    annotations: [...catalog.annotations.values()].filter((a) => targetUsesSource(a.target, sourceId, catalog)),
    findings: [...catalog.findings.values()].filter((f) => cites(f.rows)),
  };
}

/** The annotations made on one text (a pair's output, a clause), for highlighting it. */
export function annotationsOn(annotations: readonly Annotation[], kind: 'outputPair' | 'tosClause', id: string, field?: Target['field'], model?: string): Annotation[] {
  return annotations.filter((a) => a.target.kind === kind && a.target.id === id && a.target.field === field && (field !== 'control' || model === undefined || a.target.model === undefined || a.target.model === model));
}
