import { UnusableFileError } from '../errors';
import { notTextProblem, decodeText, type TextEncoding } from '../text/decode-text';
import { readHtml } from './read-html';
import { readMarkdown } from './read-markdown';
import { readPdf } from './read-pdf';
import { readPlain } from './read-plain';
import { splitClauses, type ParsedClause } from './split-clauses';
import { layOutBlocks, type TermsBlock } from './terms-blocks';

export type TermsFormat = 'markdown' | 'html' | 'text' | 'pdf';

/** A terms file read: the text a reader of it sees (stored with the version), its clauses, and what the reader should know. */
export interface TermsReading {
  format: TermsFormat;
  encoding: TextEncoding | 'binary';
  text: string;
  clauses: ParsedClause[];
  notes: string[];
}

const isPdf = (bytes: Uint8Array) => bytes.length >= 5 && String.fromCharCode(...bytes.subarray(0, 5)) === '%PDF-';

/** The format of a terms file, from its first bytes and its name. */
export function termsFormat(fileName: string, bytes: Uint8Array, text?: string): TermsFormat {
  if (isPdf(bytes)) return 'pdf';
  const start = (text ?? new TextDecoder().decode(bytes.subarray(0, 2048))).trimStart().slice(0, 512).toLowerCase();
  if (/\.html?$/i.test(fileName) || start.startsWith('<!doctype html') || start.startsWith('<html')) return 'html';
  if (/\.txt$/i.test(fileName)) return 'text';
  return 'markdown';
}

/** A JSON document or JSON Lines (every one of its first lines an object or array), which no terms are. */
function isJsonData(text: string): boolean {
  if (!/^\s*[[{]/.test(text)) return false;
  const parses = (t: string) => {
    try {
      JSON.parse(t);
      return true;
    } catch {
      return false;
    }
  };
  if (parses(text)) return true;
  const lines = text.split('\n').filter((l) => l.trim()).slice(0, 5);
  return lines.every((l) => /^\s*[[{]/.test(l) && parses(l));
}

function fromBlocks(format: TermsFormat, encoding: TermsReading['encoding'], blocks: TermsBlock[], source: string | null, fileName: string): TermsReading {
  const { text, placed } = layOutBlocks(blocks);
  const { clauses, notes } = splitClauses(text, placed, source === null ? undefined : (b) => source.slice(b.source.start, b.source.end));
  if (clauses.length === 0) throw new UnusableFileError(`${fileName} holds no text`);
  return { format, encoding, text, clauses, notes };
}

/**
 * Reads a Markdown, HTML or plain-text terms file (a PDF needs
 * readTermsFile). Markdown and HTML are parsed by their parsers, and the
 * stored text is what a reader of the page saw; plain text is kept as it is.
 */
export function readTerms(fileName: string, bytes: Uint8Array): TermsReading {
  if (isPdf(bytes)) throw new UnusableFileError(`${fileName} is a PDF; it is read with readTermsFile`);
  const { text: raw, encoding } = decodeText(bytes, fileName);
  const source = raw.replace(/\r\n?/g, '\n');
  const binary = notTextProblem(source, fileName);
  if (binary) throw new UnusableFileError(binary);
  if (isJsonData(source)) throw new UnusableFileError(`${fileName} is JSON data, not terms of service text`);
  const format = termsFormat(fileName, bytes, source);
  if (format === 'html') return fromBlocks('html', encoding, readHtml(source, fileName), source, fileName);
  if (format === 'markdown') return fromBlocks('markdown', encoding, readMarkdown(source, fileName), source, fileName);
  const placed = readPlain(source);
  const { clauses, notes } = splitClauses(source, placed);
  if (clauses.length === 0) throw new UnusableFileError(`${fileName} holds no text`);
  return { format: 'text', encoding, text: source, clauses, notes };
}

/** Reads a terms file of any format, PDF included (its text extracted with pdf.js, each clause with its page). */
export async function readTermsFile(fileName: string, bytes: Uint8Array): Promise<TermsReading> {
  if (!isPdf(bytes)) return readTerms(fileName, bytes);
  return fromBlocks('pdf', 'binary', await readPdf(bytes, fileName), null, fileName);
}

/** A title for a terms document from its first heading, else its file name. */
export function guessTosTitle(fileName: string, reading: Pick<TermsReading, 'clauses'>): string {
  const heading = reading.clauses.find((c) => c.headingPath.length > 0)?.headingPath[0];
  return heading ?? fileName.replace(/\.[^.]+$/, '').replace(/[_-]\d{4}-\d{2}-\d{2}$/, '').replace(/[-_]+/g, ' ');
}

/** The date in a file name such as `terms_2026-01-16.md`, if any. */
export function dateInFileName(fileName: string): string | undefined {
  return /(\d{4}-\d{2}-\d{2})/.exec(fileName)?.[1];
}
