import { count } from '../text/count';
import { pairMarkup, segmentHighlights } from '../analysis/pair-markup';
import { DEFAULT_PAIR_SETTINGS, METRICS, METRIC_LABELS, compareTexts } from '../analysis/pair-metrics';
import { redline } from '../analysis/tos-redline';
import { annotationsOn, resolveTarget, type TargetCatalog } from '../claims/targets';
import { fieldOutput, type Annotation, type Finding, type LogEntry, type OutputPair, type SourceRecord, type Target, type TosClause } from '../model/records';
import { network24 } from '../analysis/campaign';
import { findingKindLabel } from '../analysis/findings';
import type { RowFile } from './row-files';
import { selectionInWords } from '../log-store/log-filter';
import { describeQueryProvenance, queryProvenanceOf } from '../import/query-provenance';
import type { TosProvenance } from '../tos/terms-history';
import type { Highlight } from '../text/highlight-ranges';
import { layOutFinding } from './finding-layout';
import { rowKey, selectedRows, type BundleCase, type Exhibit } from './bundle-plan';
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

/** Rows of a selection shown in its exhibit; the whole selection is in the attached files. */
export const SAMPLE_ROWS = 40;
/** Lines of each summary table before the rest are counted in one. */
const SUMMARY_LINES = 10;

const NOT_RECORDED = 'not recorded';
const utc = (ts: number | null) => (ts === null ? NOT_RECORDED : formatInstant(new Date(ts).toISOString()));

/** Requests per value of a field, most first, with the accounts that sent them and the first and last time. */
function tally(rows: readonly LogEntry[], key: (row: LogEntry) => string | undefined) {
  const groups = new Map<string, { requests: number; accounts: Set<string>; first: number; last: number }>();
  for (const row of rows) {
    const value = key(row);
    if (value === undefined || value === '') continue;
    let g = groups.get(value);
    if (!g) groups.set(value, (g = { requests: 0, accounts: new Set(), first: Infinity, last: -Infinity }));
    g.requests++;
    if (row.account) g.accounts.add(row.account);
    if (row.ts !== null) [g.first, g.last] = [Math.min(g.first, row.ts), Math.max(g.last, row.ts)];
  }
  return [...groups].sort((a, b) => b[1].requests - a[1].requests || a[0].localeCompare(b[0]));
}

/** One summary table: the first SUMMARY_LINES values, and the rest counted in a last line. */
function summaryTable(flow: PageFlow, title: string, what: string, groups: ReturnType<typeof tally>, cells: (g: ReturnType<typeof tally>[number][1]) => string[], columns: { title: string; width: number }[]): void {
  if (groups.length === 0) return;
  flow.text(`${title} (${count(groups.length, what)})`, { style: 'sansBold', size: 9, after: 3 });
  const rest = groups.slice(SUMMARY_LINES);
  flow.table(
    [{ title: what.charAt(0).toUpperCase() + what.slice(1), width: CONTENT_WIDTH - columns.reduce((n, c) => n + c.width, 0) }, ...columns],
    [
      ...groups.slice(0, SUMMARY_LINES).map(([value, g]) => [value, ...cells(g)]),
      ...(rest.length ? [[`${count(rest.length, `other ${what}`, `other ${what}s`)}`, ...cells({ requests: rest.reduce((n, [, g]) => n + g.requests, 0), accounts: new Set(rest.flatMap(([, g]) => [...g.accounts])), first: Math.min(...rest.map(([, g]) => g.first)), last: Math.max(...rest.map(([, g]) => g.last)) })]] : []),
    ],
    { size: 7.6 },
  );
  flow.space(6);
}

/**
 * A selection of log rows as a court reads it: what it is (how many
 * requests, from which file, by whom, when), tables by account, API key,
 * network and day, the first rows with their fields named, and where the
 * whole selection is: attached as CSV and JSON Lines, each row with its
 * file and line. No row is printed as the raw text it was logged as.
 */
