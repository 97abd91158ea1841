import { alphaOf, numberingOf, romanOf, successorOf, type Numbering } from './numbering';
import type { PlacedBlock } from './terms-blocks';
import { trimWhere } from '../text/trim';

/** A clause of a terms document, with offsets into the version's stored text. */
export interface ParsedClause {
  /** The clause's own number as the document gives it, with its parents' (`D.4`, `L.3.b`, `II.1(c)`); '' when it has none. */
  number: string;
  /** How to cite it, unique in its version: the number, or the heading path and paragraph (“Using our Services ¶ 3”). */
  citation: string;
  headingPath: string[];
  text: string;
  start: number;
  end: number;
  /** 1-based line in the original file (in its page, for a PDF). */
  line: number;
  page?: number;
  /** The clause's source as written (Markdown or HTML), when it differs from its text: a change only here is a formatting change. */
  markup?: string;
}

interface Level {
  key: string;
  part: string;
  citation: string;
  /** Heading level for numbers in headings, 0 for numbers in the body. */
  heading: number;
  depth: number;
}

const joinCitation = (parent: string, n: Pick<Numbering, 'part' | 'join'>) => (n.join === '(' ? `${parent}(${n.part})` : !parent ? n.part : n.join === '' ? `${parent}${n.part}` : `${parent}.${n.part}`);

/**
 * Where the document cites the sub-items of a clause with letters (“L.3.b”,
 * “Section 4.2(c)”), a list it numbers 1, 2, 3 under that clause is cited
 * as it cites them.
 */
function citedSubItemForms(text: string): Map<string, '.' | '('> {
  const forms = new Map<string, '.' | '('>();
  for (const m of text.matchAll(/\b((?:[A-Z]\.)?\d{1,3}(?:\.\d{1,3})*)(?:\.([a-z])\b(?!\.\w)|\(([a-z])\))/g)) {
    if (!forms.has(m[1]!)) forms.set(m[1]!, m[2] ? '.' : '(');
  }
  return forms;
}

/** A list's own numbers belong to the family the same numbers written in the text would: `1.` is `1.` either way. */
const MARKER_KEYS: Record<NonNullable<PlacedBlock['marker']>['style'], string> = {
  decimal: 'decimal-dot',
  'lower-alpha': 'alpha-lower-dot',
  'upper-alpha': 'alpha-upper-dot',
  'lower-roman': 'roman-lower-dot',
  'upper-roman': 'roman-upper-dot',
};

/**
 * Where a sibling of a body block may stand: a list item's at its own list
 * depth; a paragraph's at its depth or in a list it follows (a paragraph
 * "2." after list item "1." continues that list).
 */
const inBodyAt = (level: Level, block: PlacedBlock) => level.heading === 0 && (block.kind === 'item' ? level.depth === block.depth : level.depth >= block.depth);

function markerPart(marker: NonNullable<PlacedBlock['marker']>): string {
  const n = marker.value;
  switch (marker.style) {
    case 'decimal':
      return String(n);
    case 'lower-alpha':
      return alphaOf(n);
    case 'upper-alpha':
      return alphaOf(n).toUpperCase();
    case 'lower-roman':
      return romanOf(n).toLowerCase();
    case 'upper-roman':
      return romanOf(n);
  }
}

/** Picks the reading of an ambiguous letter (`C.`, `(i)`) that continues a sibling list, else the likelier one. */
function resolve(n: Numbering, levels: readonly Level[], block: PlacedBlock, previousHeadings: readonly Level[]): Numbering {
  if (!n.alternative) return n;
  const siblings = block.kind === 'heading' ? previousHeadings.filter((l) => l.heading === block.level) : levels.filter((l) => inBodyAt(l, block));
  const continues = (candidate: Numbering) => siblings.some((l) => l.key === candidate.key && successorOf(l.key, l.part) === candidate.part);
  if (continues(n)) return n;
  if (continues(n.alternative)) return n.alternative;
  // A list starts at a or i: a lone "i" opens a Roman list, any other letter is a letter.
  return n.part.toLowerCase() === 'i' ? n.alternative : n;
}

/**
 * Splits placed blocks into clauses as a lawyer reads them. A clause starts
 * at a heading, at a numbered block, and at a paragraph opening with a bold
 * run-in heading; a plain paragraph directly under an unnumbered heading is
 * a clause of its own, cited “Heading ¶ n”; anything else continues the
 * clause before it. Numbers nest by list depth, then by family: a new family
 * (`(a)` after `1.`) is a child, the same family a sibling. Citations are
 * made unique; `notes` says where and how.
 */
