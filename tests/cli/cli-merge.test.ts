import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { verifyAuditChain } from '../../shared/audit/audit-chain';
import { checkCaseBinding } from '../../shared/model/case-data';
import { cli } from '../run-cli';

const folder = () => mkdtempSync(join(tmpdir(), 'merge-'));
const open = async (path: string) => readCaseArchive(new Uint8Array(readFileSync(path)), 'case.evcase');

test('merge brings two copies’ work into a third file; a record changed in both is listed and needs --take; merging again only copies', async () => {
  const dir = folder();
  const [a, b, c, d] = ['a.evcase', 'b.evcase', 'c.evcase', 'd.evcase'].map((name) => join(dir, name)) as [string, string, string, string];
  copyFileSync('fixtures/demo.evcase', a);
  copyFileSync('fixtures/demo.evcase', b);
  assert.equal((await cli('markers', a, '--add', '--kind', 'phrase', '--label', 'House phrase', '--pattern', 'as a helpful assistant')).code, 0);
  assert.equal((await cli('edit', a, '--title', 'Northwind v. Lumen (counsel)', '--actor', 'counsel')).code, 0);
  assert.equal((await cli('markers', b, '--add', '--kind', 'phrase', '--label', 'Second phrase', '--pattern', 'happy to help')).code, 0);
  assert.equal((await cli('edit', b, '--title', 'Northwind v. Lumen (partner)', '--actor', 'partner')).code, 0);
  const [bytesA, bytesB] = [readFileSync(a), readFileSync(b)];

  const conflict = await cli('merge', a, b, '--out', c);
  assert.equal(conflict.code, 1);
  const caseId = (await open(a)).case.id;
  assert.match(conflict.err, /1 record\(s\) were changed differently in a\.evcase and b\.evcase; choose a side for each with --take <n>=a\|b/);
  assert.match(conflict.err, new RegExp(`  1\\. the case details \\(case/${caseId}\\)\\n     a \\(a\\.evcase\\): changed by counsel at .*\\(Case renamed, event #\\d+\\)\\n     b \\(b\\.evcase\\): changed by partner at .*\\n     title: a “Northwind v\\. Lumen \\(counsel\\)” · b “Northwind v\\. Lumen \\(partner\\)”`));
  assert.ok(!existsSync(c), 'nothing written until a choice is made');
  assert.equal((await cli('merge', a, b, '--out', c, '--take', '2=a')).code, 2, 'a conflict number not listed is a usage error');

  const merged = await cli('merge', a, b, '--out', c, '--take', '1=b', '--actor', 'reviewer');
  assert.equal(merged.code, 0, merged.err);
  assert.match(merged.out, /^Merged a\.evcase and b\.evcase into c\.evcase: 2 change\(s\) from a\.evcase, 2 from b\.evcase, 1 chosen by hand; the history ends with event #\d+ \(Copies merged\)\.$/);
  assert.deepEqual([readFileSync(a), readFileSync(b)], [bytesA, bytesB], 'the two copies are left as they were');
  const result = await open(c);
  assert.equal(result.case.title, 'Northwind v. Lumen (partner)');
  assert.deepEqual(result.markers.filter((m) => ['House phrase', 'Second phrase'].includes(m.label)).map((m) => m.label).sort(), ['House phrase', 'Second phrase']);
  assert.ok(verifyAuditChain(result.audit).verified);
  assert.deepEqual(checkCaseBinding(result).problems, [], 'records, log rows and originals as the history binds them');
  assert.equal(result.logEntries.length, (await open(a)).logEntries.length, 'the log rows, copied once');
  const info = await cli('info', c);
  assert.match(info.out, /verified/);

  const again = await cli('merge', c, a, '--out', d);
  assert.deepEqual([again.code, again.out], [0, 'c.evcase already holds every change of the other: nothing to merge; d.evcase is a copy of c.evcase.']);
  assert.deepEqual(readFileSync(d), readFileSync(c));
  const taken = await cli('merge', a, b, '--out', d, '--take', 'a');
  assert.match(taken.err, /d\.evcase already exists/);

  const undone = await cli('undo', c);
  assert.match(undone.out, /^Undo of event #\d+: Case renamed — Northwind v\. Lumen \(partner\)/, 'Undo passes over the merge to the latest change replayed');
  assert.equal((await cli('undo', c, '--event', String(result.audit.at(-1)!.seq))).err, `Refused: event #${result.audit.at(-1)!.seq} (Copies merged: Merged a.evcase and b.evcase: 2 change(s) from the first, 2 from the second, 1 chosen by hand) is a merge: it binds the records chosen between two copies and cannot be undone; keep working from the copy you had before it instead. Nothing was changed.`);
});

test('copies of two different cases are refused with the reason', async () => {
  const dir = folder();
  const other = join(dir, 'other.evcase');
  assert.equal((await cli('init', other, '--title', 'Another case')).code, 0);
  const run = await cli('merge', 'fixtures/demo.evcase', other, '--out', join(dir, 'x.evcase'));
  assert.equal(run.code, 1);
  assert.match(run.err, /demo\.evcase and other\.evcase are different cases .*only copies of one case merge/);
});
