import { contextBridge, ipcRenderer } from 'electron';
import { desktopApi, unwrap } from '../shared/ipc/desktop-api';
import { MENU_CHANNEL, MENU_COMMANDS, type MenuCommand } from '../shared/ipc/menu-commands';

// One function per operation, built from the contract; ipcRenderer itself never reaches the page.
const api = desktopApi(
  async (channel, ...args) => unwrap(await ipcRenderer.invoke(channel, ...args)),
  (listener) => {
    const handler = (_event: unknown, command: unknown) => {
      if (MENU_COMMANDS.includes(command as MenuCommand)) listener(command as MenuCommand);
    };
    ipcRenderer.on(MENU_CHANNEL, handler);
    return () => ipcRenderer.removeListener(MENU_CHANNEL, handler);
  },
);

contextBridge.exposeInMainWorld('api', api);
