import { parseArgs } from 'node:util';
import { proposeMarkersForCase } from '../../shared/analysis/case-markers';
import { MARKER_KIND_LABELS } from '../../shared/analysis/markers';
import { addMarkers, markerFromAnnotation, removeMarker, saveMarker } from '../../shared/analysis/marker-edits';
import { editChange, claimsStateOf, type CaseEdit } from '../../shared/claims/case-edit';
import { targetCatalog } from '../../shared/claims/targets';
import { MarkerKind } from '../../shared/model/records';
import { cliActor } from '../actor';
import { UsageError, saveCaseFile, withCaseFile } from '../case-file';
import { Refusal } from '../../shared/errors';
import { applyChange } from '../../shared/model/case-change';
import { count } from '../../shared/text/count';

export const MARKERS_USAGE = `markers <case-file> [--add --kind <${MarkerKind.options.join('|')}> --label <text> --pattern <text> [--regex]] [--remove <marker-id>] [--propose [--add-proposed]] [--from-annotation <annotation-id>]`;

/** Lists the case's markers, or adds or removes one, as the app's marker list does; proposes markers from the case and makes one from an annotated phrase. */
export async function markersCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { add: { type: 'boolean' }, kind: { type: 'string' }, label: { type: 'string' }, pattern: { type: 'string' }, regex: { type: 'boolean' }, remove: { type: 'string' }, propose: { type: 'boolean' }, 'add-proposed': { type: 'boolean' }, 'from-annotation': { type: 'string' }, actor: { type: 'string' } },
  });
  const [path, ...extra] = positionals;
  const actions = [values.add, values.remove, values.propose, values['from-annotation']].filter(Boolean).length;
  if (!path || extra.length > 0 || actions > 1 || (values['add-proposed'] && !values.propose)) throw new UsageError(`usage: ${MARKERS_USAGE}`);
  await withCaseFile(path, async (file) => {
    const actor = cliActor(values.actor);
    const state = () => claimsStateOf(file.data);
    if (values.propose) {
      const proposals = proposeMarkersForCase(file.data);
      for (const p of proposals) out(`proposed  ${MARKER_KIND_LABELS[p.kind]}: ${p.label}  ${p.regex ? `/${p.pattern}/` : `“${p.pattern}”`}`);
      if (proposals.length === 0) out('No marker to propose: the list already holds the names and makers of this case.');
      if (!values['add-proposed'] || proposals.length === 0) return;
      applyChange(file.data, editChange(addMarkers(state(), proposals, actor)));
      await saveCaseFile(file);
      out(`Added ${count(proposals.length, 'proposed marker', 'proposed markers')}.`);
      return;
    }
    if (values.add || values.remove || values['from-annotation']) {
      let edit: CaseEdit;
      try {
        const fromAnnotation = values['from-annotation'];
        if (values.remove) edit = removeMarker(state(), values.remove, actor);
        else if (fromAnnotation) {
          const annotation = file.data.annotations.find((a) => a.id === fromAnnotation);
          if (!annotation) throw new Refusal(`No annotation with the id ${fromAnnotation} in this case`, 'gone');
          edit = markerFromAnnotation(state(), annotation, targetCatalog(file.data), actor);
        } else {
          const kind = MarkerKind.safeParse(values.kind);
          if (!kind.success) throw new UsageError(`--kind must be one of ${MarkerKind.options.join(', ')}`);
          edit = saveMarker(state(), { kind: kind.data, label: values.label ?? '', pattern: values.pattern ?? '', regex: values.regex === true }, actor);
        }
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new Refusal(`Refused: ${(error as Error).message}. Nothing was changed.`);
      }
      applyChange(file.data, editChange(edit));
      await saveCaseFile(file);
      const marker = edit.put.markers?.[0];
      out(`${edit.audit[0]!.action === 'marker.removed' ? 'Removed' : 'Added'} “${edit.audit[0]!.subject}”${marker?.postHoc ? ' (post hoc: made from an annotated phrase)' : ''}.`);
    }
    for (const m of [...file.data.markers].sort((a, b) => a.order - b.order)) out(`${m.id}  ${MARKER_KIND_LABELS[m.kind]}: ${m.label}  ${m.regex ? `/${m.pattern}/` : `“${m.pattern}”`}${m.postHoc ? '  (post hoc)' : ''}`);
  });
}
