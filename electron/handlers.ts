import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { verifyBundle } from '../shared/bundle/verify-bundle';
import type { IpcHandlers, OpenFilesRequest, SaveFileRequest } from '../shared/ipc/contract';
import type { IdentityStore } from './identity-store';

/** The native dialogs, injected so the test bridge can answer them from a script. */
export interface Dialogs {
  /** Paths the user picked; empty when cancelled. */
  showOpen(request: OpenFilesRequest): Promise<string[]>;
  /** The path the user chose; null when cancelled. */
  showSave(request: Omit<SaveFileRequest, 'bytes'>): Promise<string | null>;
}

export interface HandlerDeps {
  dialogs: Dialogs;
  userName: string;
  platform: string;
  appVersion: string;
  identities: IdentityStore;
}

/**
 * Everything the main process does for the renderer. No Electron import:
 * Electron registers these on ipcMain, the test bridge on HTTP.
 */
export function createHandlers(deps: HandlerDeps): IpcHandlers {
  return {
    'system:info': async () => ({ userName: deps.userName, platform: deps.platform, appVersion: deps.appVersion }),

    'file:open': async (request) => {
      const paths = await deps.dialogs.showOpen(request);
      return Promise.all(
        paths.map(async (path) => ({ name: basename(path), path, bytes: new Uint8Array(await readFile(path)) })),
      );
    },

    'file:save': async ({ bytes, ...request }) => {
      const path = await deps.dialogs.showSave(request);
      if (path === null) return null;
      await writeFileAtomically(path, bytes);
      return { name: basename(path), path };
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
    'bundle:sign': ({ pdf, identityId, passphrase }) => deps.identities.sign(identityId, pdf, passphrase),
    'bundle:verify': async () => {
      const [path] = await deps.dialogs.showOpen({ title: 'Verify bundle', filters: [{ name: 'PDF', extensions: ['pdf'] }, { name: 'Any file', extensions: ['*'] }], multiple: false });
      if (!path) return null;
      return verifyBundle(new Uint8Array(await readFile(path)), basename(path));
    },
  };
}

/** Writes beside the target, then renames, so a failed write never leaves half a file. */
async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  await writeFile(temporary, bytes);
  await rename(temporary, path);
}
