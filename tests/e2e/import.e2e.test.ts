import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { sha256Hex } from '../../shared/hash';
import { cli } from '../run-cli';
import { countLogRows, countRows, dropFiles, launchApp, type AppUnderTest } from './harness';
import { parquetLog } from '../parquet-log';

let app: AppUnderTest;
before(async () => {
  app = await launchApp();
});
after(async () => {
  await app.close();
});

const demo = (name: string) => `fixtures/demo/${name}`;
const demoLog = readFileSync(demo('api-gateway-2026Q1.jsonl'));

test('importing logs, pairs and terms by drag and drop, browsing and filtering the rows', async () => {
  const { page } = app;
  await page.getByRole('button', { name: 'New case' }).first().click();
  await page.locator('input[name=title]').fill('Northwind AI v. Lumen Labs');
  await page.getByRole('button', { name: 'Create case' }).click();
  await page.getByRole('heading', { name: 'No evidence imported' }).waitFor();

  await dropFiles(page, [
    { name: 'api-gateway-2026Q1.jsonl', bytes: demoLog },
    { name: 'output-pairs.jsonl', bytes: readFileSync(demo('output-pairs.jsonl')) },
    { name: 'tos-2025-06-01.html', bytes: readFileSync(demo('tos-2025-06-01.html')) },
  ]);
  const dialog = page.getByRole('dialog', { name: 'Import evidence' });
  await dialog.getByLabel('Kind of api-gateway-2026Q1.jsonl').waitFor();
  assert.equal(await dialog.getByLabel('Kind of api-gateway-2026Q1.jsonl').inputValue(), 'log');
  assert.equal(await dialog.getByLabel('Kind of output-pairs.jsonl').inputValue(), 'pairs');
  assert.equal(await dialog.getByLabel('Kind of tos-2025-06-01.html').inputValue(), 'tos');
  assert.equal(await dialog.getByLabel('Column for Account').inputValue(), 'account_id');
  assert.equal(await dialog.getByLabel('Effective date of tos-2025-06-01.html').inputValue(), '2025-06-01');
  assert.equal(await dialog.getByLabel('Title of tos-2025-06-01.html').inputValue(), 'Northwind AI API Terms of Service');
  await dialog.locator('.preview-table tbody tr').first().waitFor();
  await app.snap('10-import-preview');

  // A user correcting the mapping sees the preview follow.
  await dialog.getByLabel('Column for Account').selectOption('api_key_id');
  await dialog.locator('.preview-table tbody tr td:nth-child(3)', { hasText: /^key_/ }).first().waitFor();
  await dialog.getByLabel('Column for Account').selectOption('account_id');

  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  // What came in, counted by what a reader calls it.
  await dialog.getByText('Imported 5,357 log rows').waitFor();
  await dialog.getByText('Imported 1 Terms version with 19 clauses').waitFor();
  await dialog.getByText('Imported 10 output pairs from 1 file').waitFor();
  await app.snap('11-import-finished');
  await dialog.getByRole('button', { name: 'Done' }).click();

  const rows = page.locator('.sources-table tbody tr');
  assert.equal(await rows.count(), 3);
  const logRow = rows.filter({ hasText: 'api-gateway-2026Q1.jsonl' });
  assert.equal(await logRow.locator('td.hash').getAttribute('title'), sha256Hex(demoLog));
  assert.match(await logRow.innerText(), /5,357\s+0/);
  await page.getByText('Terms of Service versions').waitFor();
  await page.getByText('Northwind AI API Terms of Service', { exact: true }).waitFor();

  await logRow.getByRole('button', { name: 'api-gateway-2026Q1.jsonl' }).click();
  await page.getByText('5,357 rows').waitFor();
  await page.getByTestId('log-rows').locator('.grid-row').first().waitFor();
  await app.snap('12-log-rows');

  const campaignAccount = JSON.parse(demoLog.toString('utf8').split('\n')[0]!).account_id as string;
  const expected = demoLog.toString('utf8').trim().split('\n').filter((l) => JSON.parse(l).account_id === campaignAccount).length;
  await page.getByLabel('Account', { exact: true }).fill(campaignAccount);
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByText(`${expected} rows`).waitFor();
  // The count is drawn before the grid has swapped its rows: wait until every row shown is the filtered account's.
  await page.waitForFunction((account) => {
    const cells = [...document.querySelectorAll('[data-testid="log-rows"] .grid-row span:nth-child(3)')];
    return cells.length > 0 && cells.every((cell) => cell.textContent === account);
  }, campaignAccount);

  await page.getByLabel('Account', { exact: true }).fill('');
  await page.getByLabel('From (UTC)').fill('2026-03-01 00:00:00');
  await page.getByLabel('To (UTC)').fill('2026-03-01 23:59:59');
  await page.getByRole('button', { name: 'Filter' }).click();
  const inDay = demoLog.toString('utf8').trim().split('\n').filter((l) => {
    const t = Date.parse(JSON.parse(l).timestamp);
    return t >= Date.parse('2026-03-01T00:00:00Z') && t <= Date.parse('2026-03-01T23:59:59Z');
  }).length;
  await page.getByText(`${inDay.toLocaleString('en-US')} rows`).waitFor();

  // Times are typed as they are shown, in UTC; anything else is named and not applied.
  await page.getByLabel('To (UTC)').fill('03/01/2026 11:59 PM');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByRole('alert').filter({ hasText: 'To: “03/01/2026 11:59 PM” is not a UTC time in the form YYYY-MM-DD HH:MM:SS' }).waitFor();
  await page.getByText(`${inDay.toLocaleString('en-US')} rows`).waitFor();

  // Scrolling to the end of an unfiltered source shows its last line.
  await page.getByLabel('From (UTC)').fill('');
  await page.getByLabel('To (UTC)').fill('');
  await page.getByRole('button', { name: 'Filter' }).click();
  await page.getByText('5,357 rows').waitFor();
  await page.getByTestId('log-rows').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.getByTestId('log-rows').locator('.grid-row span.num', { hasText: /^5357$/ }).waitFor();
});

