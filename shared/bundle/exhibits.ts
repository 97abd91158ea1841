import { pairMarkup, segmentHighlights } from '../analysis/pair-markup';
import { DEFAULT_PAIR_SETTINGS, METRICS, METRIC_LABELS, compareTexts } from '../analysis/pair-metrics';
import { redline } from '../analysis/tos-redline';
import { annotationsOn, lineRanges, resolveTarget, type TargetCatalog } from '../claims/targets';
import { fieldOutput, type Annotation, type Finding, type OutputPair, type SourceRecord, type Target, type TosClause } from '../model/records';
import { describeQueryProvenance, queryProvenanceOf } from '../import/query-provenance';
import type { TosProvenance } from '../import/run-import';
import type { Highlight } from '../text/highlight-ranges';
import { layOutFinding } from './finding-layout';
import { rowKey, type BundleCase, type Exhibit } from './bundle-plan';
import { CONTENT_WIDTH, INK, MARGIN, SOFT, type PageFlow } from './page-layout';
import { formatInstant } from '../time-format';


function annotationNotes(flow: PageFlow, annotations: readonly Annotation[], textOf: (a: Annotation) => string | null): void {
  if (annotations.length === 0) return;
  flow.text('Expert annotations', { style: 'sansBold', size: 9.5, after: 2 });
  for (const a of annotations) {
    const text = textOf(a);
    const quote = text !== null && a.target.span ? `“${text.slice(a.target.span.start, a.target.span.end)}” ` : '';
    flow.text(`[${a.label}] ${quote}— ${a.comment || 'no comment'} (${a.author}, ${formatInstant(a.createdAt)})`, { size: 8.5, indent: 10, after: 2 });
  }
  flow.space(4);
}

function sourceLine(source: SourceRecord | undefined): string {
  return source ? `${source.fileName} · SHA-256 ${source.sha256}` : 'a file no longer in the case';
}

function logRowsExhibit(flow: PageFlow, target: Target, data: BundleCase): void {
  const rows = target.rows ?? [];
  const bySource = new Map<string, number[]>();
  for (const r of rows) bySource.set(r.sourceId, [...(bySource.get(r.sourceId) ?? []), r.line]);
  const annotated = new Map<string, Annotation[]>();
  for (const a of data.annotations) if (a.target.kind === 'logRows') for (const r of a.target.rows ?? []) annotated.set(rowKey(r.sourceId, r.line), [...(annotated.get(rowKey(r.sourceId, r.line)) ?? []), a]);
  for (const [sourceId, lines] of bySource) {
    const source = data.sources.find((s) => s.id === sourceId);
    const fromQuery = source && queryProvenanceOf(source);
    flow.text(`${rows.length} row${rows.length === 1 ? '' : 's'} of ${sourceLine(source)}, lines ${lineRanges(lines)}, each as logged (line numbers are the file's).`, { size: 8.5, color: SOFT, after: fromQuery ? 2 : 8 });
    // Rows a warehouse query selected say so where they are shown: the lab's engine chose them, not this app.
    if (fromQuery) flow.text(describeQueryProvenance(fromQuery, true), { size: 8.5, color: SOFT, after: 8 });
    for (const line of [...lines].sort((a, b) => a - b)) {
      const row = data.rows.get(rowKey(sourceId, line));
      const raw = row?.raw ?? '(this row is not in the case)';
      const wrapped = flow.ts.wrap(raw, 'mono', 7.2, CONTENT_WIDTH - 44);
      flow.ensure(Math.min(wrapped.length, 6) * 9.8 + 4);
      flow.ts.draw(flow.page, String(line).padStart(7), MARGIN.left, flow.y - 9.8, 'mono', 7.2, SOFT);
      flow.text(raw, { style: 'mono', size: 7.2, indent: 44, after: 3 });
      for (const a of annotated.get(rowKey(sourceId, line)) ?? []) flow.text(`▲ [${a.label}] ${a.comment} (${a.author})`, { size: 7.5, indent: 44, color: SOFT, after: 3 });
    }
  }
}

/**
 * Differences are marked word by word where a stretch between shared runs
 * differs by up to this many words; a longer one (an unrelated control
 * output) is marked as one changed block, as the app does beyond its bound,
 * rather than spending seconds a pair on a diff that says "all different".
 */
