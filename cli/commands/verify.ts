import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { verifyBundle } from '../../shared/bundle/verify-bundle';
import { Refusal, UsageError, readBytes } from '../case-file';

export const VERIFY_USAGE = 'verify <file.pdf> [--json]   (exit 0 valid, 1 not valid)';

export async function verifyCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
  const [path, ...extra] = positionals;
  if (!path || extra.length) throw new UsageError(`usage: ${VERIFY_USAGE}`);
  const report = await verifyBundle(await readBytes(path), basename(path));
  if (values.json) out(JSON.stringify(report, null, 2));
  else {
    out(report.verdict);
    if (report.signer) out(`Signed by ${[report.signer.name, report.signer.organisation, report.signer.email].filter(Boolean).join(', ')} at ${report.signedAt ?? 'an unrecorded time'}; certificate SHA-256 ${report.signer.fingerprint}${report.signer.selfSigned ? ' (self-signed)' : ''}`);
    for (const check of report.checks) out(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
  }
  // The report is printed either way; the exit code carries the verdict.
  if (!report.valid) throw new Refusal(values.json ? report.verdict : 'Not valid.');
}