test('bad rows are listed and the user imports none or the good ones; duplicates and junk are refused', async () => {
  const { page } = app;
  const dialog = page.getByRole('dialog', { name: 'Import evidence' });
  const importVia = async (path: string) => {
    app.bridge.dialogs.openAnswers.push([path]);
    await page.keyboard.press('Control+i');
    await dialog.waitFor();
  };

  await importVia(join(process.cwd(), 'fixtures/bad/log-with-bad-rows.jsonl'));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByText('4 rows could not be read. Import the 2 good records, or none?').waitFor();
  for (const line of [2, 3, 4, 5]) await dialog.getByText(`log-with-bad-rows.jsonl line ${line}`).waitFor();
  await app.snap('13-import-review');
  await dialog.getByRole('button', { name: 'Import none' }).click();
  await dialog.getByText('Not imported, as you chose.').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  assert.equal(await page.locator('.sources-table tbody tr').count(), 3);

  await importVia(join(process.cwd(), 'fixtures/bad/log-with-bad-rows.jsonl'));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByRole('button', { name: 'Import the 2 good records' }).click();
  await dialog.getByText('Imported 2 log rows; 4 rejected rows listed with the source.').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'log-with-bad-rows.jsonl' }).click();
  await page.getByText('4 rows were rejected at import').click();
  await page.getByText('line 3').waitFor();

  await importVia(join(process.cwd(), demo('output-pairs.jsonl')));
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByText(/Already imported: output-pairs\.jsonl is the same file as output-pairs\.jsonl/).waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();

  await importVia(join(process.cwd(), 'fixtures/bad/binary.jsonl'));
  await dialog.getByText('Cannot be imported: binary.jsonl is not a text file: it contains a NUL byte at offset 0').waitFor();
  assert.equal(await dialog.getByRole('button', { name: 'Import', exact: true }).isDisabled(), true);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await page.locator('.sources-table tbody tr').count(), 4);
});

