import { CancellationError } from '../../shared/errors';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyzePairs } from '../../shared/analysis/pair-analysis';
import { CorpusIndex } from '../../shared/analysis/corpus-search';
import { lcsLength } from '../../shared/analysis/lcs';
import { seededRandom } from '../../shared/random';
import { pairMarkup } from '../../shared/analysis/pair-markup';
import { DEFAULT_PAIR_SETTINGS, compareTexts, markdownSkeleton, sharedRuns } from '../../shared/analysis/pair-metrics';
import { gramSet, sharedGrams } from '../../shared/analysis/ngrams';
import { tokenize } from '../../shared/analysis/tokens';
import { parseCombinedPairs } from '../../shared/import/pairs-import';

const close = (actual: number, expected: number, what: string) => assert.ok(Math.abs(actual - expected) < 1e-9, `${what}: ${actual} ≠ ${expected}`);

test('metrics of a small English pair, worked out by hand', () => {
  // the cat sat on the mat / the cat sat on a mat: LCS 5 of 6, longest run 4, 3-grams share 2 of 6 (union) and 2 of the suspect's 4.
  const c = compareTexts('The cat sat on the mat.', 'The cat sat on a mat.');
  close(c.values.rougeL, 5 / 6, 'ROUGE-L');
  assert.deepEqual(Object.keys(c.values), ['wordJaccard', 'wordContainment', 'charContainment', 'rougeL', 'longestRunShare', 'structure'], 'no metric is another under a second name');
  close(c.values.longestRunShare, 4 / 6, 'longest run share');
  close(c.values.wordJaccard, 2 / 6, 'word 3-gram Jaccard');
  close(c.values.wordContainment, 2 / 4, 'word 3-gram containment');
  assert.deepEqual([c.longestRun.length, c.longestRun.characters, c.ngram, c.sameOpening], [4, 'The cat sat on'.length, 3, false]);
  assert.deepEqual(Object.values(compareTexts('Same text here.', 'Same text here.').values), [1, 1, 1, 1, 1, 1]);
});

test('Chinese is tokenised by character and compared by character bigrams, not by white space', () => {
  assert.deepEqual(tokenize('我是Atlas，一个AI助手', { caseFold: true }).map((t) => t.text), ['我', '是', 'atlas', '一', '个', 'ai', '助', '手']);
  // Bigrams 甲乙 乙丙 丙丁 against 甲乙 乙丙 丙戊: 2 shared of 4 in all, 2 of the suspect's 3.
  const c = compareTexts('甲乙丙丁', '甲乙丙戊');
  assert.equal(c.ngram, 2);
  close(c.values.wordJaccard, 2 / 4, 'CJK bigram Jaccard');
  close(c.values.wordContainment, 2 / 3, 'CJK bigram containment');
  assert.equal(c.longestRun.length, 3);
  const tokens = tokenize('光合作用是植物利用光能', { caseFold: true });
  assert.equal(tokens.length, 11, 'one token per character');
  assert.deepEqual([tokens[2]!.start, tokens[2]!.end], [2, 3]);
});

test('NFKC and case folding make full-width and capitalised text compare equal; without folding they differ', () => {
  assert.equal(compareTexts('Ｆｕｌｌ Width TEXT', 'full width text').values.rougeL, 1);
  assert.ok(compareTexts('Full Width TEXT', 'full width text', { ...DEFAULT_PAIR_SETTINGS, caseFold: false }).values.rougeL < 1);
});

test('the bit-parallel LCS agrees with the textbook dynamic programme, across word boundaries', () => {
  const random = seededRandom(3);
  const dp = (a: string[], b: string[]) => {
    let prev = new Array<number>(b.length + 1).fill(0);
    for (const x of a) {
      const row = [0];
      b.forEach((y, j) => row.push(x === y ? prev[j]! + 1 : Math.max(prev[j + 1]!, row[j]!)));
      prev = row;
    }
    return prev[b.length]!;
  };
  for (const [m, n] of [[0, 5], [1, 1], [31, 33], [32, 32], [33, 64], [100, 70], [257, 300]] as const) {
    const a = Array.from({ length: m }, () => String(Math.floor(random() * 6)));
    const b = Array.from({ length: n }, () => String(Math.floor(random() * 6)));
    assert.equal(lcsLength(a, b), dp(a, b), `${m}×${n}`);
  }
});

