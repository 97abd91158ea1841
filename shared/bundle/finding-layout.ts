import { attributionReport, type ReportedAttribution, type ReportSettings } from '../analysis/attribution-report';
import { linkAttributeLabel, tokensInWords, type AccountTiming, type Cluster } from '../analysis/campaign';
import { fixed, interval, percent, pValue } from '../analysis/format-figures';
import type { MetricSummary } from '../analysis/pair-analysis';
import { METRIC_DEFINITIONS, METRIC_LABELS, type Metric } from '../analysis/pair-metrics';
import type { HarvestTimeline } from '../analysis/harvest-timeline';
import type { NaturalExperiment } from '../analysis/natural-experiment';
import { MATCH_METHOD_LABELS, type MatchMethod } from '../analysis/prompt-matching';
import type { Finding } from '../model/records';
import { wordChanges, type RedlineSegment } from '../analysis/tos-redline';
import type { Highlight } from '../text/highlight-ranges';
import { barChart } from './bar-chart';
import { CONTENT_WIDTH, SOFT, type PageFlow } from './page-layout';
import { heading, layOutReport, note } from './report-layout';
import { formatInstant } from '../time-format';

/**
 * Every kind of finding laid out for a judge: its figures as tables and
 * charts, each with what it means, and the settings that produced them as
 * a table. A finding of a kind this version does not know, or whose
 * figures are not in the shape it expects, is laid out as a table of its
 * values.
 */
export function layOutFinding(flow: PageFlow, finding: Finding): void {
  const f = finding.figures;
  if (finding.kind === 'attribution' && isRecord(f.primary) && isRecord(f.decision) && Array.isArray(f.models)) layOutReport(flow, attributionReport(f as unknown as ReportedAttribution, reportSettings(finding.settings)));
  else if (finding.kind === 'pair-similarity' && Array.isArray(f.metrics)) pairSimilarity(flow, f.metrics as MetricSummary[], String(f.baseline ?? ''));
  else if (finding.kind === 'campaign-cluster' && Array.isArray(f.daily) && Array.isArray(f.accounts) && Array.isArray(f.sharedBy) && Array.isArray(f.topTemplates) && Array.isArray(f.machineRegular) && [f.requests, f.tokensIn, f.tokensOut, f.reasoningRequests].every((n) => typeof n === 'number')) cluster(flow, f as unknown as Omit<Cluster, 'timing'> & { machineRegular: { account: string; meanIntervalSeconds: number | null; cv: number | null }[] });
  else if (finding.kind === 'account-timing' && Array.isArray(f.accounts)) timing(flow, f.accounts as AccountTiming[], f.hourOfDay as number[]);
  else if (finding.kind === 'tos-redline' && isRecord(f.counts) && Array.isArray(f.clauses)) redline(flow, f as unknown as RedlineFigures);
  else if (finding.kind === 'harvest-cluster' && Array.isArray(f.pairs)) harvestCluster(flow, f.pairs as HarvestPairRow[]);
  else if (finding.kind === 'natural-experiment' && typeof f.difference === 'number') naturalExperimentLayout(flow, f as unknown as NaturalExperiment);
  else if (finding.kind === 'harvest-timeline' && Array.isArray(f.days)) timelineLayout(flow, f as unknown as HarvestTimeline);
  else keyValues(flow, 'Figures', f);
  keyValues(flow, 'Settings', finding.settings);
}

