import * as fontkit from 'fontkit';
import { subsetEmbedderOf } from './pdf-lib-internals';
import { PDFHexString, beginText, endText, moveText, popGraphicsState, pushGraphicsState, rgb, setFillingColor, setFontAndSize, showText, type PDFDocument, type PDFFont, type PDFName, type PDFOperator, type PDFPage, type RGB } from 'pdf-lib';

/** The font files a bundle embeds (Noto, SIL Open Font License), read by the caller: from node_modules in the CLI, as assets in the app. */
export interface FontFiles {
  sans: Uint8Array;
  sansBold: Uint8Array;
  mono: Uint8Array;
  /** Chinese, Japanese and Korean, and the fallback for anything the others lack. */
  cjk: Uint8Array;
}

export type TextStyle = 'sans' | 'sansBold' | 'mono';

interface Glyph {
  hex: string;
  width: number;
}

/**
 * Two changes to pdf-lib's subsetting embedder, which reaches into its internals:
 *
 * - pdf-lib shapes every string with fontkit's full layout engine, about half
 *   a millisecond a call: minutes for a 5,000-page bundle. Evidence text
 *   needs no ligatures or kerning, so each code point is mapped to its glyph
 *   once and cached, doing what pdf-lib's encodeText does (include the glyph
 *   in the subset, record it for the widths and the ToUnicode map) without
 *   the shaping.
 * - pdf-lib's own fontkit fork writes broken TrueType subsets (glyphs render
 *   blank: pdf-lib#1232, fixed upstream in fontkit 1.8). We register upstream
 *   fontkit 2, whose subset has `encode()` where pdf-lib calls the older
 *   `encodeStream()`; this gives it one.
 */
function adaptEmbedder(font: PDFFont): (cp: number) => Glyph | null {
  const embedder = subsetEmbedderOf(font);
  const subset = embedder.subset;
  subset.encodeStream = () => {
    const stream = {
      on(event: string, listener: (value?: Uint8Array) => void) {
        if (event === 'data') queueMicrotask(() => listener(subset.encode()));
        if (event === 'end') queueMicrotask(() => queueMicrotask(() => listener()));
        return stream;
      },
    };
    return stream;
  };
  const cache = new Map<number, Glyph | null>();
  const glyphOf = (cp: number): Glyph | null => {
    let glyph = cache.get(cp);
    if (glyph === undefined) {
      if (embedder.font.hasGlyphForCodePoint(cp)) {
        const g = embedder.font.glyphForCodePoint(cp);
        const id = embedder.subset.includeGlyph(g);
        embedder.glyphs[id - 1] = g;
        embedder.glyphIdMap.set(g.id, id);
        embedder.glyphCache.invalidate();
        glyph = { hex: id.toString(16).padStart(4, '0'), width: g.advanceWidth * embedder.scale };
      } else glyph = null;
      cache.set(cp, glyph);
    }
    return glyph;
  };
  const each = (text: string, use: (g: Glyph) => void) => {
    for (const ch of text) {
      const g = glyphOf(ch.codePointAt(0)!) ?? glyphOf(0x3f);
      if (g) use(g);
    }
  };
  embedder.encodeText = (text) => {
    let hex = '';
    each(text, (g) => (hex += g.hex));
    return PDFHexString.of(hex);
  };
  embedder.widthOfTextAtSize = (text, size) => {
    let width = 0;
    each(text, (g) => (width += g.width));
    return (width * size) / 1000;
  };
  return glyphOf;
}

interface LoadedFont {
  font: PDFFont;
  glyphOf: (cp: number) => Glyph | null;
}

/** A line of wrapped text, as offsets into the text. */
export interface LineRange {
  start: number;
  end: number;
}

export interface Run {
  font: PDFFont;
  text: string;
  width: number;
}

/** Where a line may break: after a word and its spaces, or around any CJK character. */
const PIECES = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]+\s*|\s+/gu;

/**
 * Sets text in the bundle's fonts: picks, character by character, the first
 * font that has the glyph (the style's own, then the CJK font), measures,
 * wraps and draws. Text no font can show is drawn as "?".
 */
export class Typesetter {
  private constructor(private readonly fonts: Record<TextStyle | 'cjk', LoadedFont>) {}