export function splitClauses(text: string, blocks: readonly PlacedBlock[], markupOf?: (block: PlacedBlock) => string): { clauses: ParsedClause[]; notes: string[] } {
  const clauses: (ParsedClause & { kind: 'numbered' | 'heading' | 'runin' | 'paragraph'; lastBlock: PlacedBlock; firstBlock: PlacedBlock })[] = [];
  const cited = citedSubItemForms(text);
  let levels: Level[] = [];
  const headings: { level: number; text: string }[] = [];
  let paragraphsUnderHeading = 0;
  let current: (typeof clauses)[number] | null = null;

  const open = (block: PlacedBlock, kind: (typeof clauses)[number]['kind'], number: string, citation: string, extraHeading?: string) => {
    current = { kind, number, citation, headingPath: [...headings.map((h) => h.text), ...(extraHeading ? [extraHeading] : [])], text: '', start: block.start, end: block.end, line: block.source.line, ...(block.source.page !== undefined && { page: block.source.page }), firstBlock: block, lastBlock: block };
    clauses.push(current);
  };

  const contents = tableOfContents(blocks);
  // The last number given at each heading level, so `C.` after a `B.` heading reads as a letter.
  const lastHeadingNumbers = new Map<number, Level>();
  for (const block of blocks) {
    if (contents.has(block)) {
      const c = current as (typeof clauses)[number] | null;
      if (c?.citation === 'Contents') {
        c.end = block.end;
        c.lastBlock = block;
      } else open(block, 'paragraph', '', 'Contents');
      continue;
    }
    const isHeading = block.kind === 'heading';
    if (isHeading) {
      levels = levels.filter((l) => l.heading > 0 && l.heading < block.level);
      while (headings.length && headings[headings.length - 1]!.level >= block.level) headings.pop();
    } else if (block.kind === 'item') {
      // A list item closes the lists nested deeper than it; a paragraph does not, so "(a)" after a list item is its child.
      levels = levels.filter((l) => l.heading > 0 || l.depth <= block.depth);
    }
    const written = numberingOf(block.text);
    const marker: Numbering | null = block.marker ? { key: MARKER_KEYS[block.marker.style], absolute: false, part: markerPart(block.marker), join: '.', rest: block.text } : null;
    const numbering = written ? resolve(written, levels, block, [...lastHeadingNumbers.values()]) : marker;

    if (numbering) {
      let citation: string;
      if (numbering.absolute) {
        // An absolute number replaces the last absolute one at its depth (and what nested under it), unless that one is its parent;
        // relative levels above it (a chapter holding articles) stay.
        let last = levels.length - 1;
        while (last >= 0 && !(levels[last]!.heading === 0 && levels[last]!.depth >= block.depth && levels[last]!.key.startsWith('abs-'))) last--;
        if (last >= 0 && !numbering.part.startsWith(`${levels[last]!.citation}.`)) levels = levels.slice(0, last);
        else if (last >= 0) levels = levels.slice(0, last + 1);
        citation = numbering.part;
      } else {
        const isSibling = (l: Level) => l.key === numbering.key && (isHeading ? l.heading === block.level : inBodyAt(l, block));
        let sibling = levels.length - 1;
        while (sibling >= 0 && !isSibling(levels[sibling]!)) sibling--;
        if (sibling >= 0) levels = levels.slice(0, sibling);
        const parent = levels.at(-1)?.citation ?? '';
        const form = !written && parent && block.marker?.style === 'decimal' ? cited.get(parent) : undefined;
        const part = form ? { part: alphaOf(Number(numbering.part)), join: form } : numbering;
        citation = joinCitation(parent, part);
      }
      const level: Level = { key: numbering.absolute ? `abs-${numbering.part.split('.').length}` : numbering.key, part: numbering.part, citation, heading: isHeading ? block.level : 0, depth: block.depth };
      levels.push(level);
      if (isHeading) {
        lastHeadingNumbers.set(block.level, level);
        headings.push({ level: block.level, text: block.text });
        paragraphsUnderHeading = 0;
      }
      open(block, 'numbered', citation, citation);
      continue;
    }
    if (isHeading) {
      headings.push({ level: block.level, text: block.text });
      paragraphsUnderHeading = 0;
      open(block, 'heading', '', block.text);
      continue;
    }
    if (block.lead && block.kind === 'paragraph' && block.depth === 0) {
      const title = trimWhere(block.lead, (ch) => /[\s.:;,\u2013\u2014-]/.test(ch), 'end');
      // A run-in heading titles a section: its context is the clause it stands in, not a list item before it.
      const context = levels.filter((l) => l.heading > 0 || l.depth <= block.depth).at(-1)?.citation ?? headings.at(-1)?.text;
      open(block, 'runin', '', context ? `${context} › ${title}` : title, title);
      continue;
    }
    const c = current as (typeof clauses)[number] | null;
    const joinsCurrent = c !== null && (c.kind === 'numbered' || c.kind === 'runin' || (block.kind !== 'paragraph' && c.kind === 'paragraph'));
    if (joinsCurrent) {
      c.end = block.end;
      c.lastBlock = block;
      continue;
    }
    paragraphsUnderHeading++;
    open(block, 'paragraph', '', `${headings.at(-1)?.text ?? 'Preamble'} ¶ ${paragraphsUnderHeading}`);
  }

  const notes: string[] = [];
  const numbered = clauses.filter((c) => c.number !== '').length;
  if (numbered === 0 && clauses.length > 0) notes.push('No clause numbering was found; clauses are cited by heading and paragraph (“Heading ¶ 2”)');
  const repeated = makeUnique(clauses);
  if (repeated.length) {
    notes.push(`${repeated.length} clause number${repeated.length === 1 ? '' : 's'} or heading${repeated.length === 1 ? '' : 's'} occur more than once in the document (${repeated.slice(0, 5).map((r) => `“${r}”`).join(', ')}${repeated.length > 5 ? ', …' : ''}); each is cited with the heading above it to keep citations unique`);
  }
  return {
    clauses: clauses.map(({ kind: _kind, firstBlock, lastBlock, ...c }) => {
      const clause: ParsedClause = { ...c, text: text.slice(c.start, c.end) };
      if (markupOf) {
        const markup = markupOf({ ...firstBlock, source: { ...firstBlock.source, end: lastBlock.source.end } });
        if (markup !== clause.text) clause.markup = markup;
      }
      return clause;
    }),
    notes,
  };
}

