import { randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createClient } from '@clickhouse/client';
import { z } from 'zod';
import { Refusal } from '../shared/errors';
import { sha256Hex } from '../shared/hash';
import { csvRecords } from '../shared/import/records-in-text';
import type { JobControl } from '../shared/jobs';
import type { QueryProvenance } from '../shared/import/query-provenance';

/** Where the lab's ClickHouse is; the credentials are used for the run and written nowhere. */
export interface ClickHouseServer {
  url: string;
  username?: string;
  password?: string;
  database?: string;
}

const PackManifest = z.object({
  format: z.literal(1),
  case: z.object({ id: z.string(), title: z.string(), historyHead: z.string() }),
  files: z.array(z.object({ path: z.string(), sha256: z.string() })),
});

/** What one query's run gave: its result file and the provenance written beside it. */
export interface QueryRun {
  query: string;
  result: string;
  rows: number;
  sha256: string;
}

async function readPack(folder: string): Promise<{ manifest: z.infer<typeof PackManifest>; text: (path: string) => string }> {
  let manifest;
  try {
    manifest = PackManifest.parse(JSON.parse(await readFile(join(folder, 'pack.json'), 'utf8')));
  } catch (error) {
    throw new Refusal(`${join(folder, 'pack.json')} is not a query pack's manifest: ${(error as Error).message.split('\n')[0]}`);
  }
  const texts = new Map<string, string>();
  for (const file of manifest.files) {
    const text = await readFile(join(folder, file.path), 'utf8').catch(() => {
      throw new Refusal(`${join(folder, file.path)}, listed in pack.json, is missing`);
    });
    // A query run in court must be the one the pack was made with: a file edited since is refused, not run.
    if (sha256Hex(text) !== file.sha256) throw new Refusal(`${join(folder, file.path)} differs from the SHA-256 pack.json records for it: it was changed after the pack was made`);
    texts.set(file.path, text);
  }
  return { manifest, text: (path) => texts.get(path)! };
}

/** The case's prompts from the pack's CSV, as rows for the case_prompts table. */
function promptRows(csv: string): Record<string, string>[] {
  const [header, ...records] = [...csvRecords(csv, ',')];
  if (!header || header.error) throw new Refusal('case_prompts.csv has no readable header');
  return records.map((record) => {
    if (record.error || record.fields.length !== header.fields.length) throw new Refusal(`case_prompts.csv line ${record.line}: ${record.error ?? `has ${record.fields.length} fields where the header has ${header.fields.length}`}`);
    return Object.fromEntries(header.fields.map((name, i) => [name, record.fields[i]!]));
  });
}

/**
 * Runs a query pack's ClickHouse queries on the lab's server, over HTTP with
 * ClickHouse's own client. The case's prompts go into a temporary table of
 * the session, so nothing is created in the lab's database. Each result is
 * written as JSON Lines into `results/clickhouse/` of the pack, beside a provenance
 * file: the query's path and SHA-256, the server's version, when it ran and
 * the result's SHA-256.
 */
export async function runPackOnClickHouse(folder: string, server: ClickHouseServer, job: JobControl = {}): Promise<{ engineVersion: string; runs: QueryRun[] }> {
  const { manifest, text } = await readPack(folder);
  const out = join(folder, 'results', 'clickhouse');
  if ((await readdir(out).catch(() => [])).length) throw new Refusal(`${out} already holds results; move them away first, so no result is overwritten`);
  const queries = manifest.files.filter((f) => f.path.startsWith('clickhouse/') && f.path.endsWith('.sql'));
  const prompts = promptRows(text('case_prompts.csv'));
  const client = createClient({ url: server.url, username: server.username ?? 'default', password: server.password ?? '', database: server.database ?? 'default', session_id: randomUUID() });
  try {
    // Every request carries the job's signal: a cancel stops a server that does not answer, not only the next query.
    const abort_signal = job.signal;
    const version = (await (await client.query({ query: 'SELECT version() AS version', format: 'JSONEachRow', abort_signal })).json<{ version: string }>())[0]!.version;
    await client.command({ query: 'CREATE TEMPORARY TABLE case_prompts (pair_id String, prompt_id String, prompt String, sha256 String, sha256_normalised String) ENGINE = Memory', abort_signal });
    await client.insert({ table: 'case_prompts', values: prompts, format: 'JSONEachRow', abort_signal });
    await mkdir(out, { recursive: true });
    const runs: QueryRun[] = [];
    for (const [i, query] of queries.entries()) {
      job.signal?.throwIfAborted();
      const name = query.path.slice('clickhouse/'.length, -'.sql'.length);
      job.progress?.(`Running ${name} on ClickHouse ${version}`, i, queries.length);
      const ranAt = new Date().toISOString();
      // JSON Lines, as the engine writes them: NULLs stay null (CSV would write \N), and the log import reads them as they are.
      const result = await (await client.query({ query: text(query.path).replace(/;\s*$/, ''), format: 'JSONEachRow', abort_signal })).text();
      const sha256 = sha256Hex(result);
      const rows = result.split('\n').filter(Boolean).length;
      await writeFile(join(out, `${name}.jsonl`), result);
      const provenance: QueryProvenance = {
        query: query.path,
        querySha256: query.sha256,
        queryText: text(query.path),
        case: manifest.case,
        engine: 'ClickHouse',
        engineVersion: version,
        server: new URL(server.url).origin,
        database: server.database ?? 'default',
        ranAt,
        result: `${name}.jsonl`,
        resultSha256: sha256,
        rows,
      };
      await writeFile(join(out, `${name}.provenance.json`), `${JSON.stringify(provenance, null, 2)}\n`);
      runs.push({ query: query.path, result: join(out, `${name}.jsonl`), rows, sha256 });
    }
    job.progress?.('Done', queries.length, queries.length);
    return { engineVersion: version, runs };
  } catch (error) {
    if (error instanceof Refusal || job.signal?.aborted) throw error;
    throw new Refusal(`ClickHouse at ${new URL(server.url).origin} refused the run: ${(error as Error).message}`);
  } finally {
    await client.close();
  }
}
