import type { DesktopApi } from '../shared/ipc/desktop-api';
import type { CreateFileRequest, SavedFile } from '../shared/ipc/contract';

/** The desktop side: dialogs and files, through the preload. */
export const api: DesktopApi = window.api;

/** Bytes written to a file the user names; null when they cancel the dialog. */
export async function saveBytes(request: CreateFileRequest, bytes: Uint8Array): Promise<SavedFile | null> {
  const file = await api.createFile(request);
  if (!file) return null;
  try {
    await api.appendToFile(file.token, bytes);
    return await api.commitFile(file.token);
  } finally {
    await api.closeFile(file.token);
  }
}