/**
 * A run of three or more short lines that repeat the document's own later
 * headings is its table of contents: one clause, cited “Contents”, rather
 * than a paragraph per entry.
 */
function tableOfContents(blocks: readonly PlacedBlock[]): Set<PlacedBlock> {
  const key = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  const headings = new Map<string, number>();
  blocks.forEach((b, i) => {
    if (b.kind === 'heading') headings.set(key(b.text), i);
  });
  const found = new Set<PlacedBlock>();
  let run: PlacedBlock[] = [];
  const flush = () => {
    if (run.length >= 3) run.forEach((b) => found.add(b));
    run = [];
  };
  blocks.forEach((b, i) => {
    const later = headings.get(key(b.text));
    if (b.kind !== 'heading' && b.text.length <= 100 && !/[.;:]$/.test(b.text.trim()) && later !== undefined && later > i) run.push(b);
    else flush();
  });
  flush();
  return found;
}

/** Makes citations unique: a repeated one is prefixed with the nearest heading that tells the copies apart, then counted. */
function makeUnique(clauses: { citation: string; headingPath: string[] }[]): string[] {
  const repeated: string[] = [];
  const groups = new Map<string, typeof clauses>();
  for (const c of clauses) {
    const group = groups.get(c.citation);
    if (group) group.push(c);
    else groups.set(c.citation, [c]);
  }
  for (const [citation, group] of groups) {
    if (group.length < 2) continue;
    repeated.push(citation);
    const sharing = new Map<string, number>();
    for (const c of group) for (const h of new Set(c.headingPath)) sharing.set(h, (sharing.get(h) ?? 0) + 1);
    for (const c of group) {
      const path = c.headingPath.filter((h) => h !== citation && !citation.endsWith(` › ${h}`) && !citation.startsWith(`${h} `));
      const distinct = [...path].reverse().find((h) => sharing.get(h)! < group.length);
      if (distinct) c.citation = `${distinct} › ${citation}`;
    }
  }
  const seen = new Map<string, number>();
  for (const c of clauses) {
    const n = (seen.get(c.citation) ?? 0) + 1;
    seen.set(c.citation, n);
    if (n > 1) c.citation = `${c.citation} (${n})`;
  }
  return repeated;
}
