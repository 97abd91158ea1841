import { dialog, type BrowserWindow } from 'electron';
import type { ConfirmRequest, Dialogs } from './handlers';

/** Asks in the main process's own message box, which the page can neither draw nor answer; Cancel is the default. */
export async function confirmInMain(window: BrowserWindow | null, request: ConfirmRequest): Promise<boolean> {
  const options = { type: 'question' as const, title: request.title, message: request.message, detail: request.detail, buttons: [request.action, 'Cancel'], defaultId: 1, cancelId: 1, noLink: true };
  const { response } = window ? await dialog.showMessageBox(window, options) : await dialog.showMessageBox(options);
  return response === 0;
}

/** The native dialogs, over the main window. */
export function nativeDialogs(getWindow: () => BrowserWindow | null): Dialogs {
  return {
    async showOpen(request) {
      const result = await dialog.showOpenDialog(getWindow()!, {
        title: request.title,
        filters: request.filters,
        properties: request.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      });
      return result.canceled ? [] : result.filePaths;
    },
    async showOpenFolder(title) {
      const result = await dialog.showOpenDialog(getWindow()!, { title, properties: ['openDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async showSave(request) {
      const result = await dialog.showSaveDialog(getWindow()!, {
        title: request.title,
        defaultPath: request.suggestedName,
        filters: request.filters,
      });
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    confirm: (request) => confirmInMain(getWindow(), request),
  };
}
