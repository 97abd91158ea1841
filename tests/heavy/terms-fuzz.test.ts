import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../shared/random';
import { readTerms } from '../../shared/tos/read-terms';

// Hundreds of generated documents: slow by design, so out of the seconds loop.
const read = (name: string, text: string) => readTerms(name, new TextEncoder().encode(text));

test('documents of random numbering, nesting and markup never crash the reader, and always give unique citations over slices of the text', () => {
  const random = seededRandom(11);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const tokens = ['1.', '2.', '1.1', '2.3.4', 'A.', 'A.1.', 'B.2.c.', '(a)', '(b)', '(i)', '(iv)', 'a)', 'IV.', 'C.', '5.E', 'Section 3.2(a)', 'Article II', '§ 7', '第三条', '二、', '（一）', '**1\\.**', '', '', ''];
  const prefixes = ['', '', '# ', '## ', '### ', '* ', '  * ', '1. ', '    1. ', '> '];
  const words = ['terms', 'Output', 'model', 'shall not', '**Use**.', '[link](x)', '&amp;', '\u2060', 'distil', '中文'];
  for (let n = 0; n < 150; n++) {
    const lines = Array.from({ length: 5 + Math.floor(random() * 40) }, () => `${pick(prefixes)}${pick(tokens)} ${Array.from({ length: 1 + Math.floor(random() * 8) }, () => pick(words)).join(' ')}`);
    const text = lines.join(random() < 0.5 ? '\n\n' : '\n');
    for (const name of ['t.md', 't.txt', 't.html']) {
      const source = name === 't.html' ? `<body>${lines.map((l) => `<p>${l}</p>`).join('')}<ol type="i"><li>${pick(words)}</li></ol></body>` : text;
      const reading = read(name, source);
      const cited = reading.clauses.map((c) => c.citation);
      assert.equal(new Set(cited).size, cited.length, `${name} #${n}: citations unique`);
      for (const c of reading.clauses) assert.equal(reading.text.slice(c.start, c.end), c.text, `${name} #${n}: ${c.citation} is a slice`);
    }
  }
});
