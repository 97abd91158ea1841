import { parseArgs } from 'node:util';
import { linkAttributeLabel, tokensInWords } from '../../shared/analysis/campaign';
import { analyzeCase, type CaseAnalysis } from '../../shared/analysis/case-analysis';
import { attributionReport } from '../../shared/analysis/attribution-report';
import { termsUsed } from '../../shared/report/glossary';
import { glossaryLines, reportLines } from '../report-text';
import { fixed, pValue } from '../../shared/analysis/format-figures';
import { count } from '../../shared/text/count';
import { MATCH_METHOD_LABELS, type MatchMethod } from '../../shared/analysis/prompt-matching';
import { UsageError, saveCaseFile, withCaseFile, withCaseLogs } from '../case-file';
import { cliActor } from '../actor';
import { applyChange } from '../../shared/model/case-change';
import { attributionRunsChange } from '../../shared/analysis/attribution-runs';
import { formatInstant } from '../../shared/time-format';

export const ANALYZE_USAGE = 'analyze <case-file> [--json] [--no-case-fold] [--actor <name>]';

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** The analysis as JSON: every figure with the settings and software version that produced it. */
function asJson(analysis: CaseAnalysis) {
  const { pairs } = analysis;
  return {
    softwareVersion: analysis.softwareVersion,
    pairs: pairs && {
      pairs: pairs.pairs,
      withControl: pairs.withControl,
      baseline: pairs.baseline,
      settings: pairs.settings,
      metrics: pairs.metrics,
      markers: pairs.markers,
      results: pairs.results.map((r) => ({ promptId: r.promptId, suspect: r.suspect.values, control: r.control?.values ?? null, longestRunTokens: r.suspect.longestRun.length, markers: r.markers })),
    },
    attribution: analysis.attribution,
    furtherSuspects: analysis.furtherSuspects,
    tos: analysis.tos,
    campaign: analysis.campaign,
    harvest: analysis.harvest,
  };
}

