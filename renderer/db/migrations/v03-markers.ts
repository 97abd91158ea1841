import { newId } from '../../../shared/ids';
import type { Migration } from './migration';

/** The default marker list as version 3 shipped it; later versions changed the default, not what this upgrade gives. */
const MARKERS_OF_VERSION_3 = [
  { kind: 'self-identification', label: 'Claims to be Claude', pattern: String.raw`\b(I am|I'm|my name is) Claude\b|我是\s*Claude`, regex: true },
  { kind: 'self-identification', label: 'Names Anthropic', pattern: 'Anthropic', regex: false },
  { kind: 'self-identification', label: 'Claims to be ChatGPT or GPT-4', pattern: String.raw`\b(I am|I'm|my name is) (ChatGPT|GPT-?4)\b|我是\s*(ChatGPT|GPT-?4)`, regex: true },
  { kind: 'self-identification', label: 'Names OpenAI', pattern: 'OpenAI', regex: false },
  { kind: 'self-identification', label: 'Claims to be Gemini', pattern: String.raw`\b(I am|I'm) Gemini\b`, regex: true },
  { kind: 'self-identification', label: 'Claims to be Qwen', pattern: String.raw`\b(I am|I'm) (Qwen|Tongyi)|我是(通义千问|Qwen)`, regex: true },
  { kind: 'refusal', label: 'As an AI language model', pattern: String.raw`as an AI (language )?model`, regex: true },
  { kind: 'refusal', label: 'I can’t help with…', pattern: String.raw`I (can['’]t|cannot|won['’]t|am not able to) (help|assist) (you )?with`, regex: true },
  { kind: 'refusal', label: '我不能帮助… (I cannot help…)', pattern: '我(不能|无法)(帮助|协助)', regex: true },
  { kind: 'refusal', label: 'I’m sorry, but I can’t', pattern: String.raw`I['’]m sorry,? but I (can['’]t|cannot)`, regex: true },
  { kind: 'refusal', label: 'Knowledge cut-off disclaimer', pattern: String.raw`(knowledge|training) cut-?off`, regex: true },
  { kind: 'phrase', label: 'I hope this helps', pattern: 'I hope this helps', regex: false },
  { kind: 'phrase', label: 'Great question', pattern: 'Great question', regex: false },
] as const;

/** Version 3: each case keeps its own editable list of markers (phrases an expert looks for in outputs); existing cases get the list of the time. */
export const v03: Migration = {
  version: 3,
  stores: { markers: 'id, caseId' },
  upgrade: async (tx) => {
    const caseIds = await tx.table('cases').toCollection().primaryKeys();
    await tx.table('markers').bulkAdd(caseIds.flatMap((caseId) => MARKERS_OF_VERSION_3.map((m, order) => ({ ...m, id: newId(), caseId: String(caseId), order }))));
  },
};
