import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { cli } from '../run-cli';

test('init writes an empty case archive that info reads and verifies', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cli-'));
  const file = join(dir, 'case.evcase');
  const init = await cli('init', file, '--title', 'Northwind v. Lumen', '--bates-prefix', 'NWA', '--actor', 'counsel');
  assert.equal(init.code, 0, init.err);
  const info = await cli('info', file, '--json');
  assert.equal(info.code, 0, info.err);
  const summary = JSON.parse(info.out);
  assert.equal(summary.title, 'Northwind v. Lumen');
  assert.equal(summary.batesPrefix, 'NWA');
  assert.deepEqual(summary.counts, { sources: 0, logEntries: 0, outputPairs: 0, tosVersions: 0, claims: 0, links: 0, annotations: 0 });
  assert.deepEqual({ events: summary.audit.events, verified: summary.audit.verified }, { events: 1, verified: true });
  const text = await cli('info', file);
  assert.match(text.out, /Audit trail: 1 events, verified/);
});

test('init refuses to overwrite an existing file and leaves it as it was', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cli-'));
  const file = join(dir, 'case.evcase');
  await writeFile(file, 'precious');
  const result = await cli('init', file, '--title', 'X');
  assert.equal(result.code, 1);
  assert.match(result.err, /already exists/);
  assert.equal(await readFile(file, 'utf8'), 'precious');
  assert.deepEqual(await readdir(dir), ['case.evcase']);
});

test('usage errors exit 2 and name what is wrong', async () => {
  assert.equal((await cli()).code, 2);
  assert.equal((await cli('frobnicate')).code, 2);
  const noTitle = await cli('init', '/tmp/x.evcase');
  assert.deepEqual([noTitle.code, /needs --title/.test(noTitle.err)], [2, true]);
  const badPrefix = await cli('init', '/tmp/x.evcase', '--title', 'X', '--bates-prefix', 'lower');
  assert.deepEqual([badPrefix.code, /Bates prefix must be/.test(badPrefix.err)], [2, true]);
  assert.equal((await cli('info', '--bogus')).code, 2);
});

test('info refuses a damaged or tampered archive with exit 1 and the reason', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cli-'));
  const file = join(dir, 'case.evcase');
  await cli('init', file, '--title', 'Original title');
  const files = unzipSync(new Uint8Array(await readFile(file)));
  files['audit.jsonl'] = strToU8(strFromU8(files['audit.jsonl']!).replace('Original title', 'Forged title'));
  await writeFile(join(dir, 'tampered.evcase'), zipSync(files));
  const tampered = await cli('info', join(dir, 'tampered.evcase'), '--json');
  assert.equal(tampered.code, 1);
  assert.match(tampered.err, /tampered\.evcase: the audit history does not verify: event #1 \(case\.created\) was edited/);
  const missing = await cli('info', join(dir, 'nope.evcase'));
  assert.deepEqual([missing.code, missing.err], [1, `Cannot read ${join(dir, 'nope.evcase')}: no such file`]);
});
