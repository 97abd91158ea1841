/**
 * Splitting text into records while keeping where each one came from: its
 * 1-based line number and its exact original text.
 */

export interface TextRecord {
  line: number;
  raw: string;
}

/** Non-blank lines with their numbers (CRLF and LF both end a line). */
export function* linesOf(text: string, firstLine = 1): Generator<TextRecord> {
  let line = firstLine;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end > start && text[end - 1] === '\r' ? end - 1 : end);
    if (raw.trim() !== '') yield { line, raw };
    line++;
    start = end + 1;
  }
}

export interface CsvRecord extends TextRecord {
  fields: string[];
  /** Where the record starts in the text. */
  offset: number;
  /** Why the record cannot be read; absent when it can. */
  error?: string;
  /** A quoted field runs to the end of the text: in a file read in pieces, it may close in the next. */
  unclosed?: boolean;
}

/**
 * RFC 4180 records (quoted fields may hold delimiters, quotes and line
 * breaks). Written here rather than taken from a CSV library because each
 * record must keep its starting line number and its exact original text.
 * A record with an unclosed quote, or with text after a closing quote, is
 * returned with `error` set: a quote left open swallows the lines after it
 * until the next quote, which then closes it mid-field, so the lines it
 * swallowed are rejected together, by line, instead of read as one field.
 */
export function* csvRecords(text: string, delimiter: string, firstLine = 1): Generator<CsvRecord> {
  let i = 0;
  let line = firstLine;
  while (i < text.length) {
    const startLine = line;
    const start = i;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let error: string | undefined;
    let unclosed = false;
    for (;;) {
      if (i >= text.length) {
        if (quoted) {
          error = `a quoted field opened on line ${startLine} is never closed`;
          unclosed = true;
        }
        fields.push(field);
        break;
      }
      const ch = text[i]!;
      if (quoted && ch !== '"') {
        // The field's text up to the next quote, taken at once: a long quoted field costs one slice, not a string per character.
        const close = text.indexOf('"', i);
        const to = close < 0 ? text.length : close;
        for (let nl = text.indexOf('\n', i); nl >= 0 && nl < to; nl = text.indexOf('\n', nl + 1)) line++;
        field += text.slice(i, to);
        i = to;
        continue;
      }
      if (quoted) {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = text[i];
        if (!error && next !== undefined && next !== delimiter && next !== '\n' && !(next === '\r' && text[i + 1] === '\n')) {
          error = `${line > startLine ? `lines ${startLine}–${line}: a quoted field opened on line ${startLine} closes on line ${line}` : 'a quoted field closes'} with text after its closing quote: the quoting is broken`;
        }
        continue;
      }
      if (ch === '"' && field === '') {
        quoted = true;
        i++;
      } else if (ch === delimiter) {
        fields.push(field);
        field = '';
        i++;
      } else if (ch === '\n' || (ch === '\r' && text[i + 1] === '\n')) {
        fields.push(field);
        break;
      } else {
        field += ch;
        i++;
      }
    }
    const end = i;
    i += text[i] === '\r' ? 2 : 1;
    line++;
    const raw = text.slice(start, end);
    if (raw.trim() === '') continue;
    yield error ? { line: startLine, raw, fields, offset: start, error, ...(unclosed ? { unclosed } : {}) } : { line: startLine, raw, fields, offset: start };
  }
}

/**
 * The elements of a top-level JSON array, each with the line it starts on,
 * so a pretty-printed array of answers can be traced back line by line.
 * Each element's text is returned unparsed; the caller parses and reports.
 */
export function* jsonArrayElements(text: string): Generator<TextRecord> {
  let depth = 0;
  let line = 1;
  let inString = false;
  let start = -1;
  let startLine = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (depth === 1 && start < 0 && ch !== ',' && ch !== ']' && ch.trim() !== '') {
      start = i;
      startLine = line;
    }
    if (ch === '"') {
      inString = true;
    } else if (ch === '{' || ch === '[') {
      depth++;
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 1 && start >= 0) {
        yield { line: startLine, raw: text.slice(start, i + 1) };
        start = -1;
      } else if (depth === 0) {
        if (start >= 0) yield { line: startLine, raw: text.slice(start, i).trim() };
        return;
      }
    } else if (ch === ',' && depth === 1 && start >= 0) {
      yield { line: startLine, raw: text.slice(start, i).trim() };
      start = -1;
    }
  }
}
