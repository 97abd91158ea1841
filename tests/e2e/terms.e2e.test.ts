import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { DOCUMENT, otaRepository } from '../ota-repository';
import { dropFiles, launchApp, type AppUnderTest } from './harness';

let app: AppUnderTest;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app.close();
});

const real = (name: string) => ({ name, bytes: readFileSync(`fixtures/tos-real/${name}`) });

test('counsel sees the clause outline of real terms before importing, imports an Open Terms Archive history, and reads a redline that sets formatting apart', async () => {
  const { page, bridge } = app;
  await page.getByRole('button', { name: 'New case' }).first().click();
  await page.locator('input[name=title]').fill('Northwind AI v. Lumen Labs');
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.getByRole('heading', { name: 'No evidence imported' }).waitFor();

  // Dropped terms show the outline they will be stored as, citations and all.
  await dropFiles(page, [real('qwen-chat-terms-of-service_2026-05-19.md')]);
  const dialog = page.getByRole('dialog', { name: 'Import evidence' });
  const outline = dialog.getByRole('table', { name: 'Clause outline' });
  await outline.waitFor();
  assert.match(await dialog.locator('.terms-outline').innerText(), /Read as Markdown: 165 clauses, 159 numbered by the document/);
  const citations = await outline.locator('tbody td.mono').allInnerTexts();
  assert.ok(citations.includes('I.1') && citations.includes('II.1(c)') && citations.includes('I.2(c)(ii)'), citations.slice(0, 20).join(' '));
  assert.equal(await dialog.getByLabel('Effective date of qwen-chat-terms-of-service_2026-05-19.md').inputValue(), '2026-05-19');
  await app.snap('20-terms-outline');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByText('Imported 1 Terms version with 165 clauses').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();

  // Every recorded version of a document, from a versions repository, in one go.
  const { dir, commits } = await otaRepository();
  await page.getByRole('button', { name: 'Import terms history…' }).click();
  const history = page.getByRole('dialog', { name: 'Import terms history' });
  await history.getByLabel('Versions from').selectOption('ota');
  bridge.dialogs.folderAnswers.push(dir);
  await history.getByRole('button', { name: 'Choose folder…' }).click();
  await history.getByLabel('Document', { exact: true }).selectOption(DOCUMENT);
  await history.getByLabel('Document title').fill('ChatGPT Terms of Use');
  await history.getByRole('button', { name: 'Read versions' }).click();
  const versions = history.getByRole('table', { name: 'Recorded versions' });
  await versions.waitFor();
  assert.deepEqual(await versions.locator('tbody td:first-child').allInnerTexts(), ['2025-11-11', '2025-12-17', '2026-01-16']);
  assert.match(await versions.locator('tbody tr').nth(2).innerText(), new RegExp(`ChatGPT/Terms of Service\\.md @ ${commits[3]!.slice(0, 10)}`));
  await history.getByRole('note').filter({ hasText: '2026-01-16 has more than one recorded version' }).waitFor();
  await versions.getByRole('button', { name: 'Outline' }).nth(2).click();
  await history.getByRole('table', { name: 'Clause outline' }).getByText('Using our Services › What you cannot do').waitFor();
  await app.snap('21-terms-history');
  await history.getByRole('button', { name: 'Import 3 versions' }).click();
  await history.getByText(/^Imported 3 Terms versions with [\d,]+ clauses/).waitFor();
  await history.getByRole('button', { name: 'Done' }).click();
  assert.equal(await page.locator('.sources-table tbody tr').count(), 4);

  // A folder that is not a repository is refused by name, and nothing changes.
  await page.getByRole('button', { name: 'Import terms history…' }).click();
  bridge.dialogs.folderAnswers.push(app.dir);
  await history.getByRole('button', { name: 'Choose folder…' }).click();
  assert.match(await history.getByRole('alert').innerText(), /is not a git repository/);
  await history.getByRole('button', { name: 'Cancel' }).click();

  // The redline: changes in words counted, formatting only listed apart.
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.getByLabel('Document', { exact: true }).selectOption({ label: 'ChatGPT Terms of Use' });
  await page.getByLabel('From version').selectOption({ label: '2025-12-17' });
  await page.getByLabel('To version').selectOption({ label: '2026-01-16' });
  const formatting = page.locator('.formatting-only summary');
  await formatting.waitFor();
  assert.match(await formatting.innerText(), /^\d+ clauses changed in formatting only/);
  assert.match(await page.locator('.redline p.muted.small').first().innerText(), /clauses differ: .*; \d+ more differ in formatting only \(listed below, not counted\)/);
  assert.equal(await page.locator('.split-warning').count(), 0);
  await app.snap('22-redline-formatting');
});

