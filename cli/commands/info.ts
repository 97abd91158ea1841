import { parseArgs } from 'node:util';
import { describeSeal } from '../../shared/archive/archive-seal';
import { describeBinding } from '../../shared/audit/record-binding';
import { summarizeCase } from '../../shared/model/case-data';
import { UsageError, withCaseFile } from '../case-file';
import { Refusal } from '../../shared/errors';

export const INFO_USAGE = 'info <case-file> [--json]';

export async function infoCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  const [path, ...extra] = positionals;
  if (!path || extra.length > 0) throw new UsageError(`usage: ${INFO_USAGE}`);
  const [summary, seal, binding] = await withCaseFile(path, async (file) => [summarizeCase(file.data, file.logRows), file.archive.seal, file.archive.binding] as const);
  if (values.json) {
    out(JSON.stringify({ ...summary, seal, records: { bound: binding.bound, since: binding.since, checked: binding.records } }, null, 2));
  } else {
    const c = summary.counts;
    out(`${summary.title}${summary.matterNumber ? ` (matter ${summary.matterNumber})` : ''}`);
    if (summary.parties) out(`Parties: ${summary.parties}`);
    out(`Bates prefix: ${summary.batesPrefix}`);
    out(`Sources: ${c.sources}  Log entries: ${c.logEntries}  Output pairs: ${c.outputPairs}  ToS versions: ${c.tosVersions}`);
    out(`Claims: ${c.claims}  Links: ${c.links}  Annotations: ${c.annotations}`);
    out(`Audit trail: ${summary.audit.events} events, ${summary.audit.verified ? 'verified' : 'BROKEN'}, head ${summary.audit.head}`);
    out(`Records: ${describeBinding(binding)}`);
    out(describeSeal(seal));
  }
  if (!summary.audit.verified) throw new Refusal(`The audit trail does not verify: ${summary.audit.problems.join('; ')}`);
}
