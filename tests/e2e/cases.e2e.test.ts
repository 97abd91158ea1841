import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { readCaseArchive } from '../../shared/archive/archive-reader';
import { logText } from '../../bench/generated-log';
import { cli } from '../run-cli';
import { countLogRows, countRows, launchApp, openArchive, type AppUnderTest } from './harness';

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
  assert.match(before[0]!, /Case created/);
  assert.match(before[1]!, /Case renamed/);
  assert.match(await page.getByTestId('audit-status').innerText(), /Audit chain verified: 2 events/);
  await app.snap('05-history');

  // Every time says its zone: UTC by default, the reviewer's own (with its offset) when chosen, and back.
  assert.match(before[0]!, /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/);
  const utcTime = /(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC/.exec(before[0]!)![1]!;
  await page.getByLabel('Times in').selectOption('America/New_York');
  const local = (await historyRows())[0]!;
  const [, day, clock, offset] = /(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) (UTC−0[45]:00)/.exec(local)!;
  assert.equal(new Date(`${day}T${clock}${offset!.slice(3).replace('−', '-')}`).toISOString().slice(0, 19).replace('T', ' '), utcTime, 'the same moment, in the zone said');
  await page.getByLabel('Times in').selectOption('UTC');
  assert.deepEqual(await historyRows(), before);

  const archivePath = join(app.dir, 'northwind.evcase');
  app.bridge.dialogs.saveAnswers.push(archivePath);
  await page.keyboard.press('Control+s');
  await page.getByRole('dialog', { name: 'Save case archive' }).getByRole('button', { name: 'Choose file and save…' }).click();
  await page.getByText(`Case archive saved to ${archivePath}, not sealed.`).waitFor();
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
  await page.getByRole('dialog', { name: 'Open case archive' }).getByRole('button', { name: 'Choose archive…' }).click();
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
  await openArchive(app, bad);
  await page.getByRole('alert').filter({ hasText: 'Archive refused: not-a-case.evcase is not a case archive: it is not a zip file' }).waitFor();
  await app.snap('07-archive-refused');
  assert.equal(await page.locator('.case-table tbody tr').count(), casesBefore);
});

test('opening a large archive shows its progress; Cancel leaves nothing, and opening it again stores every row', async () => {
  const { page } = app;
  const archivePath = join(app.dir, 'large.evcase');
  const logPath = join(app.dir, 'large.jsonl');
  const rows = 150_000;
  await writeFile(logPath, logText(0, rows));
  assert.equal((await cli('init', archivePath, '--title', 'Large harvest log')).code, 0);
  const imported = await cli('import', archivePath, logPath, '--kind', 'log');
  assert.equal(imported.code, 0, imported.err);
  await page.getByRole('button', { name: 'Cases' }).click().catch(() => undefined);
  await page.locator('.case-table tbody tr').first().waitFor();
  const casesBefore = await page.locator('.case-table tbody tr').count();
  const rowsBefore = await countLogRows(app);

  await openArchive(app, archivePath);
  const progress = page.getByRole('dialog', { name: 'Opening the case archive' });
  await progress.getByText(/^Checking the log rows of large\.jsonl: [\d,]+ of 150,000$/).waitFor();
  await app.snap('08-archive-opening-progress');
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('alert').filter({ hasText: 'Opening the archive was cancelled. Nothing was changed.' }).waitFor();
  assert.equal(await page.locator('.case-table tbody tr').count(), casesBefore);
  assert.equal(await countLogRows(app), rowsBefore, 'the rows stored before Cancel are removed');
  assert.equal(await countRows(page, 'pendingImports'), 0);

  await openArchive(app, archivePath);
  await page.getByRole('heading', { name: 'Large harvest log' }).waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'large.jsonl' }).click();
  await page.getByText(/^Exact match on account.* 150,000 rows$/).waitFor();
});