const MARKUP_SETTINGS = { ...DEFAULT_PAIR_SETTINGS, maxEditLength: 400 };

function pairExhibit(flow: PageFlow, target: Target, pair: OutputPair, data: BundleCase): void {
  const other = fieldOutput(pair, 'control', target.field === 'control' ? target.model : undefined);
  const outputs = { original: pair.original, suspect: pair.suspect, control: other };
  const fields = (['original', 'suspect', 'control'] as const).filter((f) => outputs[f]);
  const reference = pair.original.text;
  const markups = { suspect: pairMarkup(reference, pair.suspect.text, 6, MARKUP_SETTINGS), control: other ? pairMarkup(reference, other.text, 6, MARKUP_SETTINGS) : null };
  const annotations = data.annotations.filter((a) => a.target.kind === 'outputPair' && a.target.id === pair.id);
  const focus = (field: string): Highlight[] => (target.field === field && target.span ? [{ ...target.span, className: 'annotated' }] : []);
  const highlightsOf = (field: (typeof fields)[number]): Highlight[] => [
    ...(field === 'original' ? segmentHighlights(markups.suspect.reference).filter((h) => h.className === 'run') : segmentHighlights((field === 'suspect' ? markups.suspect : markups.control!).candidate)),
    ...annotationsOn(annotations, 'outputPair', pair.id, field, field === 'control' ? other?.model : undefined).flatMap((a) => (a.target.span ? [{ ...a.target.span, className: 'annotated' }] : [])),
    ...focus(field),
  ];
  flow.text(`Prompt ${pair.promptId}: ${pair.prompt}`, { style: 'sansBold', size: 9.5, after: 4 });
  flow.text('Shaded: a verbatim run of 6 or more words shared with the original. Red: differs from the original. Underlined: annotated by an expert or cited by the link.', { size: 7.5, color: SOFT, after: 6 });

  const gap = 10;
  const width = (CONTENT_WIDTH - gap * (fields.length - 1)) / fields.length;
  const size = 7.8;
  const leading = size * 1.4;
  const columns = fields.map((field) => ({ field, text: outputs[field]!.text, lines: flow.ts.wrapRanges(outputs[field]!.text, 'sans', size, width), highlights: highlightsOf(field) }));
  const header = () => {
    flow.ensure(leading * 4);
    columns.forEach((c, i) => {
      const output = outputs[c.field]!;
      flow.ts.draw(flow.page, `${c.field === 'control' ? 'REFERENCE' : c.field.toUpperCase()} · ${output.model}`, MARGIN.left + i * (width + gap), flow.y - 10, 'sansBold', 8, INK);
      flow.ts.draw(flow.page, `line ${output.ref.line} of ${data.sources.find((s) => s.id === output.ref.sourceId)?.fileName ?? 'its file'}`, MARGIN.left + i * (width + gap), flow.y - 20, 'sans', 6.8, SOFT);
    });
    flow.y -= 26;
  };
  header();
  const rows = Math.max(...columns.map((c) => c.lines.length));
  for (let r = 0; r < rows; r++) {
    if (flow.y - leading < MARGIN.bottom) {
      flow.newPage();
      header();
    }
    flow.y -= leading;
    columns.forEach((c, i) => {
      const line = c.lines[r];
      if (line) flow.drawStyledLine(c.text, line, MARGIN.left + i * (width + gap), flow.y, 'sans', size, INK, c.highlights);
    });
  }
  flow.space(10);

  const suspect = compareTexts(reference, pair.suspect.text);
  const control = other ? compareTexts(reference, other.text) : null;
  flow.table(
    [
      { title: 'Similarity to the original', width: 250 },
      { title: 'Suspect', width: 120 },
      ...(control ? [{ title: other!.model, width: 120 }] : []),
    ],
    [
      ...METRICS.map((m) => [METRIC_LABELS[m], suspect.values[m].toFixed(3), ...(control ? [control.values[m].toFixed(3)] : [])]),
      ['Longest verbatim run', `${suspect.longestRun.length} tokens`, ...(control ? [`${control.longestRun.length} tokens`] : [])],
    ],
  );
  annotationNotes(flow, annotations, (a) => (a.target.field && a.target.field !== 'prompt' ? (fieldOutput(pair, a.target.field, a.target.model)?.text ?? null) : pair.prompt));
}

