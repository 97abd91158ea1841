import { UnusableFileError } from '../errors';
import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { MarkerStyle, TermsBlock } from './terms-blocks';
import { lineIndex } from './terms-blocks';
import { trimWhere } from '../text/trim';

const SKIPPED = new Set(['script', 'style', 'head', 'noscript', 'template', 'svg', 'button', 'nav']);
const BLOCKS = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'blockquote', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dl', 'dt', 'dd', 'body', 'html', 'figure', 'form', 'fieldset', 'address', 'hr']);
const LIST_TYPES: Record<string, MarkerStyle> = { '1': 'decimal', a: 'lower-alpha', A: 'upper-alpha', i: 'lower-roman', I: 'upper-roman' };

const isElement = (node: AnyNode): node is Element => node.type === 'tag' || node.type === 'script' || node.type === 'style';

/**
 * The text a reader sees in inline content: entities decoded (by htmlparser2), white space collapsed, <br> as a line break.
 * Walked with a stack of its own, not by recursion: HTML inside Markdown reaches here unguarded by MAX_HTML_DEPTH.
 */
function inlineText(nodes: readonly AnyNode[]): string {
  let out = '';
  const pending: AnyNode[] = [...nodes].reverse();
  while (pending.length) {
    const node = pending.pop()!;
    if (node.type === 'text') out += (node as unknown as { data: string }).data.replace(/[ \t\r\n\f]+/g, ' ');
    else if (isElement(node)) {
      if (SKIPPED.has(node.name)) continue;
      if (node.name === 'br') out += '\n';
      else if (node.name === 'img') out += node.attribs.alt ?? '';
      else for (let i = node.children.length - 1; i >= 0; i--) pending.push(node.children[i]!);
    }
  }
  return out;
}

function leadOf(nodes: readonly AnyNode[]): string | undefined {
  const first = nodes.find((n) => !(n.type === 'text' && !(n as unknown as { data: string }).data.trim()));
  if (!first || !isElement(first) || (first.name !== 'strong' && first.name !== 'b')) return undefined;
  const lead = inlineText(first.children).trim();
  return lead && lead.length <= 150 ? lead : undefined;
}

/** Plain text of an HTML fragment (HTML inside Markdown), decoded by the same parser. */
export function htmlFragmentText(html: string): string {
  return inlineText(parseDocument(html).children).trim();
}

/** Deeper than any page a person reads; the walk below recurses per level, so a page nested deeper could exhaust the stack. */
const MAX_HTML_DEPTH = 256;

/** How deep the elements of a parsed page nest, counted without recursion. */
function nestingDepth(root: { children: AnyNode[] }): number {
  let deepest = 0;
  const stack: [AnyNode[], number][] = [[root.children, 1]];
  while (stack.length) {
    const [nodes, depth] = stack.pop()!;
    for (const node of nodes) {
      if (!isElement(node)) continue;
      deepest = Math.max(deepest, depth);
      if (depth <= MAX_HTML_DEPTH) stack.push([node.children, depth + 1]);
    }
  }
  return deepest;
}

/**
 * Reads HTML with htmlparser2 into blocks: headings, paragraphs, list items
 * (with the numbers an ordered list gives them), tables; scripts, styles
 * and navigation dropped. Every entity is decoded by the parser. A page
 * nested deeper than MAX_HTML_DEPTH is refused, naming the file.
 */
export function readHtml(html: string, fileName: string): TermsBlock[] {
  const document = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  if (nestingDepth(document) > MAX_HTML_DEPTH) throw new UnusableFileError(`${fileName} nests its elements more than ${MAX_HTML_DEPTH} levels deep, which no terms page does (unclosed tags, or a file built to exhaust the reader)`);
  const lineOf = lineIndex(html);
  const blocks: TermsBlock[] = [];
  const push = (nodes: readonly AnyNode[], block: Omit<TermsBlock, 'source' | 'text'>, text = inlineText(nodes)) => {
    const trimmed = trimWhere(text, (ch) => ch === ' ' || ch === '\n').replace(/ *\n */g, '\n');
    if (!trimmed) return;
    const start = nodes[0]?.startIndex ?? 0;
    const end = (nodes.at(-1)?.endIndex ?? start) + 1;
    const lead = block.kind === 'paragraph' || block.kind === 'item' ? leadOf(nodes) : undefined;
    blocks.push({ ...block, text: trimmed, ...(lead && { lead }), source: { start, end, line: lineOf(start) } });
  };

  /** Block content: inline runs between block children become paragraphs. */
  const walkChildren = (nodes: readonly AnyNode[], depth: number) => {
    let run: AnyNode[] = [];
    const flush = () => {
      if (run.length) push(run, { kind: 'paragraph', level: 0, depth });
      run = [];
    };
    for (const node of nodes) {
      if (isElement(node) && BLOCKS.has(node.name)) {
        flush();
        walkBlock(node, depth);
      } else if (!(isElement(node) && SKIPPED.has(node.name)) && node.type !== 'comment' && node.type !== 'directive') run.push(node);
    }
    flush();
  };

  const walkBlock = (node: Element, depth: number) => {
    const name = node.name;
    if (/^h[1-6]$/.test(name)) push([node], { kind: 'heading', level: Number(name[1]), depth });
    else if (name === 'ul' || name === 'ol') {
      const style = name === 'ol' ? (LIST_TYPES[node.attribs.type ?? '1'] ?? 'decimal') : undefined;
      let value = Number(node.attribs.start ?? 1) || 1;
      for (const item of node.children) {
        if (!isElement(item) || item.name !== 'li') continue;
        if (item.attribs.value && Number.isFinite(Number(item.attribs.value))) value = Number(item.attribs.value);
        walkItem(item, depth + 1, style ? { value, style } : undefined);
        value++;
      }
    } else if (name === 'li') walkItem(node, depth + 1, undefined);
    else if (name === 'table') {
      const rows: string[] = [];
      const collect = (n: AnyNode) => {
        if (!isElement(n)) return;
        if (n.name === 'tr') rows.push(n.children.filter(isElement).filter((c) => c.name === 'td' || c.name === 'th').map((c) => inlineText(c.children).trim()).join(' | '));
        else n.children.forEach(collect);
      };
      collect(node);
      push([node], { kind: 'table', level: 0, depth }, rows.join('\n'));
    } else if (name === 'pre') push([node], { kind: 'other', level: 0, depth }, (node.children as AnyNode[]).map((c) => (c.type === 'text' ? (c as unknown as { data: string }).data : inlineText([c]))).join(''));
    else if (name !== 'hr') walkChildren(node.children, depth);
  };

  /** A list item: its opening inline text (or its first paragraph) is the item; what follows is walked as block content. */
  const walkItem = (item: Element, depth: number, marker: TermsBlock['marker']) => {
    const children = item.children;
    let k = 0;
    while (k < children.length && !(isElement(children[k]!) && BLOCKS.has((children[k] as Element).name))) k++;
    let inline = children.slice(0, k);
    const next = children[k];
    if (!inlineText(inline).trim() && next && isElement(next) && next.name === 'p') {
      inline = next.children;
      k++;
    }
    push(inline, { kind: 'item', level: 0, depth, ...(marker && { marker }) });
    walkChildren(children.slice(k), depth);
  };

  walkChildren(document.children, 0);
  return blocks;
}
