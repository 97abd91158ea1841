import { actionLabel } from '../../shared/audit/audit-actions';
import { basename } from 'node:path';
import { existsSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { planBundle, rowKey, shownRows, type BundleCase, type BundlePlan } from '../../shared/bundle/bundle-plan';
import { applyChange } from '../../shared/model/case-change';
import { exportBundle } from '../../shared/bundle/export-bundle';
import { sha256Hex } from '../../shared/hash';
import { writeBundle } from '../../shared/bundle/write-bundle';
import { readBundleFonts } from '../../node/bundle-fonts';
import { placeFile, writeTemporary } from '../../node/durable-files';
import { identitySigner, signPdf } from '../../node/signing';
import { cliActor } from '../actor';
import { joinBytes } from '../../shared/bytes';
import type { LogEntry } from '../../shared/model/records';
import { UsageError, readBytes, saveCaseFile, withCaseFile, type CaseFile } from '../case-file';
import { FileExistsError, Refusal } from '../../shared/errors';
import { passphraseFromEnvironment } from './identity';

export const BUNDLE_USAGE = 'bundle <case-file> --out <file.pdf> [--p12 <file.p12>] [--claims <id,id,...>] [--actor <name>]   (passphrase from EVIDENCE_P12_PASSPHRASE)';

export async function bundleCommand(args: string[], print: (line: string) => void): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { out: { type: 'string' }, p12: { type: 'string' }, claims: { type: 'string' }, actor: { type: 'string' } } });
  const [path, ...extra] = positionals;
  if (!path || extra.length || !values.out) throw new UsageError(`usage: ${BUNDLE_USAGE}`);
  const passphrase = values.p12 ? passphraseFromEnvironment() : '';
  const p12 = values.p12 ? await readBytes(values.p12) : null;
  const actor = cliActor(values.actor);
  const out = values.out;
  await withCaseFile(path, async (file) => {
    const identity = p12 ? identitySigner(p12, passphrase, basename(values.p12!)) : null;
    const signer = identity?.info ?? null;
    const { logEntries: _none, ...rest } = file.data;
    const data: BundleCase = { ...rest, rows: new Map(), originals: new Map() };
    const plan = planBundle(data, values.claims?.split(',').map((s) => s.trim()).filter(Boolean));
    const now = new Date();
    const fonts = await readBundleFonts();
    let temporary: string | null = null;
    const exported = await exportBundle(data, plan, { preparer: actor, signer, now }, {
      build: async (planned, job) => writeBundle(await shownParts(file, data, planned), planned, { fonts, preparer: actor, signer, now, ...job }),
      write: async (pdf) => {
        const bytes = identity ? await signPdf(pdf, identity, now) : pdf;
        if (existsSync(out)) throw new Refusal(`${out} already exists; choose another file name`);
        temporary = await writeTemporary(out, bytes);
        return { fileName: basename(out), sha256: sha256Hex(bytes) };
      },
      record: async (change) => {
        applyChange(file.data, change, now);
        await saveCaseFile(file);
      },
      place: async () => {
        try {
          await placeFile(temporary!, out, { replace: false });
        } catch (error) {
          if (error instanceof FileExistsError) throw new Refusal(`${out} was created by someone else while the bundle was being recorded; the export is in the case’s history but the file was not written`);
          throw error;
        }
        return out;
      },
      discard: () => unlink(temporary!).catch(() => undefined),
    });
    print(`Wrote ${exported.path}: ${exported.pages} pages (${exported.manifest.bates.first} to ${exported.manifest.bates.last}), ${plan.exhibits.length} exhibits, ${plan.originals.length} originals attached, ${signer ? `signed by ${signer.name}` : 'UNSIGNED'}.`);
    print(`Recorded in the history of ${basename(path)}: ${actionLabel('bundle.exported')}.`);
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
