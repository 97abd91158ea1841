import { UnusableFileError } from '../../shared/errors';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { redline, summarizeRedline } from '../../shared/analysis/tos-redline';
import { TosClause } from '../../shared/model/records';
import { readTerms, readTermsFile } from '../../shared/tos/read-terms';

const read = (name: string, text: string) => readTerms(name, new TextEncoder().encode(text));
const citations = (name: string, text: string) => read(name, text).clauses.map((c) => c.citation);
const ordered = (name: string, text: string) => read(name, text).clauses.map((c, order) => ({ ...c, order }));

const COMMERCIAL = `# Commercial Terms

## A. Services

A.1. Access. Customer may use the Services.

A.2. Restrictions. Customer may not:

A.2.a. resell the Services; or

A.2.b. build a competing product.

## C. Confidentiality

C.1. Each party keeps the other's information confidential.

## D. Use Restrictions

D.1. General. Customer follows the Usage Policy.

D.4. Competing models. Customer may not train models that compete with the provider on Outputs.

## I. Indemnity

I.1. Provider defends Customer.

## L. Limitations

L.3. Excluded uses. The following are excluded, as L.3.b makes plain:

1. uses in breach of law;
2. uses to develop competing models;

## 5. Support

5.D Dedicated support.

5.E Emergency support around the clock.
`;

test('A. / A.1. / A.1.a. numbering splits into its clauses, lettered sections stay letters, D.4 is D.4', () => {
  const cited = citations('commercial.md', COMMERCIAL);
  assert.deepEqual(cited.filter((c) => /^[A-Z](\.|$)/.test(c)), ['A', 'A.1', 'A.2', 'A.2.a', 'A.2.b', 'C', 'C.1', 'D', 'D.1', 'D.4', 'I', 'I.1', 'L', 'L.3', 'L.3.a', 'L.3.b']);
  assert.deepEqual(cited.filter((c) => c.startsWith('5')), ['5', '5.D', '5.E']);
  const d4 = read('commercial.md', COMMERCIAL).clauses.find((c) => c.citation === 'D.4')!;
  assert.match(d4.text, /^D\.4\. Competing models/);
  assert.deepEqual(d4.headingPath, ['Commercial Terms', 'D. Use Restrictions']);
});

test('a changed item 5.E is reported as 5.E, and one changed clause is one changed line', () => {
  const lines = redline(ordered('v1.md', COMMERCIAL), ordered('v2.md', COMMERCIAL.replace('around the clock', 'on business days')));
  assert.deepEqual(lines.filter((l) => l.status !== 'unchanged').map((l) => `${l.status} ${l.to?.citation}`), ['changed 5.E']);
  assert.equal(summarizeRedline(lines).splitWarning, null);
});

test('nested list items are cited as the document cites them (L.3.b), or by the numbers the list gives them', () => {
  assert.ok(citations('t.md', COMMERCIAL).includes('L.3.b'));
  const plain = citations('t.md', '## 4. Payment\n\n4.2 Fees are due:\n\n1. monthly;\n2. in advance.\n');
  assert.deepEqual(plain.slice(-3), ['4.2', '4.2.1', '4.2.2']);
});

test('(a) / (i) / a) / IV. / Section 3.2(a)(i) / Article IV / § 4 each nest the way they are cited', () => {
  assert.deepEqual(citations('t.txt', 'Article IV General\n\n(a) first\n\n(b) second\n\n(i) nested\n\n(ii) again\n\n(c) third\n'), ['IV', 'IV(a)', 'IV(b)', 'IV(b)(i)', 'IV(b)(ii)', 'IV(c)']);
  assert.deepEqual(citations('t.txt', '1. One\n\na) first\n\nb) second\n\n2. Two\n'), ['1', '1(a)', '1(b)', '2']);
  assert.deepEqual(citations('t.txt', 'Section 3.2(a)(i) Notices go to the address on file.\n\n§ 4 Assignment is barred.\n'), ['3.2(a)(i)', '4']);
  assert.deepEqual(citations('t.txt', '(h) eighth\n\n(i) ninth, a letter after (h)\n'), ['(h)', '(i)']);
  assert.deepEqual(citations('t.md', 'I. First\n\nII. Second\n\nIII. Third\n'), ['I', 'II', 'III']);
});

test('Chinese numbering: 第一章 holds 第一条, articles are cited alone, （一） under its article, 一、 under its chapter', () => {
  const text = '服务条款\n\n第一章 总则\n\n第一条 本条款适用于您对本服务的使用。\n\n第二条 您不得：\n（一）利用本服务的输出开发竞争模型；\n（二）以自动化方式批量获取输出。\n\n第二章 账户\n\n一、您应当提供真实的注册信息。\n\n二、您不得共享账户。\n';
  assert.deepEqual(citations('zh.txt', text), ['Preamble ¶ 1', '第一章', '第一条', '第二条', '第二条（一）', '第二条（二）', '第二章', '第二章.一', '第二章.二']);
});

