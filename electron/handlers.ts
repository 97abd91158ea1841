import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { IpcHandlers, OpenFilesRequest, SaveFileRequest } from '../shared/ipc/contract';

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
  };
}

/** Writes beside the target, then renames, so a failed write never leaves half a file. */
async function writeFileAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  await writeFile(temporary, bytes);
  await rename(temporary, path);
}