/** The settings an attribution finding recorded, as its report names them. */
function reportSettings(settings: Record<string, unknown>): ReportSettings {
  const nested = isRecord(settings.settings) ? settings.settings : {};
  return {
    alpha: typeof settings.alpha === 'number' ? settings.alpha : 0.05,
    ...(typeof settings.derangements === 'number' && { derangements: settings.derangements }),
    ...(typeof nested.wordNgram === 'number' && { wordNgram: nested.wordNgram }),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Values as a two-column table: nested objects flattened to dotted names, lists of values joined, longer lists counted. */
/** The settings findings record, by the names a reader knows; a setting not listed keeps its own name. */
const SETTING_NAMES: Record<string, string> = {
  linkBy: 'Accounts linked by',
  linkColumns: 'Also linked by the columns',
  sessionGapSeconds: 'A session ends after a gap of (seconds)',
  regularCv: 'Machine-regular below (coefficient of variation of the intervals)',
  minIntervals: 'Machine-regular over at least (intervals)',
  slotShare: 'A word is a template slot below (share of prompts)',
  document: 'Terms',
  from: 'Earlier version in force from',
  to: 'Later version in force from',
  splitWarning: 'Warning',
  splitConfirmedBy: 'Both outlines compared and confirmed by',
  methods: 'Found by',
  normalisation: 'Normalisation',
  cluster: 'Cluster',
  suspect: 'Suspect model',
  original: 'Original model',
  measure: 'Measure',
  permutations: 'Permutations',
  roles: 'Models and their roles',
  primary: 'Primary measure',
  secondary: 'Secondary measures',
  alpha: 'Significance level (α)',
  minPanel: 'Fewest reference models',
  seed: 'Random seed',
  'settings.caseFold': 'Case ignored',
  'settings.wordNgram': 'Word n-gram length (words)',
};

/** Values recorded as the code names them (link attributes, measures), in words. */
function settingValue(name: string, value: unknown): unknown {
  if (name === 'linkBy' && Array.isArray(value)) return value.map((v) => linkAttributeLabel(String(v)));
  if ((name === 'primary' || name === 'secondary') && (typeof value === 'string' || Array.isArray(value))) {
    const label = (m: unknown) => (METRIC_LABELS as Record<string, string>)[String(m)] ?? String(m);
    return Array.isArray(value) ? value.map(label) : label(value);
  }
  if (Array.isArray(value) && value.length === 0) return 'none';
  return value;
}

function keyValues(flow: PageFlow, title: string, value: Record<string, unknown>): void {
  const rows: string[][] = [];
  const walk = (raw: unknown, key: string, depth: number) => {
    const v = settingValue(key, raw);
    const name = SETTING_NAMES[key] ?? key;
    if (isRecord(v) && depth < 2) for (const [k, x] of Object.entries(v)) walk(x, key ? `${key}.${k}` : k, depth + 1);
    else if (Array.isArray(v) && v.every((x) => x === null || typeof x !== 'object')) rows.push([name, v.length > 40 ? `${v.slice(0, 40).join(', ')} … and ${v.length - 40} more` : v.join(', ')]);
    else if (Array.isArray(v) && v.length <= 40) rows.push([name, v.map((x) => (isRecord(x) ? Object.values(x).map(String).join(' · ') : JSON.stringify(x))).join('; ')]);
    else if (Array.isArray(v)) rows.push([name, `${v.length} entries (in the case file)`]);
    else rows.push([name, typeof v === 'number' ? String(Number.isInteger(v) ? v : Number(v.toPrecision(6))) : typeof v === 'string' ? v : typeof v === 'boolean' ? (v ? 'yes' : 'no') : JSON.stringify(v)]);
  };
  walk(value, '', 0);
  if (rows.length === 0) return;
  heading(flow, title);
  flow.table(
    [
      { title: 'Name', width: 170 },
      { title: 'Value', width: CONTENT_WIDTH - 170 },
    ],
    rows,
    { size: 7.8 },
  );
  flow.space(8);
}

function pairSimilarity(flow: PageFlow, metrics: MetricSummary[], baseline: string): void {
  barChart(flow, 'Mean similarity to the original, per metric', metrics.map((m) => m.label.split(' ').slice(0, 2).join(' ')), [
    { name: 'Suspect', values: metrics.map((m) => m.meanSuspect) },
    { name: 'Control', values: metrics.map((m) => m.meanControl ?? 0) },
  ], { max: 1 });
  if (baseline) flow.text(baseline, { size: 9, after: 6 });
  flow.table(
    [
      { title: 'Similarity to the original', width: 170 },
      { title: 'Suspect', width: 50 },
      { title: 'Control', width: 50 },
      { title: 'Difference', width: 55 },
      { title: '95% CI', width: 90 },
      { title: 'p (one-sided)', width: CONTENT_WIDTH - 415 },
    ],
    metrics.map((m) => [m.label, fixed(m.meanSuspect), fixed(m.meanControl), fixed(m.difference), m.ci95 ? interval(m.ci95) : '—', pValue(m.pValue, m.z)]),
    { size: 7.8 },
  );
  if (metrics[0]?.test) note(flow, `${metrics[0].test}; 95% intervals by prompt-level bootstrap.`);
  for (const m of metrics) flow.text(`${m.label}: ${METRIC_DEFINITIONS[m.metric as Metric] ?? ''}`, { size: 7.8, color: SOFT, after: 2 });
  flow.space(8);
}

function cluster(flow: PageFlow, c: Omit<Cluster, 'timing'> & { machineRegular: { account: string; meanIntervalSeconds: number | null; cv: number | null }[] }): void {
  barChart(flow, 'Requests per day by the cluster', c.daily.map((d) => d.date.slice(5)), [{ name: 'Requests', values: c.daily.map((d) => d.requests) }]);
  flow.table(
    [
      { title: 'Figure', width: 200 },
      { title: 'Value', width: CONTENT_WIDTH - 200 },
    ],
    [
      ['Accounts', String(c.accounts.length)],
      ['Requests', c.requests.toLocaleString('en-US')],
      ['First and last request', `${formatInstant(c.firstSeen)} to ${formatInstant(c.lastSeen)}`],
      ['Tokens', tokensInWords(c)],
      ['Share of requests from the top templates', percent(c.topTemplatesShare)],
      ['Reasoning-elicitation requests', c.reasoningRequests.toLocaleString('en-US')],
      ['Machine-regular accounts', `${c.machineRegularAccounts} of ${c.accounts.length}`],
    ],
    { size: 7.8 },
  );
  flow.space(6);
  heading(flow, 'What ties the accounts together');
  flow.table(
    [
      { title: 'Attribute', width: 90 },
      { title: 'Value', width: 250 },
      { title: 'Accounts', width: CONTENT_WIDTH - 340 },
    ],
    c.sharedBy.map((s) => [linkAttributeLabel(s.attribute), s.value, String(s.accounts)]),
    { size: 7.8 },
  );
  flow.space(6);
  heading(flow, 'Most used prompt templates (<q> and <n> stand for what varies)');
  flow.table(
    [
      { title: 'Template', width: CONTENT_WIDTH - 110 },
      { title: 'Requests', width: 55 },
      { title: 'Share', width: 55 },
    ],
    c.topTemplates.map((t) => [t.template, t.requests.toLocaleString('en-US'), percent(t.share)]),
    { size: 7.8 },
  );
  flow.space(6);
  heading(flow, 'Accounts');
  flow.text(c.accounts.join(', '), { size: 7.8, after: 8 });
}

function timing(flow: PageFlow, accounts: AccountTiming[], hourOfDay: number[]): void {
  if (Array.isArray(hourOfDay)) barChart(flow, 'Requests by hour of day (UTC)', hourOfDay.map((_, h) => String(h)), [{ name: 'Requests', values: hourOfDay }]);
  flow.table(
    [
      { title: 'Account', width: 170 },
      { title: 'Requests', width: 60 },
      { title: 'Mean interval (s)', width: 85 },
      { title: 'Coefficient of variation', width: 110 },
      { title: 'Machine-regular', width: CONTENT_WIDTH - 425 },
    ],
    accounts.map((a) => [a.account, String(a.requests), a.meanIntervalSeconds === null ? '—' : a.meanIntervalSeconds.toFixed(1), a.cv === null ? '—' : a.cv.toFixed(3), a.machineRegular ? 'yes' : 'no']),
    { size: 7.8 },
  );
  note(flow, 'Coefficient of variation: the standard deviation of the intervals between an account’s requests within a session, divided by their mean. People are irregular; a script sending at a fixed pace has a value near 0.');
}

interface RedlinedClauseFigures {
  citation: string;
  heading: string;
  /** Absent in findings saved before the words were kept. */
  text?: string;
  line?: number;
  page?: number;
}

interface RedlineFigures {
  counts: Record<string, number>;
  clauses: { status: string; from: RedlinedClauseFigures | null; to: RedlinedClauseFigures | null }[];
  formattingOnly?: string[];
}

/** Larger rewrites are shown as the earlier text struck and the later underlined, rather than diffed word by word. */
const MAX_REDLINE_EDIT = 2000;

const STATUS_LABELS: Record<string, string> = { changed: 'Reworded', added: 'Added', removed: 'Removed', renumbered: 'Renumbered, words unchanged' };

/** Where a clause is in its version: its citation, and its line (and page) in the file. */
function clausePlace(c: RedlinedClauseFigures | null, which: string): string {
  if (!c) return `not in the ${which} version`;
  return `§ ${c.citation} of the ${which} version${c.line !== undefined ? ` (${c.page !== undefined ? `page ${c.page}, ` : ''}line ${c.line})` : ''}`;
}

/**
 * A clause's redline as text and marks: deleted words struck through and
 * enclosed in [- … -], inserted words underlined and enclosed in [+ … +], so
 * the change reads the same in black and white and in the PDF's text.
 */
function markedText(segments: readonly RedlineSegment[]): { text: string; highlights: Highlight[] } {
  let text = '';
  const highlights: Highlight[] = [];
  for (const s of segments) {
    if (s.kind === 'same') {
      text += s.text;
      continue;
    }
    const marked = s.kind === 'inserted' ? `[+${s.text}+]` : `[-${s.text}-]`;
    highlights.push({ start: text.length, end: text.length + marked.length, className: s.kind });
    text += marked;
  }
  return { text, highlights };
}

function segmentsOf(c: RedlineFigures['clauses'][number]): RedlineSegment[] | null {
  const [from, to] = [c.from?.text, c.to?.text];
  if (c.status === 'added' && to !== undefined) return [{ text: to, kind: 'inserted' }];
  if (c.status === 'removed' && from !== undefined) return [{ text: from, kind: 'deleted' }];
  if (from === undefined || to === undefined) return null;
  if (c.status === 'renumbered') return [{ text: to, kind: 'same' }];
  return (
    wordChanges(from, to, MAX_REDLINE_EDIT) ?? [
      { text: from, kind: 'deleted' },
      { text: ' ', kind: 'same' },
      { text: to, kind: 'inserted' },
    ]
  );
}

function redline(flow: PageFlow, r: RedlineFigures): void {
  const n = (key: string) => (typeof r.counts[key] === 'number' ? r.counts[key] : 0);
  flow.text(
    `${n('changed')} clause${n('changed') === 1 ? ' was' : 's were'} reworded, ${n('added')} added and ${n('removed')} removed; ${n('renumbered')} ${n('renumbered') === 1 ? 'was' : 'were'} renumbered with the same words, and ${n('unchanged')} ${n('unchanged') === 1 ? 'is' : 'are'} unchanged.${n('formatting') ? ` ${n('formatting')} changed in formatting only (spacing, emphasis, quotation marks), listed at the end and not counted as changes.` : ''}`,
    { size: 9.5, after: 4 },
  );
  note(flow, 'Deleted words are struck through and enclosed in [- … -]; inserted words are underlined and enclosed in [+ … +], so the changes read the same printed in black and white and in the text of this PDF.');
  for (const c of r.clauses) {
    const headingText = c.to?.heading || c.from?.heading;
    flow.text(`${STATUS_LABELS[c.status] ?? c.status}: ${clausePlace(c.from, 'earlier')} → ${clausePlace(c.to, 'later')}${headingText ? ` · ${headingText}` : ''}`, { style: 'sansBold', size: 8.8, after: 2 });
    const segments = segmentsOf(c);
    if (!segments) {
      note(flow, 'The words of this clause were not kept with this finding (saved by an earlier version of the app); see the two versions attached.');
      continue;
    }
    const { text, highlights } = markedText(segments);
    flow.text(text, { size: 9, highlights, after: 8 });
  }
  if (r.formattingOnly?.length) note(flow, `Changed in formatting only (not counted above): ${r.formattingOnly.map((citation) => `§ ${citation}`).join(', ')}.`);
  flow.space(6);
}

interface HarvestPairRow {
  promptId: string;
  methods: MatchMethod[];
  requests: number;
  accounts: string[];
  first: string | null;
  last: string | null;
}

function harvestCluster(flow: PageFlow, pairs: HarvestPairRow[]): void {
  heading(flow, 'Pairs whose prompts the cluster sent');
  flow.table(
    [
      { title: 'Prompt', width: 70 },
      { title: 'Found by', width: 150 },
      { title: 'Requests', width: 50 },
      { title: 'First and last', width: 130 },
      { title: 'Accounts', width: CONTENT_WIDTH - 400 },
    ],
    pairs.map((p) => [p.promptId, p.methods.map((m) => MATCH_METHOD_LABELS[m] ?? m).join('; '), String(p.requests), `${formatInstant(p.first)} to ${formatInstant(p.last)}`, p.accounts.join(', ')]),
    { size: 7.6 },
  );
  note(flow, 'Found by: how the pair’s prompt was found in the logged request — the same text, the same after normalisation, the SHA-256 the log kept instead of the text, inside a templated prompt, or as a near-duplicate (MinHash similarity at or above the threshold in the settings).');
}

function naturalExperimentLayout(flow: PageFlow, n: NaturalExperiment): void {
  flow.text(n.sentence, { style: 'sansBold', size: 10, after: 6 });
  flow.table(
    [
      { title: 'Figure', width: 250 },
      { title: 'Value', width: CONTENT_WIDTH - 250 },
    ],
    [
      ['Prompts the campaign sent / did not send', `${n.harvested} / ${n.notHarvested}`],
      ['Suspect: similarity gap (sent − not sent)', fixed(n.suspectGap)],
      ['Reference panel: similarity gap (sent − not sent)', fixed(n.panelGap)],
      ['Difference in differences', fixed(n.difference)],
      ['95% CI (bootstrap within groups)', interval(n.ci95)],
      [`p (one-sided, ${n.permutations.toLocaleString('en-US')} permutations of the labels)`, pValue(n.pValue)],
    ],
    { size: 7.8 },
  );
  const classifier = (n as NaturalExperiment & { classifier?: NaturalExperiment }).classifier;
  if (classifier) flow.text(classifier.sentence, { size: 9, after: 6 });
  note(flow, 'If the suspect learnt from the harvested answers it should be closer to the original on the prompts the campaign sent than on the others, while the reference models show no such gap: the difference in differences measures that, the panel taking out how much easier one set of prompts is than the other.');
}

function timelineLayout(flow: PageFlow, t: HarvestTimeline): void {
  barChart(flow, 'Requests for the pairs’ prompts per day (UTC)', t.days.map((d) => d.date.slice(5)), [{ name: 'Requests', values: t.days.map((d) => d.requests) }]);
  const dates = [...t.models.map((m) => [m.date, `${m.model} (${m.role}) released or observed`, m.source]), ...t.terms.map((v) => [v.effectiveDate, `${v.title}: version in force from`, 'the terms as imported'])].sort((a, b) => a[0]!.localeCompare(b[0]!));
  if (dates.length) {
    heading(flow, 'Dates beside the harvesting');
    flow.table(
      [
        { title: 'Date', width: 80 },
        { title: 'What', width: 250 },
        { title: 'Source', width: CONTENT_WIDTH - 330 },
      ],
      dates,
      { size: 7.8 },
    );
    flow.space(6);
  }
}