test('a pair too different to mark word by word is flagged in the view, and its metrics stay exact', () => {
  const words = (seed: number) => Array.from({ length: 3000 }, (_, i) => `w${(i * seed) % 9973}`).join(' ');
  const settings = { ...DEFAULT_PAIR_SETTINGS, maxEditLength: 50 };
  assert.equal(pairMarkup(words(7), words(13), 6, settings).exact, false);
  const c = compareTexts(words(7), words(13), settings);
  assert.ok(c.values.rougeL >= 0 && c.values.rougeL <= 1);
});

test('shared verbatim runs of at least N tokens, as a plagiarism checker highlights them', () => {
  const a = 'one two three four five six seven'.split(' ');
  const b = 'zero one two three four x five six seven'.split(' ');
  assert.deepEqual(sharedRuns(a, b, 3), [{ referenceStart: 0, candidateStart: 1, length: 4 }, { referenceStart: 4, candidateStart: 6, length: 3 }]);
  assert.deepEqual(sharedRuns(a, b, 5), []);
});

test('the Markdown skeleton sees headings, lists, code and paragraphs', () => {
  assert.deepEqual(markdownSkeleton('# Title\n\nIntro line\nstill intro\n\n1. one\n2. two\n- bullet\n\n```js\ncode\n```\n> quote'), ['heading', 'paragraph', 'numbered', 'numbered', 'bullet', 'code', 'quote']);
});

test('across the demo pairs the suspect is far closer to the original than the control, and the test says so', () => {
  const { pairs } = parseCombinedPairs(readFileSync('fixtures/demo/output-pairs.jsonl', 'utf8'), { caseId: 'case0000001', sourceId: 'source00001' }, 'output-pairs.jsonl');
  const analysis = analyzePairs(pairs);
  assert.deepEqual([analysis.pairs, analysis.withControl], [10, 10]);
  const jaccard = analysis.metrics.find((m) => m.metric === 'wordJaccard')!;
  assert.ok(jaccard.meanSuspect > 0.8 && jaccard.meanControl! < 0.1, JSON.stringify(jaccard));
  assert.ok(jaccard.ci95![0] > 0.6 && jaccard.ci95![1] <= 1);
  // All ten differences positive: the exact one-sided p is 1 / 2^10.
  close(jaccard.pValue!, 1 / 1024, 'p');
  assert.match(jaccard.test!, /one-sided \(suspect closer to the original than the control\)/);
  const shuffled = [...pairs].reverse().map((p, i) => ({ ...p, id: `other${String(i).padStart(6, '0')}` }));
  assert.deepEqual(analyzePairs(shuffled).metrics, analysis.metrics, 'the same pairs in another order, with other ids, give the same figures');
  assert.equal(analysis.softwareVersion, JSON.parse(readFileSync('package.json', 'utf8')).version);

  const noControl = analyzePairs(pairs.map((p) => ({ ...p, others: [] })));
  assert.match(noControl.baseline, /no baseline/);
  assert.deepEqual([noControl.metrics[0]!.meanControl, noControl.metrics[0]!.difference, noControl.metrics[0]!.pValue], [null, null, null]);
});

test('a cancelled pair analysis stops with a cancellation', () => {
  const { pairs } = parseCombinedPairs(readFileSync('fixtures/demo/output-pairs.jsonl', 'utf8'), { caseId: 'case0000001', sourceId: 'source00001' }, 'output-pairs.jsonl');
  let asked = 0;
  const signal = { get aborted() { return ++asked > 3; } } as AbortSignal;
  assert.throws(() => analyzePairs(pairs, {}, { signal }), (error: Error) => error instanceof CancellationError);
  assert.equal(asked, 4, 'it stopped at the first check after the cancel');
});

