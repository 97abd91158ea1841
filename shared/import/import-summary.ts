import type { SourceRecord } from '../model/records';
import { count } from '../text/count';

/**
 * What an import added, counted by what a reader calls it: "Imported 3
 * Terms versions with 56 clauses", not "56 records".
 */
export function importedInWords(sources: readonly Pick<SourceRecord, 'kind'>[], records: number): string {
  const kind = sources[0]?.kind;
  if (kind === 'tos') return `Imported ${count(sources.length, 'Terms version', 'Terms versions')} with ${count(records, 'clause', 'clauses')}`;
  if (kind === 'pairs') return `Imported ${count(records, 'output pair', 'output pairs')} from ${count(sources.length, 'file', 'files')}`;
  return `Imported ${count(records, 'log row', 'log rows')}`;
}