test('HTML is parsed, not reduced by patterns: entities decode, attributes with ">" do not leak, scripts go, nested lists keep their numbers', () => {
  const html = `<!doctype html><html><head><script>var a = "<p>9. fake</p>";</script><style>p{}</style></head><body>
<h1>Caf&eacute; Terms&trade;</h1>
<p class="a>b" title='x>y'>1. Fees are &euro;10 &amp; up &mdash; &#x4E2D;&#25991;.</p>
<ol type="a"><li>first<ol><li>nested one</li><li>nested two</li></ol></li><li><p>second</p><p>and its second paragraph</p></li></ol>
<p><b>Run-in.</b> Body.</p>
<table><tr><th>Plan</th><th>Price</th></tr><tr><td>Pro</td><td>&pound;5</td></tr></table>
</body></html>`;
  const reading = read('t.html', html);
  assert.equal(reading.format, 'html');
  assert.ok(reading.text.startsWith('Café Terms™\n\n1. Fees are €10 & up — 中文.'), reading.text);
  assert.doesNotMatch(reading.text, /b">|y'>|fake|p\{\}/);
  assert.deepEqual(reading.clauses.map((c) => c.citation), ['Café Terms™', '1', '1.a', '1.a.1', '1.a.2', '1.b', '1 › Run-in']);
  assert.match(reading.text, /Plan \| Price\nPro \| £5/);
  assert.match(reading.clauses.find((c) => c.citation === '1.b')!.text, /^b\. second\n\s+and its second paragraph$/, 'a list item’s later paragraphs stay with it');
  const nested = reading.clauses.find((c) => c.citation === '1.a.1')!;
  assert.equal(reading.text.slice(nested.start, nested.end), nested.text);
});

test('Markdown: an empty link at the start, escapes and emphasis are read as a reader sees them; JSON data is refused', () => {
  const reading = read('xai.md', '[](https://x.ai/legal)\n\n# Enterprise Terms\n\n**1\\. Definitions.** Words mean things.\n\n**2\\. Use.** You may not distil.\n');
  assert.deepEqual(reading.clauses.map((c) => [c.citation, c.text]), [['Enterprise Terms', 'Enterprise Terms'], ['1', '1. Definitions. Words mean things.'], ['2', '2. Use. You may not distil.']]);
  assert.equal(reading.clauses[1]!.markup, '**1\\. Definitions.** Words mean things.');
  assert.throws(() => read('terms.md', '{"terms": "1. none"}'), (e: unknown) => e instanceof UnusableFileError && /terms\.md is JSON data/.test(e.message));
});

test('changes of dress only (a full stop moved inside the bold, an escape, a link target, a word joiner) are formatting, not changes', () => {
  const v1 = '## Use\n\n**What you cannot do**. You may not use [Output](https://a.example/out) to train models.\n\n**Feedback**. We may use feedback\\!\n\n**Software**. It updates itself.\n';
  const v2 = '## Use\n\n**What you cannot do.** You may not use [Output](https://b.example/output) to train\u2060 models.\n\n**Feedback**. We may use feedback!\n\n**Software**. It updates itself, always.\n';
  const lines = redline(ordered('v1.md', v1), ordered('v2.md', v2));
  assert.deepEqual(lines.map((l) => `${l.status} ${l.to?.citation}`), ['unchanged Use', 'formatting Use › What you cannot do', 'formatting Use › Feedback', 'changed Use › Software']);
  const summary = summarizeRedline(lines);
  assert.deepEqual([summary.changed, summary.formatting], [1, 2]);
});

test('a document whose numbering cannot be followed still imports, clause by heading and paragraph, and says so', () => {
  const reading = read('prose.md', 'Some preamble.\n\nA second paragraph.\n\n## Rules\n\nFirst rule paragraph.\n\nSecond rule paragraph.\n');
  assert.deepEqual(reading.clauses.map((c) => c.citation), ['Preamble ¶ 1', 'Preamble ¶ 2', 'Rules', 'Rules ¶ 1', 'Rules ¶ 2']);
  assert.match(reading.notes.join(' '), /No clause numbering was found/);
  assert.equal(reading.clauses.map((c) => c.text).join('\n\n'), reading.text, 'no text is lost or merged');
});

test('repeated numbers under new sub-headings get the sub-heading in their citation, and the import says so', () => {
  const reading = read('t.md', '## For builders\n\n(a) Content.\n\n(b) Removal.\n\n## For users\n\n(a) Reporting.\n\n(b) Changes.\n');
  assert.deepEqual(reading.clauses.map((c) => c.citation), ['For builders', 'For builders › (a)', 'For builders › (b)', 'For users', 'For users › (a)', 'For users › (b)']);
  assert.match(reading.notes.join(' '), /2 clause numbers or headings occur more than once/);
});

test('a PDF is read with pdf.js: clauses keep their page and line, and a file that is not a PDF inside is refused by name', async () => {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const pages = [
    ['1. Acceptance', 'By using the API you accept these Terms.', '2. Restrictions', 'You may not use Output to develop competing models.'],
    ['3. Termination', 'We may end your access.', '3.1 Notice is given by email.'],
  ];
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 16, size: 11, font }));
  }
  const reading = await readTermsFile('terms.pdf', await doc.save());
  assert.equal(reading.format, 'pdf');
  assert.deepEqual(reading.clauses.map((c) => [c.citation, c.page, c.line]), [['1', 1, 1], ['2', 1, 3], ['3', 2, 1], ['3.1', 2, 3]]);
  assert.match(reading.clauses[1]!.text, /^2\. Restrictions You may not use Output to develop competing models\.$/);
  await assert.rejects(readTermsFile('broken.pdf', new TextEncoder().encode('%PDF-1.7\nnot really')), (e: unknown) => e instanceof UnusableFileError && /broken\.pdf cannot be read as a PDF/.test(e.message));
});

test('clauses stored before citations existed are read with the citation they were shown with', () => {
  const old = { id: 'clause000001', caseId: 'case0000001', versionId: 'version00001', headingPath: [], text: 'x', start: 0, end: 1, line: 1 };
  assert.equal(TosClause.parse({ ...old, order: 5, number: '' }).citation, '¶6');
  assert.equal(TosClause.parse({ ...old, order: 0, number: '3.4' }).citation, '3.4');
  assert.equal(TosClause.parse({ ...old, order: 0, number: '3.4', citation: 'Use › 3.4' }).citation, 'Use › 3.4');
});
