import { parseArgs } from 'node:util';
import { applyChange } from '../../shared/model/case-change';
import { editCaseDetails } from '../../shared/model/case-data';
import { CaseFields } from '../../shared/model/records';
import { describeIssues } from '../../shared/validation';
import { cliActor } from '../actor';
import { UsageError, saveCaseFile, withCaseFile } from '../case-file';

export const EDIT_USAGE = 'edit <case-file> [--title <text>] [--bates-prefix <PREFIX>] [--matter <number>] [--parties <text>] [--legend <text>]';

/** Changes a case's details, as Edit details… does in the app: each changed field recorded in the history. */
export async function editCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { title: { type: 'string' }, 'bates-prefix': { type: 'string' }, matter: { type: 'string' }, parties: { type: 'string' }, legend: { type: 'string' }, actor: { type: 'string' } },
  });
  const [path, ...extra] = positionals;
  if (!path || extra.length > 0) throw new UsageError(`usage: ${EDIT_USAGE}`);
  const message = await withCaseFile(path, async (file) => {
    const current = file.data.case;
    const fields = CaseFields.safeParse({
      title: values.title ?? current.title,
      batesPrefix: values['bates-prefix'] ?? current.batesPrefix,
      matterNumber: values.matter ?? current.matterNumber,
      parties: values.parties ?? current.parties,
      privilegeLegend: values.legend ?? current.privilegeLegend,
    });
    if (!fields.success) throw new UsageError(describeIssues(fields.error));
    const change = editCaseDetails(current, fields.data, cliActor(values.actor));
    if (!change) return 'Nothing changed.';
    applyChange(file.data, change);
    await saveCaseFile(file);
    return `Saved: ${Object.keys(change.audit[0]?.details ?? {}).join(', ')} changed.`;
  });
  out(message);
}