function logRowsExhibit(flow: PageFlow, target: Target, data: BundleCase, files: readonly RowFile[]): void {
  const refs = target.rows ?? [];
  const rows = selectedRows(target, data);
  const sources = [...new Set(refs.map((r) => r.sourceId))].map((id) => data.sources.find((s) => s.id === id));
  const times = rows.flatMap((r) => (r.ts === null ? [] : [r.ts]));
  const accounts = new Set(rows.flatMap((r) => (r.account ? [r.account] : [])));
  const keys = new Set(rows.flatMap((r) => (r.apiKey ? [r.apiKey] : [])));
  const networks = new Set(rows.flatMap((r) => (r.ip ? [network24(r.ip) ?? r.ip] : [])));
  const when = times.length ? `, from ${utc(Math.min(...times))} to ${utc(Math.max(...times))}` : '';
  flow.text(`${count(rows.length, 'request')} logged in ${sources.map((s) => s?.fileName ?? 'a removed file').join(' and ')}, sent by ${count(accounts.size, 'account')} with ${count(keys.size, 'API key')} from ${count(networks.size, 'network')} (/24)${when}.`, { style: 'sansBold', size: 9.5, after: 3 });
  // The counts above are of the values recorded: rows that record none are said, not folded in.
  const unrecorded = (['account', 'apiKey', 'ip'] as const).flatMap((field) => {
    const missing = rows.filter((r) => !r[field]).length;
    return missing ? [`${count(missing, 'row records', 'rows record')} no ${{ account: 'account', apiKey: 'API key', ip: 'IP address' }[field]}`] : [];
  });
  const untimed = rows.length - times.length;
  if (unrecorded.length || untimed) flow.text(`${[...unrecorded, ...(untimed ? [`${count(untimed, 'row records', 'rows record')} no time`] : [])].join('; ')}.`, { size: 8.5, after: 3 });
  if (rows.length < refs.length) flow.text(`${count(refs.length - rows.length, 'selected row is', 'selected rows are')} no longer in the case.`, { size: 8.5, after: 3 });
  if (target.selectedBy) flow.text(selectionInWords(target.selectedBy, refs.length), { size: 8.5, after: 3 });
  for (const source of sources) {
    flow.text(`${source ? `${source.fileName}: ${count(source.size, 'byte')}, SHA-256 ${source.sha256}, imported ${formatInstant(source.importedAt)} by ${source.importedBy}.` : 'A file removed from the case.'} Line numbers are the file's.`, { size: 8, color: SOFT, after: 2 });
    // Rows a warehouse query selected say so where they are shown: the lab's engine chose them, not this app.
    const fromQuery = source && queryProvenanceOf(source);
    if (fromQuery) flow.text(describeQueryProvenance(fromQuery, true), { size: 8, color: SOFT, after: 2 });
  }
  flow.space(6);

  const requests = { title: 'Requests', width: 60 };
  const span = (g: { first: number; last: number }) => (g.first <= g.last ? `${utc(g.first)} to ${utc(g.last)}` : NOT_RECORDED);
  summaryTable(flow, 'By account', 'account', tally(rows, (r) => r.account), (g) => [g.requests.toLocaleString('en-US'), span(g)], [requests, { title: 'First and last request', width: 230 }]);
  summaryTable(flow, 'By API key', 'API key', tally(rows, (r) => r.apiKey), (g) => [g.requests.toLocaleString('en-US'), g.accounts.size.toLocaleString('en-US')], [requests, { title: 'Accounts', width: 60 }]);
  summaryTable(flow, 'By /24 network', 'network', tally(rows, (r) => (r.ip ? (network24(r.ip) ?? r.ip) : undefined)), (g) => [g.requests.toLocaleString('en-US'), g.accounts.size.toLocaleString('en-US')], [requests, { title: 'Accounts', width: 60 }]);
  summaryTable(flow, 'By day (UTC)', 'day', tally(rows, (r) => (r.ts === null ? undefined : new Date(r.ts).toISOString().slice(0, 10))).sort((a, b) => a[0].localeCompare(b[0])), (g) => [g.requests.toLocaleString('en-US'), g.accounts.size.toLocaleString('en-US')], [requests, { title: 'Accounts', width: 60 }]);

  const sample = rows.slice(0, SAMPLE_ROWS);
  const annotated = new Map<string, Annotation[]>();
  for (const a of data.annotations) if (a.target.kind === 'logRows') for (const r of a.target.rows ?? []) annotated.set(rowKey(r.sourceId, r.line), [...(annotated.get(rowKey(r.sourceId, r.line)) ?? []), a]);
  flow.text(sample.length === rows.length ? `The ${count(rows.length, 'row')}` : `The first ${sample.length} of the ${count(rows.length, 'row')}`, { style: 'sansBold', size: 9, after: 3 });
  const recorded = (value: string | number | undefined) => (value === undefined || value === '' ? NOT_RECORDED : String(value));
  flow.table(
    [
      { title: 'Line', width: 40 },
      { title: 'Time', width: 104 },
      { title: 'Account', width: 82 },
      { title: 'API key', width: 78 },
      { title: 'IP address', width: 70 },
      { title: 'Model', width: 66 },
      { title: 'Tokens in / out', width: CONTENT_WIDTH - 440 },
    ],
    sample.map((r) => [`${r.line}${annotated.has(rowKey(r.sourceId, r.line)) ? ' ▲' : ''}`, utc(r.ts), recorded(r.account), recorded(r.apiKey), recorded(r.ip), recorded(r.model), r.tokensIn === undefined && r.tokensOut === undefined ? NOT_RECORDED : `${recorded(r.tokensIn)} / ${recorded(r.tokensOut)}`]),
    { size: 7.4 },
  );
  const notes = sample.flatMap((r) => (annotated.get(rowKey(r.sourceId, r.line)) ?? []).map((a) => `▲ line ${r.line}: [${a.label}] ${a.comment || 'no comment'} (${a.author}, ${formatInstant(a.createdAt)})`));
  for (const note of notes) flow.text(note, { size: 7.8, color: SOFT, after: 2 });
  flow.space(6);
  const attached = files.map((f) => `${f.attachment} (SHA-256 ${f.sha256})`).join(' and ');
  flow.text(`The whole selection, ${count(rows.length, 'row')}, is attached to this PDF as ${attached || 'no file'}: each row with its file and line, its fields, and its text as logged; the manifest lists both with their SHA-256.`, { size: 8.5, after: 8 });
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
  flow.text(`Saved ${formatInstant(finding.createdAt)} by ${finding.createdBy} with Evidence Desk ${finding.softwareVersion}: ${findingKindLabel(finding.kind)}, drawn from ${finding.rows.length.toLocaleString('en-US')} source line${finding.rows.length === 1 ? '' : 's'} of ${sources.join(', ') || 'no file'}.`, { size: 8.5, color: SOFT, after: finding.kind === 'tos-redline' ? 4 : 8 });
  if (finding.kind === 'tos-redline') redlineVersions(flow, finding, data);
  layOutFinding(flow, finding);
}