test('the pair markup marks differences and shared runs over the original text, keeping every character', () => {
  const original = 'The cat sat on the mat. It purred.';
  const suspect = 'The cat sat on a mat. It purred.';
  const m = pairMarkup(original, suspect, 3);
  assert.equal(m.reference.map((s) => s.text).join(''), original);
  assert.equal(m.candidate.map((s) => s.text).join(''), suspect);
  assert.deepEqual(m.candidate.filter((s) => s.changed).map((s) => s.text), ['a']);
  assert.deepEqual(m.reference.filter((s) => s.changed).map((s) => s.text), ['the']);
  assert.deepEqual(m.candidate.filter((s) => s.run !== null).map((s) => [s.run, s.text]), [[1, 'The cat sat on'], [2, 'mat. It purred']]);
  assert.equal(m.exact, true);
});

test('corpus search finds the original a suspect output came from, even when it answers another prompt', () => {
  const { pairs } = parseCombinedPairs(readFileSync('fixtures/demo/output-pairs.jsonl', 'utf8'), { caseId: 'case0000001', sourceId: 'source00001' }, 'output-pairs.jsonl');
  const index = new CorpusIndex();
  const tokens = (text: string) => tokenize(text, { caseFold: true });
  for (const p of pairs) index.add(p.promptId, tokens(p.original.text));
  for (const p of pairs) assert.equal(index.search(tokens(p.suspect.text), 3)[0]!.id, p.promptId, `${p.promptId} finds its own original first`);
  // An answer to en-004 that is really the original's answer to en-001, reworded a little.
  const lifted = pairs.find((p) => p.promptId === 'en-001')!.original.text.replace('stores keys', 'keeps keys');
  const [best] = index.search(tokens(lifted), 3);
  assert.equal(best!.id, 'en-001');
  assert.ok(best!.similarity > 0.8);
  const analysis = analyzePairs(pairs);
  assert.deepEqual(analysis.results.map((r) => r.nearestOriginals[0]!.promptId), analysis.results.map((r) => r.promptId));
});

test('the longest verbatim run agrees with a brute-force search, also on repetitive text searched by run length', () => {
  const random = seededRandom(5);
  const bruteForce = (a: string[], b: string[]) => {
    let best = 0;
    for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (i + k < a.length && j + k < b.length && a[i + k] === b[j + k]) k++;
      best = Math.max(best, k);
    }
    return best;
  };
  const texts: [string[], string[]][] = Array.from({ length: 20 }, () => [
    Array.from({ length: 40 + Math.floor(random() * 60) }, () => `w${Math.floor(random() * 5)}`),
    Array.from({ length: 40 + Math.floor(random() * 60) }, () => `w${Math.floor(random() * 5)}`),
  ]);
  // One word repeated throughout: too many matching positions to follow one by one.
  texts.push([Array<string>(300).fill('again'), [...Array<string>(120).fill('again'), 'stop', ...Array<string>(150).fill('again')]]);
  for (const [a, b] of texts) {
    const run = compareTexts(a.join(' '), b.join(' ')).longestRun;
    assert.equal(run.length, bruteForce(a, b), `${a.length}×${b.length}`);
    assert.deepEqual(a.slice(run.referenceStart, run.referenceStart + run.length), b.slice(run.candidateStart, run.candidateStart + run.length));
  }
});