/** Redlines of one version against the one before, by clause, computed once per pair of versions for all the clauses a bundle shows. */
export type RedlineCache = Map<string, Map<string, ReturnType<typeof redline>[number]>>;

function clauseExhibit(flow: PageFlow, target: Target, clause: TosClause, data: BundleCase, catalog: TargetCatalog, redlines: RedlineCache): void {
  const version = catalog.versions.get(clause.versionId);
  const document = version && catalog.documents.get(version.documentId);
  const earlier = version && data.tosVersions.filter((v) => v.documentId === version.documentId && v.effectiveDate < version.effectiveDate).sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate))[0];
  const source = version && data.sources.find((s) => s.id === version.sourceId);
  const provenance = source?.settings.provenance as TosProvenance | undefined;
  const where = clause.page !== undefined ? `page ${clause.page}, line ${clause.line}` : `line ${clause.line}`;
  flow.text(`${document?.title ?? 'Terms'}, version in force from ${version?.effectiveDate ?? '?'}; clause ${clause.citation}${clause.headingPath.length ? ` (${clause.headingPath.join(' › ')})` : ''}, ${where} of ${sourceLine(source)}.`, { size: 8.5, color: SOFT, after: provenance ? 2 : 8 });
  if (provenance) flow.text(recordedBy(provenance), { size: 8.5, color: SOFT, after: 8 });
  const annotations = annotationsOn(data.annotations, 'tosClause', clause.id);
  const spans: Highlight[] = [...annotations, ...(target.span ? [{ target }] : [])].flatMap((a) => (a.target.span ? [{ ...a.target.span, className: 'annotated' }] : []));
  flow.text(clause.text, { size: 10.5, highlights: spans, after: 10 });
  if (earlier) {
    const key = `${earlier.id}>${clause.versionId}`;
    let byClause = redlines.get(key);
    if (!byClause) {
      const clausesOf = (versionId: string) => data.tosClauses.filter((c) => c.versionId === versionId).sort((a, b) => a.order - b.order);
      byClause = new Map(redline(clausesOf(earlier.id), clausesOf(clause.versionId)).flatMap((l) => (l.to ? [[l.to.id, l] as const] : [])));
      redlines.set(key, byClause);
    }
    const line = byClause.get(clause.id);
    flow.text(`Against the version in force from ${earlier.effectiveDate}: ${line?.status === 'formatting' ? 'formatting only, the words unchanged' : (line?.status ?? 'not found')}${line?.from && line.from.citation !== clause.citation ? ` (was ${line.from.citation})` : ''}`, { style: 'sansBold', size: 9.5, after: 4 });
    if (line?.status === 'changed' && line.segments) {
      const text = line.segments.map((s) => s.text).join('');
      let at = 0;
      const marks: Highlight[] = line.segments.flatMap((s) => {
        const h = s.kind === 'same' ? [] : [{ start: at, end: at + s.text.length, className: s.kind }];
        at += s.text.length;
        return h;
      });
      flow.text(text, { size: 9.5, highlights: marks, after: 8 });
    } else if (line?.status === 'added') {
      flow.text('The clause is new in this version: the earlier version has nothing like it.', { size: 9, after: 8 });
    }
  } else flow.text('This is the earliest version of these terms in the case.', { size: 9, color: SOFT, after: 8 });
  annotationNotes(flow, annotations, () => clause.text);
}

const recordedBy = (p: TosProvenance) => `Recorded by Open Terms Archive on ${p.recordedAt.slice(0, 10)}: ${p.repository}, ${p.path}, commit ${p.commit}.`;

/** The two versions a redline finding compares, each with the file it was read from (and its Open Terms Archive record). */
function redlineVersions(flow: PageFlow, finding: Finding, data: BundleCase): void {
  const document = data.tosDocuments.find((d) => d.title === finding.settings.document);
  for (const [which, date] of [['Earlier', finding.settings.from], ['Later', finding.settings.to]] as const) {
    const version = document && data.tosVersions.find((v) => v.documentId === document.id && v.effectiveDate === date);
    const source = version && data.sources.find((s) => s.id === version.sourceId);
    const provenance = source?.settings.provenance as TosProvenance | undefined;
    flow.text(`${which} version: ${String(finding.settings.document ?? 'Terms')}, in force from ${String(date ?? '?')}, read from ${sourceLine(source)}.${provenance ? ` ${recordedBy(provenance)}` : ''}`, { size: 8.5, color: SOFT, after: 2 });
  }
  flow.space(6);
}

