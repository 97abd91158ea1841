import { alphaOf, romanOf } from './numbering';

/** How an ordered list numbers its items, when the list itself (not the text) carries the number. */
export type MarkerStyle = 'decimal' | 'lower-alpha' | 'upper-alpha' | 'lower-roman' | 'upper-roman';

/**
 * One block of a terms document as a reader sees it: a heading, a
 * paragraph, a list item, a table. Every reader (Markdown, HTML, plain
 * text, PDF) turns its format into these, so clauses are split one way.
 */
export interface TermsBlock {
  kind: 'heading' | 'paragraph' | 'item' | 'table' | 'other';
  /** Heading level 1–6; 0 for other blocks. */
  level: number;
  /** List nesting: 0 outside lists, 1 in a top-level list item, 2 in a list inside it… */
  depth: number;
  /** The number an ordered list gives this item, when the list (not the text) numbers it. */
  marker?: { value: number; style: MarkerStyle };
  /** The text a reader sees, without list marks. */
  text: string;
  /** A bold phrase the block opens with (a run-in heading such as “**Software.**”). */
  lead?: string;
  /** Where the block is in the original file: offsets into its decoded text, 1-based line, PDF page. */
  source: { start: number; end: number; line: number; page?: number };
}

/** A block placed in the stored text. */
export interface PlacedBlock extends TermsBlock {
  start: number;
  end: number;
}

function markerText(marker: NonNullable<TermsBlock['marker']>): string {
  const n = marker.value;
  switch (marker.style) {
    case 'decimal':
      return `${n}.`;
    case 'lower-alpha':
      return `${alphaOf(n)}.`;
    case 'upper-alpha':
      return `${alphaOf(n).toUpperCase()}.`;
    case 'lower-roman':
      return `${romanOf(n).toLowerCase()}.`;
    case 'upper-roman':
      return `${romanOf(n)}.`;
  }
}

/**
 * Lays blocks out as the stored text of a version: blocks apart by a blank
 * line, list items on their own lines, indented by nesting, with the mark a
 * reader sees (“1.”, “a.”, “•”). Each block gets its offsets in that text.
 */
export function layOutBlocks(blocks: readonly TermsBlock[]): { text: string; placed: PlacedBlock[] } {
  let text = '';
  const placed: PlacedBlock[] = [];
  let previous: TermsBlock | null = null;
  for (const block of blocks) {
    if (!block.text.trim()) continue;
    if (previous) text += previous.kind === 'item' && block.depth > 0 ? '\n' : '\n\n';
    const indent = '  '.repeat(Math.max(0, block.depth - 1));
    const mark = block.kind === 'item' ? `${block.marker ? markerText(block.marker) : '•'} ` : '';
    const start = text.length;
    const body = block.text.replace(/\n/g, `\n${indent}${block.kind === 'item' || block.depth > 0 ? '  ' : ''}`);
    text += `${indent}${block.depth > 0 && block.kind !== 'item' ? '  ' : ''}${mark}${body}`;
    placed.push({ ...block, start, end: text.length });
    previous = block;
  }
  return { text, placed };
}

/** Line starts of a text, for turning offsets into 1-based lines. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
