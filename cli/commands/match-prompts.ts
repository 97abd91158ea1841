import { parseArgs } from 'node:util';
import { analyzeCampaignWith } from '../../shared/analysis/campaign';
import type { EngineAnalyses } from '../../shared/analysis/engine-analyses';
import { DEFAULT_MATCH_SETTINGS, MATCH_METHODS, MATCH_METHOD_LABELS, matchPromptsWith, type MatchMethod } from '../../shared/analysis/prompt-matching';
import { UsageError, withCaseFile, withCaseLogs, type CaseFile } from '../case-file';

export const MATCH_PROMPTS_USAGE = `match-prompts <case-file> [--methods ${MATCH_METHODS.join(',')}] [--near 0.7] [--json]`;

/** For every pair, the log rows that sent its prompt, by each chosen method, and the clusters they came from. */
export async function matchPromptsCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { methods: { type: 'string' }, near: { type: 'string' }, json: { type: 'boolean' } } });
  const [path, ...extra] = positionals;
  if (!path || extra.length) throw new UsageError(`usage: ${MATCH_PROMPTS_USAGE}`);
  const methods = (values.methods ?? MATCH_METHODS.join(',')).split(',').map((m) => m.trim()).filter(Boolean);
  const unknown = methods.filter((m) => !MATCH_METHODS.includes(m as MatchMethod));
  if (unknown.length || methods.length === 0) throw new UsageError(`--methods takes ${MATCH_METHODS.join(', ')} (comma-separated); not ${unknown.join(', ') || 'nothing'}`);
  const near = values.near === undefined ? DEFAULT_MATCH_SETTINGS.nearThreshold : Number(values.near);
  if (!(near > 0 && near <= 1)) throw new UsageError('--near must be a similarity above 0 and at most 1');
  await withCaseFile(path, (file) => withCaseLogs(file, (logs) => matchAndReport(file, logs, methods as MatchMethod[], near, values.json === true, out)));
}

async function matchAndReport(file: CaseFile, logs: EngineAnalyses, methods: MatchMethod[], near: number, json: boolean, out: (line: string) => void): Promise<void> {
  const { data } = file;
  const result = await matchPromptsWith(data.outputPairs, logs.prompts, { ...DEFAULT_MATCH_SETTINGS, methods, nearThreshold: near });
  if (json) {
    out(JSON.stringify(result, null, 2));
    return;
  }
  out(`${result.matchedPairs} of ${data.outputPairs.length} pairs' prompts were found in ${file.logRows.toLocaleString('en-US')} log rows (normalisation: ${result.settings.normalisation}).`);
  for (const m of methods) out(`  ${MATCH_METHOD_LABELS[m].padEnd(56)} ${String(result.byMethod[m]).padStart(6)} pairs`);
  const clusters = (await analyzeCampaignWith(logs.campaign)).clusters;
  for (const c of clusters) {
    const sent = result.matches.filter((x) => x.accounts.some((a) => c.accounts.includes(a)));
    if (sent.length) out(`  Cluster ${c.id} (${c.accounts.length} accounts) sent the prompts of ${sent.length} pairs: ${sent.slice(0, 12).map((x) => x.promptId).join(', ')}${sent.length > 12 ? `, and ${sent.length - 12} more` : ''}`);
  }
}
