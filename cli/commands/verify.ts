import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { normaliseFingerprint } from '../../shared/bundle/fingerprint';
import { verifyBundle } from '../../shared/bundle/verify-bundle';
import { UsageError, readBytes, withCaseFile } from '../case-file';
import { Refusal } from '../../shared/errors';
import { formatInstant } from '../../shared/time-format';

export const VERIFY_USAGE = 'verify <file.pdf> [--signer <certificate SHA-256 fingerprint>] [--case <case-file>] [--json]   (exit 0 valid, 1 not valid)';

export async function verifyCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' }, signer: { type: 'string' }, case: { type: 'string' } } });
  const [path, ...extra] = positionals;
  if (!path || extra.length) throw new UsageError(`usage: ${VERIFY_USAGE}`);
  const expectedSigner = values.signer === undefined ? null : normaliseFingerprint(values.signer);
  if (values.signer !== undefined && !expectedSigner) throw new UsageError(`--signer: “${values.signer}” is not a SHA-256 fingerprint (64 hex digits, with or without colons)`);
  // With --case, the bundle is also checked against the case's history as it is now: a rewrite since the bundle was served shows.
  const history = values.case === undefined ? undefined : await withCaseFile(values.case, async (file) => file.data.audit);
  const report = await verifyBundle(await readBytes(path), basename(path), { expectedSigner, history });
  if (values.json) out(JSON.stringify(report, null, 2));
  else {
    out(report.verdict);
    for (const [i, s] of report.signatures.entries()) {
      if (!s.signer) continue;
      const label = report.signatures.length === 1 ? 'Signed' : `Signature ${i + 1} of ${report.signatures.length}: signed`;
      out(`${label} by ${[s.signer.name, s.signer.organisation, s.signer.email].filter(Boolean).join(', ')} at ${s.signedAt ? formatInstant(s.signedAt) : 'an unrecorded time'} (${s.algorithm ?? 'unknown algorithm'}); certificate SHA-256 ${s.signer.fingerprint}`);
    }
    for (const check of report.checks) out(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
  }
  // The report is printed either way; the exit code carries the verdict.
  if (!report.valid) throw new Refusal(values.json ? report.verdict : 'Not valid.');
}
