import { LogParser, detectLogSettings, type ParsedRows } from '../shared/import/log-import';

export const IDS = { caseId: 'case0000001', sourceId: 'source00001' };

/** A log's text parsed as an import reads it: in pieces of the given sizes, then the rest. */
export function parseAll(text: string, pieces: number[] = []): ParsedRows {
  const parser = new LogParser(detectLogSettings(text), IDS);
  const out: ParsedRows = { entries: [], rejections: [], zonelessTimes: 0 };
  let at = 0;
  for (const size of [...pieces, Infinity]) {
    const chunk = size === Infinity ? null : text.slice(at, at + size);
    const result = chunk === null ? parser.push(text.slice(at)) : parser.push(chunk);
    at += chunk?.length ?? 0;
    out.entries.push(...result.entries);
    out.rejections.push(...result.rejections);
    if (chunk === null) break;
  }
  const last = parser.end();
  out.entries.push(...last.entries);
  out.rejections.push(...last.rejections);
  return out;
}
