import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { launchApp, type AppUnderTest } from './harness';

let app: AppUnderTest;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app.close();
});

/** Selects `quote` inside a text the way a mouse would, then releases the button there. */
async function selectText(text: Locator, quote: string) {
  await text.evaluate((element, wanted) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const nodes: Text[] = [];
    while (walker.nextNode()) nodes.push(walker.currentNode as Text);
    const full = nodes.map((n) => n.data).join('');
    const start = full.indexOf(wanted);
    if (start < 0) throw new Error(`“${wanted}” is not in the text`);
    // No inner functions: the test runner's compiler would name them with a helper the page does not have.
    const end = start + wanted.length;
    const range = document.createRange();
    let passed = 0;
    let started = false;
    for (const node of nodes) {
      if (!started && start < passed + node.data.length) {
        range.setStart(node, start - passed);
        started = true;
      }
      if (end <= passed + node.data.length) {
        range.setEnd(node, end - passed);
        break;
      }
      passed += node.data.length;
    }
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    element.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, quote);
}

const chartTotals = (page: Page) => page.getByLabel('Chart totals').innerText();

test('counsel builds a claim on the demo case: template, span and clause links, an annotation, search, and it all survives a reload', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'Open the demo case' }).click();
  await page.getByRole('heading', { name: 'Northwind AI v. Lumen Labs' }).waitFor();
  await page.getByRole('button', { name: 'Claims', exact: true }).click();
  await page.locator('.claim-card').first().waitFor();
  assert.equal(await page.locator('.claim-card').count(), 3, 'the demo opens with its three claims');
  assert.match(await chartTotals(page), /3 claims · 12 elements · 22 links · 4 elements without supporting evidence/);
  await app.snap('claims-demo-chart');

  await page.getByRole('button', { name: 'New claim…' }).click();
  await app.snap('claims-new-claim');
  await page.getByRole('button', { name: /Export-control breach/ }).click();
  const card = page.getByRole('article', { name: 'Claim Access in breach of export controls' });
  await card.waitFor();
  assert.equal(await card.locator('.element.unsupported').count(), 3, 'a new claim’s elements all stand out as unsupported');
  assert.match(await chartTotals(page), /4 claims · 15 elements · 22 links · 7 elements without supporting evidence/);
  await card.getByRole('button', { name: 'Add element' }).click();
  await page.getByRole('alert').filter({ hasText: 'Element: text: Element text is required' }).waitFor();
  assert.equal(await card.locator('.element').count(), 3, 'nothing was added');

  // Ctrl+Z takes the new claim back as a new event of the history; Ctrl+Shift+Z brings it back.
  await page.keyboard.press('Control+z');
  await page.getByText(/^Undo of event #\d+: Claim added — Access in breach of export controls\. Ctrl\+Shift\+Z redoes it\.$/).waitFor();
  await page.getByLabel('Chart totals').getByText(/3 claims · 12 elements · 22 links/).waitFor();
  await page.keyboard.press('Control+Shift+Z');
  await page.getByText(/^Redo of event #\d+: Claim added — Access in breach of export controls\. Ctrl\+Z undoes it again\.$/).waitFor();
  await page.getByLabel('Chart totals').getByText(/4 claims · 15 elements · 22 links · 7 elements without supporting evidence/).waitFor();

  // A span of a suspect output, linked and annotated from the pair itself.
  await page.getByRole('button', { name: 'Evidence', exact: true }).click();
  await page.getByRole('button', { name: 'answers-lumen-7b-instruct.json' }).click();
  await page.getByRole('button', { name: 'zh-002' }).click();
  const pairDialog = page.getByRole('dialog', { name: 'Pair zh-002' });
  const suspect = pairDialog.getByRole('region', { name: 'Suspect · lumen-7b-instruct' }).getByTestId('selectable-text');
  // The one pair view: its third column is the plan's first reference, and without an analysis it says where the measures will be.
  await pairDialog.getByRole('region', { name: 'Reference · open-llm-13b' }).waitFor();
  await pairDialog.getByText(/The measures, the marked differences and who sent this prompt appear here once the analysis has run/).waitFor();
  await selectText(suspect, 'Northwind AI开发的人工智能助手');
  await pairDialog.getByText(/Selected characters \d+–\d+/).waitFor();
  await pairDialog.getByRole('button', { name: 'Link selection to claim…' }).click();
  let dialog = page.getByRole('dialog', { name: 'Link to claim' });
  await dialog.getByLabel('Element', { exact: true }).selectOption({ label: '3. The access evaded the controls (for example through intermediaries, proxies or false account details).' });
  await dialog.getByLabel('Note').fill('Lumen’s model says it was developed by Northwind AI');
  await dialog.getByRole('button', { name: 'Link', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });

  await selectText(suspect, 'Northwind AI开发的人工智能助手');
  await pairDialog.getByRole('button', { name: 'Annotate selection…' }).click();
  dialog = page.getByRole('dialog', { name: 'Annotate' });
  await dialog.getByRole('button', { name: 'Save annotation' }).click();
  await dialog.getByRole('alert').filter({ hasText: 'Annotation: label: Label is required' }).waitFor();
  await dialog.getByLabel('Label').selectOption('characteristic phrase');
  await dialog.getByLabel('Comment').fill('Maker named verbatim, in Chinese');
  await dialog.getByRole('button', { name: 'Save annotation' }).click();
  await dialog.waitFor({ state: 'detached' });
  await pairDialog.locator('.annotated', { hasText: 'Northwind AI开发的人工智能助手' }).first().waitFor();
  await app.snap('claims-pair-annotated');
  await pairDialog.getByRole('button', { name: 'Close', exact: true }).last().click();

  // A clause of the terms, linked from the clause.
  await page.getByRole('button', { name: 'tos-2026-01-10.txt' }).click();
  const clause = page.locator('li.clause', { hasText: '3.5' }).first();
  await clause.getByRole('button', { name: 'Link to claim…' }).click();
  dialog = page.getByRole('dialog', { name: 'Link to claim' });
  await dialog.getByLabel('Element', { exact: true }).selectOption({ label: '1. The model or its outputs are subject to export controls or to sanctions restrictions in the terms.' });
  await dialog.getByLabel('Note').fill('Bulk extraction by automated means is barred');
  await dialog.getByRole('button', { name: 'Link', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });

  // Found by search, from the keyboard.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('dialog', { name: 'Search this case' });
  await search.getByLabel('Search').fill('maker verbatim chinese');
  const annotations = search.getByRole('region', { name: 'Annotations' });
  await annotations.getByText('characteristic phrase').first().waitFor();
  await app.snap('claims-search');
  await search.getByLabel('Search').fill('bulk extracton');
  await search.getByRole('region', { name: 'Evidence notes' }).getByText('Bulk extraction by automated means is barred').waitFor();
  await search.getByRole('region', { name: 'Evidence notes' }).getByText('Bulk extraction by automated means is barred').click();

  // The chart has the new evidence under the right elements.
  const checkChart = async () => {
    const exportCard = page.getByRole('article', { name: 'Claim Access in breach of export controls' });
    await exportCard.waitFor();
    assert.match(await chartTotals(page), /4 claims · 15 elements · 24 links · 5 elements without supporting evidence/);
    const [first, , third] = await exportCard.locator('.element').all();
    assert.match(await first!.innerText(), /API Terms of Service \(in force from 2026-01-10\), clause 3\.5[\s\S]*Bulk extraction by automated means is barred/);
    assert.match(await third!.innerText(), /Pair zh-002, suspect output, characters \d+–\d+[\s\S]*“Northwind AI开发的人工智能助手”[\s\S]*says it was developed by Northwind AI/);
    assert.equal(await exportCard.locator('.element.unsupported').count(), 1);
  };
  await checkChart();
  await app.snap('claims-chart-updated');

  await page.reload();
  await page.getByRole('heading', { name: 'Northwind AI v. Lumen Labs' }).waitFor();
  await checkChart();
  await page.getByRole('tab', { name: /Annotations/ }).click();
  await page.locator('.annotations-table').getByText('Maker named verbatim, in Chinese').waitFor();

  // The annotated phrase becomes a marker in one step, recorded as post hoc.
  await page.locator('.annotations-table tr', { hasText: 'Maker named verbatim, in Chinese' }).getByRole('button', { name: 'Make marker' }).click();
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  const markerList = page.locator('details.markers-panel');
  await markerList.locator('summary').click();
  await markerList.locator('tr', { hasText: 'Northwind AI开发的人工智能助手' }).getByText('post hoc: made from an annotated phrase').waitFor();
  // Chinese marker text is drawn with the bundled Noto Sans SC, loaded because the page shows it.
  await page.waitForFunction(() => [...document.fonts].some((f) => f.family.includes('Evidence CJK') && f.status === 'loaded'));
  await app.snap('claims-marker-from-annotation');
  await page.getByRole('button', { name: 'Claims', exact: true }).click();

  // Evidence opens where it lives: the linked span is highlighted in the pair.
  await page.getByRole('tab', { name: 'Claim chart' }).click();
  await page.getByRole('button', { name: /^Pair zh-002, suspect output/ }).click();
  const opened = page.getByRole('dialog', { name: 'Pair zh-002' });
  await opened.locator('.focused', { hasText: 'Northwind AI开发的人工智能助手' }).waitFor();
  await opened.getByRole('button', { name: 'Close', exact: true }).last().click();

  // Once the analysis has run, the same view from the evidence shows the measures and who sent the prompt.
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.getByRole('button', { name: 'Run analysis' }).click();
  await page.getByTestId('report-conclusion').waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Evidence', exact: true }).click();
  await page.getByRole('button', { name: 'answers-lumen-7b-instruct.json' }).click();
  await page.getByRole('button', { name: 'zh-002' }).click();
  const measured = page.getByRole('dialog', { name: 'Pair zh-002' });
  await measured.getByRole('columnheader', { name: 'Reference · open-llm-13b' }).waitFor();
  await measured.getByRole('region', { name: 'Who sent this prompt' }).waitFor();
  await app.snap('claims-pair-view-measured');
  // The annotation stays marked under the analysis's own marks (split where a shared run or a marker begins).
  assert.match((await measured.getByRole('region', { name: 'Suspect · lumen-7b-instruct' }).locator('.annotated').allInnerTexts()).join(''), /Northwind AI开发的人工智能助手/);
  await measured.getByRole('button', { name: 'Close', exact: true }).last().click();

});

