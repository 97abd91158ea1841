const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', hellip: '…', sect: '§', copy: '©', reg: '®' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Terms published as HTML reduced to plain text: headings become Markdown
 * headings (`## Title`) so the clause splitter sees them, list items and
 * paragraphs become lines, scripts and styles are dropped.
 */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style|head|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi, (_m, level: string, inner: string) => `\n\n${'#'.repeat(Number(level))} ${inner.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim()}\n\n`)
      .replace(/<li\b[^>]*>/gi, '\n- ')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/<\/(p|div|li|ul|ol|section|article|tr|table|blockquote|header|footer)\s*>/gi, '\n\n')
      .replace(/<[^>]+>/g, ''),
  )
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A clause of a terms document, with offsets into the version's text. */
export interface ParsedClause {
  /** The clause's own numbering joined with its parents' (`2.1`, `3(a)`, `IV`), or '' for an unnumbered section. */
  number: string;
  headingPath: string[];
  text: string;
  start: number;
  end: number;
  line: number;
}

const MARKDOWN_UNESCAPE = /\\([\\`*_{}[\]()#+\-.!|])/g;

// Numbering at the start of a line, after any list marker: 1. / 1.1 / 1.1.1 / (a) / (iv) / a) / IV. / Section 3 / Article IV / § 4
const NUMBERING = /^(?:[-*+]\s+)?(?:(?:section|article|clause|§)\s*([0-9]+(?:\.[0-9]+)*|[IVXLC]+)\b\.?|([0-9]+(?:\.[0-9]+)+\.?|[0-9]+\.)(?=\s)|\(([a-z]{1,2}|[ivxlc]+|[0-9]+)\)|([a-z])\)(?=\s)|([IVXLC]+)\.(?=\s))\s*/i;

/** The numbering token at the start of `text`, normalised (`Section 3.` → `3`, `(a)` → `(a)`), or null. */
function numberingOf(text: string, previous: { letter?: string; roman?: string } = {}): { token: string; rank: number; rest: string } | null {
  const m = NUMBERING.exec(text);
  if (!m) return null;
  const [whole, named, dotted, paren, letter, roman] = m;
  const rest = text.slice(whole.length);
  if (named !== undefined) return { token: named, rank: 0, rest };
  if (roman !== undefined) return { token: roman, rank: 0, rest };
  if (dotted !== undefined) {
    const token = dotted.replace(/\.$/, '');
    return { token, rank: token.split('.').length, rest };
  }
  const inner = (paren ?? letter)!.toLowerCase();
  // (c), (i), (v), (x) are letters or numerals by what came before: (i) after (h) is a letter, (v) after (iv) a numeral.
  const isRoman =
    /^[ivxlc]{2,}$/.test(inner) ||
    (inner === 'i' && previous.letter !== '(h)') ||
    (inner === 'v' && previous.roman === '(iv)') ||
    (inner === 'x' && previous.roman === '(ix)');
  const isNumber = /^[0-9]+$/.test(inner);
  return { token: `(${inner})`, rank: isNumber ? 99 : isRoman ? 101 : 100, rest };
}

function headingOf(lines: string[], i: number): { level: number; text: string; consumed: number } | null {
  const line = lines[i]!;
  const atx = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
  if (atx) return { level: atx[1]!.length, text: atx[2]!, consumed: 1 };
  const next = lines[i + 1];
  if (line.trim() && next !== undefined && /^\s*(=+|-+)\s*$/.test(next) && next.trim().length >= 3) {
    return { level: next.trim()[0] === '=' ? 1 : 2, text: line.trim(), consumed: 2 };
  }
  return null;
}

/**
 * A clause's full number. Dotted numbers (2.1) are already absolute, so the
 * last one replaces everything before it; letters and romans are appended.
 */
function clauseNumber(headingNumbers: string[], numbers: { key: number; token: string }[]): string {
  let absolute = -1;
  numbers.forEach((n, i) => {
    if (n.token.includes('.')) absolute = i;
  });
  const parts = absolute >= 0 ? numbers.slice(absolute).map((n) => n.token) : [...headingNumbers, ...numbers.map((n) => n.token)];
  return parts.filter(Boolean).reduce((acc, part) => (acc === '' ? part : part.startsWith('(') ? `${acc}${part}` : `${acc}.${part}`), '');
}

/**
 * Splits terms into clauses. A clause starts at a heading or at a numbered
 * line (1., 1.1, (a), IV., Section 3, Article IV...); nested numbering is
 * joined to its parent's (`2` then `(a)` gives `2(a)`), and each clause
 * keeps the path of headings above it. Markdown escapes such as `3\.` are
 * read as the characters they stand for.
 */
export function splitClauses(text: string): ParsedClause[] {
  const lines = text.split('\n');
  const clauses: ParsedClause[] = [];
  const headings: { level: number; text: string; number: string }[] = [];
  // Nesting is by indent first, then by kind: sections, 1 / 1.1 / 1.1.1, (a), (i).
  let numbers: { key: number; token: string }[] = [];
  let offset = 0;
  let current: ParsedClause | null = null;
  const close = (end: number) => {
    if (current) {
      current.end = end;
      current.text = text.slice(current.start, end).trim();
      if (current.text) clauses.push(current);
    }
    current = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineStart = offset;
    const heading = headingOf(lines, i);
    if (heading) {
      close(lineStart);
      const unescaped = heading.text.replace(MARKDOWN_UNESCAPE, '$1');
      const numbering = numberingOf(unescaped);
      while (headings.length && headings[headings.length - 1]!.level >= heading.level) headings.pop();
      const number = numbering ? clauseNumber(headings.map((h) => h.number), [{ key: numbering.rank, token: numbering.token }]) : '';
      headings.push({ level: heading.level, text: unescaped, number: numbering ? numbering.token : '' });
      numbers = [];
      current = { number, headingPath: headings.map((h) => h.text), text: '', start: lineStart, end: lineStart, line: i + 1 };
      for (let k = 0; k < heading.consumed; k++) offset += lines[i + k]!.length + 1;
      i += heading.consumed - 1;
      continue;
    }
    const indent = line.length - line.trimStart().length;
    const lastOfRank = (rank: number) => [...numbers].reverse().find((n) => n.key % 1000 === rank)?.token;
    const numbering = numberingOf(line.trimStart().replace(MARKDOWN_UNESCAPE, '$1'), { letter: lastOfRank(100), roman: lastOfRank(101) });
    if (numbering) {
      close(lineStart);
      // "1.  I. Title" numbers the same clause twice; the inner token is the one people cite.
      const inner = numberingOf(numbering.rest);
      const own = inner && inner.rank === 0 && /^[IVXLC]+$/.test(inner.token) && numbering.rank < 99 ? inner : numbering;
      const key = indent * 1000 + own.rank;
      while (numbers.length && numbers[numbers.length - 1]!.key >= key) numbers.pop();
      numbers.push({ key, token: own.token });
      current = { number: clauseNumber(headings.map((h) => h.number), numbers), headingPath: headings.map((h) => h.text), text: '', start: lineStart, end: lineStart, line: i + 1 };
    } else if (!current && line.trim()) {
      current = { number: '', headingPath: headings.map((h) => h.text), text: '', start: lineStart, end: lineStart, line: i + 1 };
    }
    offset += line.length + 1;
  }
  close(text.length);
  return clauses;
}

/** A clause's text without its heading marks and leading number, for comparing clauses that were renumbered. */
export function clauseBody(text: string): string {
  const line = text.replace(/^#{1,6}\s+/, '').replace(MARKDOWN_UNESCAPE, '$1').trimStart();
  const numbering = numberingOf(line);
  return (numbering ? numbering.rest : line).replace(/\n\s*(=+|-+)\s*(\n|$)/, '\n').trim();
}

/** The text of a terms file by its kind: HTML is reduced, Markdown and plain text are kept as they are. */
export function tosText(fileName: string, fileText: string): string {
  const looksHtml = /\.html?$/i.test(fileName) || /^\s*(<!doctype html|<html\b)/i.test(fileText);
  return (looksHtml ? htmlToText(fileText) : fileText).replace(/\r\n?/g, '\n');
}

/** A title for a terms document from its first heading, else its file name. */
export function guessTosTitle(fileName: string, text: string): string {
  const lines = text.split('\n');
  for (let i = 0; i < Math.min(lines.length, 40); i++) {
    const heading = headingOf(lines, i);
    if (heading) return heading.text.replace(MARKDOWN_UNESCAPE, '$1');
  }
  return fileName.replace(/\.[^.]+$/, '').replace(/[_-]\d{4}-\d{2}-\d{2}$/, '').replace(/[-_]+/g, ' ');
}

/** The date in a file name such as `terms_2026-01-16.md`, if any. */
export function dateInFileName(fileName: string): string | undefined {
  return /(\d{4}-\d{2}-\d{2})/.exec(fileName)?.[1];
}