function findingExhibit(flow: PageFlow, finding: Finding, data: BundleCase): void {
  const sources = [...new Set(finding.rows.map((r) => r.sourceId))].map((id) => data.sources.find((s) => s.id === id)?.fileName ?? 'a removed file');
  flow.text(`Saved ${formatInstant(finding.createdAt)} by ${finding.createdBy} with Evidence Desk ${finding.softwareVersion}; kind ${finding.kind}; drawn from ${finding.rows.length.toLocaleString('en-US')} source line${finding.rows.length === 1 ? '' : 's'} of ${sources.join(', ') || 'no file'}.`, { size: 8.5, color: SOFT, after: finding.kind === 'tos-redline' ? 4 : 8 });
  if (finding.kind === 'tos-redline') redlineVersions(flow, finding, data);
  layOutFinding(flow, finding);
}

function annotationExhibit(flow: PageFlow, annotation: Annotation, data: BundleCase, catalog: TargetCatalog): void {
  const on = resolveTarget(annotation.target, catalog);
  flow.text(`“${annotation.label}” by ${annotation.author}, ${formatInstant(annotation.createdAt)}, on ${on.title}.`, { style: 'sansBold', size: 10, after: 4 });
  if (annotation.comment) flow.text(annotation.comment, { size: 10, after: 8 });
  const t = annotation.target;
  const pair = t.kind === 'outputPair' ? catalog.pairs.get(t.id) : undefined;
  const text = pair && t.field ? (t.field === 'prompt' ? pair.prompt : (fieldOutput(pair, t.field, t.model)?.text ?? null)) : t.kind === 'tosClause' ? (catalog.clauses.get(t.id)?.text ?? null) : null;
  if (text !== null) {
    flow.text('The annotated text, the span underlined:', { size: 8.5, color: SOFT, after: 4 });
    flow.text(text, { size: 9.5, highlights: t.span ? [{ ...t.span, className: 'annotated' }] : [], after: 8 });
  } else if (t.kind === 'logRows') logRowsExhibit(flow, t, data);
}

function sourceExhibit(flow: PageFlow, source: SourceRecord, attachment: string): void {
  flow.table(
    [
      { title: 'Field', width: 130 },
      { title: 'Value', width: CONTENT_WIDTH - 130 },
    ],
    [
      ['File name', source.fileName],
      ['Kind', source.kind],
      ['Size', `${source.size.toLocaleString('en-US')} bytes`],
      ['SHA-256', source.sha256],
      ['Imported', `${formatInstant(source.importedAt)} by ${source.importedBy}`],
      ['Records read', `${source.recordCount.toLocaleString('en-US')} (${source.rejectedCount.toLocaleString('en-US')} rejected)`],
      ['Attached to this PDF as', attachment],
    ],
    { size: 9 },
  );
}

/** Draws one exhibit, from its stamp to its last page. */
export function drawExhibit(flow: PageFlow, exhibit: Exhibit, data: BundleCase, catalog: TargetCatalog, attachmentOf: (sourceId: string) => string, redlines: RedlineCache): void {
  const t = exhibit.target;
  switch (t.kind) {
    case 'logRows':
      return logRowsExhibit(flow, t, data);
    case 'outputPair':
      return pairExhibit(flow, t, catalog.pairs.get(t.id)!, data);
    case 'tosClause':
      return clauseExhibit(flow, t, catalog.clauses.get(t.id)!, data, catalog, redlines);
    case 'finding':
      return findingExhibit(flow, catalog.findings.get(t.id)!, data);
    case 'annotation':
      return annotationExhibit(flow, catalog.annotations.get(t.id)!, data, catalog);
    case 'source':
      return sourceExhibit(flow, catalog.sources.get(t.id)!, attachmentOf(t.id));
  }
}
