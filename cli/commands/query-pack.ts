import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_CAMPAIGN_SETTINGS } from '../../shared/analysis/campaign';
import { Refusal } from '../../shared/errors';
import { queryPack } from '../../shared/warehouse/query-pack';
import { UsageError, withCaseFile } from '../case-file';

export const QUERY_PACK_USAGE = 'query-pack <case-file> --out <folder> [--link-columns col1,col2] [--session-gap <seconds>]';

/** Writes the case's harvest analyses as SQL for DuckDB, ClickHouse, Spark and BigQuery, with the case's prompts and a README, into a new folder. */
export async function queryPackCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, 'link-columns': { type: 'string' }, 'session-gap': { type: 'string' } } });
  const [path, ...extra] = positionals;
  if (!path || extra.length || !values.out) throw new UsageError(`usage: ${QUERY_PACK_USAGE}`);
  const gap = values['session-gap'] === undefined ? DEFAULT_CAMPAIGN_SETTINGS.sessionGapSeconds : Number(values['session-gap']);
  if (!(Number.isInteger(gap) && gap > 0)) throw new UsageError(`--session-gap takes a whole number of seconds above 0, not “${values['session-gap']}”`);
  const linkColumns = (values['link-columns'] ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  const bad = linkColumns.find((c) => !/^[A-Za-z_][A-Za-z0-9_]*$/.test(c));
  if (bad !== undefined) throw new UsageError(`--link-columns: “${bad}” is not a plain column name (letters, digits and _)`);
  const existing = await readdir(values.out).catch(() => []);
  if (existing.length) throw new Refusal(`${values.out} is not empty; a query pack is written into a new or empty folder, so nothing there is overwritten`);

  const data = await withCaseFile(path, async (file) => file.data);
  const head = data.audit.at(-1);
  if (!head) throw new Refusal(`${path} has no history; a query pack names the history it was made from`);
  const files = queryPack({ id: data.case.id, title: data.case.title, historyHead: head.hash }, data.outputPairs, { linkBy: DEFAULT_CAMPAIGN_SETTINGS.linkBy, linkColumns, sessionGapSeconds: gap }, new Date().toISOString());
  for (const file of files) {
    await mkdir(dirname(join(values.out, file.path)), { recursive: true });
    await writeFile(join(values.out, file.path), file.text);
  }
  out(`Wrote a query pack of ${files.length} files to ${values.out}: ${data.outputPairs.length} case prompts and the harvest queries for DuckDB, ClickHouse, Spark SQL and BigQuery. Start with README.md.`);
}
