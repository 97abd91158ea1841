import { app, ipcMain, Menu, protocol, safeStorage, session, type BrowserWindow } from 'electron';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { ipcChannels, parseIpcArgs, type Channel, type IpcHandlers } from '../shared/ipc/contract';
import { replyOf } from '../shared/ipc/desktop-api';
import { CONTENT_SECURITY_POLICY, serveRendererFile } from './app-protocol';
import { LogEngine } from '../node/log-engine';
import { installNativeSha256 } from '../node/native-hash';
import { createHandlers } from './handlers';
import { IdentityStore, osSealsSecrets } from './identity-store';
import { isTrustedSender } from './ipc-sender';
import { buildMenu } from './menu';
import { nativeDialogs } from './native-dialogs';
import { createSecureWindow, preloadPath } from './window';

// Electron glue only: everything with logic lives in handlers.ts and shared/,
// where the tests reach it.

// Logs are hashed as they are imported here: Node's own SHA-256, as the CLI uses.
installNativeSha256();

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let mainWindow: BrowserWindow | null = null;

const dialogs = nativeDialogs(() => mainWindow);

function registerIpc(handlers: IpcHandlers): void {
  for (const channel of Object.keys(ipcChannels) as Channel[]) {
    ipcMain.handle(channel, (event, ...args: unknown[]) =>
      replyOf(async () => {
        const frame = event.senderFrame;
        if (!isTrustedSender(frame && { url: frame.url, isMainFrame: frame.parent === null })) {
          throw new Error(`${channel}: refused a call from an untrusted frame`);
        }
        const parsed = parseIpcArgs(channel, args);
        return (handlers[channel] as (...a: unknown[]) => Promise<unknown>)(...parsed);
      }),
    );
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });

  void app.whenReady().then(() => {
    const rendererRoot = join(__dirname, '..', 'renderer');
    protocol.handle('app', async (request) => {
      const file = await serveRendererFile(rendererRoot, new URL(request.url).pathname);
      return new Response(file.body, {
        status: file.status,
        headers: { 'content-type': file.type, 'content-security-policy': CONTENT_SECURITY_POLICY },
      });
    });
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    session.defaultSession.setPermissionCheckHandler(() => false);

    registerIpc(
      createHandlers({
        dialogs,
        userName: userInfo().username,
        platform: process.platform,
        appVersion: app.getVersion(),
        identities: new IdentityStore(join(app.getPath('userData'), 'identities'), {
          isAvailable: () => osSealsSecrets(process.platform, safeStorage.isEncryptionAvailable(), process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : ''),
          encrypt: (text) => safeStorage.encryptString(text),
          decrypt: (bytes) => safeStorage.decryptString(Buffer.from(bytes)),
        }),
        logs: new LogEngine(join(app.getPath('userData'), 'logs')),
      }),
    );
    Menu.setApplicationMenu(buildMenu(() => mainWindow));
    mainWindow = createSecureWindow(preloadPath());
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });

  app.on('window-all-closed', () => app.quit());
}
