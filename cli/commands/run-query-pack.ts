import { parseArgs } from 'node:util';
import { runPackOnClickHouse } from '../../node/warehouse-run';
import { UsageError } from '../case-file';
import { progressOnTerminal } from '../progress';

export const RUN_QUERY_PACK_USAGE = 'run-query-pack <pack-folder> --clickhouse <http://host:8123> [--user name] [--database db]   (password from CLICKHOUSE_PASSWORD)';

/** Runs a query pack's ClickHouse queries on a server and writes each result with its provenance into the pack. */
export async function runQueryPackCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { clickhouse: { type: 'string' }, user: { type: 'string' }, database: { type: 'string' } } });
  const [folder, ...extra] = positionals;
  if (!folder || extra.length || !values.clickhouse) throw new UsageError(`usage: ${RUN_QUERY_PACK_USAGE}`);
  if (!URL.canParse(values.clickhouse) || !/^https?:$/.test(new URL(values.clickhouse).protocol)) throw new UsageError(`--clickhouse takes the server's HTTP address, such as http://127.0.0.1:8123; not “${values.clickhouse}”`);
  // The password is read from the environment, never from the command line (where ps and shell history would keep it), and written nowhere.
  const { engineVersion, runs } = await runPackOnClickHouse(folder, { url: values.clickhouse, ...(values.user && { username: values.user }), ...(process.env.CLICKHOUSE_PASSWORD && { password: process.env.CLICKHOUSE_PASSWORD }), ...(values.database && { database: values.database }) }, { progress: progressOnTerminal() });
  out(`Ran ${runs.length} queries on ClickHouse ${engineVersion}:`);
  for (const run of runs) out(`  ${run.query}: ${run.rows.toLocaleString('en-US')} rows, ${run.result}, SHA-256 ${run.sha256}`);
}
