import { UnusableFileError } from '../../shared/errors';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseJsonRecord } from '../../shared/import/json-record';
import { DEFAULT_YEARS, MAX_TOKEN_COUNT } from '../../shared/import/log-import';
import { csvRecords } from '../../shared/import/records-in-text';
import { runImport, termsVersion, type ImportRequest, type ImportResult } from '../../shared/import/run-import';
import { LogEntry, OutputPair, TosClause, TosVersion } from '../../shared/model/records';
import { seededRandom } from '../../shared/random';
import { cli } from '../run-cli';

// A seeded corpus of malformed files, 1,000 per importer, made by mutating real fixture files the ways a
// hostile or broken export would. Every file must be refused with a clear reason (UnusableFileError), or
// imported with every bad row rejected: no crash, no hang, and no row a mutation poisoned accepted.

const FILES_PER_IMPORTER = 1_000;
const CASE = { caseId: 'case0000000000000000', sources: [], tosDocuments: [], tosVersions: [] };
const enc = new TextEncoder();
const dec = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** A mutated file and the lines the mutation made invalid: no record may come from them. */
interface Malformed {
  name: string;
  bytes: Uint8Array;
  mutations: string[];
  poisoned: Set<number>;
}

type Random = () => number;
const pick = <T,>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (random: Random, low: number, high: number) => low + Math.floor(random() * (high - low + 1));

/** Mutations on lines of text, each returning the lines it poisoned (made invalid as a record), if any. */
type LineMutation = (lines: string[], random: Random) => number[];

const jsonLine = (lines: string[], random: Random, test: (line: string) => boolean = () => true) => {
  const candidates = lines.map((l, i) => [l, i] as const).filter(([l]) => l.trimStart().startsWith('{') && test(l));
  return candidates.length ? pick(random, candidates)[1] : -1;
};

