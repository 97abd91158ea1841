import type { AttributionResult } from './attribution';
import { roleInReport } from './attribution-plan';
import { CONCLUSION_LABELS, describeChecks } from './attribution-rule';
import { fixed, interval, percent, pValue } from './format-figures';
import { MARKER_KIND_LABELS } from './markers';
import { count } from '../text/count';
import { withGlossary, type ReportDocument, type ReportSection } from '../report/report-document';

/** An attribution as a saved finding keeps it: every figure but the per-prompt values and the settings. */
export type ReportedAttribution = Omit<AttributionResult, 'perPrompt' | 'settings'>;

/** The settings the report names; a finding saved by an earlier version may lack the last two. */
export interface ReportSettings {
  alpha: number;
  derangements?: number;
  wordNgram?: number;
}

const PLAN_IN_WORDS: Record<AttributionResult['plan']['status'], string> = {
  'pre-registered': 'The measure, the reference models and the threshold were fixed in a plan recorded before the suspect’s answers were imported, so the result is confirmatory.',
  'post-hoc': 'The plan was recorded after the suspect’s answers were imported, so every figure is post hoc and nothing is concluded from it.',
  exploratory: 'No plan was recorded before the analysis, so every figure is exploratory and nothing is concluded from it.',
};

/** What no similarity analysis shows, whatever its figures. */
const NEVER_SHOWN = [
  'How the suspect’s developer obtained the original’s answers: the log exhibits and the harvest findings address that, not this report.',
  'A probability that the suspect is derived: a p-value is the chance of such figures for an unrelated model, not the chance that the suspect is unrelated.',
];

/** The one page counsel reads: what was compared, what was found, how sure, what it does not show, and the rule's own wording. */
function summary(r: ReportedAttribution): ReportSection {
  const panel = r.primary.nullValues;
  const values = panel.map((v) => v.value);
  const checks = describeChecks(r.decision.checks, 0);
  const held = checks.filter((c) => c.holds).length;
  return {
    id: 'summary',
    title: 'Summary for counsel',
    blocks: [
      { kind: 'paragraph', strong: true, text: 'What was compared' },
      {
        kind: 'paragraph',
        text: `The answers of ${r.suspect} (the suspect) and of ${r.original} (the original) to the same ${count(r.prompts, 'prompt', 'prompts')}, set beside the answers of ${count(panel.length, 'reference model', 'reference models')} the plan declares unrelated to the original (${panel.map((v) => v.model).join(', ')}). Closeness is measured by ${r.primary.label}. ${PLAN_IN_WORDS[r.plan.status]}`,
      },
      { kind: 'paragraph', strong: true, text: 'What the analysis found' },
      {
        kind: 'paragraph',
        text:
          values.length > 0
            ? `The suspect’s answers have a mean similarity of ${fixed(r.primary.suspect)} to the original’s; the reference models’ range from ${fixed(Math.min(...values))} to ${fixed(Math.max(...values))}. The suspect ranks ${r.primary.rank} of ${panel.length + 1}. ${held} of the rule’s ${checks.length} checks hold; all must hold for a conclusion.`
            : `No reference model answered the same prompts, so the suspect’s similarity of ${fixed(r.primary.suspect)} has nothing to be compared with.`,
      },
      { kind: 'paragraph', strong: true, text: 'How sure' },
      { kind: 'paragraph', text: `In this case: ${r.decision.calibration.sentence}` },
      { kind: 'paragraph', text: `Before this case: ${r.method.validation}` },
      { kind: 'paragraph', strong: true, text: 'What it does not show' },
      { kind: 'list', items: [r.limitations[0], ...NEVER_SHOWN].filter((x): x is string => x !== undefined) },
    ],
  };
}

function ruleSection(r: ReportedAttribution, settings: ReportSettings): ReportSection {
  return {
    id: 'rule',
    title: `The decision rule (version ${r.method.version})`,
    blocks: [
      { kind: 'paragraph', text: r.plan.sentence },
      { kind: 'paragraph', text: r.run.sentence },
      { kind: 'paragraph', text: r.primary.sentence },
      {
        kind: 'means',
        label: `Mean ${r.primary.label} to the original, per model`,
        models: r.models.filter((m) => Number.isFinite(m.mean)).map((m) => ({ model: m.model, role: roleInReport(m, r.suspect), mean: m.mean, suspect: m.model === r.suspect, reference: m.role === 'reference' })),
      },
      { kind: 'note', text: 'Filled grey: reference models (the panel); dark: the suspect; hollow: related, known-derived or other suspects (shown, not part of the null).' },
      {
        kind: 'table',
        label: "The rule's checks",
        columns: [
          { title: 'Check', width: 170 },
          { title: 'Figure', width: 0 },
          { title: 'Holds', width: 45 },
        ],
        rows: describeChecks(r.decision.checks, settings.alpha).map((c) => [c.check, c.figure, c.holds ? 'yes' : 'no']),
      },
      { kind: 'note', text: `Release or first-observation dates in the plan: ${r.original} ${r.decision.dates.original ?? 'not given'}; ${r.suspect} ${r.decision.dates.suspect ?? 'not given'}.` },
      { kind: 'note', text: `Rule: ${r.rule}` },
    ],
  };
}

