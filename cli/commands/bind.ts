import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { bindAsFound, describeBinding } from '../../shared/audit/record-binding';
import { applyChange } from '../../shared/model/case-change';
import { logRowsHasher } from '../../shared/model/log-row-text';
import { cliActor } from '../actor';
import { UsageError, saveCaseFile, withCaseFile } from '../case-file';

export const BIND_USAGE = 'bind <case-file> [--actor <name>]';

/**
 * Binds the records of a case made before records were bound, as they are
 * now, with an event that says so (as History's "Bind records" does in the
 * app): logs imported before their rows were hashed get the hash of their
 * rows as stored.
 */
export async function bindCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { actor: { type: 'string' } } });
  const [path, ...extra] = positionals;
  if (!path || extra.length) throw new UsageError(`usage: ${BIND_USAGE}`);
  const already = await withCaseFile(path, async (file) => {
    if (file.archive.binding.bound) return file.archive.binding;
    const { data, archive } = file;
    const rowsSha256 = new Map<string, string>();
    for (const source of data.sources) {
      if (source.kind !== 'log' || source.rowsSha256) continue;
      const hasher = logRowsHasher();
      for await (const batch of archive.rowsOf(source.id)) await hasher.add(batch);
      rowsSha256.set(source.id, await hasher.hex());
    }
    const { audit, originals: _bytes, logEntries: _rows, ...records } = data;
    applyChange(data, bindAsFound(audit, records, cliActor(values.actor), rowsSha256));
    await saveCaseFile(file);
    return null;
  });
  const binding = already ?? (await withCaseFile(path, async (file) => file.archive.binding));
  out(`${basename(path)}: ${already ? 'already bound; ' : ''}${describeBinding(binding)}`);
}
