import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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

test('counsel creates an identity, exports a signed bundle of the demo case, and verifies it; cancelling writes nothing', async () => {
  const { page, bridge, dir } = app;
  await page.getByRole('button', { name: 'Open the demo case' }).click();
  await page.getByRole('heading', { name: 'Northwind AI v. Lumen Labs' }).waitFor();
  await page.getByRole('button', { name: 'Bundles', exact: true }).click();
  await page.getByRole('heading', { name: 'No bundles exported' }).waitFor();

  await page.getByRole('button', { name: 'New identity…' }).click();
  let dialog = page.getByRole('dialog', { name: 'New signing identity' });
  await dialog.getByLabel('Name of the signer').fill('M. Alvarez');
  await dialog.getByLabel('Organisation').fill('Northwind AI');
  await dialog.getByLabel('Email').fill('malvarez@example.com');
  await dialog.getByLabel('Passphrase (at least 8 characters)').fill('short');
  await dialog.getByRole('button', { name: 'Create identity' }).click();
  await dialog.getByRole('alert').filter({ hasText: 'Passphrase: use at least 8 characters' }).waitFor();
  await dialog.getByLabel('Passphrase (at least 8 characters)').fill('correct horse battery');
  await dialog.getByRole('button', { name: 'Create identity' }).click();
  await page.getByRole('cell', { name: /M\. Alvarez/ }).waitFor();
  assert.match(await page.locator('.identities').innerText(), /passphrase asked at signing/);

  // Cancel while building: no save dialog, no file, nothing recorded.
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  dialog = page.getByRole('dialog', { name: 'Export evidence bundle' });
  await dialog.getByText('20 exhibits').waitFor();
  // Counsel puts the log rows first and gives them a title of their own; the chart cites the new numbers.
  const rowsTitle = await dialog.getByLabel('Title of exhibit 2', { exact: true }).inputValue();
  assert.match(rowsTitle, /^25 rows of api-gateway-2026Q1\.jsonl/);
  await dialog.getByRole('button', { name: 'Move exhibit 2 up', exact: true }).click();
  assert.equal(await dialog.getByLabel('Title of exhibit 1', { exact: true }).inputValue(), rowsTitle);
  await dialog.getByLabel('Title of exhibit 1', { exact: true }).fill('Requests of the linked accounts, first quarter of 2026');
  // The page count shown is the layout's own: the saved bundle has exactly as many pages (checked below).
  await dialog.getByTestId('bundle-pages').waitFor({ timeout: 60_000 });
  await app.snap('bundle-export-arranged');
  assert.equal(await dialog.locator('.exhibit-list tbody tr').count(), 20);
  await app.snap('bundle-export-dialog');
  await dialog.getByRole('button', { name: 'Build and save…' }).click();
  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  await page.getByText('Export cancelled; no file was written.').waitFor();
  assert.equal(bridge.dialogs.requests.some((r) => r.kind === 'save'), false);

  // A wrong passphrase is refused with the reason; the right one signs, and the save dialog writes the file.
  await dialog.getByLabel('Passphrase of the identity').fill('wrong passphrase');
  await dialog.getByRole('button', { name: 'Build and save…' }).click();
  await dialog.getByRole('alert').filter({ hasText: 'The bundle was not exported: The passphrase is wrong for the identity of M. Alvarez' }).waitFor();
  // Declined in the main process's own dialog: nothing is signed or saved.
  await dialog.getByLabel('Passphrase of the identity').fill('correct horse battery');
  bridge.dialogs.confirmAnswers.push(false);
  await dialog.getByRole('button', { name: 'Build and save…' }).click();
  await dialog.getByRole('alert').filter({ hasText: 'The bundle was not exported: Signing was declined; nothing was signed' }).waitFor();
  assert.equal(bridge.dialogs.requests.filter((r) => r.kind === 'save').length, 0);
  const file = join(dir, 'bundle.pdf');
  bridge.dialogs.saveAnswers.push(file);
  bridge.dialogs.confirmAnswers.push(true);
  await dialog.getByRole('button', { name: 'Build and save…' }).click();
  const counted = await dialog.getByTestId('bundle-pages').innerText();
  await page.getByText(new RegExp(`Saved .*bundle\\.pdf: ${counted}, NWA-000001 to NWA-0000\\d\\d, signed by M\\. Alvarez\\.`)).waitFor({ timeout: 60_000 });
  const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout;
  assert.match(text, /Exhibit 1: Requests of the linked accounts, first quarter of 2026\n/);
  assert.match(text, /Exhibit 2: API Terms of Service/);
  // The log-row exhibit: described, summed up, its first rows by field, the whole selection attached; no raw JSON line anywhere.
  const rowsExhibit = text.slice(text.indexOf('Exhibit 1: Requests of the linked accounts'), text.indexOf('EXHIBIT 2'));
  assert.match(rowsExhibit.replace(/\s+/g, ' '), /25 requests logged in api-gateway-2026Q1\.jsonl, sent by \d+ accounts? with \d+ API keys? from \d+ networks? \(\/24\)/);
  for (const part of ['By account', 'By API key', 'By /24 network', 'exhibit-1-rows.csv', 'exhibit-1-rows.jsonl']) assert.ok(rowsExhibit.includes(part), part);
  assert.doesNotMatch(text, /\{"/);
  assert.ok(text.includes('Appendix: glossary'));
  const sig = spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
  assert.match(sig, /Signature is Valid/);
  assert.match(sig, /Total document signed/);
  const row = page.locator('.bundles-table tbody tr');
  await row.first().waitFor();
  await app.snap('bundles-section');
  assert.match(await row.first().innerText(), /bundle\.pdf[\s\S]*M\. Alvarez/);

  // Verify bundle…: the one just made, a copy with one byte changed, and a file that is not a PDF.
  // First, required to be signed by the identity on this computer; a typed fingerprint that is not one is refused in the dialog.
  const chooseAndVerify = async (signer: { index?: number; typed?: string } = {}) => {
    await page.getByRole('button', { name: 'Verify bundle…' }).click();
    const ask = page.getByRole('dialog', { name: 'Verify bundle' });
    if (signer.index) await ask.getByLabel('Must be signed by').selectOption({ index: signer.index });
    if (signer.typed !== undefined) {
      await ask.getByLabel('Must be signed by').selectOption({ label: 'The certificate with this fingerprint…' });
      await ask.getByLabel('Certificate fingerprint (SHA-256)').fill(signer.typed);
    }
    await ask.getByRole('button', { name: 'Choose bundle…' }).click();
    return ask;
  };
  const notFingerprint = await chooseAndVerify({ typed: 'M. Alvarez' });
  await notFingerprint.getByText(/Certificate fingerprint: type or paste its 64 hex digits/).waitFor();
  await app.snap('verify-dialog');
  await notFingerprint.getByRole('button', { name: 'Cancel' }).click();
  bridge.dialogs.openAnswers.push([file]);
  await chooseAndVerify({ index: 1 });
  let report = page.getByRole('dialog', { name: 'Verification of bundle.pdf' });
  await report.getByText('Valid.', { exact: true }).waitFor();
  assert.match(await report.innerText(), /Signed by M\. Alvarez, Northwind AI[\s\S]*\(SHA-256 with RSA\)\.\s+Certificate SHA-256 [0-9A-F:]{95} \(the expected certificate\)[\s\S]*✓ Signature[\s\S]*✓ Covers the whole file[\s\S]*✓ Certificate chain: a self-signed certificate[\s\S]*✓ Originals: all 14 attached originals match[\s\S]*✓ Bates numbers: NWA-000001 to[\s\S]*✓ Case history: the case’s history holds the one the bundle was made from, unchanged/);
  assert.match(await report.getByTestId('pinned-status').innerText(), /This certificate \([0-9A-F:]{95}\) is not pinned/);
  await report.getByRole('button', { name: 'Pin this certificate for M. Alvarez' }).click();
  await report.getByTestId('pinned-status').getByText(/^This is the certificate you pinned for M\. Alvarez on \d{4}-\d\d-\d\d\./).waitFor();
  await app.snap('bundle-verified');
  await report.getByRole('button', { name: 'Unpin' }).click();
  await report.getByRole('button', { name: 'Close' }).click();

  const bytes = readFileSync(file);
  bytes[3000] = bytes[3000]! ^ 1;
  const tampered = join(dir, 'tampered.pdf');
  writeFileSync(tampered, bytes);
  bridge.dialogs.openAnswers.push([tampered]);
  await chooseAndVerify();
  report = page.getByRole('dialog', { name: 'Verification of tampered.pdf' });
  await report.getByText('Not valid.', { exact: true }).waitFor();
  assert.match(await report.innerText(), /the file was changed after it was signed/);
  await report.getByRole('button', { name: 'Close' }).click();

  bridge.dialogs.openAnswers.push(['README.md']);
  await chooseAndVerify();
  report = page.getByRole('dialog', { name: 'Verification of README.md' });
  await report.getByText(/README\.md is not a PDF file/).first().waitFor();
  await report.getByRole('button', { name: 'Close' }).click();

  // Cancelling at the save dialog writes nothing and records nothing.
  await page.getByRole('button', { name: 'Export bundle…' }).click();
  dialog = page.getByRole('dialog', { name: 'Export evidence bundle' });
  await dialog.getByLabel('Sign as').selectOption({ label: 'Unsigned (the cover says so)' });
  bridge.dialogs.saveAnswers.push(null);
  await dialog.getByRole('button', { name: 'Build and save…' }).click();
  await page.getByText('Export cancelled at the save dialog; no file was written.').waitFor({ timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort(), ['bundle.pdf', 'tampered.pdf']);

  await page.reload();
  await page.locator('.bundles-table tbody tr').first().waitFor();
  assert.equal(await page.locator('.bundles-table tbody tr').count(), 1, 'one bundle recorded');
  await page.getByRole('button', { name: /^History/ }).click();
  await page.locator('.history-table tbody tr', { hasText: 'Bundle exported' }).first().waitFor();
  assert.ok(existsSync(file));
});

test('counsel seals the case archive with the identity; opening it shows who sealed it', async () => {
  const { page, bridge, dir } = app;
  const archive = join(dir, 'sealed.evcase');
  await page.keyboard.press('Control+s');
  const ask = page.getByRole('dialog', { name: 'Save case archive' });
  // The identities are listed by the main process; once they are, the first is chosen.
  await ask.getByLabel('Seal with').locator('option', { hasText: 'M. Alvarez' }).waitFor({ state: 'attached' });
  assert.notEqual(await ask.getByLabel('Seal with').inputValue(), '', 'the identity is offered first');
  await ask.getByRole('button', { name: 'Choose file and save…' }).click();
  await ask.getByText('Passphrase: the identity of M. Alvarez needs its passphrase to seal').waitFor();
  await ask.getByLabel('Passphrase of the identity').fill('correct horse battery');
  await app.snap('archive-seal-dialog');
  bridge.dialogs.saveAnswers.push(archive);
  bridge.dialogs.confirmAnswers.push(true);
  await ask.getByRole('button', { name: 'Choose file and save…' }).click();
  await page.getByText(`Case archive saved to ${archive}, sealed.`).waitFor({ timeout: 60_000 });
  const asked = bridge.dialogs.requests.filter((r) => r.kind === 'confirm').at(-1)!;
  assert.equal(asked.message, 'Seal this case archive as M. Alvarez, Northwind AI?');
  assert.match(asked.detail!, /^Case “Northwind AI v\. Lumen Labs”, \d+ history events, last event SHA-256 [0-9a-f]{16}…/);
  assert.match((await cli('info', archive)).out, /Sealed by M\. Alvarez, Northwind AI at .*; unchanged since it was sealed\./);

  // A certificate pinned earlier for the same name: this seal's key is new to this computer.
  const otherKey = Array.from({ length: 32 }, () => 'AB').join(':');
  await page.evaluate((pin) => localStorage.setItem('evidence-desk.pinned-identities', JSON.stringify([pin])), { name: 'M. Alvarez', organisation: 'Northwind AI', fingerprint: otherKey, pinnedAt: '2026-11-02T09:00:00.000Z' });
  await page.reload();
  await page.locator('.brand').waitFor();

  // Required to be sealed by the pinned certificate: refused, naming the one it was sealed with, and nothing is stored.
  await openArchive(app, archive, otherKey);
  const refused = page.getByRole('alert').filter({ hasText: `Archive refused: sealed.evcase: sealed with the certificate` });
  await refused.waitFor({ timeout: 60_000 });
  assert.match(await refused.innerText(), new RegExp(`sealed with the certificate [0-9A-F:]{95} \\(M\\. Alvarez\\), not the expected ${otherKey}\\. Nothing was changed\\.`));
  await refused.getByRole('button', { name: 'Dismiss' }).click();

  await openArchive(app, archive);
  await page.getByRole('dialog', { name: 'This case is already on this computer' }).getByRole('button', { name: 'Replace' }).click();
  const opened = page.getByRole('alert').filter({ hasText: /Opened “Northwind AI v\. Lumen Labs” from the archive\. Read and checked: [\d,]+ log rows against the digests recorded at import, \d+ original files against their SHA-256, and every record against the history\. Sealed by M\. Alvarez, Northwind AI at .*, certificate SHA-256 [0-9A-F:]{95}; unchanged since it was sealed\./ });
  await opened.waitFor({ timeout: 60_000 });
  assert.match(await opened.innerText(), new RegExp(`Warning: you pinned ${otherKey} for “M\\. Alvarez”, but this certificate is [0-9A-F:]{95}\\. Anyone can make a key in any name`));
  await app.snap('archive-opened-new-key');
  await opened.getByRole('button', { name: 'Pin M. Alvarez’s certificate' }).click();

  await openArchive(app, archive);
  await page.getByRole('dialog', { name: 'This case is already on this computer' }).getByRole('button', { name: 'Replace' }).click();
  await page.getByRole('status').filter({ hasText: /This is the certificate you pinned for M\. Alvarez on \d{4}-\d\d-\d\d\./ }).waitFor({ timeout: 60_000 });
  await app.snap('archive-opened-sealed');
});