test('cancelling a large import half-way leaves the database as it was', async () => {
  const { page } = app;
  const before = { logRows: await countLogRows(app), originalChunks: await countRows(page, 'originalChunks'), sources: await countRows(page, 'sources') };
  await dropFiles(page, [{ name: 'big-export.jsonl', bytes: demoLog.subarray(0, demoLog.lastIndexOf('\n') + 1), repeat: 16 }]);
  const dialog = page.getByRole('dialog', { name: 'Import evidence' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const progress = dialog.getByLabel('Progress of big-export.jsonl');
  await page.waitForFunction(() => Number((document.querySelector('progress') as HTMLProgressElement | null)?.value ?? 0) > 0.2);
  assert.ok(Number(await progress.getAttribute('value')) < 1);
  await app.snap('14-import-progress');
  await dialog.getByRole('button', { name: 'Cancel import' }).click();
  await dialog.getByText('Cancelled. Nothing from this file was kept.').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  // The cancel is answered at once; the rows read so far are removed after it.
  for (let tries = 0; (await countRows(page, 'pendingImports')) > 0 && tries < 600; tries++) await page.waitForTimeout(100);
  assert.deepEqual({ logRows: await countLogRows(app), originalChunks: await countRows(page, 'originalChunks'), sources: await countRows(page, 'sources') }, before);
  assert.equal(await countRows(page, 'pendingImports'), 0);
});

test('the imports are in the history, survive a reload, and the saved archive reads in the CLI', async () => {
  const { page } = app;
  await page.reload();
  await page.locator('.sources-table tbody tr').nth(3).waitFor();
  await page.getByRole('button', { name: /^History/ }).click();
  await page.getByTestId('audit-status').waitFor();
  // Actions in words, narrowed by action, person and day, and saved as CSV.
  const history = page.locator('.history-table tbody tr');
  const all = await history.count();
  await page.getByLabel('Action').selectOption({ label: 'File imported' });
  assert.equal(await history.count(), 4);
  assert.match(await page.getByTestId('history-count').innerText(), new RegExp(`^4 events of ${all}\\.`));
  assert.match(await history.first().innerText(), new RegExp(`File imported[\\s\\S]*api-gateway-2026Q1\\.jsonl[\\s\\S]*SHA-256: ${sha256Hex(demoLog)}`));
  assert.doesNotMatch(await page.locator('.history-table').innerText(), /source\.imported|sourceId|prior/);
  await page.getByLabel('Person').selectOption('e2e-tester');
  await page.getByLabel('From day').fill('2026-13-01');
  await page.getByRole('search', { name: 'Filter the history' }).getByRole('alert').getByText('From: “2026-13-01” is not a day in the form YYYY-MM-DD').waitFor();
  await page.getByLabel('From day').fill('2000-01-01');
  await page.getByLabel('To day').fill('2000-01-02');
  assert.equal(await history.count(), 0);
  await page.getByLabel('To day').fill('');
  assert.equal(await history.count(), 4);
  const csvPath = join(app.dir, 'history.csv');
  app.bridge.dialogs.saveAnswers.push(csvPath);
  await page.getByRole('button', { name: 'Export as CSV…' }).click();
  await page.getByText(`Saved 4 events of the history to ${csvPath}.`).waitFor();
  const csv = readFileSync(csvPath, 'utf8').trimEnd().split('\r\n');
  assert.equal(csv[0], 'number,time_utc,by,identity_fingerprint,action,action_recorded,subject,details,details_recorded,hash,previous_hash');
  assert.equal(csv.length, 5);
  assert.ok(csv.slice(1).every((line) => /^\d+,\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC,e2e-tester,,File imported,source\.imported,/.test(line)), csv.join('\n'));
  await app.snap('12b-history-filtered');
  await page.getByLabel('Action').selectOption('');
  await page.getByLabel('Person').selectOption('');
  await page.getByLabel('From day').fill('');
  assert.match(await page.getByTestId('audit-status').innerText(), /Audit chain verified/);

  const archive = join(app.dir, 'imported.evcase');
  app.bridge.dialogs.saveAnswers.push(archive);
  await page.keyboard.press('Control+s');
  await page.getByRole('dialog', { name: 'Save case archive' }).getByRole('button', { name: 'Choose file and save…' }).click();
  await page.getByText(`Case archive saved to ${archive}, not sealed.`).waitFor();
  const info = await cli('info', archive, '--json');
  assert.equal(info.code, 0, info.err);
  const { counts } = JSON.parse(info.out);
  assert.deepEqual([counts.sources, counts.logEntries, counts.outputPairs, counts.tosVersions], [4, 5359, 10, 1]);
});

test('a gzipped log export streams in: its text is read, the compressed file is the original kept', async () => {
  const { page } = app;
  const part = demoLog.subarray(0, demoLog.indexOf('\n', 200_000) + 1);
  const gz = gzipSync(part);
  const sources = await countRows(page, 'sources');
  await dropFiles(page, [{ name: 'gateway-part.jsonl.gz', bytes: gz }]);
  const dialog = page.getByRole('dialog', { name: 'Import evidence' });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByText(`gateway-part.jsonl.gz: a gzip file of ${gz.length.toLocaleString('en-US')} bytes (${part.length.toLocaleString('en-US')} bytes of text); the compressed file is the original kept and hashed`).waitFor();
  await app.snap('import-gzip');
  await dialog.getByRole('button', { name: 'Done' }).click();
  assert.equal(await countRows(page, 'sources'), sources + 1);
  await page.getByRole('button', { name: 'gateway-part.jsonl.gz' }).click();
  await page.getByText(/^Exact match on account.* [\d,]+ rows$/).waitFor();
  assert.match(await page.getByText(/^Exact match on account/).innerText(), new RegExp(`${part.toString('utf8').trim().split('\n').length.toLocaleString('en-US')} rows$`));
});

test('a Parquet export is previewed with its columns mapped by name, and imports with its times exact', async () => {
  const { page } = app;
  const bytes = parquetLog(
    [
      { micros: 1767592840359123n, account: 'acct_pq1', ip: '203.0.113.5', prompt: 'Explain gradient descent', tokens: 12n },
      { micros: 1767592841000001n, account: 'acct_pq2', ip: '203.0.113.6', prompt: 'Summarise this email', tokens: 9n },
      { micros: 1767592843000000n, account: 'acct_pq1', ip: '203.0.113.5', prompt: '请解释光合作用', tokens: 15n },
    ],
    2,
  );
  await dropFiles(page, [{ name: 'warehouse-export.parquet', bytes: Buffer.from(bytes) }]);
  const dialog = page.getByRole('dialog', { name: 'Import evidence' });
  assert.equal(await dialog.getByLabel('Format').inputValue(), 'parquet');
  assert.equal(await dialog.getByLabel('Column for Account').inputValue(), 'account_id');
  await dialog.locator('.preview-table').getByText('请解释光合作用').waitFor();
  await app.snap('import-parquet');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByText('Imported 3 log rows.').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'warehouse-export.parquet' }).click();
  await page.getByText(/^Exact match on account.* 3 rows$/).waitFor();
});

