import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { matchPrompts } from '../../shared/analysis/prompt-matching';
import { sha256Hex } from '../../shared/hash';
import { logRowColumns } from '../../shared/warehouse/harvest-sql';
import { withCaseFile, withCaseLogs } from '../../cli/case-file';
import { cli } from '../run-cli';
import { appendRecords, logRowsColumns } from '../duckdb-rows';

test('query-pack writes the demo case’s pack; DuckDB reads its prompts CSV and runs its files as written, finding the rows the app matches', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pack-'));
  const pack = join(dir, 'pack');
  const made = await cli('query-pack', 'fixtures/demo.evcase', '--out', pack, '--link-columns', 'device_id');
  assert.equal(made.code, 0, made.err);
  assert.match(made.out, /Wrote a query pack of 27 files to .*: 219 case prompts/);

  const manifest = JSON.parse(readFileSync(join(pack, 'pack.json'), 'utf8')) as { files: { path: string; sha256: string }[]; case: { historyHead: string } };
  assert.equal(manifest.files.length, 26);
  for (const f of manifest.files) assert.equal(sha256Hex(readFileSync(join(pack, f.path), 'utf8')), f.sha256, f.path);
  assert.match(readFileSync(join(pack, 'duckdb', 'shared_values.sql'), 'utf8'), /"device_id" AS value/);

  const duck = await (await DuckDBInstance.create(':memory:')).connect();
  try {
    // DuckDB's own CSV reader, not ours, reads the prompts back: every prompt and hash as written.
    await duck.run(`CREATE TABLE case_prompts AS SELECT * FROM read_csv('${join(pack, 'case_prompts.csv')}', header = true, all_varchar = true)`);
    const { pairs, matched } = await withCaseFile('fixtures/demo.evcase', async (file) => {
      await duck.run(`CREATE TABLE log_rows (${logRowsColumns(['device_id'])})`);
      for await (const batch of file.logBatches()) await appendRecords(duck, 'log_rows', batch.map((row) => ({ ...logRowColumns(row), device_id: null })));
      return { pairs: file.data.outputPairs, matched: await withCaseLogs(file, (logs) => matchPrompts(file.data.outputPairs, logs.chunks, { methods: ['exact', 'hash'], nearThreshold: 0.7, templateMinWords: 5 })) };
    });
    const prompts = (await duck.runAndReadAll('SELECT pair_id, prompt, sha256 FROM case_prompts ORDER BY pair_id')).getRowObjectsJson();
    assert.deepEqual(prompts.map((p) => [p.pair_id, p.prompt, p.sha256]), pairs.map((p) => [p.id, p.prompt, sha256Hex(p.prompt)]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)));

    const sql = readFileSync(join(pack, 'duckdb', 'prompt_matches.sql'), 'utf8');
    const found = (await duck.runAndReadAll(sql.replace(/;\s*$/, ''))).getRowObjectsJson().map((r) => `${String(r.pair_id)} ${String(r.method)} ${String(r.source)}:${String(r.line)}`).sort();
    const expected = matched.matches.flatMap((m) => m.rows.map((r) => `${m.pairId} ${r.method} ${r.ref.sourceId}:${r.ref.line}`)).sort();
    assert.ok(expected.length > 50, `${expected.length} rows matched`);
    assert.deepEqual(found, expected);
  } finally {
    duck.closeSync();
  }

  writeFileSync(join(dir, 'pack', 'note.txt'), 'x');
  const again = await cli('query-pack', 'fixtures/demo.evcase', '--out', pack);
  assert.equal(again.code, 1);
  assert.match(again.err, /is not empty; a query pack is written into a new or empty folder/);
  assert.equal((await cli('query-pack', 'fixtures/demo.evcase', '--out', join(dir, 'x'), '--link-columns', 'a;drop')).code, 2);
});
