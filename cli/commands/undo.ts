import { parseArgs } from 'node:util';
import { actionLabel } from '../../shared/audit/audit-actions';
import { nextRedo, nextUndo, undoChange } from '../../shared/audit/undo';
import { Refusal } from '../../shared/errors';
import { applyChange } from '../../shared/model/case-change';
import { cliActor } from '../actor';
import { UsageError, saveCaseFile, withCaseFile } from '../case-file';

export const UNDO_USAGE = 'undo <case-file> [--event <n> | --redo] [--actor <name>]   (the latest change that stands when no event is given; undoing an undo redoes it)';

/** Undoes one event of the history as a new event, as the app's Undo does; a refusal says why and changes nothing. */
export async function undoCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { event: { type: 'string' }, redo: { type: 'boolean' }, actor: { type: 'string' } } });
  const [path, ...extra] = positionals;
  const seq = values.event === undefined ? undefined : Number(values.event);
  if (!path || extra.length > 0 || (seq !== undefined && (values.redo || !(Number.isInteger(seq) && seq > 0)))) throw new UsageError(`usage: ${UNDO_USAGE}`);
  await withCaseFile(path, async (file) => {
    const target = seq ?? (values.redo ? nextRedo(file.data.audit) : nextUndo(file.data.audit))?.seq;
    if (target === undefined) throw new Refusal(`Refused: there is nothing to ${values.redo ? 'redo' : 'undo'}. Nothing was changed.`);
    let change;
    try {
      change = undoChange(file.data, target, cliActor(values.actor));
    } catch (error) {
      if (error instanceof Refusal) throw new Refusal(`Refused: ${error.message}. Nothing was changed.`, error.code);
      throw error;
    }
    applyChange(file.data, change);
    await saveCaseFile(file);
    const event = file.data.audit.at(-1)!;
    out(`${event.subject}: recorded as event #${event.seq} (${actionLabel(event.action)}).`);
  });
}