test('n-gram keys are exact: numbers while they fit, strings past that, equal only for equal n-grams', () => {
  const ids = [1, 2, 3, 1, 2, 3, 1, 2, 4];
  assert.equal(gramSet(ids, 3, 4).size, 4, '123 231 312 124');
  assert.equal(sharedGrams(gramSet([1, 2, 3], 3, 4), gramSet([3, 1, 2, 3], 3, 4)), 1);
  // A base too large for three digits in a double: ids past the cap are keyed by strings, the rest by numbers.
  const big = 300_000;
  const mixed = gramSet([big, 1, 2, big, 1, 2, 5, 6, 7], 3, Infinity);
  assert.deepEqual([...mixed.strings], [`${big},1,2`, `1,2,${big}`, `2,${big},1`]);
  assert.equal(mixed.size, 6);
  assert.equal(sharedGrams(mixed, gramSet([9, big, 1, 2], 3, Infinity)), 1);
  assert.deepEqual([...gramSet([7, 8], 3, 10).strings], ['7,8'], 'a text shorter than n is one gram');
});

test('n-gram sets count what sets of joined strings count, rolled keys and hashed slots included', () => {
  const random = seededRandom(4);
  const naive = (ids: number[], n: number) => new Set(ids.length < n ? [ids.join(',')] : ids.slice(0, ids.length - n + 1).map((_, i) => ids.slice(i, i + n).join(',')));
  for (let round = 0; round < 200; round++) {
    const n = 1 + Math.floor(random() * 5);
    const largest = round % 2 ? 5 + Math.floor(random() * 40) : 400_000;
    const draw = () => Array.from({ length: 1 + Math.floor(random() * 300) }, () => 1 + Math.floor(random() ** 3 * largest));
    const [a, b] = [draw(), draw()];
    const [x, y] = [naive(a, n), naive(b, n)];
    const [gx, gy] = [gramSet(a, n, round % 4 < 2 ? largest : Infinity), gramSet(b, n, round % 4 < 2 ? largest : Infinity)];
    assert.equal(gx.size, x.size, `round ${round}`);
    assert.equal(sharedGrams(gx, gy), [...x].filter((g) => y.has(g)).length, `round ${round}`);
  }
});

test('the anchored diff of the pair view is a true alignment, and as small as the minimal one on reworded text', () => {
  const random = seededRandom(9);
  const vocabulary = 'the model answer data value step rule term key token claim court party order'.split(' ');
  for (let round = 0; round < 5; round++) {
    const original = Array.from({ length: 2000 }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
    const suspect = original.flatMap((w) => (random() < 0.05 ? [] : random() < 0.05 ? [w, 'inserted'] : [random() < 0.05 ? 'replaced' : w]));
    const m = pairMarkup(original.join(' '), suspect.join(' '), 6);
    const kept = (segments: typeof m.reference) => segments.filter((s) => !s.changed).map((s) => s.text).join(' ').split(/\s+/).filter(Boolean);
    assert.deepEqual(kept(m.reference), kept(m.candidate), 'the unmarked tokens of both texts are the same sequence');
    const changed = original.length + suspect.length - 2 * kept(m.reference).length;
    const minimal = original.length + suspect.length - 2 * lcsLength(original, suspect);
    assert.ok(changed <= minimal * 1.05, `${changed} tokens marked, the minimal diff marks ${minimal}`);
  }
});

test('Thai, Lao, Khmer and Myanmar are split into words, not read as one word per phrase', () => {
  const words = (text: string) => tokenize(text, { caseFold: true }).map((t) => t.text);
  assert.deepEqual(words('สวัสดีครับ ขอบคุณมาก'), ['สวัสดี', 'ครับ', 'ขอบคุณ', 'มาก']);
  assert.deepEqual(words('សួស្តីពិភពលោក'), ['សួស្តី', 'ពិភពលោក']);
  const tokens = tokenize('Hello สวัสดีครับ', { caseFold: true });
  assert.deepEqual(tokens.map((t) => 'Hello สวัสดีครับ'.slice(t.start, t.end)), ['Hello', 'สวัสดี', 'ครับ'], 'offsets point into the text');
  // Two Thai answers sharing one word of three are no longer all-or-nothing.
  const c = compareTexts('สวัสดีครับ ขอบคุณมาก', 'สวัสดีค่ะ ขอบคุณมาก');
  assert.ok(c.values.rougeL > 0.4 && c.values.rougeL < 1, String(c.values.rougeL));
});
