import { copyFile, constants } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { actionLabel } from '../../shared/audit/audit-actions';
import { mergeCases, planMerge, type MergeConflict, type Side } from '../../shared/audit/merge';
import { mergeSideOf, mergedContents } from '../../shared/archive/merge-archives';
import { Refusal } from '../../shared/errors';
import { formatInstant } from '../../shared/time-format';
import { cliActor } from '../actor';
import { UsageError, createArchiveFile, openCaseFile } from '../case-file';
import { progressOnTerminal } from '../progress';

export const MERGE_USAGE = 'merge <a.evcase> <b.evcase> --out <c.evcase> [--take a|b | --take <n>=a|b ...] [--actor <name>]   (a record changed differently in both needs a choice: the conflicts are listed, numbered)';

/** Parses --take: "a" or "b" for every conflict, or "<n>=a|b" for the nth listed. */
function choicesOf(takes: readonly string[], conflicts: readonly MergeConflict[]): Map<string, Side> {
  const choices = new Map<string, Side>();
  for (const take of takes) {
    const all = /^(a|b)$/.exec(take);
    const one = /^(\d+)=(a|b)$/.exec(take);
    if (all) for (const c of conflicts) choices.set(c.key, all[1] as Side);
    else if (one && conflicts[Number(one[1]) - 1]) choices.set(conflicts[Number(one[1]) - 1]!.key, one[2] as Side);
    else throw new UsageError(`--take ${take}: give a or b for every conflict, or <n>=a|b for conflict n of the ${conflicts.length} listed`);
  }
  return choices;
}

function describeConflicts(conflicts: readonly MergeConflict[], names: { a: string; b: string }): string[] {
  return conflicts.flatMap((c, i) => [
    `  ${i + 1}. ${c.label} (${c.key})`,
    ...(['a', 'b'] as const).map((side) => `     ${side} (${names[side]}): ${c[side].record ? 'changed' : 'removed'} by ${c[side].by.actor} at ${formatInstant(c[side].by.at)} (${c[side].by.action}, event #${c[side].by.seq})`),
    ...c.fields.map((f) => `     ${f.field}: a “${f.a}” · b “${f.b}”`),
  ]);
}

/**
 * Merges two copies of a case into a third file: each side's changes since
 * their common history replayed in time order, and a merge event naming
 * both heads. A record changed differently on both sides is listed and the
 * command exits 1 until --take chooses; the two files are never changed.
 */
export async function mergeCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, take: { type: 'string', multiple: true }, actor: { type: 'string' } } });
  const [pathA, pathB, ...extra] = positionals;
  if (!pathA || !pathB || extra.length || !values.out) throw new UsageError(`usage: ${MERGE_USAGE}`);
  const a = await openCaseFile(pathA);
  try {
    const b = await openCaseFile(pathB);
    try {
      const names = { a: basename(pathA), b: basename(pathB) };
      const sideA = mergeSideOf(a.archive);
      const sideB = mergeSideOf(b.archive);
      const plan = planMerge(sideA, sideB);
      if (plan.kind !== 'merge') {
        const kept = plan.kind === 'same' || plan.side === 'a' ? pathA : pathB;
        await copyFile(kept, values.out, constants.COPYFILE_EXCL).catch((error: NodeJS.ErrnoException) => {
          throw error.code === 'EEXIST' ? new Refusal(`${values.out} already exists; choose another name or remove it first`) : error;
        });
        out(`${plan.kind === 'same' ? `${names.a} and ${names.b} hold the same history` : `${basename(kept)} already holds every change of the other`}: nothing to merge; ${basename(values.out)} is a copy of ${basename(kept)}.`);
        return;
      }
      const choices = choicesOf(values.take ?? [], plan.conflicts);
      const open = plan.conflicts.filter((c) => !choices.has(c.key));
      if (open.length) {
        throw new Refusal(
          [`${plan.conflicts.length} record(s) were changed differently in ${names.a} and ${names.b}; choose a side for each with --take <n>=a|b (or --take a|b for all). Nothing was written.`, ...describeConflicts(plan.conflicts, names)].join('\n'),
          'conflict',
        );
      }
      const merged = mergeCases(sideA, sideB, choices, cliActor(values.actor));
      await createArchiveFile(values.out, mergedContents(a.archive, b.archive, merged), { progress: progressOnTerminal() });
      const last = merged.audit.at(-1)!;
      out(`Merged ${names.a} and ${names.b} into ${basename(values.out)}: ${plan.fromA} change(s) from ${names.a}, ${plan.fromB} from ${names.b}${plan.conflicts.length ? `, ${plan.conflicts.length} chosen by hand` : ''}; the history ends with event #${last.seq} (${actionLabel(last.action)}).`);
    } finally {
      await b.close();
    }
  } finally {
    await a.close();
  }
}
