import { chunksOfRows } from '../../shared/log-store/log-chunks';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzeCampaign, DEFAULT_CAMPAIGN_SETTINGS, normalizePrompt } from '../../shared/analysis/campaign';
import { redlineFinding, timingFinding } from '../../shared/analysis/findings';
import { redline } from '../../shared/analysis/tos-redline';
import { accountTerms, tosTimeline, versionInForce, versionsInForceBetween } from '../../shared/analysis/tos-timeline';
import { LogParser, detectLogSettings } from '../../shared/import/log-import';
import { readTerms } from '../../shared/tos/read-terms';

const clauses = (name: string) => readTerms(name, new Uint8Array(readFileSync(`fixtures/demo/${name}`))).clauses.map((c, order) => ({ ...c, order }));
const summary = (lines: ReturnType<typeof redline>) => lines.filter((l) => l.status !== 'unchanged').map((l) => `${l.status} ${l.from?.citation ?? '-'}>${l.to?.citation ?? '-'}`);

test('the redline of v1 to v2 shows the competing-models clause added and the accounts clause changed', () => {
  const lines = redline(clauses('tos-2025-01-15.md'), clauses('tos-2025-06-01.html'));
  assert.deepEqual(summary(lines), ['changed Northwind AI API Terms of Service ¶ 1>Northwind AI API Terms of Service ¶ 1', 'changed 2.3>2.3', 'added ->3.4', 'added ->3.5']);
  const changed = lines.find((l) => l.to?.number === '2.3')!;
  assert.deepEqual(changed.segments!.filter((s) => s.kind !== 'same').map((s) => [s.kind, s.text.trim()]), [['inserted', ', or operate more than one account to evade limits']]);
});

test('a clause whose text stayed the same under a new number is renumbered, not removed and added', () => {
  const lines = redline(clauses('tos-2025-06-01.html'), clauses('tos-2026-01-10.txt'));
  // The plain-text version sets its title in capitals and its sections as "Section 1 Acceptance": the same words, so formatting only.
  assert.deepEqual(summary(lines), [
    'changed Northwind AI API Terms of Service>NORTHWIND AI API TERMS OF SERVICE',
    'changed Northwind AI API Terms of Service ¶ 1>NORTHWIND AI API TERMS OF SERVICE ¶ 1',
    'formatting 1>1',
    'formatting 2>2',
    'added ->2.2',
    'renumbered 2.2>2.3',
    'renumbered 2.3>2.4',
    'formatting 3>3',
    'changed 3.4>3.4',
    'formatting 4>4',
    'formatting 5>5',
    'changed 5.1>5.1',
  ]);
  const removedOne = redline(clauses('tos-2025-06-01.html').filter((c) => c.number !== '4.1'), clauses('tos-2025-06-01.html'));
  assert.deepEqual(summary(removedOne), ['added ->4.1']);
  assert.deepEqual(summary(redline(clauses('tos-2025-06-01.html'), clauses('tos-2025-01-15.md'))), ['changed Northwind AI API Terms of Service ¶ 1>Northwind AI API Terms of Service ¶ 1', 'changed 2.3>2.3', 'removed 3.4>-', 'removed 3.5>-']);
});

test('which version was in force on a date, and over a period', async () => {
  const versions = [{ effectiveDate: '2025-01-15' }, { effectiveDate: '2025-06-01' }, { effectiveDate: '2026-01-10' }];
  assert.equal(versionInForce(versions, '2025-01-14'), null);
  assert.equal(versionInForce(versions, '2025-06-01')!.effectiveDate, '2025-06-01');
  assert.equal(versionInForce(versions, '2025-12-31')!.effectiveDate, '2025-06-01');
  assert.deepEqual(versionsInForceBetween(versions, '2025-12-01', '2026-03-01').map((v) => v.effectiveDate), ['2025-06-01', '2026-01-10']);
  const timeline = tosTimeline([{ id: 'doc00000001', caseId: 'case0000001', title: 'Terms' }], versions.map((v, i) => ({ ...v, id: `ver0000000${i}`, caseId: 'case0000001', documentId: 'doc00000001', sourceId: `src0000000${i}`, text: '' })));
  assert.deepEqual(timeline[0]!.versions.map((v) => v.until), ['2025-06-01', '2026-01-10', null]);
  const terms = await accountTerms(chunksOfRows([{ caseId: 'c', sourceId: 's', line: 1, ts: Date.parse('2025-05-30T10:00:00Z'), tsText: '', account: 'acct_a' }, { caseId: 'c', sourceId: 's', line: 2, ts: Date.parse('2025-06-02T10:00:00Z'), tsText: '', account: 'acct_a' }]), timeline);
  assert.deepEqual(terms[0]!.inForce, [{ title: 'Terms', versions: ['2025-01-15', '2025-06-01'] }]);
});

const demoLog = (() => {
  const text = readFileSync('fixtures/demo/api-gateway-2026Q1.jsonl', 'utf8');
  const parser = new LogParser(detectLogSettings(text), { caseId: 'case0000001', sourceId: 'source00001' });
  return [...parser.push(text).entries, ...parser.end().entries];
})();