const LOG_MUTATIONS: Record<string, LineMutation> = {
  duplicateKey: (lines, random) => {
    const i = jsonLine(lines, random, (l) => l.includes('"account_id"'));
    if (i < 0) return [];
    lines[i] = lines[i]!.replace('{', '{"account_id":"acct_innocent",');
    return [i];
  },
  protoKey: (lines, random) => {
    const i = jsonLine(lines, random);
    if (i < 0) return [];
    lines[i] = lines[i]!.replace('{', pick(random, ['{"__proto__":{"account_id":"acct_x"},', '{"__proto__":"x",']));
    return [i];
  },
  deepNest: (lines, random) => {
    const i = jsonLine(lines, random, (l) => l.includes('"model":'));
    if (i < 0) return [];
    const depth = between(random, 65, 5_000);
    lines[i] = lines[i]!.replace('"model":', `"deep":${'['.repeat(depth)}1${']'.repeat(depth)},"model":`);
    return [i];
  },
  badTokens: (lines, random) => {
    const i = jsonLine(lines, random, (l) => l.includes('"prompt_tokens":'));
    if (i < 0) return [];
    lines[i] = lines[i]!.replace(/"prompt_tokens":\d+/, `"prompt_tokens":${pick(random, ['-5', '3.7', '1e20', '"lots"', '1e309', String(MAX_TOKEN_COUNT + 1)])}`);
    return [i];
  },
  badStatus: (lines, random) => {
    const i = jsonLine(lines, random, (l) => l.includes('"status":200'));
    if (i < 0) return [];
    lines[i] = lines[i]!.replace('"status":200', `"status":${pick(random, ['-1', '99999', '2.5', '"\\u0001\\u0002"', `"${'x'.repeat(100)}"`])}`);
    return [i];
  },
  badTime: (lines, random) => {
    const i = jsonLine(lines, random, (l) => l.includes('"timestamp":"'));
    if (i < 0) return [];
    lines[i] = lines[i]!.replace(/"timestamp":"[^"]*"/, `"timestamp":${pick(random, ['"0050-06-01T00:00:00Z"', '"yesterday"', '100000000000000000000', '"2026-02-30T00:00:00Z"', '"9999-01-01T00:00:00Z"'])}`);
    return [i];
  },
  badOffset: (lines, random) => {
    // Offsets no zone has, minutes past 59, and a 60th second that is no leap second: refused, never applied or rolled over.
    const i = jsonLine(lines, random, (l) => /"timestamp":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.test(l));
    if (i < 0) return [];
    lines[i] = lines[i]!.replace(/"timestamp":"(\d{4}-\d\d-\d\dT\d\d:\d\d):\d\d[^"]*"/, (_, minute: string) => `"timestamp":"${minute}${pick(random, [':00+24:00', ':00+99:99', ':00-00:60', ':00+14:01', ':60Z', ':60+01:00'])}"`);
    return [i];
  },
  numericId: (lines, random) => {
    // Numbers a double cannot hold as written: the account must be kept as this text (checkLogRows), never rounded or rewritten.
    const i = jsonLine(lines, random, (l) => l.includes('"account_id":"'));
    if (i < 0) return [];
    lines[i] = lines[i]!.replace(/"account_id":"[^"]*"/, `"account_id":${pick(random, ['9007199254740993', '1e400', '1e2', '1.0', '-0', '12345678901234567890'])}`);
    return [];
  },
  emptyText: (lines, random) => {
    const i = jsonLine(lines, random, (l) => l.includes('"account_id":"'));
    if (i < 0) return [];
    lines[i] = lines[i]!.replace(/"account_id":"[^"]*"/, '"account_id":""');
    return [];
  },
  truncateLine: (lines, random) => {
    const i = between(random, 0, lines.length - 1);
    const line = lines[i]!;
    if (line.length < 4) return [];
    lines[i] = line.slice(0, between(random, 1, line.length - 2));
    return line.trimStart().startsWith('{') ? [i] : [];
  },
  flipByte: (lines, random) => {
    // Not the first line: a CSV header with a flipped byte unmaps its column, which is a different file, not a damaged one.
    if (lines.length < 2) return [];
    const i = between(random, 1, lines.length - 1);
    const line = lines[i]!;
    if (!line) return [];
    const at = between(random, 0, line.length - 1);
    lines[i] = line.slice(0, at) + String.fromCharCode(between(random, 32, 126)) + line.slice(at + 1);
    return [];
  },
  duplicateLine: (lines, random) => {
    const i = between(random, 0, lines.length - 1);
    lines.splice(i, 0, lines[i]!);
    return [];
  },
  strayQuote: (lines, random) => {
    const i = between(random, 0, lines.length - 1);
    const at = between(random, 0, lines[i]!.length);
    lines[i] = `${lines[i]!.slice(0, at)}"${lines[i]!.slice(at)}`;
    return [];
  },
  longLine: (lines, random) => {
    lines.splice(between(random, 0, lines.length), 0, 'a'.repeat(between(random, 10_000, 200_000)));
    return [];
  },
  controlChars: (lines, random) => {
    const i = between(random, 0, lines.length - 1);
    // Any control character but the line ends, which would make new lines and move the poisoned ones.
    lines[i] = lines[i]! + String.fromCharCode(pick(random, [1, 2, 7, 8, 9, 11, 12, 27, 31]));
    return [];
  },
};

/** A data line that is a whole record by itself: no quotes in it or in the line before (which could hold a field running into it). */
const plainCsvLine = (lines: string[], random: Random) => {
  const candidates = lines.map((_, i) => i).filter((i) => i >= 2 && !lines[i]!.includes('"') && !lines[i - 1]!.includes('"') && lines[i]!.includes(','));
  return candidates.length ? pick(random, candidates) : -1;
};

