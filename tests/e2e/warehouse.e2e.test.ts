import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createClient } from '@clickhouse/client';
import { sha256Hex } from '../../shared/hash';
import { LogParser, detectLogSettings } from '../../shared/import/log-import';
import { LOG_ROW_COLUMNS, logRowColumns } from '../../shared/warehouse/harvest-sql';
import { startClickHouse } from '../clickhouse-server';
import { dropFiles, launchApp, type AppUnderTest } from './harness';

// The lab's warehouse: Debian's ClickHouse holding the demo's two logs as the pack's log_rows, which the app queries from the main process.
let app: AppUnderTest;
let clickhouse: { url: string; stop: () => Promise<void> };
before(async () => {
  clickhouse = await startClickHouse();
  const client = createClient({ url: clickhouse.url });
  const rows = ['api-gateway-2026Q1', 'harvest-2025Q4'].flatMap((name) => {
    const text = readFileSync(`fixtures/demo/${name}.jsonl`, 'utf8');
    const parser = new LogParser(detectLogSettings(text), { caseId: 'case0000001', sourceId: name.replace(/[^a-z0-9]/g, '') });
    return [...parser.push(text).entries, ...parser.end().entries];
  });
  await client.command({ query: `CREATE TABLE log_rows (${LOG_ROW_COLUMNS.map(([name, type]) => `${name} Nullable(${type === 'integer' ? 'Int64' : 'String'})`).join(', ')}) ENGINE = Memory` });
  await client.insert({ table: 'log_rows', values: rows.map(logRowColumns), format: 'JSONEachRow' });
  await client.close();
  app = await launchApp();
});
after(async () => {
  await app?.close();
  await clickhouse?.stop();
});

test('counsel runs the query pack on the lab’s ClickHouse from the app, sees each result with its SHA-256, and imports the excerpt with its provenance', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'New case' }).first().click();
  await page.locator('input[name=title]').fill('Warehouse run');
  await page.getByRole('button', { name: 'Create case' }).click();
  await dropFiles(page, [{ name: 'output-pairs.jsonl', bytes: readFileSync('fixtures/demo/output-pairs.jsonl') }]);
  const importing = page.getByRole('dialog', { name: 'Import evidence' });
  await importing.getByRole('button', { name: 'Import', exact: true }).click();
  await importing.getByRole('button', { name: 'Done' }).click();

  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  await page.getByRole('button', { name: 'Run on ClickHouse…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run the query pack on ClickHouse' });
  await dialog.getByLabel('Server address').fill(clickhouse.url);
  await dialog.getByLabel('Password').fill('not-the-password');
  await app.snap('40-clickhouse-run');

  // A folder that is not empty is refused before anything runs; the user picks another.
  const taken = join(app.dir, 'taken');
  await mkdir(join(taken, 'old'), { recursive: true });
  app.bridge.dialogs.folderAnswers.push(taken);
  await dialog.getByRole('button', { name: 'Choose folder and run…' }).click();
  await dialog.getByText(/taken is not empty: choose an empty folder/).waitFor();

  // A wrong password: the server's refusal, in its words, and the password kept nowhere.
  const refusedFolder = join(app.dir, 'refused-run');
  app.bridge.dialogs.folderAnswers.push(refusedFolder);
  await dialog.getByRole('button', { name: 'Choose folder and run…' }).click();
  const ended = page.getByRole('dialog', { name: 'Query pack run on ClickHouse' });
  await ended.getByRole('alert').filter({ hasText: /The run stopped: ClickHouse at http:\/\/127\.0\.0\.1:\d+ refused the run: .*Wrong password for user default/ }).waitFor({ timeout: 60_000 });
  const written = readdirSync(refusedFolder, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  assert.ok(written.length > 20 && !written.some((e) => readFileSync(join(e.parentPath, e.name), 'utf8').includes('not-the-password')), 'the pack was written, the password nowhere');
  await ended.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Run on ClickHouse…' }).click();
  await dialog.getByLabel('Server address').fill(clickhouse.url);
  const folder = join(app.dir, 'pack-run');
  app.bridge.dialogs.folderAnswers.push(folder);
  await dialog.getByRole('button', { name: 'Choose folder and run…' }).click();
  const done = page.getByRole('dialog', { name: 'Query pack run on ClickHouse' });
  await done.getByText(/Ran 6 queries on ClickHouse 18\.16\.1/).waitFor({ timeout: 60_000 });
  await app.snap('41-clickhouse-done');
  const results = join(folder, 'results', 'clickhouse');
  const excerpt = readFileSync(join(results, 'excerpt.jsonl'));
  const provenance = JSON.parse(readFileSync(join(results, 'excerpt.provenance.json'), 'utf8')) as { rows: number; resultSha256: string; server: string };
  assert.equal(provenance.resultSha256, sha256Hex(excerpt));
  assert.ok(provenance.rows > 0, 'requests that sent a case prompt');
  assert.deepEqual(readdirSync(folder).sort(), ['README.md', 'bigquery', 'case_prompts.csv', 'clickhouse', 'duckdb', 'pack.json', 'results', 'spark']);
  const excerptRow = done.getByTestId('clickhouse-results').locator('tr', { hasText: 'clickhouse/excerpt.sql' });
  assert.match(await excerptRow.innerText(), new RegExp(`${provenance.rows.toLocaleString('en-US')}\\s+${provenance.resultSha256.slice(0, 16)}…`));
  await done.getByRole('button', { name: 'Close' }).click();

  // The excerpt comes into the case with its provenance, as a log that says where it came from.
  await dropFiles(page, [
    { name: 'excerpt.jsonl', bytes: excerpt },
    { name: 'excerpt.provenance.json', bytes: readFileSync(join(results, 'excerpt.provenance.json')) },
  ]);
  await importing.getByRole('button', { name: 'Import', exact: true }).click();
  await importing.getByText(`Imported ${provenance.rows.toLocaleString('en-US')} log rows`).first().waitFor();
  await importing.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'Evidence', exact: true }).click();
  await page.locator('tr', { hasText: 'excerpt.jsonl' }).getByText('from a warehouse query').waitFor();
});
