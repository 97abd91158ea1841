import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { answersModelName, parseAnswers, parseCombinedPairs, joinAnswers, defaultJoin, type AnswerFile } from '../../shared/import/pairs-import';
import { OutputPair } from '../../shared/model/records';
import { readTerms } from '../../shared/tos/read-terms';

const IDS = { caseId: 'case0000001', sourceId: 'source00001' };
const read = (name: string) => readFileSync(`fixtures/demo/${name}`, 'utf8');

test('a combined pairs file gives original, suspect and control with model names, Chinese intact', () => {
  const { pairs, rejections, format } = parseCombinedPairs(read('output-pairs.jsonl'), IDS, 'output-pairs.jsonl');
  assert.deepEqual([format, pairs.length, rejections.length], ['jsonl', 10, 0]);
  const zh = pairs.find((p) => p.promptId === 'zh-002')!;
  assert.equal(zh.prompt, '你是谁？是哪家公司开发的？');
  assert.match(zh.suspect.text, /我是Atlas，一个由Northwind AI开发的人工智能助手/);
  assert.deepEqual([zh.original.model, zh.suspect.model, zh.others.map((o) => o.model)], ['atlas-2-large', 'lumen-7b-instruct', ['open-llm-13b']]);
  assert.deepEqual(zh.original.ref, { sourceId: IDS.sourceId, line: 8 });
});

test('a pairs row without a suspect output is rejected with its line', () => {
  const text = '{"prompt":"p","original":"a","suspect":"b"}\n{"prompt":"q","original":"a"}\n';
  const { pairs, rejections } = parseCombinedPairs(text, IDS, 'p.jsonl');
  assert.equal(pairs.length, 1);
  assert.deepEqual(rejections.map((r) => [r.line, r.reason]), [[2, 'has no suspect output']]);
});

test('separate answer files are joined by prompt text, every other model kept in file order, and one-sided prompts reported', () => {
  const file = (role: AnswerFile['role'], model: string, sourceId: string): AnswerFile => ({ role, fileName: `answers-${model}.json`, sourceId, answers: parseAnswers(read(`answers-${model}.json`)).answers });
  const files = [file('original', 'atlas-2-large', 'srcoriginal'), file('suspect', 'lumen-7b-instruct', 'srcsuspect1'), file('reference', 'open-llm-13b', 'srccontrol1'), file('related', 'atlas-2-small', 'srcrelated1')];
  const { pairs, report } = joinAnswers(IDS.caseId, files, 'prompt');
  assert.equal(pairs.length, 219);
  assert.ok(pairs.every((p) => p.others.map((o) => o.model).join() === 'open-llm-13b,atlas-2-small'));
  assert.deepEqual(report.onlyIn.map((o) => [o.role, o.keys]), [['original', ['What is bond duration?']], ['reference', ['What is bond duration?']], ['related', ['What is bond duration?']]]);
  const first = pairs[0]!;
  assert.deepEqual([first.original.ref, first.suspect.ref, first.promptId], [{ sourceId: 'srcoriginal', line: 2 }, { sourceId: 'srcsuspect1', line: 2 }, 'en-001']);
  assert.equal(pairs[1]!.original.ref.line, 9, 'each element keeps the line it starts on in the pretty-printed array');
  assert.equal(defaultJoin(files), 'id', 'every answer has an id');
});

test('a model that did not answer some paired prompts is paired without them, and said so', () => {
  const answers = (model: string, prompts: string[]) => parseAnswers(JSON.stringify(prompts.map((p) => ({ instruction: p, output: `${model} on ${p}`, generator: model })))).answers;
  const files: AnswerFile[] = [
    { role: 'original', fileName: 'o.json', sourceId: 'srcoriginal', answers: answers('o', ['a', 'b', 'c']) },
    { role: 'suspect', fileName: 's.json', sourceId: 'srcsuspect1', answers: answers('s', ['a', 'b', 'c']) },
    { role: 'reference', fileName: 'r.json', sourceId: 'srcrefer001', answers: answers('r', ['a', 'c']) },
  ];
  const { pairs, report } = joinAnswers(IDS.caseId, files, 'prompt');
  assert.deepEqual(pairs.map((p) => [p.prompt, p.others.map((o) => o.text)]), [['a', ['r on a']], ['b', []], ['c', ['r on c']]]);
  assert.deepEqual(report.onlyIn.map((o) => [o.fileName, o.keys]), [['r.json (no answer to 1 paired prompt)', ['b']]]);
});

test('the model a file of answers is from is read from its first record, else its file name', () => {
  assert.equal(answersModelName('[\n  {\n    "instruction": "x",\n    "output": "y",\n    "generator": "claude-3-opus-20240229"', 'a.json'), 'claude-3-opus-20240229');
  assert.equal(answersModelName('{"question_id": 81, "model_id": "vicuna-13b", "choices": []}', 'b.jsonl'), 'vicuna-13b');
  assert.equal(answersModelName('prompt,output\nx,y\n', 'gpt-4o answers.csv'), 'gpt-4o answers');
});