const CSV_MUTATIONS: Record<string, LineMutation> = {
  unclosedQuote: (lines, random) => {
    const i = plainCsvLine(lines, random);
    if (i < 0) return [];
    const cells = lines[i]!.split(',');
    const at = between(random, 1, cells.length - 1);
    cells[at] = `"${cells[at]}`;
    lines[i] = cells.join(',');
    // The lines a quote left open swallows are rejected with it; the line it opens on is always among them.
    return [i];
  },
  extraField: (lines, random) => {
    const i = plainCsvLine(lines, random);
    if (i < 0) return [];
    lines[i] += ',extra';
    return [i];
  },
  badTokens: (lines, random) => {
    const i = plainCsvLine(lines, random);
    if (i < 0) return [];
    const cells = lines[i]!.split(',');
    cells[cells.length - 3] = pick(random, ['-5', '3.7', '1e20', 'lots']);
    lines[i] = cells.join(',');
    return [i];
  },
  manyColumns: (lines, random) => {
    lines[0] += Array.from({ length: between(random, 1_000, 10_000) }, (_, k) => `,c${k}`).join('');
    return [];
  },
  duplicateHeader: (lines) => {
    lines[0] = lines[0]!.replace('model', 'account');
    return [];
  },
  flipByte: LOG_MUTATIONS.flipByte!,
  duplicateLine: LOG_MUTATIONS.duplicateLine!,
  strayQuote: LOG_MUTATIONS.strayQuote!,
};

const PAIRS_MUTATIONS: Record<string, LineMutation> = {
  wrongType: (lines, random) => {
    const i = jsonLine(lines, random, (l) => l.includes('"suspect":"'));
    if (i < 0) return [];
    lines[i] = lines[i]!.replace(/"suspect":"(?:[^"\\]|\\.)*"/, `"suspect":${pick(random, ['42', 'true', '[]', '{"text":"x"}', 'null'])}`);
    return [i];
  },
  wrongPromptType: (lines, random) => {
    const i = jsonLine(lines, random, (l) => l.includes('"prompt":"'));
    if (i < 0) return [];
    lines[i] = lines[i]!.replace(/"prompt":"(?:[^"\\]|\\.)*"/, `"prompt":${pick(random, ['7', 'false', '["a","b"]'])}`);
    return [i];
  },
  duplicateKey: (lines, random) => {
    const i = jsonLine(lines, random, (l) => l.includes('"original":'));
    if (i < 0) return [];
    lines[i] = lines[i]!.replace('{', '{"original":"a planted answer",');
    return [i];
  },
  protoKey: LOG_MUTATIONS.protoKey!,
  deepNest: (lines, random) => {
    const i = jsonLine(lines, random, (l) => l.includes('"prompt_id":'));
    if (i < 0) return [];
    const depth = between(random, 65, 5_000);
    lines[i] = lines[i]!.replace('"prompt_id":', `"deep":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)},"prompt_id":`);
    return [i];
  },
  truncateLine: LOG_MUTATIONS.truncateLine!,
  flipByte: LOG_MUTATIONS.flipByte!,
  duplicateLine: LOG_MUTATIONS.duplicateLine!,
  longLine: LOG_MUTATIONS.longLine!,
};

/** Whole-file mutations that no importer may read as anything but a refusal. */
function binaryFile(random: Random): Uint8Array {
  const bytes = new Uint8Array(between(random, 64, 4_096)).map(() => between(random, 0, 255));
  if (random() < 0.5) [bytes[0], bytes[1]] = random() < 0.5 ? [0xff, 0xfe] : [0xfe, 0xff];
  else for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) bytes[i] = 1;
  return bytes;
}

const POISONING = /^(?!flipByte|strayQuote|controlChars|duplicateLine|longLine|numericId|emptyText)/;

