import { parseArgs } from 'node:util';
import { sourceDependents, targetCatalog } from '../../shared/claims/targets';
import { sourceRemoval } from '../../shared/import/source-removal';
import { applyChange } from '../../shared/model/case-change';
import { cliActor } from '../actor';
import { UsageError, saveCaseFile, withCaseFile } from '../case-file';
import { Refusal } from '../../shared/errors';

export const REMOVE_SOURCE_USAGE = 'remove-source <case-file> <file name or source id> [--actor <name>]';

/**
 * Removes an imported file, its original and every record read from it, as
 * Remove file… does in the app: links and annotations stay and show as
 * broken, and the history records what was removed and what broke.
 */
export async function removeSourceCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { actor: { type: 'string' } } });
  const [path, which, ...extra] = positionals;
  if (!path || !which || extra.length > 0) throw new UsageError(`usage: ${REMOVE_SOURCE_USAGE}`);
  await withCaseFile(path, async (file) => {
    const matches = file.data.sources.filter((s) => s.id === which || s.fileName === which);
    if (matches.length === 0) throw new Refusal(`Refused: no file named or with the id “${which}” in this case. Nothing was removed.`);
    if (matches.length > 1) throw new Refusal(`Refused: ${matches.length} files are named “${which}” (${matches.map((s) => s.id).join(', ')}); give the id of the one to remove. Nothing was removed.`);
    const source = matches[0]!;
    const dependents = sourceDependents(source.id, targetCatalog(file.data), file.data.links);
    applyChange(file.data, sourceRemoval(file.data, source, dependents, cliActor(values.actor)));
    await saveCaseFile(file);
    const what = [dependents.logRows && `${dependents.logRows} log rows`, dependents.pairs && `${dependents.pairs} output pairs`, dependents.clauses && `${dependents.clauses} clauses`].filter(Boolean);
    out(`Removed ${source.fileName} (SHA-256 ${source.sha256})${what.length ? ` and ${what.join(', ')}` : ''}.`);
    if (dependents.links.length || dependents.annotations.length) out(`Now broken: ${dependents.links.length} link(s) and ${dependents.annotations.length} annotation(s), kept and shown as broken.`);
    if (dependents.findings.length) out(`Findings that cite it: ${dependents.findings.map((f) => f.title).join('; ')}.`);
  });
}