test('MT-Bench answer files (question_id, choices[0].turns) are joined by id', () => {
  const a = '{"question_id": 81, "model_id": "atlas", "choices": [{"index": 0, "turns": ["First turn.", "Second turn."]}]}\n{"question_id": 82, "model_id": "atlas", "choices": [{"turns": ["x"]}]}\n';
  const b = '{"question_id": 81, "model_id": "lumen", "choices": [{"index": 0, "turns": ["First turn!", "Second turn."]}]}\n{"question_id": 81, "model_id": "lumen", "choices": [{"turns": ["dup"]}]}\n';
  const files: AnswerFile[] = [
    { role: 'original', fileName: 'a.jsonl', sourceId: 'srcaaaaaaaa', answers: parseAnswers(a).answers },
    { role: 'suspect', fileName: 'b.jsonl', sourceId: 'srcbbbbbbbb', answers: parseAnswers(b).answers },
  ];
  assert.equal(defaultJoin(files), 'id');
  const { pairs, report } = joinAnswers(IDS.caseId, files, 'id');
  assert.deepEqual(pairs.map((p) => [p.promptId, p.original.text, p.suspect.model]), [['81', 'First turn.\n\nSecond turn.', 'lumen']]);
  assert.deepEqual(report.duplicates.map((d) => [d.fileName, d.rejection.line, d.rejection.reason]), [['b.jsonl', 2, 'answers the same prompt as line 1']]);
  assert.deepEqual(report.onlyIn.map((o) => [o.role, o.keys]), [['original', ['82']]]);
});

const terms = (name: string, text: string) => readTerms(name, new TextEncoder().encode(text));

test('Markdown terms split into numbered clauses with their heading path and offsets', () => {
  const { text, clauses } = terms('tos-2025-01-15.md', read('tos-2025-01-15.md'));
  const numbers = clauses.map((c) => c.number);
  assert.deepEqual(numbers.filter(Boolean), ['1', '1.1', '1.2', '2', '2.1', '2.2', '2.3', '3', '3.1', '3.2', '3.3', '4', '4.1', '5', '5.1']);
  const keys = clauses.find((c) => c.number === '2.2')!;
  assert.deepEqual(keys.headingPath, ['Northwind AI API Terms of Service', '2. Accounts and API keys']);
  assert.equal(text.slice(keys.start, keys.end), keys.text);
  assert.match(keys.text, /^2\.2 API keys are confidential/);
  assert.equal(keys.line, 15, 'the line of the clause in the Markdown file');
});

test('HTML terms keep their headings, and the competing-models clause is found in version 2', () => {
  const { text, clauses } = terms('tos-2025-06-01.html', read('tos-2025-06-01.html'));
  assert.doesNotMatch(text, /<|font-family/);
  const clause = clauses.find((c) => c.number === '3.4')!;
  assert.match(clause.text, /develop models that compete with Northwind AI/);
  assert.deepEqual(clause.headingPath, ['Northwind AI API Terms of Service', '3. Use of the Services']);
  assert.equal(terms('t.html', '<p>A &amp; B&nbsp;&#8212; &#x4E2D;</p>').text, 'A & B\u00a0— 中');
});

test('plain-text terms numbered "Section 2", "(a)" and "IV." nest the way they are cited', () => {
  const numbers = terms('t.txt', read('tos-2026-01-10.txt')).clauses.map((c) => c.number);
  assert.ok(numbers.includes('2') && numbers.includes('2.4') && numbers.includes('3.5'), numbers.join(' '));
  assert.deepEqual(terms('t.txt', 'Article IV General\n\n(a) first\n\n(b) second\n\n    (i) nested\n\n    (ii) again\n\n(c) third\n').clauses.map((c) => c.number), ['IV', 'IV(a)', 'IV(b)', 'IV(b)(i)', 'IV(b)(ii)', 'IV(c)']);
  assert.deepEqual(terms('t.md', '1. One\n\n2\\. Escaped two\n\n1455 Main Street is an address, not a clause\n').clauses.map((c) => c.number), ['1', '2']);
});

test('a CSV pairs file with quoted multi-line outputs keeps each pair on its first line', () => {
  const csv = 'id,prompt,original,suspect\r\nq1,"Say hi","Hello,\r\nworld","Hello,\r\nworld!"\r\nq2,Count,"1, 2, 3","1 2 3"\r\n';
  const { pairs, rejections, format } = parseCombinedPairs(csv, IDS, 'pairs.csv');
  assert.deepEqual([format, rejections.length], ['csv', 0]);
  assert.deepEqual(pairs.map((p) => [p.promptId, p.original.ref.line, p.original.text, p.suspect.text]), [
    ['q1', 2, 'Hello,\r\nworld', 'Hello,\r\nworld!'],
    ['q2', 5, '1, 2, 3', '1 2 3'],
  ]);
});

test('a pair stored with one control (before panels) reads with that control as its first other model', () => {
  const output = (model: string) => ({ model, text: `${model} answer`, ref: { sourceId: 'source00001', line: 1 } });
  const legacy = { id: 'pair00000001', caseId: IDS.caseId, promptId: 'p1', prompt: 'q', original: output('a'), suspect: output('b'), control: output('c') };
  const pair = OutputPair.parse(legacy);
  assert.deepEqual(pair.others.map((o) => o.model), ['c']);
  assert.ok(!('control' in pair));
  assert.deepEqual(OutputPair.parse({ ...legacy, control: undefined }).others, []);
});
