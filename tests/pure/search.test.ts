import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CaseSearch, groupHits, searchTokens, withinEdits, type SearchItem } from '../../shared/search/case-search';
import { searchItems } from '../../shared/search/case-search';
import { dateRange } from '../../shared/search/date-range';
import { claimsStateOf } from '../../shared/claims/case-edit';
import { targetCatalog } from '../../shared/claims/targets';
import { makeCaseData } from '../builders';

const item = (kind: SearchItem['kind'], id: string, title: string, text = ''): SearchItem => ({ kind, id, title, text, place: { kind: 'claim', claimId: id } });

const KNOWN: SearchItem[] = [
  item('element', 'spoof', 'They were circumvented by spoofed API keys and fraudulent accounts'),
  item('element', 'keys', 'Access keys were issued to verified accounts only'),
  item('clause', 'c-3.2', 'API Terms, clause 3.2', 'You may not use Outputs to develop models that compete with Northwind.'),
  item('clause', 'c-zh', '服务条款 第4条', '禁止使用自动化脚本批量获取输出。'),
  item('annotation', 'a-1', 'self-identification', 'The suspect says “I am Atlas”, the original model’s name'),
  item('link', 'l-1', 'Account acct_7f3a accepted v2 of the terms on 2025-06-03'),
  item('pair', 'p-1', 'Pair alpaca-0042', 'Explain gradient descent step by step'),
];

test('words are lower-cased, and Chinese is searched character by character', () => {
  assert.deepEqual(searchTokens('I am Atlas，我是Atlas。'), ['i', 'am', 'atlas', '我', '是', 'atlas']);
});

test('typos are counted as edits, a swap of neighbours as one', () => {
  assert.ok(withinEdits('atlsa', 'atlas', 1));
  assert.ok(withinEdits('spofed', 'spoofed', 1));
  assert.ok(!withinEdits('keys', 'key', 0));
  assert.ok(!withinEdits('atlas', 'alias', 1));
});

test('search ranks a known set: every query word must match, best match first', () => {
  const search = new CaseSearch(KNOWN);
  const ids = (query: string) => search.search(query).map((h) => h.id);
  assert.deepEqual(ids('spoofed keys'), ['spoof'], 'both words, only in one element');
  assert.equal(ids('keys')[0], 'keys', 'the title that is mostly the word ranks first');
  assert.ok(ids('keys').includes('spoof'));
  assert.deepEqual(ids('atlsa'), ['a-1'], 'one typo');
  assert.deepEqual(ids('compete outputs'), ['c-3.2']);
  assert.deepEqual(ids('自动化脚本'), ['c-zh']);
  assert.deepEqual(ids('acct_7f3a'), ['l-1']);
  assert.deepEqual(ids('gradient'), ['p-1']);
  assert.deepEqual(ids('grad'), ['p-1'], 'a word being typed matches as a prefix');
  assert.deepEqual(ids('zebra'), []);
  assert.deepEqual(ids('a'), [], 'one letter is too short to search');
});

test('the case’s claims, elements, notes, annotations and sources are all searchable, grouped by kind', () => {
  const data = makeCaseData();
  const search = new CaseSearch(searchItems(claimsStateOf(data), targetCatalog(data)));
  assert.deepEqual(groupHits(search.search('acct-1')).map((g) => g.kind), ['link']);
  assert.deepEqual(groupHits(search.search('greeting emoji')).map((g) => [g.kind, g.hits.length]), [['annotation', 1]]);
  assert.deepEqual(groupHits(search.search('gateway export')).map((g) => g.kind), ['link', 'annotation', 'source']);
  const claim = search.search('breach terms service')[0]!;
  assert.equal(claim.kind, 'claim');
  assert.deepEqual(claim.place, { kind: 'claim', claimId: data.claims[0]!.id });
});

test('a date or a range of dates typed in search is a whole-day UTC range', () => {
  assert.deepEqual(dateRange('2026-01-05'), { from: Date.UTC(2026, 0, 5), to: Date.UTC(2026, 0, 6) - 1, label: 'on 2026-01-05 (UTC)' });
  assert.deepEqual(dateRange(' 2026-01-05..2026-01-09 '), { from: Date.UTC(2026, 0, 5), to: Date.UTC(2026, 0, 10) - 1, label: 'from 2026-01-05 to 2026-01-09 (UTC)' });
  assert.equal(dateRange('2026-01-05 to 2026-01-09')?.to, Date.UTC(2026, 0, 10) - 1);
  assert.equal(dateRange('2026-01-09..2026-01-05'), null, 'backwards');
  assert.equal(dateRange('2026-13-40'), null);
  assert.equal(dateRange('2026-02-30'), null, 'not a day of the calendar');
  assert.equal(dateRange('acct_7f3a'), null);
});
