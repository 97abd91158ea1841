import { parseArgs } from 'node:util';
import { CaseFields } from '../../shared/model/records';
import { describeIssues } from '../../shared/validation';
import { UsageError, createCaseFile } from '../case-file';
import { cliActor } from '../actor';
import { createCaseData } from '../../shared/new-case';

export const INIT_USAGE = 'init <case-file> --title <text> [--bates-prefix <PREFIX>] [--matter <number>] [--parties <text>] [--legend <text>]';

export async function initCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      title: { type: 'string' },
      'bates-prefix': { type: 'string' },
      matter: { type: 'string' },
      parties: { type: 'string' },
      legend: { type: 'string' },
      actor: { type: 'string' },
    },
  });
  const [path, ...extra] = positionals;
  if (!path || extra.length > 0) throw new UsageError(`usage: ${INIT_USAGE}`);
  if (values.title === undefined) throw new UsageError(`init needs --title\nusage: ${INIT_USAGE}`);
  const fields = CaseFields.safeParse({
    title: values.title,
    batesPrefix: values['bates-prefix'],
    matterNumber: values.matter,
    parties: values.parties,
    privilegeLegend: values.legend,
  });
  if (!fields.success) throw new UsageError(describeIssues(fields.error));
  const data = createCaseData(fields.data, cliActor(values.actor));
  await createCaseFile(path, data);
  out(`Created ${path}: “${data.case.title}” (Bates prefix ${data.case.batesPrefix})`);
}
