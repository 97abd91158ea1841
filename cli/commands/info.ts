import { parseArgs } from 'node:util';
import { checkArchiveContents, describeContentsCheck } from '../../shared/archive/archive-check';
import { describeSeal, sealerCheck } from '../../shared/archive/archive-seal';
import { describeBinding } from '../../shared/audit/record-binding';
import { normaliseFingerprint } from '../../shared/bundle/fingerprint';
import { summarizeCase } from '../../shared/model/case-data';
import { UsageError, withCaseFile } from '../case-file';
import { Refusal } from '../../shared/errors';
import { progressOnTerminal } from '../progress';

export const INFO_USAGE = 'info <case-file> [--sealer <certificate SHA-256 fingerprint>] [--fast] [--json]';

/**
 * What a reviewer runs to check a case: the records against the history,
 * and, unless --fast, every log row and original read and hashed against
 * what was recorded at import; with --sealer, the seal against the
 * certificate expected.
 */
export async function infoCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, fast: { type: 'boolean' }, sealer: { type: 'string' } } });
  const [path, ...extra] = positionals;
  if (!path || extra.length > 0) throw new UsageError(`usage: ${INFO_USAGE}`);
  const expectedSealer = values.sealer === undefined ? null : normaliseFingerprint(values.sealer);
  if (values.sealer !== undefined && !expectedSealer) throw new UsageError(`--sealer: “${values.sealer}” is not a SHA-256 fingerprint (64 hex digits, with or without colons)`);
  const [summary, seal, binding, contents] = await withCaseFile(path, async (file) => {
    const read = values.fast ? null : await checkArchiveContents(file.archive, { progress: progressOnTerminal() });
    return [summarizeCase(file.data, file.logRows), file.archive.seal, file.archive.binding, read] as const;
  });
  const sealer = expectedSealer ? sealerCheck(seal, expectedSealer) : null;
  if (values.json) {
    out(JSON.stringify({ ...summary, seal, sealer, records: { bound: binding.bound, since: binding.since, asFound: binding.asFound, checked: binding.records }, contents: contents ?? 'not read (--fast)' }, null, 2));
  } else {
    if (!contents) out(describeContentsCheck(null));
    const c = summary.counts;
    out(`${summary.title}${summary.matterNumber ? ` (matter ${summary.matterNumber})` : ''}`);
    if (summary.parties) out(`Parties: ${summary.parties}`);
    out(`Bates prefix: ${summary.batesPrefix}`);
    out(`Sources: ${c.sources}  Log entries: ${c.logEntries}  Output pairs: ${c.outputPairs}  ToS versions: ${c.tosVersions}`);
    out(`Claims: ${c.claims}  Links: ${c.links}  Annotations: ${c.annotations}`);
    out(`Audit trail: ${summary.audit.events} events, ${summary.audit.verified ? 'verified' : 'BROKEN'}, head ${summary.audit.head}`);
    out(`Records: ${describeBinding(binding)}`);
    if (contents) out(describeContentsCheck(contents));
    out(describeSeal(seal));
    if (sealer) out(`Sealer: ${sealer.ok ? 'ok' : 'FAIL'}, ${sealer.detail}`);
  }
  if (!summary.audit.verified) throw new Refusal(`The audit trail does not verify: ${summary.audit.problems.join('; ')}`);
  if (sealer && !sealer.ok) throw new Refusal(`The seal is not the expected one: ${sealer.detail}`);
}
