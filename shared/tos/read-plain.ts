import { startsWithNumbering } from './numbering';
import type { PlacedBlock } from './terms-blocks';

/**
 * Reads plain text into blocks placed in the text itself (the stored text
 * of a .txt version is the file): paragraphs are separated by blank lines,
 * a numbered line starts a block of its own, and a line underlined with
 * `===` or `---`, opened with `#`, or set alone in capitals is a heading.
 */
export function readPlain(text: string): PlacedBlock[] {
  const blocks: PlacedBlock[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let current: PlacedBlock | null = null;
  const close = () => {
    if (current) blocks.push(current);
    current = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const start = offset;
    offset += line.length + 1;
    const trimmed = line.trim();
    const next = lines[i + 1];
    if (!trimmed) {
      close();
      continue;
    }
    const source = { start, end: start + line.length, line: i + 1 };
    const atx = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(trimmed);
    const underlined = next !== undefined && /^\s*(=+|-+)\s*$/.test(next) && next.trim().length >= 3;
    // A short line in capitals standing alone is how plain-text terms set their title and headings.
    const capitals = !current && !next?.trim() && trimmed.length <= 100 && /\p{Lu}.*\p{Lu}.*\p{Lu}/u.test(trimmed) && !/\p{Ll}/u.test(trimmed) && !startsWithNumbering(trimmed);
    if (atx || underlined || capitals) {
      close();
      const end = underlined ? start + line.length + 1 + next!.length : start + line.length;
      const level = atx ? atx[1]!.length : underlined ? (next!.trim()[0] === '=' ? 1 : 2) : 1;
      blocks.push({ kind: 'heading', level, depth: 0, text: atx ? atx[2]! : trimmed, source: { ...source, end }, start: start + line.indexOf(trimmed), end });
      if (underlined) {
        offset += next!.length + 1;
        i++;
      }
      continue;
    }
    const lineStart = start + line.indexOf(trimmed);
    if (!current || startsWithNumbering(trimmed)) {
      close();
      current = { kind: 'paragraph', level: 0, depth: 0, text: trimmed, source, start: lineStart, end: start + line.trimEnd().length };
    } else {
      const open: PlacedBlock = current;
      open.end = start + line.trimEnd().length;
      open.text = text.slice(open.start, open.end);
      open.source = { ...open.source, end: open.end };
    }
  }
  close();
  return blocks;
}
