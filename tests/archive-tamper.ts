import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Uint8ArrayReader, Uint8ArrayWriter, ZipReader } from '@zip.js/zip.js';
import { strFromU8, strToU8, zipSync } from 'fflate';

/**
 * An archive whose Parquet log rows were rewritten by DuckDB with `select`
 * (over `rows`, the entry's rows with their `file_row_number`), kept stored
 * as the app writes it; with `digest`, its manifest updated to match, as
 * someone covering their tracks would.
 */
export async function tamperLog(bytes: Uint8Array, select: string, options: { digest: boolean }): Promise<Uint8Array> {
  // zip.js reads what zip.js wrote (fflate misreads a stored entry whose sizes follow its data).
  const reader = new ZipReader(new Uint8ArrayReader(bytes));
  const files: Record<string, Uint8Array> = {};
  for (const entry of await reader.getEntries()) if (!entry.directory) files[entry.filename] = await entry.getData(new Uint8ArrayWriter());
  await reader.close();
  const manifest = JSON.parse(strFromU8(files['case.json']!)) as { entries: Record<string, { sha256: string; size: number }>; logs: { path: string; rows: number }[] };
  // The largest log: the generated one.
  const path = [...manifest.logs].sort((a, b) => b.rows - a.rows)[0]!.path;
  const dir = await mkdtemp(join(tmpdir(), 'tamper-'));
  await writeFile(join(dir, 'in.parquet'), files[path]!);
  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  await duck.run(`CREATE VIEW rows AS SELECT * FROM read_parquet('${join(dir, 'in.parquet')}', file_row_number = true)`);
  await duck.run(`COPY (${select}) TO '${join(dir, 'out.parquet')}' (FORMAT parquet)`);
  duck.closeSync();
  const changed = new Uint8Array(await readFile(join(dir, 'out.parquet')));
  if (options.digest) manifest.entries[path] = { sha256: createHash('sha256').update(changed).digest('hex'), size: changed.length };
  // Every log's Parquet entry stays stored, as the app writes it; the rest compressed.
  const zipped: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = Object.fromEntries(Object.entries({ ...files, [path]: changed, 'case.json': strToU8(JSON.stringify(manifest)) }).map(([name, bytes]) => [name, name.endsWith('.parquet') ? [bytes, { level: 0 }] : bytes]));
  return zipSync(zipped);
}

/** Every column of the entry but its row number, with one column's value replaced in the row at `row` (from 1). */
export const replaced = (row: number, column: string, value: string) => `SELECT * EXCLUDE (file_row_number) REPLACE (CASE WHEN file_row_number = ${row - 1} THEN ${value} ELSE CAST(${column} AS VARCHAR) END AS ${column}) FROM rows ORDER BY file_row_number`;