function referencesSection(r: ReportedAttribution): ReportSection {
  return {
    id: 'references',
    title: 'The suspect against each reference model, prompt by prompt',
    blocks: [
      { kind: 'note', text: 'A description, not the rule.' },
      {
        kind: 'table',
        label: 'Against each reference model',
        columns: [
          { title: 'Reference model', width: 140 },
          { title: 'Suspect closer', width: 85, numeric: true },
          { title: '95% CI (exact)', width: 80 },
          { title: 'p (sign test, Holm)', width: 70, numeric: true },
          { title: 'Mean lead', width: 50, numeric: true },
          { title: 'p (z-test, Holm)', width: 0, numeric: true },
        ],
        rows: r.closerRates.map((c) => [c.model, `${percent(c.rate)} (${c.closer} of ${c.closer + c.further})`, interval(c.ci95, percent), pValue(c.adjustedP), fixed(c.meanDifference), pValue(c.differenceAdjustedP, c.z)]),
      },
      {
        kind: 'note',
        text: `Suspect closer: the share of prompts (ties left out) on which the suspect’s answer is closer to the original’s than this model’s is, with its Clopper–Pearson interval and a one-sided sign test against one half. Mean lead: the mean over prompts of the suspect’s similarity minus this model’s, with a one-sided paired z-test. Both Holm-adjusted over the panel; both treat these reference models as fixed, so they describe this panel, not unrelated models in general. Mean lead over the whole panel: ${fixed(r.primary.difference.mean)} ${interval(r.primary.difference.ci95)} (prompt-level bootstrap).`,
      },
    ],
  };
}

function modelsSection(r: ReportedAttribution, settings: ReportSettings): ReportSection {
  return {
    id: 'models',
    title: 'Every model, with the confounds taken out',
    blocks: [
      {
        kind: 'table',
        label: 'Every model',
        columns: [
          { title: 'Model', width: 110 },
          { title: 'Role', width: 85 },
          { title: 'Same prompt', width: 45, numeric: true },
          { title: 'Chance', width: 40, numeric: true },
          { title: 'Excess', width: 40, numeric: true },
          { title: 'Equal length', width: 45, numeric: true },
          { title: 'Prompt words removed', width: 50, numeric: true },
          { title: 'Mean words', width: 30, numeric: true },
          { title: 'Classified as original', width: 0, numeric: true },
        ],
        rows: r.models.map((m) => [m.model, `${roleInReport(m, r.suspect)}${m.released ? `, released ${m.released}` : ''}`, fixed(m.mean), fixed(m.chance), fixed(m.excess), fixed(m.equalLength), fixed(m.echoFree), String(Math.round(m.meanWords)), m.classifiedAsOriginal === undefined ? '—' : percent(m.classifiedAsOriginal)]),
      },
      {
        kind: 'note',
        text: `Same prompt: the model’s answer against the original’s answer to the same prompt. Chance: against the original’s answer to a different prompt${settings.derangements ? ` (${settings.derangements} random derangements)` : ''}. Excess: the first minus the second. Equal length: both answers cut to the shorter one’s length in words; the suspect ranks ${r.decision.checks.equalLength.rank} of ${r.primary.nullValues.length + 1}. Prompt words removed: runs of ${settings.wordNgram ?? 'several'} words found in the prompt taken out of both answers; the suspect ranks ${r.primary.echoFreeRank}. Classified as original: the share of the model’s answers the classifier attributes to the original.`,
      },
      {
        kind: 'note',
        text: `Figures over ${count(r.prompts, 'prompt', 'prompts')} answered by the original, the suspect and every reference model${r.leftOut ? ` (${r.leftOut} left out: a model did not answer them)` : ''}; ${r.flagged.short} have an answer under 20 words and ${r.flagged.promptEcho} a suspect answer mostly made of the prompt’s own words (flagged in the pair table, kept in the figures).`,
      },
    ],
  };
}

