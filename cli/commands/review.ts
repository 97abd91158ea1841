import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { identitySigner, manifestSealer } from '../../node/signing';
import { REVIEW_TABLES, checkSignOffs, countsInWords, describeSignOff, markReview, reviewCounts, reviewItems, signOffChange, signOffStatement, statementBytes } from '../../shared/audit/review';
import { Refusal } from '../../shared/errors';
import { applyChange } from '../../shared/model/case-change';
import { formatInstant } from '../../shared/time-format';
import { cliActor } from '../actor';
import { UsageError, readBytes, saveCaseFile, withCaseFile, type CaseFile } from '../case-file';
import { passphraseFromEnvironment } from './identity';

export const REVIEW_USAGE = `review <case-file> [--approve|--question|--reviewed <item>] [--note <text>] [--actor <name>]   (an item is <${REVIEW_TABLES.join('|')}>/<id>, or an id; with no mark, lists what is reviewed and what is not)`;
export const SIGN_OFF_USAGE = 'sign-off <case-file> [--bundle <bundle id or file name>] [--p12 <identity.p12>] [--actor <name>]   (passphrase from EVIDENCE_P12_PASSPHRASE)';

/** "elements/abc…" as given, or a bare id found in whichever table holds it. */
function itemOf(file: CaseFile, given: string): { table: string; id: string } {
  const [table, id] = given.includes('/') ? (given.split('/', 2) as [string, string]) : [REVIEW_TABLES.find((t) => file.data[t].some((row) => row.id === given)) ?? '', given];
  if (!table) throw new Refusal(`${basename(file.path)} has no item ${given} to review: give <${REVIEW_TABLES.join('|')}>/<id>, as \`review\` lists them`, 'invalid');
  return { table, id };
}

/** Marks one item approved, reviewed or questioned, or lists the review: marks and sign-offs are events, and change no record. */
export async function reviewCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { approve: { type: 'string' }, question: { type: 'string' }, reviewed: { type: 'string' }, note: { type: 'string' }, actor: { type: 'string' } } });
  const [path, ...extra] = positionals;
  const marks = (['approve', 'question', 'reviewed'] as const).filter((m) => values[m] !== undefined);
  if (!path || extra.length || marks.length > 1 || (values.note !== undefined && marks.length === 0)) throw new UsageError(`usage: ${REVIEW_USAGE}`);
  await withCaseFile(path, async (file) => {
    const mark = marks[0];
    if (!mark) {
      const items = reviewItems(file.data);
      out(`${basename(path)}: ${countsInWords(reviewCounts(items))}`);
      for (const item of items) out(`  ${item.state.padEnd(10)} ${item.table}/${item.id}  ${item.label}${item.changedSince ? '  (changed since it was marked)' : ''}${item.mark?.note ? `  — “${item.mark.note}” (${item.mark.actor}, ${formatInstant(item.mark.at)})` : ''}`);
      for (const check of await checkSignOffs(file.data.audit)) out(`Sign-off, event #${check.seq}: ${describeSignOff(check)}`);
      return;
    }
    const state = { approve: 'approved', question: 'questioned', reviewed: 'reviewed' }[mark];
    applyChange(file.data, markReview(file.data, itemOf(file, values[mark]!), state, values.note ?? '', cliActor(values.actor)));
    await saveCaseFile(file);
    const event = file.data.audit.at(-1)!;
    out(`${event.subject}: recorded as event #${event.seq}.`);
  });
}

/** Records a reviewer's sign-off of the case, or of one of its bundles, signed with their identity when given one. */
export async function signOffCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { bundle: { type: 'string' }, p12: { type: 'string' }, actor: { type: 'string' } } });
  const [path, ...extra] = positionals;
  if (!path || extra.length) throw new UsageError(`usage: ${SIGN_OFF_USAGE}`);
  const signer = values.p12 ? identitySigner(await readBytes(values.p12), passphraseFromEnvironment(), basename(values.p12)) : undefined;
  await withCaseFile(path, async (file) => {
    const statement = signOffStatement(file.data, cliActor(values.actor ?? signer?.info.name), values.bundle ?? null);
    const signature = signer ? await manifestSealer(signer)(statementBytes(statement)) : null;
    applyChange(file.data, signOffChange(statement, signature));
    await saveCaseFile(file);
    const check = (await checkSignOffs(file.data.audit)).at(-1)!;
    out(`Recorded as event #${check.seq}: ${describeSignOff(check)}`);
  });
}
