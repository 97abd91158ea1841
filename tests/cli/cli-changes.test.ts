import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { caseArchiveBytes } from '../../shared/archive/archive-writer';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { sha256Hex } from '../../shared/hash';
import { checkCaseBinding } from '../../shared/model/case-data';
import { madeBeforeBinding, makeCaseData } from '../builders';
import { cli } from '../run-cli';

// What the app's stores do, the CLI does through the same shared changes: case details, markers, removing a file.
const demoCopy = () => {
  const path = join(mkdtempSync(join(tmpdir(), 'changes-')), 'case.evcase');
  copyFileSync('fixtures/demo.evcase', path);
  return path;
};
const open = async (path: string) => readCaseArchive(new Uint8Array(readFileSync(path)), 'case.evcase');

test('edit changes a case’s details field by field in the history; a bad value is refused naming the field, and nothing changes', async () => {
  const path = demoCopy();
  const run = await cli('edit', path, '--parties', 'Northwind AI, Inc. v. Lumen Labs Ltd.', '--matter', 'NW-2026-0143', '--actor', 'partner');
  assert.deepEqual([run.code, run.out], [0, 'Saved: matterNumber, parties changed.']);
  const edited = await open(path);
  assert.deepEqual([edited.case.parties, edited.case.matterNumber], ['Northwind AI, Inc. v. Lumen Labs Ltd.', 'NW-2026-0143']);
  const event = edited.audit.at(-1)!;
  assert.deepEqual([event.action, event.actor, event.details.matterNumber], ['case.updated', 'partner', { from: 'NW-2026-0142', to: 'NW-2026-0143' }]);
  assert.deepEqual(checkCaseBinding(edited).problems, []);

  const before = readFileSync(path);
  const bad = await cli('edit', path, '--bates-prefix', 'NWA-');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /Bates prefix must be capital letters and digits/);
  assert.deepEqual(readFileSync(path), before);
  assert.equal((await cli('edit', path, '--matter', 'NW-2026-0143')).out, 'Nothing changed.');
});

test('markers lists, adds and removes a case’s markers; a pattern that is not a regular expression is refused', async () => {
  const path = demoCopy();
  const listed = await cli('markers', path);
  assert.equal(listed.code, 0);
  assert.equal(listed.out.split('\n').length, (await open(path)).markers.length);

  const added = await cli('markers', path, '--add', '--kind', 'phrase', '--label', 'House phrase', '--pattern', 'as a helpful assistant');
  assert.equal(added.code, 0, added.err);
  assert.match(added.out, /^Added “House phrase”\.\n/);
  const marker = (await open(path)).markers.find((m) => m.label === 'House phrase')!;
  assert.match(added.out, new RegExp(`${marker.id} {2}Characteristic phrase: House phrase {2}“as a helpful assistant”$`));

  const before = readFileSync(path);
  const bad = await cli('markers', path, '--add', '--kind', 'phrase', '--label', 'Broken', '--pattern', '(unclosed', '--regex');
  assert.equal(bad.code, 1);
  assert.match(bad.err, /^Refused: pattern: .*\. Nothing was changed\.$/);
  assert.deepEqual(readFileSync(path), before);
  assert.equal((await cli('markers', path, '--add', '--kind', 'hunch', '--label', 'x', '--pattern', 'x')).code, 2);

  assert.equal((await cli('markers', path, '--remove', marker.id)).code, 0);
  const after = await open(path);
  assert.ok(!after.markers.some((m) => m.id === marker.id));
  assert.deepEqual(after.audit.slice(-2).map((e) => e.action), ['marker.added', 'marker.removed']);
  assert.deepEqual(checkCaseBinding(after).problems, []);
});