test('log rows are selected and linked; removing a file asks first, lists what depends on it, and its links show as broken', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'Evidence', exact: true }).click();
  await page.getByRole('button', { name: 'api-gateway-2026Q1.jsonl' }).click();
  const rows = page.getByTestId('log-rows').locator('.grid-row');
  await rows.nth(0).click();
  await rows.nth(2).click({ modifiers: ['Shift'] });
  const bar = page.getByRole('toolbar', { name: 'Selected rows' });
  await bar.getByText('3 rows selected').waitFor();
  await bar.getByRole('button', { name: 'Link rows to claim…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Link to claim' });
  await dialog.getByText(/3 rows of api-gateway-2026Q1\.jsonl, lines 1–3/).waitFor();
  await dialog.getByLabel('Element', { exact: true }).selectOption({ label: '2. The access was by, or for the benefit of, a restricted party or destination.' });
  await dialog.getByLabel('Note').fill('Requests from the restricted network');
  await app.snap('claims-link-rows');
  await dialog.getByRole('button', { name: 'Link', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });

  // A date typed in search finds the log rows of that day through the time index.
  await page.keyboard.press('Control+k');
  const search = page.getByRole('dialog', { name: 'Search this case' });
  await search.getByLabel('Search').fill('2026-01-05');
  // Each log file that has rows on that day is offered, with its count from the time order, the count the filtered view then shows.
  const day = search.getByRole('region', { name: 'Log rows' }).getByRole('listitem').filter({ hasText: 'api-gateway-2026Q1.jsonl' });
  const counted = /^([\d,]+) rows on 2026-01-05 \(UTC\)/.exec(await day.innerText());
  assert.ok(counted, await day.innerText());
  await day.click();
  await page.getByText(new RegExp(`Exact match on account.* ${counted[1]} rows$`)).waitFor();
  assert.equal(await page.getByLabel('From (UTC)').inputValue(), '2026-01-05 00:00:00');

  // The text filter narrows rows after the indexed fields.
  await page.getByLabel('Text contains').fill('distill');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByText(/^Exact match on account.* 0 rows$|^Exact match on account.* \d+ rows?$/).waitFor();

  // A network in CIDR notation, as the campaign analysis names it, finds every address in it; a malformed one is refused with the reason.
  for (const field of ['From (UTC)', 'To (UTC)', 'Text contains']) await page.getByLabel(field).fill('');
  await page.getByLabel('IP address or network').fill('81.252.241.0/24');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByText(/^Exact match on account.* 60 rows$/).waitFor();
  // Rows linked from a filtered view keep the filter: the link says how they were chosen.
  await rows.nth(0).click();
  await bar.getByRole('button', { name: 'Link row to claim…' }).click();
  const filtered = page.getByRole('dialog', { name: 'Link to claim' });
  await filtered.getByLabel('Element', { exact: true }).selectOption({ label: '2. The access was by, or for the benefit of, a restricted party or destination.' });
  await filtered.getByRole('button', { name: 'Link', exact: true }).click();
  await filtered.waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Claims', exact: true }).click();
  await page.getByText('Selected in the log browser with the filter network 81.252.241.0/24: 1 of the 60 rows it matched.').first().waitFor();
  await page.getByRole('button', { name: 'Evidence', exact: true }).click();
  await page.getByRole('button', { name: 'api-gateway-2026Q1.jsonl' }).click();
  await page.getByLabel('IP address or network').fill('81.252.241.0/40');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByRole('alert').filter({ hasText: 'an IPv4 network has a prefix length from 0 to 32' }).waitFor();
  await app.snap('log-network-filter');

  // Shift-click selects every row between the two clicks, read from the store, not only the rows loaded on screen.
  await page.getByLabel('IP address or network').fill('');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByText(/^Exact match on account.* 5,357 rows$/).waitFor();
  await rows.nth(0).click();
  await page.getByTestId('log-rows').evaluate((grid) => (grid.scrollTop = 299 * 30));
  const row300 = rows.filter({ has: page.locator('.num', { hasText: /^300$/ }) });
  await row300.click({ modifiers: ['Shift'] });
  await bar.getByText('300 rows selected').waitFor();

  await page.getByRole('button', { name: 'tos-2025-06-01.html' }).click();
  await page.getByRole('button', { name: 'Remove file…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove file from the case' });
  assert.match(await confirm.innerText(), /Remove tos-2025-06-01\.html and its records \(\d+ ToS clauses\)[\s\S]*2 links to claim elements[\s\S]*1 annotation[\s\S]*1 saved finding citing its rows/);
  await app.snap('claims-remove-file');
  await confirm.getByRole('button', { name: 'Remove file' }).click();
  await page.getByRole('button', { name: 'tos-2025-06-01.html' }).waitFor({ state: 'detached' });

  await page.getByRole('button', { name: 'Claims', exact: true }).click();
  const exportCard = page.getByRole('article', { name: 'Claim Access in breach of export controls' });
  await exportCard.waitFor();
  assert.equal(await exportCard.locator('.element.unsupported').count(), 0, 'the linked rows support the second element');
  assert.match(await chartTotals(page), /4 claims · 15 elements · 26 links · 4 elements without supporting evidence · 2 broken links/);
  const contract = page.getByRole('article', { name: 'Claim Breach of the Terms of Service' });
  assert.match(await contract.locator('.element').first().innerText(), /Broken: the terms version was removed from the case/);
  await app.snap('claims-broken');

  // Unlinking asks first, naming the evidence and its note; Cancel keeps it.
  const rowsLink = exportCard.locator('.evidence', { hasText: 'Requests from the restricted network' });
  await rowsLink.getByRole('button', { name: 'Unlink' }).click();
  const ask = page.getByRole('dialog', { name: 'Unlink evidence' });
  await ask.getByText('Its note goes with it.').waitFor();
  await app.snap('claims-unlink-confirm');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  assert.match(await chartTotals(page), / 26 links /);
  await rowsLink.getByRole('button', { name: 'Unlink' }).click();
  await ask.getByRole('button', { name: 'Unlink' }).click();
  await rowsLink.waitFor({ state: 'detached' });
  assert.match(await chartTotals(page), / 25 links /);
});
