import { basename } from 'node:path';
import { existsSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { BundleError, planBundle, rowKey, shownRows, type BundleCase, type BundlePlan } from '../../shared/bundle/bundle-plan';
import { applyBundle, bundleRecord } from '../../shared/bundle/bundle-record';
import { writeBundle } from '../../shared/bundle/write-bundle';
import { readBundleFonts } from '../../node/bundle-fonts';
import { FileExistsError, placeFile, writeTemporary } from '../../node/durable-files';
import { IdentityError, identitySigner, signPdf } from '../../node/signing';
import { cliActor } from '../actor';
import { joinBytes } from '../../shared/bytes';
import type { LogEntry } from '../../shared/model/records';
import { UsageError, readBytes, saveCaseFile, withCaseFile, type CaseFile } from '../case-file';
import { Refusal } from '../../shared/errors';
import { passphraseFromEnvironment } from './identity';

export const BUNDLE_USAGE = 'bundle <case-file> --out <file.pdf> [--p12 <file.p12>] [--claims <id,id,...>] [--actor <name>]   (passphrase from EVIDENCE_P12_PASSPHRASE)';

export async function bundleCommand(args: string[], out: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, p12: { type: 'string' }, claims: { type: 'string' }, actor: { type: 'string' } } });
  const [path, ...extra] = positionals;
  if (!path || extra.length || !values.out) throw new UsageError(`usage: ${BUNDLE_USAGE}`);
  const passphrase = values.p12 ? passphraseFromEnvironment() : '';
  const p12 = values.p12 ? await readBytes(values.p12) : null;
  const actor = cliActor(values.actor);
  await withCaseFile(path, async (file) => {
    const identity = p12 ? identitySigner(p12, passphrase, basename(values.p12!)) : null;
    const signer = identity?.info ?? null;
    const { logEntries: _none, ...rest } = file.data;
    const plan = planBundle({ ...rest, rows: new Map() }, values.claims?.split(',').map((s) => s.trim()).filter(Boolean));
    const bundleCase = await shownParts(file, { ...rest, rows: new Map() }, plan);
    const now = new Date();
    const written = await writeBundle(bundleCase, plan, { fonts: await readBundleFonts(), preparer: actor, signer, now });
    const bytes = identity ? await signPdf(written.bytes, identity, now) : written.bytes;
    if (existsSync(values.out!)) throw new Refusal(`${values.out} already exists; choose another file name`);
    // The bundle is written whole first, the case then records its export, and only then is the file put in place: a crash leaves at worst a recorded export whose file was not placed, never a bundle the case does not know of.
    const temporary = await writeTemporary(values.out!, bytes);
    try {
      applyBundle(file.data, bundleRecord({ caseId: file.data.case.id, fileName: basename(values.out!), bytes, manifest: written.manifest, signer: signer?.name ?? null, actor, now }), now);
      await saveCaseFile(file);
      await placeFile(temporary, values.out!, { replace: false });
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      if (error instanceof FileExistsError) throw new Refusal(`${values.out} was created by someone else while the bundle was being recorded; the export is in the case’s history but the file was not written`);
      throw error;
    }
    out(`Wrote ${values.out}: ${written.pages} pages (${written.manifest.bates.first} to ${written.manifest.bates.last}), ${plan.exhibits.length} exhibits, ${plan.originals.length} originals attached, ${signer ? `signed by ${signer.name}` : 'UNSIGNED'}.`);
    out(`Recorded in ${basename(path)} as bundle.exported.`);
  }).catch((error: unknown) => {
    if (error instanceof BundleError || error instanceof IdentityError) throw new Refusal(error.message);
    throw error;
  });
}

/** Adds what the planned bundle shows, read from the archive: its log rows (one pass over the logs) and the originals it attaches. */
async function shownParts(file: CaseFile, data: BundleCase, plan: BundlePlan): Promise<BundleCase> {
  const wanted = new Set(shownRows(data, plan).map((r) => rowKey(r.sourceId, r.line)));
  const rows = new Map<string, LogEntry>();
  if (wanted.size) {
    for await (const batch of file.logBatches()) {
      for (const row of batch) if (wanted.has(rowKey(row.sourceId, row.line))) rows.set(rowKey(row.sourceId, row.line), row);
    }
  }
  const originals = new Map<string, Uint8Array>();
  for (const source of plan.originals) {
    const parts: Uint8Array[] = [];
    for await (const chunk of file.archive.original(source.id)) parts.push(chunk);
    originals.set(source.id, joinBytes(parts));
  }
  return { ...data, rows, originals };
}
