import assert from 'node:assert/strict';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { cli } from '../run-cli';
import { launchApp, openArchive, type AppUnderTest } from './harness';

let app: AppUnderTest;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app.close();
});

test('a reviewer opens the case for review: nothing can be edited, items are marked, and a sign-off is signed with their identity', async () => {
  const { page, bridge } = app;
  await page.getByRole('button', { name: 'Open the demo case' }).click();
  await page.getByRole('heading', { name: 'Northwind AI v. Lumen Labs' }).waitFor();
  await page.getByRole('button', { name: 'Bundles', exact: true }).click();
  await page.getByRole('button', { name: 'New identity…' }).click();
  const dialog = page.getByRole('dialog', { name: 'New signing identity' });
  await dialog.getByLabel('Name of the signer').fill('R. Okafor');
  await dialog.getByLabel('Organisation').fill('Northwind AI');
  await dialog.getByLabel('Passphrase (at least 8 characters)').fill('reviewer passphrase');
  await dialog.getByRole('button', { name: 'Create identity' }).click();
  await page.getByRole('cell', { name: /R\. Okafor/ }).waitFor();
  // The reviewer works with the identity: each change records its fingerprint beside their name.
  await page.locator('button.actor').click();
  const you = page.getByRole('dialog', { name: 'Your name' });
  await you.getByLabel('Signing identity recorded with each change').locator('option', { hasText: 'R. Okafor' }).waitFor({ state: 'attached' });
  await you.getByLabel('Name recorded in the case history').fill('R. Okafor');
  await you.getByLabel('Signing identity recorded with each change').selectOption({ index: 1 });
  await you.getByRole('button', { name: 'Save' }).click();

  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await page.getByRole('button', { name: 'Open for review' }).click();
  await page.getByTestId('review-mode').waitFor();
  assert.ok(await page.getByRole('button', { name: 'Edit details…' }).isDisabled());
  await page.locator('h2#review-heading').click();
  await page.keyboard.press('Control+z');
  await page.getByRole('alert').filter({ hasText: 'Not undone: This case is open for review: it can be marked and signed off, but nothing in it can be edited.' }).waitFor();
  const total = await page.locator('table[aria-label="Review items"] tbody tr').count();
  assert.match(await page.getByTestId('review-counts').innerText(), new RegExp(`^${total} of ${total} still unreviewed`));

  const claimRow = page.locator('table[aria-label="Review items"] tbody tr', { hasText: 'Claim: ' }).first();
  await claimRow.getByRole('button', { name: 'Approve' }).click();
  await page.locator('table[aria-label="Review items"] tbody tr[data-state="approved"]').first().waitFor();
  const linkRow = page.locator('table[aria-label="Review items"] tbody tr', { hasText: 'Link: ' }).first();
  await linkRow.getByRole('button', { name: 'Question…' }).click();
  await linkRow.getByLabel('What is in doubt').fill('Which rows show the spoofed key?');
  await linkRow.getByRole('button', { name: 'Save question' }).click();
  await page.locator('table[aria-label="Review items"] tbody tr[data-state="questioned"]', { hasText: 'Which rows show the spoofed key?' }).waitFor();
  assert.match(await page.getByTestId('review-counts').innerText(), new RegExp(`^${total - 2} of ${total} still unreviewed: 1 approved, 1 questioned, ${total - 2} unreviewed`));

  const signOff = page.getByRole('form', { name: 'Sign off' });
  await signOff.getByLabel('Signed by').locator('option', { hasText: 'R. Okafor, Northwind AI' }).waitFor({ state: 'attached' });
  await signOff.getByLabel('Passphrase').fill('reviewer passphrase');
  bridge.dialogs.confirmAnswers.push(true);
  await signOff.getByRole('button', { name: 'Sign off' }).click();
  const signed = page.getByRole('list', { name: 'Sign-offs' }).getByText(/R\. Okafor signed off the case at event #\d+ \(1 approved, 1 questioned, \d+ unreviewed\): signed by R\. Okafor, certificate SHA-256 [0-9A-F:]{95}; no change to the case since/);
  await signed.waitFor({ timeout: 30_000 });
  const asked = bridge.dialogs.requests.filter((r) => r.kind === 'confirm').at(-1)!;
  assert.equal(asked.message, 'Sign off the case “Northwind AI v. Lumen Labs” as R. Okafor, Northwind AI?');
  await app.snap('review-section');

  await page.getByRole('button', { name: /^History/ }).click();
  await page.locator('.history-table tbody tr', { hasText: 'Marked in review' }).first().getByText(/^R\. Okafor \([0-9A-F]{2}:[0-9A-F]{2}:[0-9A-F]{2}:[0-9A-F]{2}…\)$/).waitFor();
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await page.getByRole('button', { name: 'Leave review mode' }).first().click();
  await page.getByTestId('review-mode').waitFor({ state: 'detached' });
});

test('an archive of a case already here is merged: a record changed in both copies is chosen side by side, and the history records the merge', async () => {
  const { page, dir } = app;
  const archive = join(dir, 'partner.evcase');
  copyFileSync('fixtures/demo.evcase', archive);
  assert.equal((await cli('markers', archive, '--add', '--kind', 'phrase', '--label', 'Partner phrase', '--pattern', 'happy to help')).code, 0);
  assert.equal((await cli('edit', archive, '--title', 'Northwind v. Lumen (partner)', '--actor', 'partner')).code, 0);

  await page.getByRole('button', { name: 'Edit details…' }).click();
  const form = page.getByRole('dialog', { name: 'Case details' });
  await form.getByLabel('Title').fill('Northwind v. Lumen (counsel)');
  await form.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { name: 'Northwind v. Lumen (counsel)' }).waitFor();
  // The notice after the change undoes it; Ctrl+Shift+Z brings it back.
  await page.getByRole('status').filter({ hasText: 'Case renamed: Northwind v. Lumen (counsel).' }).getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('heading', { name: 'Northwind AI v. Lumen Labs' }).waitFor();
  await page.locator('h1').click();
  await page.keyboard.press('Control+Shift+z');
  await page.getByRole('heading', { name: 'Northwind v. Lumen (counsel)' }).waitFor();

  await openArchive(app, archive);
  await page.getByRole('dialog', { name: 'This case is already on this computer' }).getByRole('button', { name: 'Merge' }).click();
  const choose = page.getByRole('dialog', { name: 'Choose between the two copies (1)' });
  await choose.getByText('title: “Northwind v. Lumen (partner)”').waitFor();
  assert.ok(await choose.getByRole('button', { name: 'Choose 1 more' }).isDisabled(), 'nothing is taken by default');
  await app.snap('merge-conflicts');
  await choose.getByRole('radio').nth(1).check();
  await choose.getByRole('button', { name: 'Merge' }).click();
  await page.getByRole('status').filter({ hasText: /^Merged: \d+ change\(s\) made here and 2 from partner\.evcase, 1 chosen by hand, recorded as event #\d+\./ }).waitFor({ timeout: 60_000 });
  await page.getByRole('heading', { name: 'Northwind v. Lumen (partner)' }).waitFor();

  await page.getByRole('button', { name: /^History/ }).click();
  await page.locator('.history-table tbody tr', { hasText: 'Copies merged' }).first().waitFor();
  await page.getByTestId('records-status').filter({ hasText: /^Records: \d+ records, each as its history recorded it/ }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Review', exact: true }).click();
  await page.getByRole('list', { name: 'Sign-offs' }).getByText(/R\. Okafor signed off the case .*signed by R\. Okafor.*; 6 change\(s\) to the case since/).waitFor();
});
