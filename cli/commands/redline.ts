import { parseArgs } from 'node:util';
import { redline, summarizeRedline } from '../../shared/analysis/tos-redline';
import { versionInForce } from '../../shared/analysis/tos-timeline';
import type { TosClause } from '../../shared/model/records';
import { UsageError, withCaseFile } from '../case-file';
import { Refusal } from '../../shared/errors';
import { isCalendarDate } from '../../shared/time-format';

export const REDLINE_USAGE = 'redline <case-file> --title <document title> --from <YYYY-MM-DD> --to <YYYY-MM-DD> [--json]';

const clauseJson = (c: TosClause | null) => c && { citation: c.citation, number: c.number, heading: c.headingPath.at(-1) ?? '', text: c.text, line: c.line, ...(c.page !== undefined && { page: c.page }) };

export async function redlineCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { title: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' } } });
  const [path, ...extra] = positionals;
  if (!path || extra.length || !values.title || !values.from || !values.to) throw new UsageError(`usage: ${REDLINE_USAGE}`);
  for (const date of [values.from, values.to]) if (!isCalendarDate(date)) throw new UsageError(`“${date}” is not a date in the form YYYY-MM-DD`);
  const data = await withCaseFile(path, async (file) => file.data);
  const document = data.tosDocuments.find((d) => d.title.toLowerCase() === values.title!.trim().toLowerCase());
  if (!document) {
    throw new Refusal(`No Terms of Service document titled “${values.title}” in this case${data.tosDocuments.length ? `; it has ${data.tosDocuments.map((d) => `“${d.title}”`).join(', ')}` : ''}`);
  }
  const versions = data.tosVersions.filter((v) => v.documentId === document.id);
  const inForce = (date: string) => {
    const v = versionInForce(versions, date);
    if (!v) throw new Refusal(`No version of “${document.title}” was in force on ${date}; the first took effect on ${versions.map((x) => x.effectiveDate).sort()[0]}`);
    return v;
  };
  const from = inForce(values.from);
  const to = inForce(values.to);
  const clausesOf = (versionId: string) => data.tosClauses.filter((c) => c.versionId === versionId).sort((a, b) => a.order - b.order);
  const lines = redline(clausesOf(from.id), clausesOf(to.id));
  const summary = summarizeRedline(lines);
  if (values.json) {
    out(JSON.stringify({ title: document.title, from: { effectiveDate: from.effectiveDate }, to: { effectiveDate: to.effectiveDate }, summary, clauses: lines.map((l) => ({ status: l.status, from: clauseJson(l.from), to: clauseJson(l.to), segments: l.segments })) }, null, 2));
    return;
  }
  out(`${document.title}: the version effective ${from.effectiveDate} (in force on ${values.from}) against the version effective ${to.effectiveDate} (in force on ${values.to})`);
  if (summary.splitWarning) out(`WARNING: ${summary.splitWarning}`);
  out('Insertions are shown [+like this+], deletions [-like this-].');
  for (const l of lines) {
    const citation = l.to?.citation ?? l.from!.citation;
    const cited = l.from && l.to && l.from.citation !== l.to.citation ? `${l.from.citation} → ${l.to.citation}` : citation;
    if (l.status === 'unchanged' || l.status === 'formatting') continue;
    if (l.status === 'added') out(`\n${citation} ADDED\n  ${l.to!.text}`);
    else if (l.status === 'removed') out(`\n${citation} REMOVED\n  ${l.from!.text}`);
    else if (l.status === 'renumbered') out(`\n${cited} RENUMBERED, text unchanged`);
    else {
      const text = l.segments ? l.segments.map((s) => (s.kind === 'inserted' ? `[+${s.text}+]` : s.kind === 'deleted' ? `[-${s.text}-]` : s.text)).join('') : `${l.to!.text} (too different to mark word by word)`;
      out(`\n${cited} CHANGED\n  ${text}`);
    }
  }
  const formatting = lines.filter((l) => l.status === 'formatting');
  if (formatting.length) out(`\nFormatting only, the words unchanged (not counted as changes): ${formatting.map((l) => l.to!.citation).join('; ')}.`);
  out(`\n${summary.changed} changed, ${summary.added} added, ${summary.removed} removed, ${summary.renumbered} renumbered, ${summary.unchanged} unchanged; ${summary.formatting} in formatting only.`);
}
