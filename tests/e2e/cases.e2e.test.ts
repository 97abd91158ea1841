import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { readCaseArchive } from '../../shared/archive/case-archive';
import { launchApp, type AppUnderTest } from './harness';

let app: AppUnderTest;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app.close();
});

async function historyRows(): Promise<string[]> {
  await app.page.getByRole('button', { name: /^History/ }).click();
  await app.page.getByTestId('audit-status').waitFor();
  return app.page.locator('.history-table tbody tr').allInnerTexts();
}

test('create, list, reload, rename, save an archive, delete, and open it again', async () => {
  const { page } = app;
  await page.getByRole('heading', { name: 'No cases yet' }).waitFor();
  await app.snap('01-empty-case-list');

  await page.getByRole('button', { name: 'New case' }).first().click();
  const form = page.getByRole('dialog', { name: 'New case' });
  await form.getByRole('button', { name: 'Create case' }).click();
  await assert.doesNotReject(form.getByText('Title is required').waitFor());
  await form.locator('input[name=batesPrefix]').fill('nwa 1');
  await form.locator('input[name=title]').fill('Northwind AI v. Lumen Labs');
  await form.getByRole('button', { name: 'Create case' }).click();
  await form.getByText(/Bates prefix must be/).waitFor();
  await form.locator('input[name=batesPrefix]').fill('NWA');
  await form.locator('input[name=matterNumber]').fill('2026-CV-0142');
  await form.locator('textarea[name=parties]').fill('Northwind AI, Inc. v. Lumen Labs Ltd.');
  await app.snap('02-new-case-form');
  await form.getByRole('button', { name: 'Create case' }).click();

  await page.getByRole('heading', { name: 'Northwind AI v. Lumen Labs' }).waitFor();
  await app.snap('03-workspace-evidence');
  await page.getByRole('button', { name: 'Cases' }).click();
  await page.getByRole('button', { name: 'Northwind AI v. Lumen Labs' }).waitFor();

  await page.reload();
  await page.getByRole('button', { name: 'Northwind AI v. Lumen Labs' }).waitFor();
  await app.snap('04-case-list');

  await page.getByRole('button', { name: 'Rename…' }).click();
  const details = page.getByRole('dialog', { name: 'Case details' });
  await details.locator('input[name=title]').fill('Northwind AI v. Lumen Labs (distillation)');
  await details.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('button', { name: 'Northwind AI v. Lumen Labs (distillation)' }).click();

  const before = await historyRows();
  assert.equal(before.length, 2);
  assert.match(before[0]!, /case\.created/);
  assert.match(before[1]!, /case\.renamed/);
  assert.match(await page.getByTestId('audit-status').innerText(), /Audit chain verified: 2 events/);
  await app.snap('05-history');

  const archivePath = join(app.dir, 'northwind.evcase');
  app.bridge.dialogs.saveAnswers.push(archivePath);
  await page.keyboard.press('Control+s');
  await page.getByText(`Case archive saved to ${archivePath}`).waitFor();
  const archived = (await readCaseArchive(new Uint8Array(await readFile(archivePath)), 'northwind.evcase'));
  assert.equal(archived.case.title, 'Northwind AI v. Lumen Labs (distillation)');
  assert.equal(archived.case.batesPrefix, 'NWA');
  assert.equal(archived.audit.length, 2);

  await page.getByRole('button', { name: 'Cases' }).click();
  await page.getByRole('button', { name: 'Delete…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete case' });
  await confirm.getByText('Delete the case “Northwind AI v. Lumen Labs (distillation)” (matter 2026-CV-0142)').waitFor();
  await app.snap('06-delete-confirmation');
  await confirm.getByRole('button', { name: 'Delete “Northwind AI v. Lumen Labs (distillation)”' }).click();
  await page.getByRole('heading', { name: 'No cases yet' }).waitFor();

  app.bridge.dialogs.openAnswers.push([archivePath]);
  await page.getByRole('button', { name: 'Open case archive…' }).first().click();
  await page.getByRole('heading', { name: 'Northwind AI v. Lumen Labs (distillation)' }).waitFor();
  assert.deepEqual(await historyRows(), before);
  await page.getByRole('button', { name: 'Cases' }).click();
  await page.getByRole('button', { name: 'Northwind AI v. Lumen Labs (distillation)' }).waitFor();
  assert.equal(await page.locator('.case-table tbody tr').count(), 1);
});

test('a damaged archive is refused with the reason and nothing is added', async () => {
  const { page } = app;
  const bad = join(app.dir, 'not-a-case.evcase');
  await (await import('node:fs/promises')).writeFile(bad, 'this is a text file, not a zip');
  await page.locator('.case-table tbody tr').first().waitFor();
  const casesBefore = await page.locator('.case-table tbody tr').count();
  app.bridge.dialogs.openAnswers.push([bad]);
  await page.keyboard.press('Control+o');
  await page.getByRole('alert').filter({ hasText: 'Archive refused: not-a-case.evcase is not a case archive: it is not a zip file' }).waitFor();
  await app.snap('07-archive-refused');
  assert.equal(await page.locator('.case-table tbody tr').count(), casesBefore);
});