function printText(analysis: CaseAnalysis, out: (line: string) => void): void {
  const { pairs, tos, campaign } = analysis;
  out(`Analysis by Evidence Desk ${analysis.softwareVersion}`);
  out('');
  for (const attribution of [analysis.attribution ?? [], analysis.furtherSuspects].flat()) {
    for (const line of reportLines(attributionReport(attribution, { alpha: attribution.settings.alpha, derangements: attribution.settings.derangements, wordNgram: attribution.settings.settings.wordNgram }))) out(line);
    out('');
  }
  if (!pairs) {
    out('Output pairs: none imported.');
  } else {
    out(`Output pairs: ${pairs.pairs} (${pairs.withControl} with an output of ${pairs.controlModel ?? 'a control model'})`);
    out(pairs.baseline);
    out(`  ${'metric'.padEnd(50)} ${'suspect'.padStart(8)} ${'control'.padStart(8)} ${'diff.'.padStart(8)}  ${'95% CI'.padEnd(17)} p`);
    for (const m of pairs.metrics) {
      const ci = m.ci95 ? `[${fixed(m.ci95[0])}, ${fixed(m.ci95[1])}]` : '—';
      out(`  ${m.label.padEnd(50)} ${fixed(m.meanSuspect).padStart(8)} ${fixed(m.meanControl).padStart(8)} ${fixed(m.difference).padStart(8)}  ${ci.padEnd(17)} ${pValue(m.pValue, m.z)}`);
    }
    if (pairs.withControl) out(`  (paired test: ${pairs.metrics[0]!.test}; bootstrap ${pairs.settings.bootstrapResamples} resamples, seed ${pairs.settings.bootstrapSeed})`);
    out('');
    out(`Markers (${pairs.markers.length}), outputs in which each was found:`);
    out(`  ${'marker'.padEnd(50)} ${'original'.padStart(8)} ${'suspect'.padStart(8)} ${'control'.padStart(8)} ${'orig.+susp.'.padStart(11)}`);
    for (const m of pairs.markers) {
      out(`  ${m.label.padEnd(50)} ${String(m.original).padStart(8)} ${String(m.suspect).padStart(8)} ${String(m.control ?? '—').padStart(8)} ${String(m.originalAndSuspect).padStart(11)}`);
    }
  }
  if (analysis.harvest) {
    const h = analysis.harvest;
    out('');
    out(`Harvest: ${h.matchedPairs} of ${h.matchedPairs + h.unmatchedPairs} pairs' prompts found in the logs (${Object.entries(h.byMethod).filter(([, n]) => n).map(([m, n]) => `${MATCH_METHOD_LABELS[m as MatchMethod] ?? m}: ${n}`).join('; ') || 'none'})`);
    for (const c of h.byCluster.filter((x) => x.pairs)) out(`  cluster ${c.cluster} sent the prompts of ${count(c.pairs, 'pair', 'pairs')}`);
    if (h.naturalExperiment) out(`  ${h.naturalExperiment.sentence}`);
    if (h.classifierExperiment) out(`  ${h.classifierExperiment.sentence}`);
  }
  out('');
  out('Terms of Service versions:');
  if (tos.documents.length === 0) out('  none imported.');
  for (const doc of tos.documents) {
    out(`  ${doc.title}: ${doc.versions.map((v) => `${v.effectiveDate} until ${v.until ?? 'now'}`).join('; ')}`);
  }
  out('');
  out(`Campaign: ${campaign.accounts} accounts, ${campaign.requests} requests; ${campaign.clusters.length} cluster${campaign.clusters.length === 1 ? '' : 's'} of linked accounts, ${campaign.singletons} accounts linked to no other (linked by ${campaign.settings.linkBy.map(linkAttributeLabel).join(', ')})`);
  for (const c of campaign.clusters) {
    out(`  Cluster ${c.id}: ${c.accounts.length} accounts, ${c.requests} requests, ${formatInstant(c.firstSeen)} to ${formatInstant(c.lastSeen)}, tokens ${tokensInWords(c)}`);
    out(`    shared: ${c.sharedBy.slice(0, 4).map((s) => `${linkAttributeLabel(s.attribute)} ${s.value} (${s.accounts} accounts)`).join('; ')}${c.sharedBy.length > 4 ? `; and ${c.sharedBy.length - 4} more` : ''}`);
    out(`    top ${c.topTemplates.length} prompt templates cover ${pct(c.topTemplatesShare)} of its requests; most used: “${c.topTemplates[0]?.template ?? ''}”`);
    out(`    reasoning-elicitation prompts: ${c.reasoningRequests} (${pct(c.reasoningRequests / c.requests)}); machine-regular accounts: ${c.machineRegularAccounts} of ${c.accounts.length}`);
    const terms = tos.accounts.filter((a) => c.accounts.includes(a.account)).flatMap((a) => a.inForce.flatMap((d) => d.versions.map((v) => `${d.title} ${v}`)));
    if (terms.length) out(`    terms in force over its activity: ${[...new Set(terms)].sort().join(', ')}`);
  }
}

export async function analyzeCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, 'no-case-fold': { type: 'boolean' }, actor: { type: 'string' } } });
  const [path, ...extra] = positionals;
  if (!path || extra.length) throw new UsageError(`usage: ${ANALYZE_USAGE}`);
  const analysis = await withCaseFile(path, async (file) => {
    const settings = values['no-case-fold'] ? { pairs: { caseFold: false } } : {};
    const result = await withCaseLogs(file, (logs) => analyzeCase({ ...file.data, logChunks: logs.chunks, campaign: logs.campaign, prompts: logs.prompts }, settings));
    // Every attribution run is recorded in the case's history, so the panels tried stay visible.
    const attributions = [result.attribution ?? [], result.furtherSuspects].flat();
    if (attributions.length) {
      applyChange(file.data, attributionRunsChange(attributions, cliActor(values.actor)));
      await saveCaseFile(file);
    }
    return result;
  });
  if (values.json) out(JSON.stringify(asJson(analysis), null, 2));
  else {
    const lines: string[] = [];
    printText(analysis, (line) => lines.push(line));
    for (const line of [...lines, ...glossaryLines(termsUsed(lines.join('\n')))]) out(line);
  }
}
