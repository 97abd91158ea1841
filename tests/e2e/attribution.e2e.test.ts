import assert from 'node:assert/strict';
import { undefinedTerms } from '../glossary-check';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { dropFiles, launchApp, type AppUnderTest } from './harness';

let app: AppUnderTest;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app.close();
});

const REFERENCES = ['open-llm-13b', 'orca-lite-7b', 'sparrow-chat-20b', 'kestrel-instruct-34b', 'meridian-8b'];

test('the expert records a plan before the answers arrive, imports a panel of models in any order, and reads the attribution', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'New case' }).first().click();
  await page.locator('input[name=title]').fill('Northwind AI v. Lumen Labs (panel)');
  await page.getByRole('button', { name: 'Create case' }).click();

  // The plan names every model before any file is imported.
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  const plan = page.getByRole('region', { name: 'Analysis plan' });
  for (const model of ['atlas-2-large', 'lumen-7b-instruct', ...REFERENCES, 'atlas-2-small', 'atlas-distill-1b']) {
    await plan.getByLabel('Model name').fill(model);
    await plan.getByRole('button', { name: 'Add model' }).click();
  }
  assert.equal(await plan.getByLabel('Role of atlas-2-large').inputValue(), 'original');
  assert.equal(await plan.getByLabel('Role of lumen-7b-instruct').inputValue(), 'suspect');
  await plan.getByLabel('Role of atlas-2-small').selectOption('related');
  await plan.getByLabel('Role of atlas-distill-1b').selectOption('known-derived');
  await plan.getByLabel('Release of atlas-2-large').fill('2025-04-08');
  await plan.getByLabel('Source of the date of atlas-2-large').fill('Northwind AI release notes');
  await plan.getByLabel('Release of lumen-7b-instruct').fill('2026-01-15');
  await plan.getByLabel('Source of the date of lumen-7b-instruct').fill('Lumen Labs launch post');
  await plan.getByRole('button', { name: 'Record plan v1' }).click();
  await plan.getByText(/Recorded: v1 .* \(/).waitFor();

  // Dropped in an order that has nothing to do with the roles: each role comes from the model the file names.
  const files = ['meridian-8b', 'lumen-7b-instruct', 'orca-lite-7b', 'atlas-2-small', 'atlas-2-large', 'sparrow-chat-20b', 'atlas-distill-1b', 'open-llm-13b', 'kestrel-instruct-34b'];
  await page.getByRole('button', { name: 'Evidence', exact: true }).click();
  await dropFiles(page, [...files.map((m) => ({ name: `answers-${m}.json`, bytes: readFileSync(`fixtures/demo/answers-${m}.json`) })), { name: 'harvest-2025Q4.jsonl', bytes: readFileSync('fixtures/demo/harvest-2025Q4.jsonl') }]);
  const dialog = page.getByRole('dialog', { name: 'Import evidence' });
  await dialog.getByLabel('Role of answers-atlas-2-large.json').waitFor();
  assert.equal(await dialog.getByLabel('Role of answers-atlas-2-large.json').inputValue(), 'original');
  assert.equal(await dialog.getByLabel('Role of answers-lumen-7b-instruct.json').inputValue(), 'suspect');
  assert.equal(await dialog.getByLabel('Role of answers-meridian-8b.json').inputValue(), 'reference');
  assert.equal(await dialog.getByLabel('Role of answers-atlas-2-small.json').inputValue(), 'related');
  assert.equal(await dialog.getByLabel('Role of answers-atlas-distill-1b.json').inputValue(), 'known-derived');
  // The roles come first in the dialog, each with why it was proposed.
  const roles = dialog.getByRole('region', { name: 'Roles of the answer files' });
  const [rolesTop, firstFileTop] = [await roles.evaluate((el) => el.getBoundingClientRect().top), await dialog.locator('.import-plan').first().evaluate((el) => el.getBoundingClientRect().top)];
  assert.ok(rolesTop < firstFileTop, 'the proposal is above the files');
  await roles.getByRole('row', { name: /answers-atlas-2-small\.json atlas-2-small .*the plan \(version 1\) names it related/ }).waitFor();
  // A role chosen against the plan is said before anything is imported.
  await dialog.getByLabel('Role of answers-atlas-2-small.json').selectOption('reference');
  assert.match(await dialog.getByRole('alert', { name: 'Roles against the plan' }).innerText(), /atlas-2-small is imported as reference \(panel\), but the plan names it related \(shown, not a reference\): the analysis follows the plan/);
  await app.snap('22b-import-roles');
  await dialog.getByLabel('Role of answers-atlas-2-small.json').selectOption('related');
  assert.equal(await dialog.getByRole('alert', { name: 'Roles against the plan' }).count(), 0);
  await dialog.getByText('atlas-2-large', { exact: true }).first().waitFor();
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByText(/^Imported [\d,]+ (log rows|output pairs)/).nth(1).waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  // The evidence list says whose answers each file holds and in which role.
  assert.match(await page.locator('.sources-table tr', { hasText: 'answers-lumen-7b-instruct.json' }).getByTestId('answers-role').innerText(), /^lumen-7b-instruct: Suspect$/);
  assert.match(await page.locator('.sources-table tr', { hasText: 'answers-atlas-distill-1b.json' }).getByTestId('answers-role').innerText(), /^atlas-distill-1b: Known derived \(calibration\)$/);

  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.getByRole('button', { name: 'Run analysis' }).click();
  const conclusion = page.getByTestId('report-conclusion');
  await conclusion.waitFor({ timeout: 120_000 });
  assert.match(await conclusion.innerText(), /lumen-7b-instruct's answers are consistent with derivation from atlas-2-large's/);
  assert.equal(await conclusion.getAttribute('data-conclusion'), 'consistent-with-derivation');
  const report = page.getByRole('region', { name: /^Attribution: / });
  await report.getByRole('region', { name: 'Summary for counsel' }).getByText(/the rule flagged 0 of 5 known-unrelated models\. It flagged 1 of 1 known-derived model/).waitFor();
  await report.getByText(/^Run 1 of this attribution on this case: no earlier run/).waitFor();
  const checks = await report.getByRole('table', { name: "The rule's checks" }).getByRole('row').allInnerTexts();
  assert.ok(checks.length === 5 && checks.slice(1).every((row) => row.trim().endsWith('yes')), checks.join('\n'));
  await page.getByRole('region', { name: /^Attribution: / }).getByText(/Plan v1 \(SHA-256 [0-9a-f]{16}…\), recorded .* before the suspect's answers were imported/).waitFor();
  assert.equal(await page.getByRole('img', { name: /Mean ROUGE-L F1 to the original, per model/ }).locator('circle').count(), 8);
  await app.snap('23-attribution');
  // Two layers: the summary for counsel, then the expert's sections, each one jump from the list, and the glossary of the terms they use.
  const summary = report.getByRole('region', { name: 'Summary for counsel' });
  for (const question of ['What was compared', 'What the analysis found', 'How sure', 'What it does not show']) await summary.getByRole('heading', { name: question }).waitFor();
  const sections = report.getByRole('navigation', { name: 'Report sections' });
  await sections.getByRole('button', { name: 'Glossary' }).click();
  const inView = (name: string) => report.getByRole('heading', { name, exact: true }).evaluate((el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; });
  assert.ok(await inView('Glossary'), 'the glossary is scrolled into view');
  await app.snap('23b-attribution-glossary');
  await sections.getByRole('button', { name: 'Markers' }).click();
  assert.ok(await inView('Markers'), 'a section is one click from the list');
  const defined = await report.locator('.glossary dt').allInnerTexts();
  const body = await report.evaluate((el) => { const copy = el.cloneNode(true) as HTMLElement; copy.querySelector('.glossary')?.remove(); return copy.innerText; });
  assert.deepEqual(undefinedTerms(body, defined), []);

  // The pair table: virtualised (a few dozen rows in the page for 219 pairs), sortable, filterable.
  await page.getByTestId('pair-count').getByText(/^215 of 219 pairs \(4 flagged hidden: under 20 words or mostly the prompt\)/).waitFor();
  await page.getByLabel('Flag filter').selectOption('all');
  await page.getByTestId('pair-count').getByText(/^219 of 219 pairs/).waitFor();
  assert.ok((await page.getByRole('rowgroup', { name: 'Pair rows' }).getByRole('row').count()) < 60);
  await page.getByRole('columnheader', { name: /Lead/ }).getByRole('button').click();
  await page.locator('[role=columnheader][aria-sort=descending]', { hasText: 'Lead' }).waitFor();
  const leads = async () => (await page.getByRole('rowgroup', { name: 'Pair rows' }).getByRole('row').allInnerTexts()).slice(0, 5).map((row) => Number(row.split('\n')[4]));
  const descending = await leads();
  assert.deepEqual(descending, [...descending].sort((a, b) => b - a), 'largest lead first');
  await page.getByRole('columnheader', { name: /Prompt id/ }).getByRole('button').click();
  await page.locator('[role=columnheader][aria-sort=ascending]', { hasText: 'Prompt id' }).waitFor();
  const ids = (await page.getByRole('rowgroup', { name: 'Pair rows' }).getByRole('row').allInnerTexts()).slice(0, 12).map((row) => row.split('\n')[0]!);
  assert.deepEqual(ids.slice(0, 3), ['en-001', 'en-002', 'en-003'], 'ids in natural order');
  assert.deepEqual(ids.filter((id) => id.startsWith('gen-')).slice(0, 2), ['gen-001', 'gen-002'], 'gen-001 before gen-010');
  await page.getByLabel('Find prompt').fill('photosynthesis');
  await page.getByTestId('pair-count').getByText(/^\d+ of 219 pairs/).waitFor();
  assert.ok((await page.getByRole('rowgroup', { name: 'Pair rows' }).getByRole('row').count()) <= 13);
  await page.getByLabel('Find prompt').fill('');

  await page.getByRole('button', { name: 'Compare en-001' }).click();
  const view = page.getByRole('dialog', { name: 'Pair en-001' });
  await view.getByRole('region', { name: /^Reference · open-llm-13b/ }).waitFor();
  await view.getByRole('button', { name: 'Close' }).click();

  // Where the two halves meet: the pairs' prompts in the logs, and the suspect closer where the answers were taken.
  assert.match(await page.getByTestId('harvest-summary').innerText(), /^The prompts of 149 of 219 pairs were found in the logs/);
  assert.match(await page.getByTestId('natural-experiment').innerText(), /On the 149 prompts the campaign sent, the suspect's lead over the reference panel in ROUGE-L F1 to the original is 0\.\d+ larger than on the 70 it did not/);
  await page.getByText(/2026-01-15 lumen-7b-instruct \(suspect\) released or observed — Lumen Labs launch post/).waitFor();
  await app.snap('24-harvest');
  // Only the methods the expert chooses count.
  await page.getByRole('checkbox', { name: /^Near-duplicate/ }).uncheck();
  await page.getByTestId('harvest-summary').getByText(/^The prompts of 124 of 219 pairs/).waitFor();
  await page.getByRole('checkbox', { name: /^Near-duplicate/ }).check();
  await page.getByRole('button', { name: 'Save the pairs cluster 1 sent as finding' }).click();
  await page.locator('.findings-table tbody tr', { hasText: 'Prompts of 149 of 219 output pairs were sent by cluster 1 (8 accounts)' }).waitFor();

  // A pair shows who sent its prompt; a cluster shows the pairs it sent.
  await page.getByRole('button', { name: 'Compare en-002' }).click();
  const sent = page.getByRole('dialog', { name: 'Pair en-002' }).getByRole('region', { name: 'Who sent this prompt' });
  assert.match(await sent.innerText(), /1 request from 2025-10-06 \d\d:\d\d:\d\d UTC to 2025-10-06 \d\d:\d\d:\d\d UTC, found by same text after normalisation.*cluster 1/s);
  assert.match(await sent.innerText(), /networks 198\.18\.7\.0\/24/);
  await page.getByRole('dialog', { name: 'Pair en-002' }).getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Details of cluster 1' }).click();
  const clusterDialog = page.getByRole('dialog', { name: 'Cluster 1' });
  assert.equal(await clusterDialog.locator('.cluster-pairs-table tbody tr').count(), 149);
  await clusterDialog.getByRole('button', { name: 'gen-001' }).click();
  await page.getByRole('dialog', { name: 'Pair gen-001' }).getByRole('region', { name: 'Who sent this prompt' }).waitFor();
  await page.getByRole('dialog', { name: 'Pair gen-001' }).getByRole('button', { name: 'Close' }).click();

  // Leaving the section and coming back shows the same results, without running again.
  await page.getByRole('button', { name: 'Claims', exact: true }).click();
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await conclusion.waitFor();
  assert.equal(await page.getByRole('button', { name: 'Run again' }).count(), 1);

  await page.getByRole('button', { name: 'Save report as finding' }).click();
  await page.locator('.findings-table tbody tr', { hasText: 'Consistent with derivation: lumen-7b-instruct against atlas-2-large, 5 reference models, 219 prompts' }).waitFor();

  // A change of plan marks the results out of date.
  await plan.getByLabel('Role of meridian-8b').selectOption('excluded');
  await plan.getByRole('button', { name: 'Record plan v2' }).click();
  await page.getByText(/The evidence, the plan, the markers or the settings changed since this analysis ran/).waitFor();
  await page.getByRole('button', { name: /^History/ }).click();
  await page.getByTestId('audit-status').waitFor();
  const recorded = page.locator('.history-table tbody tr', { hasText: 'Analysis plan recorded' });
  await recorded.nth(1).waitFor();
  assert.equal(await recorded.count(), 2);
});
