import { UnusableFileError } from '../shared/errors';
import * as fs from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { verifyBundle } from '../shared/bundle/verify-bundle';
import { sha256Hex } from '../shared/hash';
import type { CreateFileRequest, IdentitySummary, IpcHandlers, OpenFilesRequest, PickedTermsHistory } from '../shared/ipc/contract';
import { dateInFileName } from '../shared/tos/read-terms';
import { datedDocuments, folderVersions, listOtaDocuments, readOtaVersions } from '../shared/tos/terms-history';
import type { LogEngine } from '../node/log-engine';
import type { IdentityStore } from './identity-store';
import { logHandlers } from './log-handlers';
import { WarehouseRuns } from './warehouse-runs';
import { LargeFiles } from './large-files';

/** The native dialogs, injected so the test bridge can answer them from a script. */
export interface Dialogs {
  /** Paths the user picked; empty when cancelled. */
  showOpen(request: OpenFilesRequest): Promise<string[]>;
  /** The path the user chose; null when cancelled. */
  showSave(request: CreateFileRequest): Promise<string | null>;
  /** The folder the user picked; null when cancelled. */
  showOpenFolder(title: string): Promise<string | null>;
  /** The main process's own question, which the page cannot answer for the user: true only if the user chose `action`. */
  confirm(request: ConfirmRequest): Promise<boolean>;
}

export interface ConfirmRequest {
  title: string;
  message: string;
  detail: string;
  action: string;
}

/** What the user is asked before a signature: who signs, and what (read from the bytes to be signed, not from what the page says). */
export async function signingQuestion(pdf: Uint8Array, identity: IdentitySummary): Promise<ConfirmRequest> {
  let described: string;
  try {
    const doc = await PDFDocument.load(pdf, { updateMetadata: false });
    described = `“${doc.getTitle() ?? 'untitled'}”, ${doc.getPageCount()} pages`;
  } catch {
    described = 'a file that is not a readable PDF';
  }
  return {
    title: 'Sign bundle',
    message: `Sign this bundle as ${identity.name}${identity.organisation ? `, ${identity.organisation}` : ''}?`,
    detail: `${described}, ${(pdf.length / 1_048_576).toFixed(1)} MB, SHA-256 ${sha256Hex(pdf).slice(0, 16)}…\nCertificate SHA-256 ${identity.fingerprint}\nA signature says you vouch for this file as it is.`,
    action: 'Sign',
  };
}

/** What the user is asked before sealing a case archive: who seals, and the case and history the manifest names. */
export function sealingQuestion(manifest: Uint8Array, identity: IdentitySummary): ConfirmRequest {
  type Signed = { case?: { title?: unknown }; audit?: { events?: unknown; head?: unknown }; scope?: unknown; title?: unknown; events?: unknown; bundle?: { fileName?: unknown } | null; reviewer?: unknown };
  const parsed = ((): Signed | null => {
    try {
      return JSON.parse(new TextDecoder().decode(manifest)) as Signed;
    } catch {
      return null;
    }
  })();
  const who = `${identity.name}${identity.organisation ? `, ${identity.organisation}` : ''}`;
  const certificate = `Certificate SHA-256 ${identity.fingerprint}`;
  // The same signing signs an archive's manifest and a reviewer's sign-off: the question says which it is.
  if (parsed && typeof parsed.scope === 'string' && typeof parsed.reviewer === 'string') {
    const what = parsed.bundle ? `the bundle ${String(parsed.bundle.fileName)}` : `the case “${String(parsed.title)}”`;
    return { title: 'Sign off', message: `Sign off ${what} as ${who}?`, detail: `As the case stands at history event #${String(parsed.events)}, reviewer named ${parsed.reviewer}\n${certificate}\nA sign-off says you reviewed it as it is now.`, action: 'Sign off' };
  }
  const described = parsed ? `Case “${String(parsed.case?.title)}”, ${String(parsed.audit?.events)} history events, last event SHA-256 ${String(parsed.audit?.head).slice(0, 16)}…` : 'A manifest that is not readable JSON';
  return {
    title: 'Seal case archive',
    message: `Seal this case archive as ${who}?`,
    detail: `${described}\n${certificate}\nA seal says you vouch for the case as it is now, records and history.`,
    action: 'Seal',
  };
}

export interface HandlerDeps {
  dialogs: Dialogs;
  userName: string;
  platform: string;
  appVersion: string;
  identities: IdentityStore;
  logs: LogEngine;
}

/**
 * Everything the main process does for the renderer. No Electron import:
 * Electron registers these on ipcMain, the test bridge on HTTP.
 */
