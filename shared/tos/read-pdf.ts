import { UnusableFileError } from '../errors';
import { startsWithNumbering } from './numbering';
import type { TermsBlock } from './terms-blocks';

let createWorker: (() => unknown) | null = null;

/**
 * How the app starts pdf.js's worker. In Node pdf.js parses in the same
 * thread. In the app it must be handed a worker it can talk to: left alone
 * inside the import worker it finds no `window`, falls back to loading its
 * worker module in place, and that module takes over the import worker's
 * own messages.
 */
export function setPdfWorker(create: () => unknown): void {
  createWorker = create;
}

// Loaded only when a PDF is read: Markdown, HTML and text never pay for pdf.js.
async function loadPdfjs() {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  if (createWorker && !pdfjs.GlobalWorkerOptions.workerPort) pdfjs.GlobalWorkerOptions.workerPort = createWorker() as typeof pdfjs.GlobalWorkerOptions.workerPort;
  return pdfjs;
}

interface Line {
  text: string;
  y: number;
  x: number;
  size: number;
}

/**
 * Reads the text of a PDF with pdf.js into blocks, each with its page.
 * Lines are rebuilt from the text items' positions; a wider gap than the
 * line spacing, or a numbered line, starts a new block, and a line set in
 * larger type than the body is a heading. A scanned PDF with no text layer
 * is refused.
 */
export async function readPdf(bytes: Uint8Array, fileName: string): Promise<TermsBlock[]> {
  const pdfjs = await loadPdfjs();
  let pdf;
  try {
    pdf = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0, useSystemFonts: false, stopAtErrors: true }).promise;
  } catch (error) {
    throw new UnusableFileError(`${fileName} cannot be read as a PDF: ${(error as Error).message}`);
  }
  const pages: Line[][] = [];
  // pdf.js fails on a damaged page only when it is read: every failure is a refusal that names the file and page.
  const contentOf = async (p: number) => {
    try {
      return await (await pdf.getPage(p)).getTextContent();
    } catch (error) {
      await pdf.destroy();
      throw new UnusableFileError(`${fileName} cannot be read as a PDF: page ${p} is damaged (${(error as Error).message})`);
    }
  };
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await contentOf(p);
    const lines: Line[] = [];
    let line: Line | null = null;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const y = item.transform[5] as number;
      const size = Math.hypot(item.transform[2] as number, item.transform[3] as number) || item.height;
      if (line && Math.abs(line.y - y) <= Math.max(2, size * 0.3)) line.text += item.str;
      else if (item.str.trim()) {
        line = { text: item.str, y, x: item.transform[4] as number, size };
        lines.push(line);
      }
      if (item.hasEOL) line = null;
    }
    pages.push(lines.filter((l) => l.text.trim()));
  }
  await pdf.destroy();
  const sizes = pages.flat().map((l) => Math.round(l.size * 10) / 10).sort((a, b) => a - b);
  if (sizes.length === 0) throw new UnusableFileError(`${fileName} has no text layer (a scan?); its terms cannot be read as text`);
  const body = sizes[Math.floor(sizes.length / 2)]!;

  const blocks: TermsBlock[] = [];
  let offset = 0;
  pages.forEach((lines, index) => {
    let block: TermsBlock | null = null;
    let previous: Line | null = null;
    lines.forEach((line, lineInPage) => {
      const text = line.text.replace(/\s+/g, ' ').trim();
      const heading = line.size >= body * 1.15 && text.length <= 120;
      const gap = previous ? previous.y - line.y : 0;
      const startsBlock = !block || heading || block.kind === 'heading' || gap > Math.max(previous!.size, line.size) * 1.6 || startsWithNumbering(text);
      const source = { start: offset, end: offset + text.length, line: lineInPage + 1, page: index + 1 };
      offset += text.length + 1;
      if (startsBlock) {
        block = { kind: heading ? 'heading' : 'paragraph', level: heading ? 2 : 0, depth: 0, text, source };
        blocks.push(block);
      } else {
        block!.text += /-$/.test(block!.text) ? text : ` ${text}`;
        block!.source = { ...block!.source, end: source.end };
      }
      previous = line;
    });
  });
  return blocks;
}
