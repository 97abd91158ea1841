/**
 * Text with the characters `trimmed` accepts removed from its ends, in one
 * pass. A regular expression such as /[ \n]+$/ does the same in time that
 * grows with the square of a long run of them (it retries from every
 * position of the run), which let one hostile terms page hang the importer.
 */
export function trimWhere(text: string, trimmed: (ch: string) => boolean, ends: 'both' | 'end' = 'both'): string {
  let start = 0;
  let end = text.length;
  if (ends === 'both') while (start < end && trimmed(text[start]!)) start++;
  while (end > start && trimmed(text[end - 1]!)) end--;
  return text.slice(start, end);
}
