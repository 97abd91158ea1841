import { app, BrowserWindow, shell } from 'electron';
import { externalLinkQuestion } from './external-links';
import { confirmInMain } from './native-dialogs';
import { join } from 'node:path';
import { APP_ORIGIN, isAppUrl } from './ipc-sender';

/**
 * The one place windows are made, locked down: no Node in the page, the
 * renderer sandboxed and isolated from the preload, no pop-ups, no
 * navigation away from the app.
 */
export function createSecureWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    title: 'Evidence Desk',
    show: false,
    backgroundColor: '#f6f5f2',
    webPreferences: {
      // The preload exposes only the typed API of shared/ipc/contract.ts through contextBridge; the main process validates every call (Electronegativity reads the next line's comment).
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click would otherwise open links past the window-open handler (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      // DevTools would let anyone with the laptop read and change a case's store.
      devTools: !app.isPackaged,
    },
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    // Links to the web (a licence, a statute) open in the user's browser, never in the app: only https, and only once the main process has shown the whole address and the user chose to open it.
    const question = externalLinkQuestion(url);
    if (question) void confirmInMain(window, question).then((open) => (open ? shell.openExternal(question.detail) : undefined)); // eng-disable OPEN_EXTERNAL_JS_CHECK
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

export const preloadPath = (): string => join(__dirname, 'preload.cjs');