function corpus(seed: number, name: string, seeds: readonly string[], mutations: Record<string, LineMutation>): Malformed[] {
  const random = seededRandom(seed);
  const names = Object.keys(mutations);
  return Array.from({ length: FILES_PER_IMPORTER }, (_, n) => {
    if (n % 25 === 0) return { name, bytes: binaryFile(random), mutations: ['binary'], poisoned: new Set<number>() };
    const lines = pick(random, seeds).split('\n');
    const applied: string[] = [];
    // Poisoned lines are remembered by their text, which no other line has, so later insertions do not lose them.
    const poisonedText = new Set<string>();
    // Damage that poisons nothing comes first: a byte flipped later could rename the key a poisoned value sits under, and an unmapped column's value is no one's to judge.
    const chosen = Array.from({ length: between(random, 1, 3) }, () => pick(random, names)).sort((a, b) => Number(POISONING.test(a)) - Number(POISONING.test(b)));
    for (const mutation of chosen) {
      applied.push(mutation);
      for (const i of mutations[mutation]!(lines, random)) poisonedText.add(lines[i]!);
    }
    const poisoned = new Set(lines.flatMap((line, i) => (poisonedText.has(line) ? [i] : [])));
    return { name, bytes: enc.encode(lines.join('\n')), mutations: applied, poisoned: new Set([...poisoned].map((i) => i + 1)) };
  });
}

/** Runs an import; a refusal must be an UnusableFileError with a message, anything else thrown is a crash. */
async function attempt(request: ImportRequest): Promise<ImportResult | string> {
  try {
    return await runImport(CASE, request, 'fuzzer', new Date('2026-11-30T00:00:00Z'));
  } catch (error) {
    if (error instanceof UnusableFileError && error.message.length > 10) return error.message;
    throw error;
  }
}

const firstLines = (path: string, count: number) => readFileSync(path, 'utf8').split('\n').slice(0, count).join('\n');
const window = { first: Date.UTC(DEFAULT_YEARS.from, 0, 1), end: Date.UTC(DEFAULT_YEARS.to + 1, 0, 1) };

function checkLogRows(file: Malformed, result: ImportResult, index: number): void {
  const text = dec(file.bytes);
  const lineCount = text.split('\n').length;
  const seen = new Set<number>();
  for (const row of result.records.logEntries) {
    const where = `log file ${index} (${file.mutations.join(', ')}) line ${row.line}`;
    assert.ok(LogEntry.safeParse(row).success, `${where}: a row that fails its schema was accepted`);
    assert.ok(!file.poisoned.has(row.line), `${where}: a poisoned row was accepted: ${JSON.stringify(row.raw)}`);
    assert.ok(row.line >= 1 && row.line <= lineCount && !seen.has(row.line), `${where}: a line number outside the file or used twice`);
    seen.add(row.line);
    if (row.ts !== null) assert.ok(row.ts >= window.first && row.ts < window.end, `${where}: a time outside the window was accepted`);
    for (const n of [row.tokensIn, row.tokensOut]) if (n !== undefined) assert.ok(Number.isInteger(n) && n >= 0 && n <= MAX_TOKEN_COUNT, `${where}: token count ${n} accepted`);
    assert.ok(!row.extra || !Object.prototype.hasOwnProperty.call(row.extra, '__proto__'), `${where}: a __proto__ column accepted`);
    if (row.raw.trimStart().startsWith('{')) {
      assert.ok('value' in parseJsonRecord(row.raw), `${where}: a row with duplicate keys or deep nesting accepted`);
      // A value is kept as written: a number as its source text, an empty string as empty.
      const account = /"account_id":(""|-?\d[\d.eE+-]*)/.exec(row.raw)?.[1];
      if (account !== undefined && !file.mutations.includes('flipByte')) assert.equal(row.account, account === '""' ? '' : account, `${where}: the account was changed from its source text`);
    }
    else {
      const records = [...csvRecords(row.raw, row.raw.includes('\t') ? '\t' : ',', row.line)];
      assert.ok(records.length === 1 && !records[0]!.error, `${where}: a row whose quoting swallowed other lines accepted`);
    }
  }
}

