import { Refusal } from '../errors';
import { newId } from '../ids';
import type { ModelOutput, OutputPair } from '../model/records';
import { normalizeColumnName } from './log-fields';
import { csvRecords, jsonArrayElements, linesOf, type TextRecord } from './records-in-text';
import type { RowRejection } from './rejections';
import { parseJsonRecord } from './json-record';

/** A JSON object or CSV row from a file, with where it came from. */
interface SourceObject {
  line: number;
  raw: string;
  value: Record<string, unknown>;
}

/**
 * The rows of a JSON array, JSON Lines or CSV/TSV file as objects. The
 * format is told by the first character and, for delimited text, the first
 * line; rows that cannot be read become rejections.
 */
export function readObjects(text: string): { format: 'json' | 'jsonl' | 'csv' | 'tsv'; objects: SourceObject[]; rejections: RowRejection[] } {
  const objects: SourceObject[] = [];
  const rejections: RowRejection[] = [];
  const first = text.trimStart()[0];
  const addJson = (record: TextRecord) => {
    const parsed = parseJsonRecord(record.raw);
    if ('reason' in parsed) rejections.push({ ...record, reason: parsed.reason });
    else if (parsed.value && typeof parsed.value === 'object' && !Array.isArray(parsed.value)) objects.push({ ...record, value: parsed.value as Record<string, unknown> });
    else rejections.push({ ...record, reason: 'is not a JSON object' });
  };
  if (first === '[') {
    for (const record of jsonArrayElements(text)) addJson(record);
    return { format: 'json', objects, rejections };
  }
  if (first === '{') {
    for (const record of linesOf(text)) addJson(record);
    return { format: 'jsonl', objects, rejections };
  }
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  const delimiter = (firstLine.match(/\t/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? '\t' : ',';
  let header: string[] | null = null;
  for (const record of csvRecords(text, delimiter)) {
    if (record.error) rejections.push({ line: record.line, raw: record.raw, reason: record.error });
    else if (!header) header = record.fields;
    else if (record.fields.length !== header.length) rejections.push({ line: record.line, raw: record.raw, reason: `has ${record.fields.length} fields where the header has ${header.length}` });
    else objects.push({ line: record.line, raw: record.raw, value: Object.fromEntries(header.map((h, i) => [h, record.fields[i]])) });
  }
  return { format: delimiter === '\t' ? 'tsv' : 'csv', objects, rejections };
}

function pick(value: Record<string, unknown>, aliases: readonly string[]): unknown {
  for (const [key, v] of Object.entries(value)) if (aliases.includes(normalizeColumnName(key))) return v;
  return undefined;
}

const kindOf = (v: unknown) => (Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : typeof v === 'number' ? 'a number' : typeof v === 'boolean' ? `${v}` : typeof v);

/**
 * Reads a row's text fields, each found by its aliases. A field holding
 * anything but text (a number, a list, true) is a problem the row is
 * rejected for, named; only an id may be a number. Absent (or null) is
 * undefined, for the caller to judge.
 */
function fieldReader(value: Record<string, unknown>) {
  const problems: string[] = [];
  const read = (aliases: readonly string[], what: string, numberAllowed = false): string | undefined => {
    const v = pick(value, aliases);
    if (v === undefined || v === null) return undefined;
    if (typeof v === 'string') return v;
    if (numberAllowed && typeof v === 'number' && Number.isFinite(v)) return String(v);
    problems.push(`${what} is ${kindOf(v)}, not text`);
    return undefined;
  };
  return { read, problems };
}

const ID = ['id', 'prompt_id', 'question_id', 'pair_id', 'item_id'];
const PROMPT = ['prompt', 'instruction', 'question', 'input', 'prompt_text'];

// ---------- one file holding whole pairs ----------

const COMBINED = {
  original: ['original', 'original_output', 'output_original', 'original_response', 'original_answer'],
  suspect: ['suspect', 'suspect_output', 'output_suspect', 'suspect_response', 'suspect_answer'],
  control: ['control', 'control_output', 'output_control', 'control_response', 'control_answer'],
  originalModel: ['original_model'],
  suspectModel: ['suspect_model'],
  controlModel: ['control_model'],
};

export interface PairsResult {
  pairs: OutputPair[];
  rejections: RowRejection[];
  format: string;
}

/** True when the objects look like whole pairs (prompt, original and suspect in one row). */
export function isCombinedPairs(objects: readonly { value: Record<string, unknown> }[]): boolean {
  const sample = objects[0]?.value;
  return !!sample && pick(sample, COMBINED.original) !== undefined && pick(sample, COMBINED.suspect) !== undefined;
}

/** Pairs from one file whose rows each hold a prompt, the original output and the suspect output (and optionally a control). */
export function parseCombinedPairs(fileText: string, ids: { caseId: string; sourceId: string }, fileName: string): PairsResult {
  const { format, objects, rejections } = readObjects(fileText);
  const pairs: OutputPair[] = [];
  for (const { line, raw, value } of objects) {
    const { read, problems } = fieldReader(value);
    const prompt = read(PROMPT, 'the prompt');
    const original = read(COMBINED.original, 'the original output');
    const suspect = read(COMBINED.suspect, 'the suspect output');
    const control = read(COMBINED.control, 'the control output');
    const promptId = read(ID, 'the prompt id', true);
    const models = { original: read(COMBINED.originalModel, 'the original model'), suspect: read(COMBINED.suspectModel, 'the suspect model'), control: read(COMBINED.controlModel, 'the control model') };
    if (problems.length) {
      rejections.push({ line, raw, reason: problems.join('; ') });
      continue;
    }
    const missing = [prompt === undefined && 'prompt', original === undefined && 'original output', suspect === undefined && 'suspect output'].filter(Boolean);
    if (missing.length) {
      rejections.push({ line, raw, reason: `has no ${missing.join(', no ')}` });
      continue;
    }
    const ref = { sourceId: ids.sourceId, line };
    const output = (t: string, model: string): ModelOutput => ({ model, text: t, ref });
    pairs.push({
      id: newId(),
      caseId: ids.caseId,
      promptId: promptId ?? `line-${line}`,
      prompt: prompt!,
      original: output(original!, models.original ?? 'original'),
      suspect: output(suspect!, models.suspect ?? 'suspect'),
      others: control !== undefined ? [output(control, models.control ?? 'control')] : [],
    });
  }
  if (objects.length + rejections.length === 0) rejections.push({ line: 1, raw: '', reason: `${fileName} holds no rows` });
  return { pairs, rejections, format };
}

// ---------- separate files, one model's answers each ----------

/** The role a file of one model's answers is imported under; every model but the original and the suspect is one of the pair's others. */
export type PairRole = 'original' | 'suspect' | 'reference' | 'related' | 'known-derived';
export type JoinKey = 'id' | 'prompt';

/** One model's answer to one prompt. */
export interface Answer {
  id?: string;
  prompt?: string;
  output: string;
  model?: string;
  line: number;
}

const OUTPUT = ['output', 'response', 'answer', 'completion', 'generation', 'text'];
const MODEL = ['generator', 'model', 'model_id', 'model_name'];

/**
 * Reads one model's answers: `{instruction, output, generator}` (AlpacaEval),
 * `{question_id, model_id, choices: [{turns: [...]}]}` (MT-Bench), or any
 * object with an id or prompt and an output.
 */
export function parseAnswers(fileText: string): { answers: Answer[]; rejections: RowRejection[]; format: string } {
  const { format, objects, rejections } = readObjects(fileText);
  const answers: Answer[] = [];
  for (const { line, raw, value } of objects) {
    const { read, problems } = fieldReader(value);
    const id = read(ID, 'the prompt id', true);
    const prompt = read(PROMPT, 'the prompt');
    let output = read(OUTPUT, 'the output');
    const model = read(MODEL, 'the model');
    if (problems.length) {
      rejections.push({ line, raw, reason: problems.join('; ') });
      continue;
    }
    const choices = value.choices;
    if (output === undefined && Array.isArray(choices) && choices[0] && typeof choices[0] === 'object') {
      const turns = (choices[0] as { turns?: unknown }).turns;
      if (Array.isArray(turns) && turns.every((t) => typeof t === 'string')) output = turns.join('\n\n');
    }
    if (output === undefined) {
      rejections.push({ line, raw, reason: 'has no output (expected a field such as output, response, answer or choices[0].turns)' });
      continue;
    }
    if (id === undefined && prompt === undefined) {
      rejections.push({ line, raw, reason: 'has neither a prompt id nor a prompt text to join on' });
      continue;
    }
    answers.push({ line, output, ...(id !== undefined && { id }), ...(prompt !== undefined && { prompt }), ...(model !== undefined && { model }) });
  }
  return { answers, rejections, format };
}

/**
 * The model a file of answers is from, read from the start of the file:
 * the first model field (`generator`, `model`, …) of a JSON record, or the
 * file name without its extension.
 */
export function answersModelName(sample: string, fileName: string): string {
  const field = new RegExp(`"(${MODEL.join('|')})"\\s*:\\s*"((?:[^"\\\\]|\\\\.)+)"`).exec(sample);
  if (field) {
    try {
      return JSON.parse(`"${field[2]}"`) as string;
    } catch {
      return field[2]!;
    }
  }
  return fileName.replace(/\.[^.]+$/, '');
}

export interface AnswerFile {
  role: PairRole;
  sourceId: string;
  fileName: string;
  answers: Answer[];
}

export interface JoinReport {
  join: JoinKey;
  /** Keys (ids or prompt texts) present in one file but not in the original or suspect file, or (for other models) answered by both but not by this one. */
  onlyIn: { role: PairRole; fileName: string; keys: string[] }[];
  /** Answers that share a key with an earlier answer of the same file. */
  duplicates: { role: PairRole; fileName: string; rejection: RowRejection }[];
}

/** Joins by id when every answer has one, otherwise by the exact prompt text. */
export function defaultJoin(files: readonly AnswerFile[]): JoinKey {
  return files.every((f) => f.answers.every((a) => a.id !== undefined)) ? 'id' : 'prompt';
}

/**
 * Puts together every model's answer to the same prompt: the original's,
 * the suspect's and the other models' (reference or related), in the
 * order of the files. Prompts answered by only one of the original and
 * the suspect are reported, not paired; a prompt another model did not
 * answer is paired without that model's answer, and reported.
 */
export function joinAnswers(caseId: string, files: readonly AnswerFile[], join: JoinKey): { pairs: OutputPair[]; report: JoinReport } {
  const report: JoinReport = { join, onlyIn: [], duplicates: [] };
  const sides = files.map((file) => {
    const byKey = new Map<string, Answer>();
    for (const answer of file.answers) {
      const key = join === 'id' ? answer.id : answer.prompt;
      if (key === undefined) {
        report.duplicates.push({ role: file.role, fileName: file.fileName, rejection: { line: answer.line, raw: '', reason: `has no ${join === 'id' ? 'prompt id' : 'prompt text'} to join on` } });
        continue;
      }
      const earlier = byKey.get(key);
      if (earlier) {
        report.duplicates.push({ role: file.role, fileName: file.fileName, rejection: { line: answer.line, raw: '', reason: `answers the same prompt as line ${earlier.line}` } });
        continue;
      }
      byKey.set(key, answer);
    }
    return { file, byKey };
  });
  const original = sides.find((s) => s.file.role === 'original');
  const suspect = sides.find((s) => s.file.role === 'suspect');
  if (!original || !suspect || sides.filter((s) => s.file.role === 'original' || s.file.role === 'suspect').length !== 2) throw new Refusal('Joining needs exactly one original file and one suspect file', 'invalid');
  const others = sides.filter((s) => s !== original && s !== suspect);
  const output = (side: { file: AnswerFile }, answer: Answer): ModelOutput => ({
    model: answer.model ?? side.file.fileName.replace(/\.[^.]+$/, ''),
    text: answer.output,
    ref: { sourceId: side.file.sourceId, line: answer.line },
  });

  const pairs: OutputPair[] = [];
  for (const [key, o] of original.byKey) {
    const s = suspect.byKey.get(key);
    if (!s) continue;
    const answered = others.flatMap((side) => {
      const a = side.byKey.get(key);
      return a ? [output(side, a)] : [];
    });
    pairs.push({
      id: newId(),
      caseId,
      promptId: join === 'id' ? key : (o.id ?? s.id ?? `line-${o.line}`),
      prompt: o.prompt ?? s.prompt ?? others.map((side) => side.byKey.get(key)?.prompt).find((p) => p !== undefined) ?? '',
      original: output(original, o),
      suspect: output(suspect, s),
      others: answered,
    });
  }
  const only = (side: { file: AnswerFile; byKey: Map<string, Answer> }, other: Map<string, Answer>) => {
    const keys = [...side.byKey.keys()].filter((k) => !other.has(k));
    if (keys.length) report.onlyIn.push({ role: side.file.role, fileName: side.file.fileName, keys });
  };
  only(original, suspect.byKey);
  only(suspect, original.byKey);
  const paired = new Set(pairs.map((p) => (join === 'id' ? p.promptId : p.prompt)));
  for (const side of others) {
    const unmatched = [...side.byKey.keys()].filter((k) => !paired.has(k));
    const unanswered = [...paired].filter((k) => !side.byKey.has(k));
    if (unmatched.length) report.onlyIn.push({ role: side.file.role, fileName: side.file.fileName, keys: unmatched });
    if (unanswered.length) report.onlyIn.push({ role: side.file.role, fileName: `${side.file.fileName} (no answer to ${unanswered.length} paired prompt${unanswered.length === 1 ? '' : 's'})`, keys: unanswered });
  }
  return { pairs, report };
}
