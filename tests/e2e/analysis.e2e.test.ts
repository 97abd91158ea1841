import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { dropFiles, launchApp, type AppUnderTest } from './harness';

let app: AppUnderTest;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app.close();
});

const dropDemo = (page: Page, names: string[]) => dropFiles(page, names.map((name) => ({ name, bytes: readFileSync(`fixtures/demo/${name}`) })));

test('the expert redlines the terms, runs the analysis and compares a pair side by side', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'New case' }).first().click();
  await page.locator('input[name=title]').fill('Northwind AI v. Lumen Labs');
  await page.getByRole('button', { name: 'Create case' }).click();
  await dropDemo(page, ['api-gateway-2026Q1.jsonl', 'output-pairs.jsonl', 'tos-2025-01-15.md', 'tos-2025-06-01.html', 'tos-2026-01-10.txt']);
  const dialog = page.getByRole('dialog', { name: 'Import evidence' });
  await dialog.getByLabel('Title of tos-2026-01-10.txt').fill('Northwind AI API Terms of Service');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByText(/^Imported [\d,]+ (log rows|output pairs|Terms versions?)/).nth(4).waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.getByRole('heading', { name: 'Not analysed yet' }).waitFor();
  // The redline needs no run: the two latest versions are compared at once.
  await page.locator('.redline-clause.renumbered').first().waitFor();
  assert.deepEqual(await page.locator('.redline-clause.renumbered .clause-number').allInnerTexts(), ['2.2 → 2.3', '2.3 → 2.4']);
  await page.getByLabel('From version').selectOption({ label: '2025-01-15' });
  await page.getByLabel('To version').selectOption({ label: '2025-06-01' });
  const added = page.locator('.redline-clause.added', { hasText: '3.4' });
  await added.waitFor();
  assert.match(await added.locator('.added-text').innerText(), /develop models that compete with Northwind AI/);
  assert.match(await page.locator('.redline-clause.changed', { hasText: '2.3' }).locator('ins').innerText(), /or operate more than one account/);

  await page.getByLabel('In force on').fill('2025-03-01');
  assert.match(await page.locator('.in-force-list li').innerText(), /the version effective 2025-01-15 \(until 2025-06-01\)/);
  await page.getByLabel('In force on').fill('2024-12-31');
  assert.match(await page.locator('.in-force-list li').innerText(), /no version was in force yet; the first took effect on 2025-01-15/);
  await page.getByLabel('Account', { exact: true }).fill('acct_1dd1d4ad');
  assert.match(await page.getByTestId('account-terms').innerText(), /acct_1dd1d4ad was active from 2026-01-\d\d \d\d:\d\d:\d\d UTC to 2026-03-\d\d \d\d:\d\d:\d\d UTC: Northwind AI API Terms of Service, the versions effective 2025-06-01 and 2026-01-10\./);
  await page.getByLabel('Account', { exact: true }).fill('nobody');
  await page.getByText('No log rows with a time for account “nobody”.').waitFor();
  await page.getByRole('button', { name: 'Save redline as finding' }).click();
  await page.locator('.findings-table tbody tr', { hasText: 'version of 2025-01-15 against 2025-06-01, 4 of' }).waitFor();

  // The expert adds the original model's own name to the markers; a broken pattern is refused, naming the field.
  await page.getByText('Markers the analysis looks for').click();
  await page.getByRole('button', { name: 'Add marker', exact: true }).click();
  const editor = page.getByRole('form', { name: 'Marker' });
  await editor.getByLabel('Label').fill('Says it is Atlas');
  await editor.getByLabel('Pattern').fill('I am (Atlas');
  await editor.getByLabel('Regular expression').check();
  await editor.getByRole('button', { name: 'Save marker' }).click();
  assert.match(await editor.getByRole('alert').innerText(), /^pattern: not a valid regular expression/);
  await editor.getByLabel('Pattern').fill('I am Atlas|我是Atlas');
  await editor.getByRole('button', { name: 'Save marker' }).click();
  await page.locator('.markers-table tbody tr', { hasText: 'Says it is Atlas' }).waitFor();

  await page.getByRole('button', { name: 'Run analysis' }).click();
  await page.locator('.summary-table tbody tr').nth(5).waitFor();
  const jaccard = await page.locator('.summary-table tbody tr', { hasText: 'Word n-gram Jaccard' }).locator('td').allInnerTexts();
  assert.ok(Number(jaccard[1]) > 0.8 && Number(jaccard[2]) < 0.1, jaccard.join(' | '));
  assert.equal(jaccard[5], '9.8e-4', 'one-sided: all ten differences positive, 1 in 2^10');
  await page.getByText("Baseline: open-llm-13b's outputs on the same 10 prompts.").waitFor();
  // One other model is no panel: the attribution says so instead of concluding.
  assert.match(await page.getByTestId('report-conclusion').innerText(), /The panel has 1 reference model, fewer than the 5 the plan requires: no conclusion is drawn/);
  assert.equal(await page.locator('.clusters-table tbody tr').count(), 3);
  const atlas = await page.locator('.markers-summary tbody tr', { hasText: 'Says it is Atlas' }).locator('td').allInnerTexts();
  assert.deepEqual(atlas.slice(2), ['2', '2', '0', '2'], 'found in two originals and two suspect outputs, in no control output');
  await app.snap('20-analysis');

  await page.getByRole('button', { name: 'Compare zh-002' }).click();
  const view = page.getByRole('dialog', { name: 'Pair zh-002' });
  await view.getByText('你是谁？是哪家公司开发的？').waitFor();
  const suspectColumn = view.getByRole('region', { name: /^Suspect/ });
  assert.ok((await suspectColumn.locator('.run').count()) > 0, 'shared runs are highlighted in the suspect');
  assert.ok((await view.getByRole('region', { name: /^Original/ }).locator('.run').count()) > 0, 'and in the original');
  assert.ok((await suspectColumn.locator('.diff').count()) > 0, 'the changed characters are marked');
  assert.deepEqual(await suspectColumn.locator('.marker').allInnerTexts(), ['我是Atlas']);
  await suspectColumn.getByText('Markers: Says it is Atlas').waitFor();
  await view.getByRole('region', { name: /^Reference · open-llm-13b/ }).waitFor();
  await app.snap('21-pair-view');
  await view.getByLabel('Minimum run length in tokens').fill('30');
  await page.waitForFunction(() => document.querySelectorAll('[role=dialog] .pair-column .run').length === 0);
  await view.getByText(/Most similar original outputs in the whole case.*zh-002 \(its own prompt\)/).waitFor();
  await view.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Details of cluster 1' }).click();
  const detail = page.getByRole('dialog', { name: 'Cluster 1' });
  assert.equal(await detail.locator('.timing-table tbody tr').count(), 14);
  assert.equal(await detail.locator('.timing-table tbody tr', { hasText: 'machine-regular' }).count(), 14);
  assert.match(await detail.locator('.timing-table tbody tr').first().innerText(), /Northwind AI API Terms of Service: 2025-06-01, 2026-01-10/);
  await detail.getByRole('img', { name: 'Requests per day (UTC)' }).waitFor();
  assert.equal(await detail.getByRole('img', { name: 'Requests by hour of day (UTC)' }).locator('rect').count(), 24);
  assert.ok((await detail.locator('.templates-table tbody tr').count()) >= 1);
  await app.snap('22-cluster-detail');
  await detail.getByRole('button', { name: 'Save timing as finding' }).click();
  await page.locator('.findings-table tbody tr', { hasText: 'Request timing of cluster 1: 14 of 14 accounts machine-regular' }).waitFor();
  await detail.getByRole('button', { name: 'Close' }).click();

  await page.locator('.section-head', { hasText: 'Every measure' }).getByRole('button', { name: 'Save as finding' }).click();
  await page.getByRole('button', { name: 'Save cluster 1 as finding' }).click();
  const saved = page.locator('.findings-table tbody tr');
  await saved.nth(3).waitFor();
  assert.match(await saved.nth(2).innerText(), /Suspect outputs against the original on 10 prompts.*30/s);
  assert.match(await saved.nth(3).innerText(), /Cluster of 14 linked accounts: 1338 requests.*1,338/s);
  await page.getByRole('button', { name: /^History/ }).click();
  await page.getByTestId('audit-status').waitFor();
  assert.equal(await page.locator('.history-table tbody tr', { hasText: 'Finding saved' }).count(), 4);
  assert.equal(await page.locator('.history-table tbody tr', { hasText: 'Marker added' }).count(), 1);
  assert.match(await page.getByTestId('audit-status').innerText(), /Audit chain verified/);
  // Imports, the marker, the findings: every change made in the app binds its records.
  await page.getByTestId('records-status').filter({ hasText: 'each as its history recorded it' }).waitFor();
  assert.match(await page.getByTestId('records-status').innerText(), /^Records: \d+ records, each as its history recorded it \(bound since event #1, when the case was created\)\.$/);

  // A finding's title changed in the database, around the app: the case says so as soon as it is opened again.
  await page.evaluate(async () => {
    const request = indexedDB.open('evidence-desk');
    const opened = await new Promise<IDBDatabase>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = opened.transaction('findings', 'readwrite').objectStore('findings');
    const all = await new Promise<{ title: string }[]>((resolve) => {
      const get = store.getAll();
      get.onsuccess = () => resolve(get.result as { title: string }[]);
    });
    await new Promise((resolve) => {
      const put = store.put({ ...all[0]!, title: 'A finding rewritten' });
      put.onsuccess = resolve;
    });
    opened.close();
  });
  await page.reload();
  const alert = page.getByTestId('records-alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /^In this case, 1 record differs from its history: changed outside the app\./);
  assert.match(await page.getByTestId('records-status').innerText(), /findings record \w+ \(“A finding rewritten”\) differs from what event #\d+ \(finding\.saved\) recorded/);
  await app.snap('23-records-changed');
});

test('the expert exports the harvest queries as a pack for the lab’s warehouse; an outside reader finds every file as its manifest hashes it', async () => {
  const { page, bridge, dir } = app;
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  const path = join(dir, 'pack.zip');
  bridge.dialogs.saveAnswers.push(path);
  await page.getByRole('button', { name: 'Export query pack…' }).click();
  await page.getByText(`Saved the query pack to ${path}: 27 files, the harvest queries for DuckDB, ClickHouse, Spark SQL and BigQuery with the case’s prompts and a README for the lab’s data team.`).waitFor();
  // Python's zipfile, not our reader: the pack is an ordinary zip a data team opens with anything.
  const listing = JSON.parse(
    execFileSync('python3', ['-c', 'import hashlib, json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(json.dumps({n: hashlib.sha256(z.read(n)).hexdigest() for n in z.namelist()}))', path], { encoding: 'utf8' }),
  ) as Record<string, string>;
  const folder = 'Northwind AI v. Lumen Labs query pack';
  const manifest = JSON.parse(execFileSync('python3', ['-c', 'import sys, zipfile\nprint(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())', path, `${folder}/pack.json`], { encoding: 'utf8' })) as { files: { path: string; sha256: string }[] };
  assert.equal(Object.keys(listing).length, 27);
  for (const file of manifest.files) assert.equal(listing[`${folder}/${file.path}`], file.sha256, file.path);
  assert.ok(manifest.files.some((f) => f.path === 'clickhouse/excerpt.sql') && manifest.files.some((f) => f.path === 'case_prompts.csv'));
});