test('markers --propose offers the case’s own names and makers, --add-proposed declares them, and --from-annotation makes a post hoc marker of an annotated phrase', async () => {
  const path = demoCopy();
  // The demo declared its proposals with its plan; with them removed, they are proposed again.
  const demo = await open(path);
  for (const m of demo.markers.filter((x) => /Atlas|Lumen|Northwind/.test(x.label))) assert.equal((await cli('markers', path, '--remove', m.id)).code, 0);
  const proposed = await cli('markers', path, '--propose');
  assert.equal(proposed.code, 0, proposed.err);
  assert.match(proposed.out, /^proposed {2}Self-identification as a model or its maker’s assistant: Claims to be Atlas {2}\/\\b\(I am\|I'm\|I’m\|my name is\) Atlas\\b\|我是\\s\*Atlas\/$/m);
  assert.match(proposed.out, /^proposed {2}Mention of a model or maker: Names Lumen Labs {2}“Lumen Labs”$/m);
  const added = await cli('markers', path, '--propose', '--add-proposed', '--actor', 'expert');
  assert.match(added.out, /Added 6 proposed markers\.$/);
  assert.equal((await cli('markers', path, '--propose')).out, 'No marker to propose: the list already holds the names and makers of this case.');

  const annotation = demo.annotations.find((a) => a.label === 'self-identification' && a.comment.startsWith('Lumen’s model names'))!;
  const made = await cli('markers', path, '--from-annotation', annotation.id, '--actor', 'expert');
  assert.equal(made.code, 0, made.err);
  assert.match(made.out, /^Added “I am Atlas, an AI assistant developed by Northwind AI” \(post hoc: made from an annotated phrase\)\./);
  const after = await open(path);
  assert.deepEqual([after.audit.at(-1)!.action, after.audit.at(-1)!.details.fromAnnotation, after.markers.at(-1)!.postHoc], ['marker.added', annotation.id, true]);
  assert.deepEqual(checkCaseBinding(after).problems, []);
  const before = readFileSync(path);
  const again = await cli('markers', path, '--from-annotation', annotation.id);
  assert.equal(again.code, 1);
  assert.match(again.err, /already counts these words\. Nothing was changed\.$/);
  assert.deepEqual(readFileSync(path), before);
});

test('remove-source removes a file, its original and its records, keeps the links as broken, and says so', async () => {
  const path = demoCopy();
  const before = await open(path);
  const log = before.sources.find((s) => s.fileName === 'api-gateway-2026Q1.jsonl')!;
  const run = await cli('remove-source', path, 'api-gateway-2026Q1.jsonl', '--actor', 'counsel');
  assert.equal(run.code, 0, run.err);
  assert.match(run.out, new RegExp(`^Removed api-gateway-2026Q1\\.jsonl \\(SHA-256 ${log.sha256}\\) and ${log.recordCount} log rows\\.\\nNow broken: \\d+ link\\(s\\) and \\d+ annotation\\(s\\), kept and shown as broken\\.`));
  const after = await open(path);
  assert.ok(!after.sources.some((s) => s.id === log.id));
  assert.equal(after.logEntries.length, before.logEntries.length - log.recordCount);
  assert.equal(after.originals.has(log.id), false);
  assert.equal(after.links.length, before.links.length, 'links are kept');
  assert.deepEqual(after.audit.at(-1)!.action, 'source.removed');
  assert.deepEqual(checkCaseBinding(after).problems, []);

  const terms = before.sources.find((s) => s.kind === 'tos')!;
  assert.equal((await cli('remove-source', path, terms.id)).code, 0);
  const fewer = await open(path);
  assert.ok(fewer.tosVersions.every((v) => v.sourceId !== terms.id));
  assert.ok(fewer.tosClauses.every((c) => fewer.tosVersions.some((v) => v.id === c.versionId)), 'its clauses went with it');
  assert.deepEqual(await cli('remove-source', path, 'no-such-file.jsonl'), { code: 1, out: '', err: 'Refused: no file named or with the id “no-such-file.jsonl” in this case. Nothing was removed.' });
});

test('the CLI binds a case from before binding, its logs hashed as stored, whatever form an older version wrote them in; info says which it is', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'bind-'));
  const path = join(dir, 'old.evcase');
  const data = makeCaseData({}, 2);
  const legacy = madeBeforeBinding(data);
  // Written as the app wrote logs then: each row's fields in the order they were stored, here reversed.
  const files = unzipSync(await caseArchiveBytes(legacy));
  const logPath = Object.keys(files).find((p) => p.startsWith('records/logEntries/'))!;
  files[logPath] = strToU8(strFromU8(files[logPath]!).split('\n').map((line) => JSON.stringify(Object.fromEntries(Object.entries(JSON.parse(line) as object).reverse()))).join('\n'));
  const manifest = JSON.parse(strFromU8(files['case.json']!)) as { entries: Record<string, { sha256: string; size: number }> };
  manifest.entries[logPath] = { sha256: sha256Hex(files[logPath]!), size: files[logPath]!.length };
  files['case.json'] = strToU8(JSON.stringify(manifest, null, 2));
  writeFileSync(path, zipSync(files));

  assert.match((await cli('info', path)).out, /^Records: records not bound: the case’s history began before records were bound to it$/m);
  const bound = await cli('bind', path, '--actor', 'counsel');
  assert.equal(bound.code, 0, bound.err);
  assert.match(bound.out, /^old\.evcase: \d+ records, each as its history recorded it \(records bound as found at event #\d+, not from import\)$/);
  const reopened = await readCaseArchive(new Uint8Array(readFileSync(path)), 'old.evcase');
  assert.deepEqual(checkCaseBinding(reopened).problems, []);
  assert.equal(reopened.sources[0]!.rowsSha256, data.sources[0]!.rowsSha256, 'the rows hash as the import would have hashed them');
  assert.deepEqual(reopened.logEntries, data.logEntries);
  assert.match((await cli('bind', path)).out, /^old\.evcase: already bound; /);
});

test('undo takes back the latest change as a new event, --redo brings it back, --event names one; a refusal says why and leaves the file as it was', async () => {
  const path = demoCopy();
  assert.equal((await cli('markers', path, '--add', '--kind', 'phrase', '--label', 'House phrase', '--pattern', 'as a helpful assistant')).code, 0);
  const added = (await open(path)).audit.at(-1)!.seq;
  const undone = await cli('undo', path, '--actor', 'reviewer');
  assert.deepEqual([undone.code, undone.out], [0, `Undo of event #${added}: Marker added — House phrase: recorded as event #${added + 1} (Change undone).`]);
  assert.ok(!(await open(path)).markers.some((m) => m.label === 'House phrase'));
  const redone = await cli('undo', path, '--redo');
  assert.equal(redone.out, `Redo of event #${added}: Marker added — House phrase: recorded as event #${added + 2} (Change undone).`);
  const after = await open(path);
  assert.ok(after.markers.some((m) => m.label === 'House phrase'));
  assert.deepEqual(checkCaseBinding(after).problems, []);
  assert.match((await cli('undo', path, '--redo')).err, /^Refused: there is nothing to redo\. Nothing was changed\.$/);

  const before = readFileSync(path);
  const claimed = after.audit.find((e) => e.action === 'claim.created')!;
  const refused = await cli('undo', path, '--event', String(claimed.seq));
  assert.equal(refused.code, 1);
  assert.match(refused.err, /^Refused: event #\d+ \(Claim added: .*\) (was recorded by an earlier version|cannot be undone: .*)\. Nothing was changed\.$/);
  assert.deepEqual(readFileSync(path), before);
  assert.equal((await cli('undo', path, '--event', 'x')).code, 2);
});
