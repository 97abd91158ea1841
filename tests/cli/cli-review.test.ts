import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { caseArchiveBytes } from '../../shared/archive/archive-writer';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { checkSignOffs } from '../../shared/audit/review';
import { nextAuditEvent } from '../../shared/audit/audit-chain';
import { createIdentity } from '../../node/signing';
import { cli } from '../run-cli';

const PASSPHRASE = 'a reviewer passphrase';
const open = async (path: string) => readCaseArchive(new Uint8Array(readFileSync(path)), 'case.evcase');

test('review marks items and lists what is unreviewed; sign-off signed with an identity verifies and names the reviewer', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'review-'));
  const path = join(dir, 'case.evcase');
  copyFileSync('fixtures/demo.evcase', path);
  const p12 = join(dir, 'reviewer.p12');
  writeFileSync(p12, createIdentity({ name: 'R. Okafor', organisation: 'Northwind AI' }, PASSPHRASE).p12);
  const data = await open(path);
  const [claim, link] = [data.claims[0]!, data.links[0]!];

  const approved = await cli('review', path, '--approve', `claims/${claim.id}`, '--actor', 'R. Okafor');
  assert.deepEqual([approved.code, approved.out], [0, `Approved: Claim: ${claim.title}: recorded as event #${data.audit.length + 1}.`]);
  const bare = await cli('review', path, '--question', link.id, '--actor', 'R. Okafor');
  assert.match(bare.err, /A question needs a note saying what is in doubt/);
  assert.equal((await cli('review', path, '--question', link.id, '--note', 'Which rows?', '--actor', 'R. Okafor')).code, 0);
  assert.match((await cli('review', path, '--approve', 'nosuchid')).err, /has no item nosuchid to review/);

  const listed = await cli('review', path);
  assert.match(listed.out, new RegExp(`^case\\.evcase: 1 approved, 1 questioned, \\d+ unreviewed`));
  assert.match(listed.out, new RegExp(`approved   claims/${claim.id}`));
  assert.match(listed.out, new RegExp(`questioned links/${link.id} .*— “Which rows\\?” \\(R\\. Okafor, `));

  process.env.EVIDENCE_P12_PASSPHRASE = PASSPHRASE;
  const signed = await cli('sign-off', path, '--p12', p12);
  assert.equal(signed.code, 0, signed.err);
  assert.match(signed.out, /^Recorded as event #\d+: R\. Okafor signed off the case at event #\d+ \(1 approved, 1 questioned, \d+ unreviewed\): signed by R\. Okafor, certificate SHA-256 [0-9A-F:]+; no change to the case since$/);
  const after = await open(path);
  const [check] = await checkSignOffs(after.audit);
  assert.deepEqual([check!.ok, check!.signer?.name, check!.statement.reviewer], [true, 'R. Okafor', 'R. Okafor']);

  // The bundle carries the sign-offs, checked as it is written.
  const pdf = join(dir, 'bundle.pdf');
  assert.equal((await cli('bundle', path, '--out', pdf)).code, 0);
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
  assert.match(text, /Review and sign-offs Review marks as the case stands: 1 approved, 1 questioned, \d+ unreviewed/);
  assert.match(text, /R\. Okafor signed off the case at event #\d+ \(1 approved, 1 questioned, \d+ unreviewed\): signed by R\. Okafor, certificate SHA-256 [0-9A-F:]+; no change to the case since\./);
  const bundleSignOff = await cli('sign-off', path, '--bundle', 'bundle.pdf', '--p12', p12);
  assert.match(bundleSignOff.out, /R\. Okafor signed off the bundle bundle\.pdf at event #\d+ .*signed by R\. Okafor/);

  // The statement altered after it was signed (and the history re-chained over it): the signature no longer holds.
  const forged = structuredClone(after);
  const index = forged.audit.findIndex((e) => e.action === 'review.signed-off');
  const event = forged.audit[index]!;
  const statement = { ...(event.details.statement as object), review: { approved: 99, reviewed: 0, questioned: 0, unreviewed: 0 } };
  forged.audit[index] = nextAuditEvent(event.caseId, forged.audit[index - 1], { ...event, details: { ...event.details, statement } }, new Date(event.at));
  const [bad] = await checkSignOffs(forged.audit);
  assert.equal(bad!.ok, false);
  assert.match(bad!.detail, /^the signature does not hold/);
  writeFileSync(join(dir, 'forged.evcase'), await caseArchiveBytes(forged));
  assert.match((await cli('review', join(dir, 'forged.evcase'))).out, /Sign-off, event #\d+: R\. Okafor signed off the case .*NOT VALID: the signature does not hold/);
});