test(`${FILES_PER_IMPORTER} malformed log files: each refused by name or its bad rows rejected; no crash, no poisoned row accepted`, { timeout: 300_000 }, async () => {
  const jsonl = corpus(1, 'mutated.jsonl', [firstLines('fixtures/demo/api-gateway-2026Q1.jsonl', 40), firstLines('fixtures/demo/harvest-2025Q4.jsonl', 40)], LOG_MUTATIONS);
  const csv = corpus(2, 'mutated.csv', [firstLines('fixtures/demo/warehouse-sample.csv', 40)], CSV_MUTATIONS);
  const files = [...jsonl.slice(0, FILES_PER_IMPORTER * 0.7), ...csv.slice(0, FILES_PER_IMPORTER * 0.3)];
  assert.equal(files.length, FILES_PER_IMPORTER);
  let refused = 0;
  let rejectedRows = 0;
  for (const [index, file] of files.entries()) {
    const result = await attempt({ kind: 'log', file });
    if (typeof result === 'string') {
      refused++;
      assert.ok(result.includes(file.name) || /column|years|log/i.test(result), `log file ${index}: the refusal names neither the file nor the fault: ${result}`);
      continue;
    }
    rejectedRows += result.rejections.length;
    for (const r of result.rejections) assert.ok(r.line >= 1 && r.reason.length > 5, `log file ${index}: a rejection without line or reason`);
    checkLogRows(file, result, index);
    if (file.mutations.includes('binary')) assert.fail(`log file ${index}: binary data was imported as a log`);
  }
  assert.ok(refused > 0 && rejectedRows > 0, 'the corpus exercises both refusals and row rejections');
  await assertCaseUnchangedByCli(files.filter((_, i) => i % 50 === 7), 'log');
});

/** Through the CLI, on a case file: a file refused, or with rows rejected (no --accept-partial), leaves the case byte for byte as it was. */
async function assertCaseUnchangedByCli(files: readonly Malformed[], kind: 'log' | 'pairs'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'fuzz-'));
  const caseFile = join(dir, 'case.evcase');
  assert.equal((await cli('init', caseFile, '--title', 'Fuzzed')).code, 0);
  const before = readFileSync(caseFile);
  for (const [i, file] of files.entries()) {
    const path = join(dir, `${i}-${file.name}`);
    writeFileSync(path, file.bytes);
    const run = await cli('import', caseFile, path, '--kind', kind);
    if (run.code === 0) {
      // Accepted whole: then it had no bad row; put the case back for the next file.
      writeFileSync(caseFile, before);
      continue;
    }
    assert.equal(run.code, 1, `${path}: ${run.err}`);
    assert.ok(run.err.length > 0 && !/^Failed:/.test(run.err), `${path}: not a clear refusal: ${run.err}`);
    assert.deepEqual(readFileSync(caseFile), before, `${path}: the case changed though the import was refused`);
    assert.deepEqual(readdirSync(dir).filter((n) => n.startsWith('.')), [], 'no temporary file is left');
  }
}

test(`${FILES_PER_IMPORTER} malformed answer and pair files: wrong types, duplicate and __proto__ keys, deep nesting are rejected by line`, { timeout: 300_000 }, async () => {
  const files = corpus(3, 'mutated-pairs.jsonl', [firstLines('fixtures/demo/output-pairs.jsonl', 30)], PAIRS_MUTATIONS);
  let rejectedRows = 0;
  for (const [index, file] of files.entries()) {
    const result = await attempt({ kind: 'pairs', file });
    if (typeof result === 'string') continue;
    rejectedRows += result.rejections.length;
    assert.ok(!file.mutations.includes('binary'), `pairs file ${index}: binary data was imported as pairs`);
    for (const pair of result.records.outputPairs) {
      const where = `pairs file ${index} (${file.mutations.join(', ')}) line ${pair.original.ref.line}`;
      assert.ok(OutputPair.safeParse(pair).success, `${where}: a pair that fails its schema was accepted`);
      assert.ok(!file.poisoned.has(pair.original.ref.line), `${where}: a poisoned row was accepted`);
      const raw = dec(file.bytes).split('\n')[pair.original.ref.line - 1]!;
      const value = JSON.parse(raw) as Record<string, unknown>;
      for (const field of ['prompt', 'original', 'suspect']) assert.equal(typeof value[field], 'string', `${where}: ${field} of another type was accepted as text`);
    }
  }
  assert.ok(rejectedRows > 0);
  await assertCaseUnchangedByCli(files.filter((_, i) => i % 50 === 7), 'pairs');
});