function annotationExhibit(flow: PageFlow, annotation: Annotation, data: BundleCase, catalog: TargetCatalog, rowFiles: readonly RowFile[]): void {
  const on = resolveTarget(annotation.target, catalog);
  flow.text(`“${annotation.label}” by ${annotation.author}, ${formatInstant(annotation.createdAt)}, on ${on.title}.`, { style: 'sansBold', size: 10, after: 4 });
  if (annotation.comment) flow.text(annotation.comment, { size: 10, after: 8 });
  const t = annotation.target;
  const pair = t.kind === 'outputPair' ? catalog.pairs.get(t.id) : undefined;
  const text = pair && t.field ? (t.field === 'prompt' ? pair.prompt : (fieldOutput(pair, t.field, t.model)?.text ?? null)) : t.kind === 'tosClause' ? (catalog.clauses.get(t.id)?.text ?? null) : null;
  if (text !== null) {
    flow.text('The annotated text, the span underlined:', { size: 8.5, color: SOFT, after: 4 });
    flow.text(text, { size: 9.5, highlights: t.span ? [{ ...t.span, className: 'annotated' }] : [], after: 8 });
  } else if (t.kind === 'logRows') logRowsExhibit(flow, t, data, rowFiles);
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
export function drawExhibit(flow: PageFlow, exhibit: Exhibit, data: BundleCase, catalog: TargetCatalog, attachments: { original(sourceId: string): string; rows: readonly RowFile[] }, redlines: RedlineCache): void {
  const t = exhibit.target;
  switch (t.kind) {
    case 'logRows':
      return logRowsExhibit(flow, t, data, attachments.rows);
    case 'outputPair':
      return pairExhibit(flow, t, catalog.pairs.get(t.id)!, data);
    case 'tosClause':
      return clauseExhibit(flow, t, catalog.clauses.get(t.id)!, data, catalog, redlines);
    case 'finding':
      return findingExhibit(flow, catalog.findings.get(t.id)!, data);
    case 'annotation':
      return annotationExhibit(flow, catalog.annotations.get(t.id)!, data, catalog, attachments.rows);
    case 'source':
      return sourceExhibit(flow, catalog.sources.get(t.id)!, attachments.original(t.id));
  }
}
