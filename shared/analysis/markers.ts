import { newId } from '../ids';
import type { Marker, MarkerKind } from '../model/records';
import { WORD_CHAR } from './tokens';

export const MARKER_KIND_LABELS: Record<MarkerKind, string> = {
  'self-identification': 'Self-identification as a model or its maker’s assistant',
  mention: 'Mention of a model or maker',
  refusal: 'Refusal or disclaimer template',
  phrase: 'Characteristic phrase',
};

/**
 * The list a new case starts with: model and maker names an output may
 * give itself, and refusal templates common to assistant models. Experts add
 * the original model's own names and phrases.
 */
const DEFAULT_MARKER_LIST: { kind: MarkerKind; label: string; pattern: string; regex: boolean }[] = [
  { kind: 'self-identification', label: 'Claims to be Claude', pattern: String.raw`\b(I am|I'm|my name is) Claude\b|我是\s*Claude`, regex: true },
  { kind: 'self-identification', label: 'Says Anthropic made it', pattern: String.raw`\b(created|made|developed|trained|built) by Anthropic\b|由\s*Anthropic\s*(开发|创建|训练)`, regex: true },
  { kind: 'mention', label: 'Names Anthropic', pattern: 'Anthropic', regex: false },
  { kind: 'self-identification', label: 'Claims to be ChatGPT or GPT-4', pattern: String.raw`\b(I am|I'm|my name is) (ChatGPT|GPT-?4)\b|我是\s*(ChatGPT|GPT-?4)`, regex: true },
  { kind: 'self-identification', label: 'Says OpenAI made it', pattern: String.raw`\b(created|made|developed|trained|built) by OpenAI\b|由\s*OpenAI\s*(开发|创建|训练)`, regex: true },
  { kind: 'mention', label: 'Names OpenAI', pattern: 'OpenAI', regex: false },
  { kind: 'self-identification', label: 'Claims to be Gemini', pattern: String.raw`\b(I am|I'm) Gemini\b`, regex: true },
  { kind: 'self-identification', label: 'Claims to be Qwen', pattern: String.raw`\b(I am|I'm) (Qwen|Tongyi)|我是(通义千问|Qwen)`, regex: true },
  { kind: 'refusal', label: 'As an AI language model', pattern: String.raw`as an AI (language )?model`, regex: true },
  { kind: 'refusal', label: 'I can’t help with…', pattern: String.raw`I (can['’]t|cannot|won['’]t|am not able to) (help|assist) (you )?with`, regex: true },
  { kind: 'refusal', label: '我不能帮助… (I cannot help…)', pattern: '我(不能|无法)(帮助|协助)', regex: true },
  { kind: 'refusal', label: 'I’m sorry, but I can’t', pattern: String.raw`I['’]m sorry,? but I (can['’]t|cannot)`, regex: true },
  { kind: 'refusal', label: 'Knowledge cut-off disclaimer', pattern: String.raw`(knowledge|training) cut-?off`, regex: true },
  { kind: 'phrase', label: 'I hope this helps', pattern: 'I hope this helps', regex: false },
  { kind: 'phrase', label: 'Great question', pattern: 'Great question', regex: false },
];

/** The default marker list as records of a case. */
export function defaultMarkers(caseId: string): Marker[] {
  return DEFAULT_MARKER_LIST.map((m, order) => ({ ...m, id: newId(), caseId, order }));
}

/** Where a marker matched, in UTF-16 offsets of the text as imported. */
export interface MarkerHit {
  markerId: string;
  start: number;
  end: number;
}

/** Text as a regular expression that matches it literally. */
export const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The marker's pattern as a case-insensitive regular expression. Literal
 * text matches whole words only where it begins or ends with a letter of a
 * spaced script, so "Claude" is not found in "Claudette" but "我是" is found
 * inside a Chinese sentence.
 */
export function markerRegex(marker: Pick<Marker, 'pattern' | 'regex'>): RegExp {
  if (marker.regex) return new RegExp(marker.pattern, 'giu');
  const edge = new RegExp(`^${WORD_CHAR}$`, 'u');
  const chars = [...marker.pattern];
  const before = edge.test(chars[0] ?? '') ? `(?<!${WORD_CHAR})` : '';
  const after = edge.test(chars.at(-1) ?? '') ? `(?!${WORD_CHAR})` : '';
  return new RegExp(`${before}${escapeRegex(marker.pattern)}${after}`, 'giu');
}

/** Compiles a marker list once for many texts. */
export function compileMarkers(markers: readonly Marker[]): { marker: Marker; regex: RegExp }[] {
  return [...markers].sort((a, b) => a.order - b.order).map((marker) => ({ marker, regex: markerRegex(marker) }));
}

/** Every match of every marker in a text, in text order. */
export function findMarkers(text: string, compiled: readonly { marker: Marker; regex: RegExp }[]): MarkerHit[] {
  const hits: MarkerHit[] = [];
  for (const { marker, regex } of compiled) {
    for (const match of text.matchAll(regex)) {
      if (match[0].length) hits.push({ markerId: marker.id, start: match.index, end: match.index + match[0].length });
    }
  }
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}