test('the planted campaign is found: three clusters behind shared /24s and keys, templated, machine-regular', async () => {
  const analysis = await analyzeCampaign(chunksOfRows(demoLog));
  assert.deepEqual(analysis.clusters.map((c) => c.accounts.length), [14, 11, 9]);
  assert.equal(analysis.singletons, 60);
  for (const cluster of analysis.clusters) {
    assert.ok(cluster.sharedBy.some((s) => s.attribute === 'ip24' && s.accounts === cluster.accounts.length), 'the whole cluster shares one /24');
    assert.ok(cluster.topTemplatesShare > 0.85, `top templates cover ${cluster.topTemplatesShare}`);
    assert.equal(cluster.reasoningRequests, cluster.requests);
    assert.equal(cluster.machineRegularAccounts, cluster.accounts.length);
    assert.equal(cluster.daily.reduce((n, d) => n + d.requests, 0), cluster.requests);
    assert.equal(cluster.hourOfDay.reduce((n, h) => n + h, 0), cluster.requests);
    // Ramp-up: more requests in the last four weeks than in the first four.
    const firstMonth = cluster.daily.filter((d) => d.date < '2026-02-02').reduce((n, d) => n + d.requests, 0);
    const lastMonth = cluster.daily.filter((d) => d.date >= '2026-03-02').reduce((n, d) => n + d.requests, 0);
    assert.ok(lastMonth > 2 * firstMonth, `${firstMonth} then ${lastMonth}`);
  }
  assert.deepEqual(await analyzeCampaign(chunksOfRows(demoLog)), analysis, 'reproducible');
});

test('the campaign does not depend on the rows’ order or on how they fall into chunks and sources', async () => {
  const shuffled = demoLog.map((row, i) => ({ row, key: (i * 7919) % demoLog.length })).sort((a, b) => a.key - b.key).map(({ row }, i) => ({ ...row, sourceId: i % 2 ? 'source00002' : 'source00001' }));
  const inOrder = await analyzeCampaign(chunksOfRows(demoLog));
  const mixed = await analyzeCampaign(chunksOfRows(shuffled));
  // Timing lists its accounts' intervals computed from sorted times; everything else is counted, so all must agree.
  assert.deepEqual(mixed, inOrder);
  const daily = new Map<string, number>();
  const accounts = new Set(inOrder.clusters[0]!.accounts);
  for (const row of demoLog) if (row.account && accounts.has(row.account) && row.ts !== null) daily.set(new Date(row.ts).toISOString().slice(0, 10), (daily.get(new Date(row.ts).toISOString().slice(0, 10)) ?? 0) + 1);
  assert.deepEqual(inOrder.clusters[0]!.daily, [...daily].sort(([a], [b]) => a.localeCompare(b)).map(([date, requests]) => ({ date, requests })));
});

test('linking by user agent as well joins the two clusters that run the same harvesting client', async () => {
  const analysis = await analyzeCampaign(chunksOfRows(demoLog.filter((e) => e.userAgent?.includes('harvest') || e.userAgent?.includes('collector'))), { ...DEFAULT_CAMPAIGN_SETTINGS, linkBy: ['apiKey', 'ip24', 'userAgent'] });
  assert.deepEqual(analysis.clusters.map((c) => c.accounts.length), [25, 9]);
});

test('prompts are normalised to a template: numbers, quotes and names become slots', () => {
  assert.equal(normalizePrompt('Write a detailed tutorial on "quicksort" for lesson 12.  Thanks, Alice Smith'), 'write a detailed tutorial on <q> for lesson <n>. thanks, <name>');
});

test('a redline saved as a finding keeps the counts, the changed clauses and their source lines', () => {
  const lines = redline(clauses('tos-2025-06-01.html'), clauses('tos-2026-01-10.txt'));
  const finding = redlineFinding('case0000001', 'expert', { title: 'API Terms', from: { effectiveDate: '2025-06-01', sourceId: 'sourcev2abc' }, to: { effectiveDate: '2026-01-10', sourceId: 'sourcev3abc' }, clauses: lines });
  assert.equal(finding.kind, 'tos-redline');
  assert.equal(finding.title, 'API Terms: version of 2025-06-01 against 2026-01-10, 7 of 20 clauses differ (5 more in formatting only)');
  assert.deepEqual(finding.figures.counts, { added: 1, removed: 0, changed: 4, renumbered: 2, formatting: 5, unchanged: lines.length - 12 });
  const added = (finding.figures.clauses as { status: string; to: { number: string; line: number } }[]).find((c) => c.status === 'added')!;
  assert.equal(added.to.number, '2.2');
  assert.ok(finding.rows.some((r) => r.sourceId === 'sourcev3abc' && r.line === added.to.line), 'the added clause is among the rows behind it');
  assert.equal(finding.rows.filter((r) => r.sourceId === 'sourcev2abc').length, 6, 'one from-line per changed or renumbered clause, none for formatting');
});

test('a cluster’s timing saved as a finding lists every account with its regularity', async () => {
  const cluster = (await analyzeCampaign(chunksOfRows(demoLog))).clusters[0]!;
  const finding = timingFinding('case0000001', 'expert', cluster, DEFAULT_CAMPAIGN_SETTINGS, [{ sourceId: 'source00001', line: 1 }]);
  assert.equal(finding.title, `Request timing of cluster 1: ${cluster.machineRegularAccounts} of 14 accounts machine-regular`);
  assert.equal((finding.figures.accounts as unknown[]).length, 14);
  assert.deepEqual(finding.settings, { ...DEFAULT_CAMPAIGN_SETTINGS });
});
