/** A marked range of a text, in UTF-16 offsets, with the class that draws it. */
export interface Highlight {
  start: number;
  end: number;
  className: string;
  title?: string;
}

export interface Piece {
  start: number;
  end: number;
  classes: string[];
  titles: string[];
}

/**
 * Cuts a text into pieces at every highlight's edges, so overlapping
 * highlights (a diff, a shared run, a marker, an annotation) all show.
 */
export function layerHighlights(length: number, highlights: readonly Highlight[]): Piece[] {
  const cuts = new Set([0, length]);
  for (const h of highlights) {
    cuts.add(Math.max(0, Math.min(length, h.start)));
    cuts.add(Math.max(0, Math.min(length, h.end)));
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [start, end] = [edges[i]!, edges[i + 1]!];
    const covering = highlights.filter((h) => h.start <= start && h.end >= end && h.end > h.start);
    pieces.push({ start, end, classes: [...new Set(covering.map((h) => h.className))], titles: covering.flatMap((h) => (h.title ? [h.title] : [])) });
  }
  return pieces;
}
