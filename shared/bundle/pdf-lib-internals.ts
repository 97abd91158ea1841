import type { PDFContentStream, PDFFont, PDFHexString, PDFPage, PDFRef } from 'pdf-lib';

/**
 * The one place that reaches into pdf-lib's private state, written against
 * pdf-lib 1.17.1 (pinned exactly in package.json). Each accessor checks the
 * shape it relies on, so an upgrade that changes it fails here, by name, and
 * in the canary test (tests/pure/pdf-lib-internals.test.ts), not as a blank
 * or corrupt bundle.
 */

/** What pdf-lib keeps privately on a page while it is being drawn. */
export interface PageInternals {
  contentStream?: PDFContentStream;
  contentStreamRef?: PDFRef;
}

/** What pdf-lib keeps inside a subsetting font embedder. */
export interface SubsetEmbedder {
  font: { glyphForCodePoint(cp: number): { id: number; advanceWidth: number }; hasGlyphForCodePoint(cp: number): boolean };
  subset: { includeGlyph(glyph: unknown): number; encode(): Uint8Array; encodeStream?: () => unknown };
  glyphs: unknown[];
  glyphIdMap: Map<number, number>;
  glyphCache: { invalidate(): void };
  scale: number;
  encodeText(text: string): PDFHexString;
  widthOfTextAtSize(text: string, size: number): number;
}

class InternalsChanged extends Error {
  override name = 'InternalsChanged';
  constructor(what: string) {
    super(`pdf-lib no longer keeps ${what} where version 1.17.1 did; the bundle's typesetting depends on it (shared/bundle/pdf-lib-internals.ts)`);
  }
}

/** A page's content stream and its reference, or neither once sealed. */
export function pageInternalsOf(page: PDFPage): PageInternals {
  // The fields appear on the first drawing; the private method that makes them is there from the start.
  if (typeof (page as unknown as { getContentStream?: unknown }).getContentStream !== 'function') throw new InternalsChanged("a page's content stream (getContentStream, contentStream, contentStreamRef)");
  return page as unknown as PageInternals;
}

/** The embedder behind a font embedded with `subset: true`. */
export function subsetEmbedderOf(font: PDFFont): SubsetEmbedder {
  const embedder = (font as unknown as { embedder?: Partial<SubsetEmbedder> }).embedder;
  const ok =
    embedder &&
    typeof embedder.font?.glyphForCodePoint === 'function' &&
    typeof embedder.subset?.includeGlyph === 'function' &&
    Array.isArray(embedder.glyphs) &&
    embedder.glyphIdMap instanceof Map &&
    typeof embedder.glyphCache?.invalidate === 'function' &&
    typeof embedder.scale === 'number' &&
    typeof embedder.encodeText === 'function';
  if (!ok) throw new InternalsChanged("a subset font's embedder (font, subset, glyphs, glyphIdMap, glyphCache, scale)");
  return embedder as SubsetEmbedder;
}
