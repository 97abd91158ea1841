import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { identitySigner, manifestSealer } from '../../node/signing';
import { describeSeal } from '../../shared/archive/archive-seal';
import { UsageError, readBytes, saveCaseFile, withCaseFile } from '../case-file';
import { passphraseFromEnvironment } from './identity';

export const SEAL_USAGE = 'seal <case-file> --p12 <identity.p12>   (passphrase from EVIDENCE_P12_PASSPHRASE)';

/** Seals a case archive with a signing identity; any later change to the case leaves it unsealed until it is sealed again. */
export async function sealCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { p12: { type: 'string' } } });
  const [path, ...extra] = positionals;
  if (!path || extra.length || !values.p12) throw new UsageError(`usage: ${SEAL_USAGE}`);
  const passphrase = passphraseFromEnvironment();
  const signer = identitySigner(await readBytes(values.p12), passphrase, basename(values.p12));
  await withCaseFile(path, (file) => saveCaseFile(file, { seal: manifestSealer(signer) }));
  const seal = await withCaseFile(path, async (file) => file.archive.seal);
  out(`${basename(path)}: ${describeSeal(seal)}`);
}
