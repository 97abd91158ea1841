// Terms read and redlined in Node, the CLI's code path (the app runs the same
// functions in its import worker): the real recorded versions in
// fixtures/tos-real, and one long synthetic document.
import { diffLines } from 'diff';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { redline } from '../shared/analysis/tos-redline';
import { readTerms, type TermsReading } from '../shared/tos/read-terms';

const REAL = 'fixtures/tos-real';
const ordered = (reading: TermsReading) => reading.clauses.map((c, order) => ({ ...c, order }));

function timed<T>(work: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = work();
  return { result, ms: performance.now() - start };
}

export function termsBench(): string[] {
  const files = readdirSync(REAL).filter((f) => /_\d{4}-\d{2}-\d{2}\.md$/.test(f)).sort();
  const texts = files.map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(REAL, f))) }));
  const bytes = texts.reduce((n, t) => n + t.bytes.length, 0);
  const parse = () => texts.map((t) => fromMarkdown(new TextDecoder().decode(t.bytes), { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }));
  const readAll = () => texts.map((t) => readTerms(t.name, t.bytes));
  // Once each before timing, so neither pays for the other's warm-up.
  parse();
  readAll();
  const parseOnly = timed(parse);
  const read = timed(readAll);
  const clauses = read.result.reduce((n, r) => n + r.clauses.length, 0);

  const pairs: [TermsReading, TermsReading, string, string][] = [];
  files.forEach((f, i) => {
    const next = files[i + 1];
    if (next && next.replace(/_\d{4}.*$/, '') === f.replace(/_\d{4}.*$/, '')) pairs.push([read.result[i]!, read.result[i + 1]!, new TextDecoder().decode(texts[i]!.bytes), new TextDecoder().decode(texts[i + 1]!.bytes)]);
  });
  const realRedlines = timed(() => pairs.map(([a, b]) => redline(ordered(a), ordered(b))));
  const realLineDiff = timed(() => pairs.map(([, , a, b]) => diffLines(a, b)));

  const synthetic = (changed: boolean) => Array.from({ length: 5000 }, (_, i) => `${i + 1}. Clause ${i} of the terms, with (a) words.\n\n(a) the first sub-item ${changed && i % 10 === 1 ? 'reworded' : 'as made'} ${i}\n\n(b) the second sub-item`).join('\n\n');
  const [before, after] = [synthetic(false), synthetic(true)].map((t) => readTerms('long.txt', new TextEncoder().encode(t)));
  const long = timed(() => redline(ordered(before!), ordered(after!)));
  const longLineDiff = timed(() => diffLines(synthetic(false), synthetic(true)));
  const changed = long.result.filter((l) => l.status === 'changed').length;

  const ms = (x: number) => `${Math.round(x)} ms`;
  return [
    `  reading the ${files.length} real versions (${Math.round(bytes / 1024)} KB, ${clauses.toLocaleString('en-US')} clauses): ${ms(read.ms)}; baseline, micromark's parse alone (with the same GitHub tables extension): ${ms(parseOnly.ms)} (${(read.ms / parseOnly.ms).toFixed(1)}x)`,
    `  redlining the ${pairs.length} consecutive real pairs: ${ms(realRedlines.ms)}; baseline, jsdiff diffLines of the same texts: ${ms(realLineDiff.ms)} (${(realRedlines.ms / realLineDiff.ms).toFixed(1)}x)`,
    `  redlining a ${before!.clauses.length.toLocaleString('en-US')}-clause plain-text document against a version with ${changed.toLocaleString('en-US')} clauses changed: ${ms(long.ms)}; baseline, diffLines of the two texts: ${ms(longLineDiff.ms)} (${(long.ms / longLineDiff.ms).toFixed(1)}x)`,
  ];
}