test(`${FILES_PER_IMPORTER} malformed terms files: binary data refused, everything else read or refused without a crash or a hang`, { timeout: 300_000 }, async () => {
  const seeds = ['fixtures/demo/tos-2025-06-01.html', 'fixtures/demo/tos-2025-01-15.md', 'fixtures/demo/tos-2026-01-10.txt'].map((p) => readFileSync(p, 'utf8'));
  const TERMS_MUTATIONS: Record<string, LineMutation> = {
    flipByte: LOG_MUTATIONS.flipByte!,
    duplicateLine: LOG_MUTATIONS.duplicateLine!,
    truncateLine: LOG_MUTATIONS.truncateLine!,
    longLine: LOG_MUTATIONS.longLine!,
    controlChars: LOG_MUTATIONS.controlChars!,
    breaks: (lines, random) => {
      lines.splice(between(random, 0, lines.length), 0, `<p>x${'<br>'.repeat(between(random, 1_000, 50_000))}y</p>`);
      return [];
    },
    unclosedTags: (lines, random) => {
      lines.splice(between(random, 0, lines.length), 0, '<div><ul><li>'.repeat(between(random, 10, 2_000)));
      return [];
    },
    deepQuotes: (lines, random) => {
      lines.splice(between(random, 0, lines.length), 0, `${'>'.repeat(between(random, 100, 20_000))} quoted`);
      return [];
    },
    nestedMarkers: (lines, random) => {
      // The audit's hang: one line of list markers nested tens of thousands deep.
      lines.splice(between(random, 0, lines.length), 0, `${'- '.repeat(between(random, 1_000, 50_000))}item`);
      return [];
    },
    nestedLists: (lines, random) => {
      const depth = between(random, 50, 3_000);
      lines.splice(between(random, 0, lines.length), 0, ...Array.from({ length: depth }, (_, k) => `${'  '.repeat(k)}- item ${k}`));
      return [];
    },
    inlineHtml: (lines, random) => {
      lines.splice(between(random, 0, lines.length), 0, `Text ${'<span>'.repeat(between(random, 100, 20_000))}deep`);
      return [];
    },
    numbering: (lines, random) => {
      lines.splice(between(random, 0, lines.length), 0, `${'1.'.repeat(between(random, 10, 5_000))} Clause`);
      return [];
    },
  };
  const random = seededRandom(4);
  const files = corpus(5, 'terms', seeds, TERMS_MUTATIONS).map((f, i) => ({ ...f, name: `terms-${i}.${pick(random, ['html', 'md', 'txt'])}` }));
  for (const [index, file] of files.entries()) {
    let result: ImportResult | string;
    try {
      result = await attempt({ kind: 'tos', versions: [termsVersion(file, '2025-06-01')], title: 'Terms' });
    } catch (error) {
      if (!(error instanceof UnusableFileError)) throw new Error(`terms file ${index} (${file.mutations.join(', ')}) crashed the reader: ${(error as Error).stack}`);
      result = error.message;
    }
    if (file.mutations.includes('binary')) {
      assert.equal(typeof result, 'string', `terms file ${index}: binary data was imported as terms`);
      continue;
    }
    if (typeof result === 'string') continue;
    const { tosVersions, tosClauses } = result.records;
    for (const version of tosVersions) assert.ok(TosVersion.safeParse(version).success);
    for (const clause of tosClauses) {
      assert.ok(TosClause.safeParse(clause).success, `terms file ${index}: a clause that fails its schema`);
      const text: string = tosVersions[0]!.text;
      assert.equal(text.slice(clause.start, clause.end).length, clause.end - clause.start, `terms file ${index}: a clause pointing outside its text`);
    }
  }
});
