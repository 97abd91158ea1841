import { StandardFonts, rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { pageInternalsOf } from './pdf-lib-internals';
import { layerHighlights, type Highlight } from '../text/highlight-ranges';
import type { TextStyle, Typesetter } from './typesetter';

/**
 * Turns a finished page's drawing operations into compressed bytes. pdf-lib
 * keeps every operator of every page as objects until it saves, gigabytes
 * for a 5,000-page bundle; a sealed page keeps only its bytes. Anything drawn
 * on it later (the footers) goes into a second content stream.
 */
export function sealPage(doc: PDFDocument, page: PDFPage): void {
  const internals = pageInternalsOf(page);
  if (!internals.contentStream || !internals.contentStreamRef) return;
  doc.context.assign(internals.contentStreamRef, doc.context.flateStream(internals.contentStream.getUnencodedContents()));
  internals.contentStream = undefined;
  internals.contentStreamRef = undefined;
}

/** US Letter, the size US courts expect. */
export const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;
export const MARGIN = { left: 54, right: 54, top: 56, bottom: 70 };
export const CONTENT_WIDTH = PAGE_WIDTH - MARGIN.left - MARGIN.right;

export const INK = rgb(0.1, 0.12, 0.15);
export const SOFT = rgb(0.42, 0.45, 0.5);
export const RULE = rgb(0.8, 0.8, 0.78);
export const ACCENT = rgb(0.14, 0.29, 0.45);
export const BAD = rgb(0.66, 0.16, 0.12);

/** How each highlight class is drawn on paper, as the app draws it on screen. */
const MARKS: Record<string, { color?: RGB; background?: RGB; underline?: RGB; strike?: RGB }> = {
  run: { background: rgb(0.99, 0.91, 0.66) },
  diff: { color: BAD },
  marker: { background: rgb(0.94, 0.89, 0.97) },
  annotated: { underline: rgb(0.12, 0.48, 0.55) },
  inserted: { color: rgb(0.1, 0.36, 0.18), underline: rgb(0.1, 0.36, 0.18) },
  deleted: { color: BAD, strike: BAD },
};

export interface TextOptions {
  style?: TextStyle;
  size?: number;
  color?: RGB;
  indent?: number;
  width?: number;
  /** Space after, in points. */
  after?: number;
  highlights?: readonly Highlight[];
}

/**
 * Flows content down pages: a cursor on the current page that starts a new
 * page when the next line does not fit. Footers (Bates number, legend, page
 * X of Y) are drawn on every page at the end, when the count is known.
 */
export class PageFlow {
  readonly pages: PDFPage[] = [];
  page!: PDFPage;
  y = 0;
  private helvetica: PDFFont | null = null;
  /** Every text and table cell laid out, in order: what a glossary of the pages' terms is drawn from. */
  readonly transcript: string[] = [];
  /** Pages kept earlier in the document for this flow; null when it adds pages at the end. */
  private reserved: PDFPage[] | null = null;

  constructor(
    readonly doc: PDFDocument,
    readonly ts: Typesetter,
  ) {}

  /** Flows into these pages (kept for a section whose content is known only later) instead of adding new ones. */
  static into(doc: PDFDocument, ts: Typesetter, pages: readonly PDFPage[]): PageFlow {
    const flow = new PageFlow(doc, ts);
    flow.reserved = [...pages];
    return flow;
  }

  newPage(): PDFPage {
    if (this.page) sealPage(this.doc, this.page);
    if (this.reserved?.length === 0) throw new Error('A section overran the pages kept for it');
    this.page = this.reserved ? this.reserved.shift()! : this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.pages.push(this.page);
    this.y = PAGE_HEIGHT - MARGIN.top;
    return this.page;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  get pageIndex(): number {
    return this.pages.length - 1;
  }

  space(points: number): void {
    this.y -= points;
  }

  /** Wrapped text, flowing onto new pages as needed; highlights are drawn by offset. */
  text(text: string, options: TextOptions = {}): void {
    const { style = 'sans', size = 10, color = INK, indent = 0, after = 4, highlights = [] } = options;
    const width = options.width ?? CONTENT_WIDTH - indent;
    const leading = size * 1.35;
    this.transcript.push(text);
    for (const line of this.ts.wrapRanges(text, style, size, width)) {
      this.ensure(leading);
      this.y -= leading;
      this.drawStyledLine(text, line, MARGIN.left + indent, this.y, style, size, color, highlights);
    }
    this.y -= after;
  }

  /** One wrapped line of `text` at (x, y), each piece drawn with the marks of the highlights over it. */
  drawStyledLine(text: string, line: { start: number; end: number }, x: number, y: number, style: TextStyle, size: number, color: RGB, highlights: readonly Highlight[]): void {
    const local = highlights.filter((h) => h.end > line.start && h.start < line.end).map((h) => ({ ...h, start: Math.max(h.start, line.start) - line.start, end: Math.min(h.end, line.end) - line.start }));
    const content = text.slice(line.start, line.end);
    let at = x;
    for (const piece of local.length ? layerHighlights(content.length, local) : [{ start: 0, end: content.length, classes: [], titles: [] }]) {
      const part = content.slice(piece.start, piece.end);
      const marks = piece.classes.map((c) => MARKS[c] ?? {});
      const width = this.ts.width(part, style, size);
      const background = marks.find((m) => m.background)?.background;
      if (background) this.page.drawRectangle({ x: at, y: y - size * 0.25, width, height: size * 1.15, color: background });
      this.ts.draw(this.page, part, at, y, style, size, marks.find((m) => m.color)?.color ?? color);
      const underline = marks.find((m) => m.underline)?.underline;
      if (underline) this.page.drawLine({ start: { x: at, y: y - size * 0.2 }, end: { x: at + width, y: y - size * 0.2 }, thickness: 0.8, color: underline });
      const strike = marks.find((m) => m.strike)?.strike;
      if (strike) this.page.drawLine({ start: { x: at, y: y + size * 0.3 }, end: { x: at + width, y: y + size * 0.3 }, thickness: 0.6, color: strike });
      at += width;
    }
  }

  /** The text cut at a word to fit one line of `width` (an ellipsis marking the cut), or whole when it fits. */
  oneLine(text: string, style: TextStyle, size: number, width: number): string {
    if (this.ts.width(text, style, size) <= width) return text;
    const words = text.split(' ');
    while (words.length > 1 && this.ts.width(`${words.join(' ')}…`, style, size) > width) words.pop();
    let line = words.join(' ');
    while (line.length > 1 && this.ts.width(`${line}…`, style, size) > width) line = line.slice(0, -1);
    return `${line.replace(/[\s,;:·–-]+$/, '')}…`;
  }

  heading(text: string, level: 1 | 2 | 3 = 1): void {
    const size = level === 1 ? 16 : level === 2 ? 12.5 : 10.5;
    this.ensure(size * 3);
    this.y -= level === 1 ? 4 : 8;
    this.text(text, { style: 'sansBold', size, color: level === 1 ? ACCENT : INK, after: level === 1 ? 10 : 4 });
  }

  rule(): void {
    this.ensure(8);
    this.y -= 4;
    this.page.drawLine({ start: { x: MARGIN.left, y: this.y }, end: { x: PAGE_WIDTH - MARGIN.right, y: this.y }, thickness: 0.5, color: RULE });
    this.y -= 6;
  }

  /** How tall each row of a table will be, to plan pages before drawing. */
  rowHeights(columns: readonly { width: number; style?: TextStyle }[], rows: readonly string[][], size: number): number[] {
    const leading = size * 1.3;
    return rows.map((row) => Math.max(...row.map((cell, i) => this.ts.wrap(cell, columns[i]!.style ?? 'sans', size, columns[i]!.width - 6).length)) * leading + 5);
  }

  /** The pages a table takes when it starts `used` points down a fresh page, as `table` lays it out. */
  tablePages(heights: readonly number[], size: number, used: number): number {
    const header = size * 1.3 + 4;
    const top = PAGE_HEIGHT - MARGIN.top;
    let pages = 1;
    let y = top - used - header;
    for (const h of heights) {
      if (y - h < MARGIN.bottom) {
        pages++;
        y = top - header;
      }
      y -= h;
    }
    return pages;
  }

  /** Rows of cells in fixed columns; a row that does not fit starts a new page, under the header again. */
  table(columns: { title: string; width: number; style?: TextStyle }[], rows: string[][], options: { size?: number; onRow?: (row: number, page: PDFPage, top: number, bottom: number) => void } = {}): void {
    const size = options.size ?? 8.5;
    const leading = size * 1.3;
    const heights = this.rowHeights(columns, rows, size);
    this.transcript.push(columns.map((c) => c.title).join(' '), ...rows.map((row) => row.join(' ')));
    // A title wider than its column wraps under itself rather than running into the next.
    const titles = columns.map((c) => this.ts.wrap(c.title.toUpperCase(), 'sansBold', size - 1, c.width - 6));
    const titleLines = Math.max(1, ...titles.map((t) => t.length));
    const header = () => {
      let x = MARGIN.left;
      titles.forEach((lines, i) => {
        lines.forEach((line, k) => this.ts.draw(this.page, line, x, this.y - leading * (k + 1), 'sansBold', size - 1, SOFT));
        x += columns[i]!.width;
      });
      this.y -= leading * titleLines + 4;
      this.page.drawLine({ start: { x: MARGIN.left, y: this.y }, end: { x: PAGE_WIDTH - MARGIN.right, y: this.y }, thickness: 0.5, color: RULE });
    };
    this.ensure(leading * (titleLines + 1) + 4 + (heights[0] ?? 0));
    header();
    rows.forEach((row, r) => {
      const cells = row.map((cell, i) => this.ts.wrap(cell, columns[i]!.style ?? 'sans', size, columns[i]!.width - 6));
      const height = heights[r]!;
      if (this.y - height < MARGIN.bottom) {
        this.newPage();
        header();
      }
      const top = this.y;
      let x = MARGIN.left;
      cells.forEach((lines, i) => {
        lines.forEach((line, k) => this.ts.draw(this.page, line, x, top - leading * (k + 1), columns[i]!.style ?? 'sans', size));
        x += columns[i]!.width;
      });
      this.y = top - height;
      this.page.drawLine({ start: { x: MARGIN.left, y: this.y + 2 }, end: { x: PAGE_WIDTH - MARGIN.right, y: this.y + 2 }, thickness: 0.3, color: RULE });
      options.onRow?.(r, this.page, top, this.y);
    });
    this.y -= 6;
  }

  /** The stamp on an exhibit's first page. */
  stamp(label: string, detail: string): void {
    const width = 150;
    const x = PAGE_WIDTH - MARGIN.right - width;
    const top = PAGE_HEIGHT - 24;
    this.page.drawRectangle({ x, y: top - 34, width, height: 34, borderColor: BAD, borderWidth: 1.5, color: rgb(1, 1, 1) });
    this.ts.draw(this.page, label, x + 8, top - 15, 'sansBold', 12, BAD);
    this.ts.draw(this.page, detail, x + 8, top - 28, 'sans', 7, BAD);
  }

  /**
   * The footer of every page: the privilege legend, "Page X of Y", and the
   * Bates number, which is drawn in a standard PDF font so any reader (and
   * our verifier) finds it as plain text.
   */
  async footers(legend: string, bates: (index: number) => string): Promise<void> {
    this.helvetica ??= await this.doc.embedFont(StandardFonts.HelveticaBold);
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      page.drawLine({ start: { x: MARGIN.left, y: 46 }, end: { x: PAGE_WIDTH - MARGIN.right, y: 46 }, thickness: 0.5, color: RULE });
      this.ts.draw(page, legend, MARGIN.left, 34, 'sansBold', 7, BAD);
      const pageText = `Page ${i + 1} of ${total}`;
      this.ts.draw(page, pageText, (PAGE_WIDTH - this.ts.width(pageText, 'sans', 7.5)) / 2, 22, 'sans', 7.5, SOFT);
      const number = bates(i);
      page.drawText(number, { x: PAGE_WIDTH - MARGIN.right - this.helvetica!.widthOfTextAtSize(number, 10), y: 30, size: 10, font: this.helvetica!, color: INK });
      sealPage(this.doc, page);
    });
  }
}