export function createHandlers(deps: HandlerDeps): IpcHandlers {
  // Only a folder the user picked in a dialog is read, and only for the documents listed from it.
  let history: PickedTermsHistory | null = null;
  const large = new LargeFiles();
  const warehouse = new WarehouseRuns();
  return {
    'system:info': async () => ({ userName: deps.userName, platform: deps.platform, appVersion: deps.appVersion }),

    'file:open': async (request) => {
      const paths = await deps.dialogs.showOpen(request);
      return Promise.all(
        paths.map(async (path) => ({ name: basename(path), path, bytes: new Uint8Array(await readFile(path)) })),
      );
    },


    'file:openForReading': async (request) => {
      const [path] = await deps.dialogs.showOpen({ ...request, multiple: false });
      return path ? large.openForReading(path) : null;
    },
    'file:read': (token, offset, length) => large.read(token, offset, length),
    'file:create': async (request) => {
      const path = await deps.dialogs.showSave(request);
      return path === null ? null : large.create(path);
    },
    'file:append': async (token, bytes) => {
      await large.append(token, bytes);
      return null;
    },
    'file:commit': (token) => large.commit(token),
    'file:close': async (token) => {
      await large.close(token);
      return null;
    },

    'identity:list': () => deps.identities.list(),
    'identity:create': (request) => deps.identities.create(request),
    'identity:import': async ({ passphrase }) => {
      const [path] = await deps.dialogs.showOpen({ title: 'Import signing identity', filters: [{ name: 'PKCS#12 identity', extensions: ['p12', 'pfx'] }], multiple: false });
      if (!path) return null;
      return deps.identities.import(new Uint8Array(await readFile(path)), passphrase, basename(path));
    },
    'identity:remove': async (id) => {
      await deps.identities.remove(id);
      return null;
    },
    'bundle:write': async ({ pdf, identityId, passphrase, save }) => {
      // The page asks; the user answers in a dialog of the main process, so a compromised page cannot sign with a stored identity unseen.
      const bytes = identityId ? await deps.identities.sign(identityId, pdf, passphrase, async (identity) => deps.dialogs.confirm(await signingQuestion(pdf, identity))) : pdf;
      const path = await deps.dialogs.showSave(save);
      if (path === null) return null;
      const file = await large.create(path);
      try {
        await large.append(file.token, bytes);
      } catch (error) {
        await large.close(file.token);
        throw error;
      }
      return { ...file, sha256: sha256Hex(bytes) };
    },
    'archive:seal': ({ manifest, identityId, passphrase }) => deps.identities.seal(identityId, manifest, passphrase, async (identity) => deps.dialogs.confirm(sealingQuestion(manifest, identity))),
    'bundle:verify': async ({ expectedSigner }) => {
      const [path] = await deps.dialogs.showOpen({ title: 'Verify bundle', filters: [{ name: 'PDF', extensions: ['pdf'] }, { name: 'Any file', extensions: ['*'] }], multiple: false });
      if (!path) return null;
      return verifyBundle(new Uint8Array(await readFile(path)), basename(path), { expectedSigner });
    },
    'terms:pickHistory': async (source) => {
      const folder = await deps.dialogs.showOpenFolder(source === 'ota' ? 'Open Terms Archive versions repository' : 'Folder of dated terms files');
      if (folder === null) return null;
      const documents = source === 'ota' ? await listOtaDocuments(fs, folder) : datedDocuments(await datedFiles(folder));
      if (documents.length === 0) throw new UnusableFileError(`${folder} holds no ${source === 'ota' ? 'recorded terms documents' : 'dated terms files (named like terms_2026-01-16.md)'}`);
      history = { source, folder, documents };
      return history;
    },
    ...logHandlers(deps.logs),
    'warehouse:run': async (request) => {
      const folder = await deps.dialogs.showOpenFolder('An empty folder for the query pack and its results');
      return folder === null ? null : warehouse.start(request, folder);
    },
    'warehouse:status': async (run) => warehouse.status(run),
    'warehouse:cancel': async (run) => {
      warehouse.cancel(run);
      return null;
    },
    'terms:readHistory': async (document) => {
      if (!history?.documents.includes(document)) throw new UnusableFileError(`“${document}” is not a document of the folder picked; pick the folder again`);
      if (history.source === 'ota') {
        const { versions, notes } = await readOtaVersions(fs, history.folder, document);
        return { versions: versions.map((v) => ({ name: v.file.name, bytes: v.file.bytes, effectiveDate: v.effectiveDate, ...(v.provenance && { provenance: v.provenance }) })), notes };
      }
      const folder = history.folder;
      const files = await Promise.all((await datedFiles(folder)).map(async (name) => ({ name, bytes: new Uint8Array(await readFile(join(folder, name))) })));
      return { versions: folderVersions(folder, files, document).map((v) => ({ name: v.file.name, bytes: v.file.bytes, effectiveDate: v.effectiveDate })), notes: [] };
    },
  };
}

async function datedFiles(folder: string): Promise<string[]> {
  return (await readdir(folder, { withFileTypes: true })).filter((e) => e.isFile() && dateInFileName(e.name)).map((e) => e.name);
}

/** Writes beside the target, then renames, so a failed write never leaves half a file. */
