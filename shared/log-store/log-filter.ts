import type { LogFilter } from '../model/log-filter';
import { formatInstant } from '../time-format';
import { count } from '../text/count';

export const isFiltered = (f: LogFilter): boolean => Object.values(f).some((v) => v !== undefined && v !== '');

/** A filter as a sentence a reader follows: "account acct_1, network 192.0.2.0/24, from … to …". */
export function filterInWords(f: LogFilter): string {
  const parts = [
    f.account && `account ${f.account}`,
    f.apiKey && `API key ${f.apiKey}`,
    f.ip && (f.ip.includes('/') ? `network ${f.ip}` : `IP address ${f.ip}`),
    f.from !== undefined && f.to !== undefined ? `from ${formatInstant(f.from)} to ${formatInstant(f.to)}` : f.from !== undefined ? `from ${formatInstant(f.from)}` : f.to !== undefined && `until ${formatInstant(f.to)}`,
    f.identifier && `${f.identifier.column} equal to “${f.identifier.value}”`,
    f.text && `the logged line containing “${f.text}”`,
  ];
  return parts.filter(Boolean).join(', ');
}

/** How a selection of rows was made, for its exhibit: the filter and how much of what it matched was chosen. */
export function selectionInWords(selectedBy: { filter: LogFilter; matched: number }, selected: number): string {
  const share = selected === selectedBy.matched ? `all ${count(selected, 'row', 'rows')} it matched` : `${selected.toLocaleString('en-US')} of the ${count(selectedBy.matched, 'row', 'rows')} it matched`;
  return `Selected in the log browser with the filter ${filterInWords(selectedBy.filter)}: ${share}.`;
}
