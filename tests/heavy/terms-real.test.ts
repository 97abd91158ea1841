// The failures reported on real published terms (issue "Terms of Service read
// as a lawyer reads them"), each kept as a test on the committed copies.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { redlineFinding } from '../../shared/analysis/findings';
import { redline, summarizeRedline } from '../../shared/analysis/tos-redline';
import { checkCorpus, ordered, readCorpus } from '../terms-corpus';

const corpus = readCorpus('fixtures/tos-real');
const version = (document: string, date: string) => {
  const found = corpus.get(document)?.find((v) => v.date === date);
  assert.ok(found, `${document}_${date} is among the fixtures`);
  return found.reading;
};
const clauseWith = (reading: ReturnType<typeof version>, pattern: RegExp) => {
  const found = reading.clauses.filter((c) => pattern.test(c.text));
  assert.ok(found.length > 0, `a clause matches ${pattern}`);
  return found;
};

test('every real version: unique citations, clauses that are slices of the stored text, and the split guard quiet except on rewrites', () => {
  const { versions, pairs } = checkCorpus(corpus);
  assert.deepEqual([versions, pairs], [24, 15]);
});

test('Qwen: bold-wrapped escaped numbers (**1\\. Minimum Age.**) nest under their Roman section, and the anti-distillation item has its own citation', () => {
  const qwen = version('qwen-chat-terms-of-service', '2026-05-19');
  const minimumAge = clauseWith(qwen, /Minimum Age\.\s+You must be at least 18/)[0]!;
  assert.equal(minimumAge.citation, 'I.1');
  const distil = clauseWith(qwen, /^\s*• \(c\) scrape, mine, or distil/);
  assert.equal(distil.length, 1);
  assert.equal(distil[0]!.citation, 'II.1(c)');
  assert.equal(qwen.clauses.filter((c) => c.number === 'II.1(c)').length, 1, 'no other clause shares its number');
  assert.deepEqual(clauseWith(qwen, /\(ii\) you are not subject to any economic/).map((c) => c.citation), ['I.2(c)(ii)'], '(ii) after (i) is a Roman numeral, (c) after (b) a letter');
});

test('ChatGPT: a run-in bold heading is its own clause, cited by its heading, carrying the competing-models use', () => {
  const chatgpt = version('chatgpt-terms-of-service', '2026-07-26');
  const cannot = chatgpt.clauses.find((c) => c.citation === 'Using our Services › What you cannot do')!;
  assert.ok(cannot, 'cited “Using our Services › What you cannot do”');
  assert.match(cannot.text, /Using Output to develop models that compete with OpenAI/);
  assert.ok(cannot.text.length < 1500, `the clause is the run-in paragraph and its list, not the whole section (${cannot.text.length} characters)`);
  assert.deepEqual(cannot.headingPath, ['Europe Terms of Use', 'Using our Services', 'What you cannot do']);
  const ip = chatgpt.clauses.find((c) => c.citation === 'Our IP rights ¶ 1');
  assert.ok(ip, 'a paragraph under a heading without numbers is cited by heading and paragraph');
});

test('ChatGPT 2026-01-16 → 2026-07-26: word joiners (U+2060) and other changes of dress are formatting only, never counted', () => {
  const from = version('chatgpt-terms-of-service', '2026-01-16');
  const to = version('chatgpt-terms-of-service', '2026-07-26');
  const lines = redline(ordered(from), ordered(to));
  const joinerOnly = lines.filter((l) => l.from && l.to && l.from.text !== l.to.text && l.from.text.replace(/\u2060/g, '') === l.to.text.replace(/\u2060/g, ''));
  assert.ok(joinerOnly.length > 0, 'some clauses differ only by word joiners');
  // Where new sub-headings changed a clause's citation it is renumbered; in words it is never changed.
  assert.deepEqual([...new Set(joinerOnly.map((l) => l.status))].sort(), ['formatting', 'renumbered']);
  assert.ok(joinerOnly.filter((l) => l.status === 'renumbered').every((l) => l.from!.citation !== l.to!.citation));
  const summary = summarizeRedline(lines);
  assert.ok(summary.formatting >= joinerOnly.length);
  assert.equal(summary.splitWarning, null);
  assert.deepEqual(lines.filter((l) => l.status === 'added' && l.to!.number).map((l) => l.to!.citation), ['10', '10(a)', '10(b)', '10(c)', '10(d)', '11', '12'], 'the new Licensed Materials, Sites and Academy sections are real additions');
});

test('ChatGPT 2025-12-17 → 2026-01-16: of the clauses that differ, the formatting-only ones are set apart from the changes in words', () => {
  const lines = redline(ordered(version('chatgpt-terms-of-service', '2025-12-17')), ordered(version('chatgpt-terms-of-service', '2026-01-16')));
  const summary = summarizeRedline(lines);
  assert.ok(summary.formatting > summary.changed, `${summary.formatting} formatting only, ${summary.changed} changed`);
  for (const l of lines.filter((x) => x.status === 'formatting')) {
    assert.notEqual(l.from!.text + (l.from!.markup ?? ''), l.to!.text + (l.to!.markup ?? ''), 'formatting means something in the source did change');
  }
});

test('a document starting with an empty link ([](https://x.ai/legal)) is read as Markdown', () => {
  const grok = version('grok-terms-of-service', '2025-11-11');
  assert.ok(grok.clauses.length > 50);
  assert.equal(grok.clauses.find((c) => c.citation === 'Contents')?.headingPath.length, 0, 'its table of contents is one clause');
});

test('Le Chat: a page that holds its terms twice keeps every citation unique and says so', () => {
  const leChat = version('le-chat-commercial-terms', '2026-05-28');
  assert.ok(leChat.notes.some((n) => /occur more than once/.test(n)));
  assert.ok(leChat.clauses.some((c) => c.citation === '2.2(g)'));
});

test('a redline between versions split differently warns, names both counts, and is saved as a finding only once confirmed', () => {
  const lines = redline(ordered(version('le-chat-commercial-terms', '2025-11-11')), ordered(version('le-chat-commercial-terms', '2026-05-28')));
  assert.match(summarizeRedline(lines).splitWarning ?? '', /split into clauses differently: \d+% of the earlier version’s clauses are removed; \d+% of the later version’s clauses are added; the versions have 54 and 193 clauses/);
  const input = { title: 'Le Chat Terms', from: { effectiveDate: '2025-11-11', sourceId: 'sourcev1abc' }, to: { effectiveDate: '2026-05-28', sourceId: 'sourcev2abc' }, clauses: lines };
  assert.throws(() => redlineFinding('case0000001', 'expert', input), /Confirm that you compared them to save this redline as a finding/);
  const finding = redlineFinding('case0000001', 'expert', { ...input, splitConfirmed: true });
  assert.match(String(finding.settings.splitWarning), /split into clauses differently/);
  assert.equal(finding.settings.splitConfirmedBy, 'expert');
});
