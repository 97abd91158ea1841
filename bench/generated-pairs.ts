import { seededRandom } from '../shared/random';
import { sha256Hex } from '../shared/hash';
import type { LogEntry, OutputPair } from '../shared/model/records';

const VOCABULARY = 'the a model answer data system method result value process step function example because however therefore first second finally important number time user request output input error rate case rule term policy account key network server client token prompt reason claim evidence court party contract service terms clause version date report table figure line file word text language translation summary detail note point part group level order change'.split(' ');

/** `words` seeded words, with some sentence punctuation. */
export function randomText(random: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(VOCABULARY[Math.floor(random() * VOCABULARY.length)]! + (i % 17 === 16 ? '.' : ''));
  return out.join(' ');
}

/** The original lightly reworded: about one word in ten replaced. */
export function rewordText(random: () => number, text: string): string {
  return text
    .split(' ')
    .map((w) => (random() < 0.1 ? VOCABULARY[Math.floor(random() * VOCABULARY.length)]! : w))
    .join(' ');
}

/** `count` pairs: an original, a suspect that rewords it, and one unrelated control, `words` words each. */
export function generatedPairs(count: number, words: number): OutputPair[] {
  return generatedPanel(count, 1, words, { seed: 7, reworded: 1 });
}

/** `prompts` prompts answered by an original, a suspect that rewords it on a share of them, and `references` unrelated models, `words` words each. */
export function generatedPanel(prompts: number, references: number, words: number, options = { seed: 13, reworded: 0.5 }): OutputPair[] {
  const random = seededRandom(options.seed);
  return Array.from({ length: prompts }, (_, i) => {
    const original = randomText(random, words);
    const ref = { sourceId: 'benchsource01', line: i + 1 };
    return {
      id: `benchpair${String(i).padStart(6, '0')}`,
      caseId: 'benchcase0001',
      promptId: `p${i}`,
      prompt: `Prompt ${i}: ${randomText(random, 12)}`,
      original: { model: 'original', text: original, ref },
      suspect: { model: 'suspect', text: random() < options.reworded ? rewordText(random, original) : randomText(random, words), ref },
      others: Array.from({ length: references }, (_, k) => ({ model: `reference-${k + 1}`, text: randomText(random, words), ref })),
    };
  });
}

/**
 * `count` log rows made on the fly (memory stays flat however many), one in
 * four sending a prompt of `pairs`: verbatim, re-cased, as a SHA-256, inside a
 * template or with a typo; the rest other prompts.
 */
export function* generatedHarvestRows(count: number, pairs: readonly OutputPair[]): Generator<LogEntry> {
  const random = seededRandom(17);
  for (let i = 0; i < count; i++) {
    const pair = pairs[Math.floor(random() * pairs.length)]!;
    const way = Math.floor(random() * 20);
    const base = { caseId: 'benchcase0001', sourceId: 'benchsource02', line: i + 1, ts: Date.UTC(2025, 9, 1) + i * 2000, tsText: '', account: `acct_${(i % 5000).toString(16)}`, raw: '' };
    if (way === 0) yield { ...base, prompt: pair.prompt };
    else if (way === 1) yield { ...base, prompt: pair.prompt.toUpperCase() };
    else if (way === 2) yield { ...base, promptHash: sha256Hex(pair.prompt) };
    else if (way === 3) yield { ...base, prompt: `You are a helpful expert. Task ${i}: ${pair.prompt} Think step by step.` };
    else if (way === 4) yield { ...base, prompt: pair.prompt.replace(/^(\w)(\w)/, '$2$1') };
    else yield { ...base, prompt: randomText(random, 14) };
  }
}