function classifierSection(r: ReportedAttribution): ReportSection {
  return {
    id: 'classifier',
    title: 'Attribution by classifier',
    blocks: [
      r.classifier
        ? { kind: 'paragraph', text: `${r.classifier.sentence} Held-out accuracy ${fixed(r.classifier.heldOutAccuracy)} ${interval(r.classifier.ci95)}; empirical p = ${r.classifier.pValue.toFixed(3)}.` }
        : { kind: 'paragraph', text: 'Not run: the classifier needs at least two reference models, and its share is never shown without the panel as its null.' },
    ],
  };
}

function markersSection(r: ReportedAttribution): ReportSection {
  const found = r.markers.filter((m) => m.original + m.suspect + m.panel > 0);
  return {
    id: 'markers',
    title: 'Markers',
    blocks: found.length
      ? [
          {
            kind: 'table',
            label: 'Answers in which each marker was found',
            columns: [
              { title: 'Marker', width: 180 },
              { title: 'Class', width: 110 },
              { title: 'Original', width: 45, numeric: true },
              { title: 'Suspect', width: 45, numeric: true },
              { title: 'Reference panel', width: 60, numeric: true },
              { title: 'p (Fisher, Holm)', width: 0, numeric: true },
            ],
            rows: found.map((m) => [m.postHoc ? `${m.label} (post hoc)` : m.label, MARKER_KIND_LABELS[m.kind], String(m.original), String(m.suspect), `${m.panel} of ${m.panelAnswers}`, m.postHoc ? 'not tested' : pValue(m.adjustedP)]),
          },
          { kind: 'note', text: `${count(r.markers.length - found.length, 'other marker was', 'other markers were')} found in no answer.${found.some((m) => m.postHoc) ? ' A post hoc marker was chosen after reading the answers (made from an annotated phrase): its counts describe, and it is not tested.' : ''}` },
        ]
      : [{ kind: 'paragraph', text: `None of the ${count(r.markers.length, 'marker', 'markers')} was found in any answer.` }],
  };
}

function scriptsSection(r: ReportedAttribution): ReportSection {
  return {
    id: 'scripts',
    title: 'By script of the original’s answer',
    blocks: [
      {
        kind: 'table',
        label: 'By script',
        columns: [
          { title: 'Script', width: 100 },
          { title: 'Prompts', width: 40, numeric: true },
          { title: 'Suspect / best reference', width: 80, numeric: true },
          { title: 'Rank', width: 30, numeric: true },
          { title: 'Lead over the panel (p)', width: 85, numeric: true },
          { title: 'Closer than the panel', width: 45, numeric: true },
          { title: 'Classifier: suspect / panel', width: 65, numeric: true },
          { title: 'Self-identification: suspect / panel', width: 0, numeric: true },
        ],
        rows: r.strata.map((s) => [s.script, String(s.prompts), `${fixed(s.suspect)} / ${fixed(s.panelMax)}`, String(s.rank), `${fixed(s.lead)} (${pValue(s.leadP)})`, percent(s.closerThanPanel), s.classifierSuspect === null ? '—' : `${fixed(s.classifierSuspect)} / ${fixed(s.classifierPanel)}`, `${s.selfIdentification.suspect} / ${s.selfIdentification.panel}`]),
      },
      { kind: 'note', text: 'Lead over the panel: mean of the suspect’s similarity minus the panel’s mean, one-sided paired z-test. Closer than the panel: share of prompts where the suspect is above the panel’s mean. Classifier: mean held-out probability of being the original’s. Self-identification: answers with a self-identification marker (the panel’s over all its models).' },
    ],
  };
}

/**
 * The attribution report an expert signs, in two layers: a page counsel
 * can read in a minute, then each expert section, then the glossary of
 * every term used. The app, the bundle and the CLI draw this one document.
 */
export function attributionReport(r: ReportedAttribution, settings: ReportSettings): ReportDocument {
  const sections: ReportSection[] = [
    ruleSection(r, settings),
    referencesSection(r),
    modelsSection(r, settings),
    classifierSection(r),
    markersSection(r),
    ...(r.strata.length > 1 ? [scriptsSection(r)] : []),
    { id: 'validation', title: 'Validation of the rule on public models', blocks: [{ kind: 'paragraph', text: r.decision.calibration.sentence }, { kind: 'paragraph', text: r.method.validation }] },
    { id: 'limitations', title: 'Limitations', blocks: [{ kind: 'list', items: r.limitations }, { kind: 'note', text: `${r.primary.label}: ${r.primary.definition}` }] },
  ];
  return withGlossary(`Attribution: ${r.suspect} against ${r.original}`, { label: CONCLUSION_LABELS[r.conclusion], wording: r.conclusionSentence, code: r.conclusion }, summary(r), sections);
}
