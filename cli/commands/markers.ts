import { parseArgs } from 'node:util';
import { MARKER_KIND_LABELS } from '../../shared/analysis/markers';
import { removeMarker, saveMarker } from '../../shared/analysis/marker-edits';
import { editChange, claimsStateOf } from '../../shared/claims/case-edit';
import { MarkerKind } from '../../shared/model/records';
import { cliActor } from '../actor';
import { UsageError, saveCaseFile, withCaseFile } from '../case-file';
import { Refusal } from '../../shared/errors';
import { applyChange } from '../../shared/model/case-change';

export const MARKERS_USAGE = `markers <case-file> [--add --kind <${MarkerKind.options.join('|')}> --label <text> --pattern <text> [--regex]] [--remove <marker-id>]`;

/** Lists the case's markers, or adds or removes one, as the app's marker list does. */
export async function markersCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { add: { type: 'boolean' }, kind: { type: 'string' }, label: { type: 'string' }, pattern: { type: 'string' }, regex: { type: 'boolean' }, remove: { type: 'string' }, actor: { type: 'string' } },
  });
  const [path, ...extra] = positionals;
  if (!path || extra.length > 0 || (values.add && values.remove)) throw new UsageError(`usage: ${MARKERS_USAGE}`);
  await withCaseFile(path, async (file) => {
    const actor = cliActor(values.actor);
    if (values.add || values.remove) {
      let edit;
      try {
        if (values.remove) edit = removeMarker(claimsStateOf(file.data), values.remove, actor);
        else {
          const kind = MarkerKind.safeParse(values.kind);
          if (!kind.success) throw new UsageError(`--kind must be one of ${MarkerKind.options.join(', ')}`);
          edit = saveMarker(claimsStateOf(file.data), { kind: kind.data, label: values.label ?? '', pattern: values.pattern ?? '', regex: values.regex === true }, actor);
        }
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new Refusal(`Refused: ${(error as Error).message}. Nothing was changed.`);
      }
      applyChange(file.data, editChange(edit));
      await saveCaseFile(file);
      out(`${edit.audit[0]!.action === 'marker.removed' ? 'Removed' : 'Added'} “${edit.audit[0]!.subject}”.`);
    }
    for (const m of [...file.data.markers].sort((a, b) => a.order - b.order)) out(`${m.id}  ${MARKER_KIND_LABELS[m.kind]}: ${m.label}  ${m.regex ? `/${m.pattern}/` : `“${m.pattern}”`}`);
  });
}
