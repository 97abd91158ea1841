import { UnusableFileError } from '../errors';
import type { Nodes, Parent, PhrasingContent, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { htmlFragmentText } from './read-html';
import type { TermsBlock } from './terms-blocks';
import { trimWhere } from '../text/trim';

/**
 * How far Markdown may nest before it is refused: a list item indented 64
 * levels at two spaces, 64 blockquotes. The parser (mdast-util-from-markdown's
 * prepareList) takes time that grows with the cube of list nesting (400
 * levels took 3.6 s, 800 took 25 s), and the GFM tree walk recurses per
 * blockquote, so a few thousand '>' exhaust the stack.
 */
const MAX_LIST_INDENT = 128;
const MAX_QUOTE_DEPTH = 64;

/**
 * The widest indentation before a list marker (in columns, a tab as four;
 * markers earlier on the line count, since `- - - x` nests three lists) and
 * the most '>' before a line, found line by line without backtracking.
 */
function deepestNesting(markdown: string): { listIndent: number; quotes: number } {
  const deepest = { listIndent: 0, quotes: 0 };
  for (const line of markdown.split('\n')) {
    let width = 0;
    let quotes = 0;
    for (let i = 0; ; ) {
      for (; i < line.length && (line[i] === ' ' || line[i] === '\t' || line[i] === '>'); i++) {
        width += line[i] === '\t' ? 4 : 1;
        if (line[i] === '>') quotes++;
      }
      const marker = /^(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/.exec(line.slice(i, i + 12))?.[0];
      if (!marker) break;
      deepest.listIndent = Math.max(deepest.listIndent, width);
      width += marker.length;
      i += marker.length;
    }
    deepest.quotes = Math.max(deepest.quotes, quotes);
  }
  return deepest;
}

/** Inline content as a reader sees it: emphasis, escapes and link targets gone, soft line breaks as spaces. */
function phrasing(nodes: readonly (PhrasingContent | Nodes)[]): string {
  let out = '';
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        out += node.value.replace(/[ \t]*\n[ \t]*/g, ' ');
        break;
      case 'inlineCode':
        out += node.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'image':
      case 'imageReference':
        out += node.alt ?? '';
        break;
      case 'html':
        out += htmlFragmentText(node.value);
        break;
      case 'footnoteReference':
        out += `[${node.label ?? node.identifier}]`;
        break;
      default:
        if ('children' in node) out += phrasing((node as Parent).children as PhrasingContent[]);
    }
  }
  return out;
}

function leadOf(children: readonly PhrasingContent[]): string | undefined {
  const first = children.find((c) => !(c.type === 'text' && !c.value.trim()));
  if (first?.type !== 'strong') return undefined;
  const lead = phrasing(first.children).trim();
  return lead && lead.length <= 150 ? lead : undefined;
}

/**
 * Reads Markdown with micromark (CommonMark and GitHub tables) into blocks.
 * Offsets point into the Markdown text, so each clause keeps its markup.
 */
export function readMarkdown(markdown: string, fileName: string): TermsBlock[] {
  const nesting = deepestNesting(markdown);
  if (nesting.listIndent > MAX_LIST_INDENT) throw new UnusableFileError(`${fileName} indents a list item ${nesting.listIndent} columns deep, which no terms page does; the Markdown reader slows beyond use on lists nested so deep`);
  if (nesting.quotes > MAX_QUOTE_DEPTH) throw new UnusableFileError(`${fileName} nests ${nesting.quotes} quotations in one another, more than the ${MAX_QUOTE_DEPTH} any terms page could`);
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const blocks: TermsBlock[] = [];
  const source = (node: Nodes) => ({ start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0, line: node.position?.start.line ?? 1 });
  const push = (node: Nodes, block: Omit<TermsBlock, 'source'>) => {
    const text = trimWhere(block.text, (ch) => ch === ' ' || ch === '\t');
    if (text) blocks.push({ ...block, text, source: source(node) });
  };

  const walk = (node: RootContent, depth: number) => {
    switch (node.type) {
      case 'heading':
        push(node, { kind: 'heading', level: node.depth, depth, text: phrasing(node.children) });
        break;
      case 'paragraph': {
        const lead = leadOf(node.children);
        push(node, { kind: 'paragraph', level: 0, depth, text: phrasing(node.children), ...(lead && { lead }) });
        break;
      }
      case 'list':
        node.children.forEach((item, i) => {
          const [first, ...rest] = item.children;
          const marker = node.ordered ? { value: (node.start ?? 1) + i, style: 'decimal' as const } : undefined;
          if (first?.type === 'paragraph') {
            const lead = leadOf(first.children);
            push(first, { kind: 'item', level: 0, depth: depth + 1, text: phrasing(first.children), ...(marker && { marker }), ...(lead && { lead }) });
          } else if (first?.type === 'heading') {
            // `1.  THE SERVICES` underlined: a numbered heading, its number given by the list.
            push(first, { kind: 'heading', level: first.depth, depth: depth + 1, text: phrasing(first.children), ...(marker && { marker }) });
          } else if (first) walk(first, depth + 1);
          for (const child of rest) walk(child, depth + 1);
        });
        break;
      case 'table':
        push(node, { kind: 'table', level: 0, depth, text: node.children.map((row) => row.children.map((cell) => phrasing(cell.children).trim()).join(' | ')).join('\n') });
        break;
      case 'blockquote':
        for (const child of node.children) walk(child, depth);
        break;
      case 'code':
        push(node, { kind: 'other', level: 0, depth, text: node.value });
        break;
      case 'html':
        push(node, { kind: 'paragraph', level: 0, depth, text: htmlFragmentText(node.value) });
        break;
      default:
        break;
    }
  };
  for (const node of tree.children) walk(node, 0);
  return blocks;
}