test('a redline between versions split differently warns, shows both outlines, and is saved as a finding only once confirmed', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'Evidence', exact: true }).click();
  await dropFiles(page, [real('le-chat-commercial-terms_2025-11-11.md'), real('le-chat-commercial-terms_2026-05-28.md')]);
  const dialog = page.getByRole('dialog', { name: 'Import evidence' });
  for (const name of ['le-chat-commercial-terms_2025-11-11.md', 'le-chat-commercial-terms_2026-05-28.md']) await dialog.getByLabel(`Title of ${name}`).fill('Le Chat Terms');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByText(/^Imported 1 Terms version with [\d,]+ clauses/).nth(1).waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.getByLabel('Document', { exact: true }).selectOption({ label: 'Le Chat Terms' });
  const warning = page.locator('.split-warning');
  await warning.waitFor();
  assert.match(await warning.innerText(), /may have been split into clauses differently: \d+% of the earlier version’s clauses are removed/);
  assert.match(await warning.getByLabel('Outline: Version of 2025-11-11').innerText(), /54 clauses/);
  assert.match(await warning.getByLabel('Outline: Version of 2026-05-28').innerText(), /193 clauses/);
  const save = page.getByRole('button', { name: 'Save redline as finding' });
  assert.equal(await save.isDisabled(), true);
  await app.snap('23-redline-split-warning');
  await warning.getByLabel('I compared both outlines; the redline may be saved as a finding').check();
  await save.click();
  await page.locator('.findings-table tbody tr', { hasText: 'Le Chat Terms: version of 2025-11-11 against 2026-05-28' }).waitFor();
});

test('terms published as PDF are read in the app: the outline gives each clause its page, and the import keeps them', async () => {
  const { page } = app;
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = [
    ['API Terms', '1. Acceptance', 'By using the API you accept these Terms.'],
    ['2. Restrictions', 'You may not use Output to develop models that compete with us.', '2.1 No automated extraction.'],
  ];
  for (const lines of pages) {
    const p = doc.addPage([595, 842]);
    lines.forEach((line, i) => p.drawText(line, { x: 50, y: 780 - i * 16, size: i === 0 && line === 'API Terms' ? 18 : 11, font }));
  }
  await page.getByRole('button', { name: 'Evidence', exact: true }).click();
  await dropFiles(page, [{ name: 'api-terms_2026-02-01.pdf', bytes: Buffer.from(await doc.save()) }]);
  const dialog = page.getByRole('dialog', { name: 'Import evidence' });
  const outline = dialog.getByRole('table', { name: 'Clause outline' });
  await outline.waitFor();
  assert.match(await dialog.locator('.terms-outline').innerText(), /Read as PDF \(text extracted\)/);
  assert.deepEqual(await outline.locator('thead th').allInnerTexts(), ['CITATION', 'PAGE', 'HEADING', 'TEXT']);
  const rows = await outline.locator('tbody tr').allInnerTexts();
  assert.ok(rows.some((r) => /^2\.1\s+2\s/.test(r)), rows.join(' | '));
  await dialog.getByLabel('Title of api-terms_2026-02-01.pdf').fill('API Terms (PDF)');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByText(/Imported 1 Terms version with \d+ clauses/).waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
});