test('a column marked as an identifier in the import dialog filters the log browser', async () => {
  const { page } = app;
  const lines = ['timestamp,account_id,org_id,payment_fp', ...Array.from({ length: 300 }, (_, i) => `2026-01-05T00:${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z,acct_${i % 11},org-${i % 6},fp-${i % 4}`)];
  await dropFiles(page, [{ name: 'billing-export.csv', bytes: Buffer.from(`${lines.join('\n')}\n`) }]);
  const dialog = page.getByRole('dialog', { name: 'Import evidence' });
  const identifiers = dialog.getByRole('group', { name: 'Identifier columns' });
  // Unticking the header numbers the columns (the header becomes data); ticking it again brings the names back.
  await dialog.getByLabel('First row is a header').uncheck();
  await identifiers.getByLabel('column 4').waitFor();
  assert.equal(await identifiers.getByLabel('payment_fp').count(), 0);
  await dialog.getByLabel('First row is a header').check();
  await identifiers.getByLabel('payment_fp').check();
  await app.snap('import-identifier-columns');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByText('Imported 300 log rows.').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('button', { name: 'billing-export.csv' }).click();
  await page.getByText(/^Exact match on account.* 300 rows$/).waitFor();
  assert.equal(await page.getByLabel('Identifier column').inputValue(), 'payment_fp');
  await page.getByLabel('Identifier value').fill('fp-2');
  await page.getByLabel('Account').fill('acct_3');
  await page.getByRole('button', { name: 'Filter' }).click();
  const expected = lines.slice(1).filter((l) => l.endsWith(',fp-2') && l.includes(',acct_3,')).length;
  await page.getByText(new RegExp(`^Exact match on account.* ${expected} rows?$`)).waitFor();
  await app.snap('log-identifier-filter');
});