  static async embed(doc: PDFDocument, files: FontFiles): Promise<Typesetter> {
    // Upstream fontkit; its create() may also return a font collection, which these single fonts are not.
    doc.registerFontkit(fontkit as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
    const load = async (bytes: Uint8Array): Promise<LoadedFont> => {
      const font = await doc.embedFont(bytes, { subset: true });
      return { font, glyphOf: adaptEmbedder(font) };
    };
    const [sans, sansBold, mono, cjk] = await Promise.all([load(files.sans), load(files.sansBold), load(files.mono), load(files.cjk)]);
    return new Typesetter({ sans, sansBold, mono, cjk });
  }

  /** The text split into runs of one font each. */
  runs(text: string, style: TextStyle, size: number): Run[] {
    const own = this.fonts[style];
    const runs: Run[] = [];
    let current: { font: LoadedFont; text: string; width: number } | null = null;
    // Tabs and carriage returns show as spaces: the same length, so offsets into the text still hold.
    for (const ch of text.replace(/[\t\r]/g, ' ')) {
      const cp = ch.codePointAt(0)!;
      const font = own.glyphOf(cp) ? own : this.fonts.cjk.glyphOf(cp) ? this.fonts.cjk : own;
      const glyph = font.glyphOf(cp) ?? font.glyphOf(0x3f);
      const width = ((glyph?.width ?? 0) * size) / 1000;
      if (current && current.font === font) {
        current.text += ch;
        current.width += width;
      } else {
        if (current) runs.push({ font: current.font.font, text: current.text, width: current.width });
        current = { font, text: ch, width };
      }
    }
    if (current) runs.push({ font: current.font.font, text: current.text, width: current.width });
    return runs;
  }

  width(text: string, style: TextStyle, size: number): number {
    return this.runs(text, style, size).reduce((w, r) => w + r.width, 0);
  }

  /**
   * Lines of at most `maxWidth`, as ranges of the text (so styles kept by
   * offset can be drawn line by line): breaks at spaces and between any two
   * CJK characters; a word wider than a line is cut where it must be.
   * Newlines in the text are kept; trailing spaces are left out of a line.
   */
  wrapRanges(text: string, style: TextStyle, size: number, maxWidth: number): LineRange[] {
    const lines: LineRange[] = [];
    let offset = 0;
    for (const paragraph of text.split('\n')) {
      let line: LineRange | null = null;
      let lineWidth = 0;
      for (const match of paragraph.matchAll(PIECES)) {
        const piece = match[0];
        const start = offset + match.index;
        const word = piece.trimEnd();
        if (line && lineWidth + this.width(word, style, size) > maxWidth) {
          lines.push(line);
          line = null;
          lineWidth = 0;
        }
        if (!line) line = { start, end: start };
        if (word) line.end = start + word.length;
        lineWidth += this.width(piece, style, size);
      }
      lines.push(line ?? { start: offset, end: offset });
      offset += paragraph.length + 1;
    }
    return lines.flatMap((line) => (this.width(text.slice(line.start, line.end), style, size) > maxWidth ? this.hardBreak(text, line, style, size, maxWidth) : [line]));
  }

  wrap(text: string, style: TextStyle, size: number, maxWidth: number): string[] {
    return this.wrapRanges(text, style, size, maxWidth).map((r) => text.slice(r.start, r.end));
  }

  private hardBreak(text: string, line: LineRange, style: TextStyle, size: number, maxWidth: number): LineRange[] {
    const parts: LineRange[] = [];
    let part = { start: line.start, end: line.start };
    let width = 0;
    for (const ch of text.slice(line.start, line.end)) {
      const w = this.width(ch, style, size);
      if (part.end > part.start && width + w > maxWidth) {
        parts.push(part);
        part = { start: part.end, end: part.end };
        width = 0;
      }
      part.end += ch.length;
      width += w;
    }
    parts.push(part);
    return parts;
  }

  /** Each page's resource name for each font, registered once: pdf-lib's drawText adds a new entry on every call. */
  private readonly fontKeys = new WeakMap<PDFPage, Map<PDFFont, PDFName>>();

  private fontKey(page: PDFPage, font: PDFFont): PDFName {
    let keys = this.fontKeys.get(page);
    if (!keys) this.fontKeys.set(page, (keys = new Map()));
    let key = keys.get(font);
    if (!key) keys.set(font, (key = page.node.newFontDictionary(font.name, font.ref)));
    return key;
  }

  /**
   * Draws one line at (x, y) as one text object, switching font between
   * runs; the reader advances by each glyph's width, so runs need no
   * positions of their own. Returns the line's width.
   */
  draw(page: PDFPage, text: string, x: number, y: number, style: TextStyle, size: number, color: RGB = rgb(0.1, 0.12, 0.15)): number {
    const runs = this.runs(text, style, size);
    if (runs.length === 0) return 0;
    const operators: PDFOperator[] = [pushGraphicsState(), setFillingColor(color), beginText(), moveText(x, y)];
    let width = 0;
    for (const run of runs) {
      operators.push(setFontAndSize(this.fontKey(page, run.font), size), showText(run.font.encodeText(run.text)));
      width += run.width;
    }
    operators.push(endText(), popGraphicsState());
    page.pushOperators(...operators);
    return width;
  }
}
