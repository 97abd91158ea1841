import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { createIdentity } from '../../node/signing';
import { UsageError } from '../case-file';
import { IdentityError, Refusal } from '../../shared/errors';

export const IDENTITY_USAGE = 'identity new --name <text> [--org <text>] [--email <text>] --out <file.p12>   (passphrase from EVIDENCE_P12_PASSPHRASE)';
export const PASSPHRASE_VARIABLE = 'EVIDENCE_P12_PASSPHRASE';

/** The passphrase of a .p12, from the environment so it never shows in the shell history or the process list. */
export function passphraseFromEnvironment(): string {
  const passphrase = process.env[PASSPHRASE_VARIABLE];
  if (!passphrase) throw new UsageError(`Set ${PASSPHRASE_VARIABLE} to the passphrase of the identity file`);
  return passphrase;
}

export async function identityCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { name: { type: 'string' }, org: { type: 'string' }, email: { type: 'string' }, out: { type: 'string' } } });
  if (positionals[0] !== 'new' || positionals.length !== 1 || !values.name || !values.out) throw new UsageError(`usage: ${IDENTITY_USAGE}`);
  const passphrase = passphraseFromEnvironment();
  try {
    const { p12, info } = createIdentity({ name: values.name, organisation: values.org, email: values.email }, passphrase);
    // Owner only: the file holds the private key, protected by nothing but its passphrase.
    await writeFile(values.out, p12, { flag: 'wx', mode: 0o600 });
    out(`Created a self-signed signing identity for ${[info.name, info.organisation, info.email].filter(Boolean).join(', ')} in ${values.out}`);
    out(`Certificate SHA-256 fingerprint ${info.fingerprint}, valid to ${info.validTo.slice(0, 10)}`);
  } catch (error) {
    if (error instanceof IdentityError) throw new Refusal(error.message);
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Refusal(`${values.out} already exists; choose another file name`);
    throw error;
  }
}