test('a warehouse result dropped with its provenance imports as a log that says which query and engine made it; a changed result is refused', async () => {
  const { page } = app;
  const caseId = decodeURIComponent(/#\/case\/([^/]+)/.exec(page.url())![1]!);
  const result = Buffer.from(demoLog.toString('utf8').split('\n').slice(0, 40).join('\n') + '\n');
  const queryText = '-- The log excerpt for the case\nSELECT * FROM log_rows;\n';
  const provenance = (bytes: Buffer) => ({
    query: 'clickhouse/excerpt.sql',
    querySha256: sha256Hex(queryText),
    queryText,
    case: { id: caseId, title: 'Northwind AI v. Lumen Labs', historyHead: 'a'.repeat(64) },
    engine: 'ClickHouse',
    engineVersion: '23.8.2',
    server: 'http://warehouse.example:8123',
    ranAt: '2026-12-01T09:30:00.000Z',
    result: 'excerpt.jsonl',
    resultSha256: sha256Hex(bytes),
    rows: 40,
  });
  const dialog = page.getByRole('dialog', { name: 'Import evidence' });

  // The provenance records other bytes than these: refused, nothing added.
  const sources = await countRows(page, 'sources');
  const changed = Buffer.from(result.toString('utf8').replace('acct_', 'acct_x'));
  await dropFiles(page, [{ name: 'excerpt.jsonl', bytes: changed }, { name: 'excerpt.provenance.json', bytes: Buffer.from(JSON.stringify(provenance(result))) }]);
  await dialog.getByText(/^Rows of the result of the warehouse query clickhouse\/excerpt\.sql \(SHA-256 [0-9a-f]{64}\), which its provenance records as run on ClickHouse 23\.8\.2 at http:\/\/warehouse\.example:8123/).waitFor();
  await app.snap('import-warehouse-result');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByText(new RegExp(`^Not imported: excerpt\\.jsonl has the SHA-256 ${sha256Hex(changed)}, not ${sha256Hex(result)}, which ClickHouse returned for clickhouse/excerpt\\.sql`)).waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  assert.equal(await countRows(page, 'sources'), sources);

  await dropFiles(page, [{ name: 'excerpt.jsonl', bytes: result }, { name: 'excerpt.provenance.json', bytes: Buffer.from(JSON.stringify(provenance(result))) }]);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await dialog.getByText('Imported 40 log rows.').waitFor();
  await dialog.getByRole('button', { name: 'Done' }).click();
  assert.match(await page.locator('.sources-table tbody tr', { hasText: 'excerpt.jsonl' }).innerText(), /API log\s+from a warehouse query/);
  await page.getByRole('button', { name: 'excerpt.jsonl' }).click();
  await page.getByText(/^Rows of the result of the warehouse query clickhouse\/excerpt\.sql .* run on ClickHouse 23\.8\.2 .* at 2026-12-01 09:30:00 UTC/).waitFor();
  await app.snap('warehouse-source');

  // A provenance whose result is not among the files says so, and is not imported.
  await dropFiles(page, [{ name: 'other.provenance.json', bytes: Buffer.from(JSON.stringify({ ...provenance(result), result: 'missing.jsonl' })) }]);
  await dialog.getByText('Cannot be imported: it is the provenance of missing.jsonl, which is not among the files; import the two together').waitFor();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});
